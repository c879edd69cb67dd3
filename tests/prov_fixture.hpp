// SPDX-License-Identifier: BSL-1.0
#pragma once

// Helpers shared by the PROV tests (prov_test, prov_json_test, prov_n_test).

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/io/prov.hpp>

#include "catch.hpp"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace prov_fixture {

// Statement id → its origins' ids, sorted: what must survive every round trip.
template <class G>
std::map<std::string, std::vector<std::string>> origins_by_id(const G& g) {
  auto m = sourcetrace::origins(g);
  std::map<std::string, std::vector<std::string>> out;
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    auto& ids = out[std::string(g.id(v))];
    for (auto o : m.of(v)) ids.emplace_back(g.id(o));
    std::sort(ids.begin(), ids.end());
  }
  return out;
}

// Returns the text of tests/data/prov/NAME.
inline std::string slurp(const std::string& name) {
  std::ifstream in(std::string(SOURCETRACE_TEST_DATA_DIR) + "/prov/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Returns the nth record of type `t` with id `id` in `c`, or nullptr.
inline const sourcetrace::prov_record* find_record(const sourcetrace::prov_container& c,
                                                   sourcetrace::prov_record_type t, std::string_view id,
                                                   std::size_t nth = 0) {
  for (const auto& r : c.records) {
    if (r.type == t && r.id == id && nth-- == 0) return &r;
  }
  return nullptr;
}

// Returns the text of every value of attribute `name` of `r`, in order.
inline std::vector<std::string> texts(const sourcetrace::prov_record& r, std::string_view name) {
  std::vector<std::string> out;
  for (const auto* v : r.values(name)) out.push_back(v->text);
  return out;
}

}  // namespace prov_fixture
