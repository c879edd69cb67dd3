// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/cycles.hpp>

#include "analysis_fixture.hpp"
#include "catch.hpp"

using fixture::build;
using fixture::ids;
using namespace sourcetrace;

namespace {
template <class G>
std::vector<std::string> cycle_ids(const G& g) {
  std::vector<std::string> out;
  for (const auto& c : cycles(g)) out.push_back(ids(g, c));
  return out;
}
using strings = std::vector<std::string>;
}  // namespace

TEST_CASE("a graph without loops has no cycles") {
  CHECK(cycle_ids(build({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}})).empty());
  CHECK(cycles(provenance_graph{}).empty());
}

TEST_CASE("two statements citing each other are one cycle") {
  CHECK(cycle_ids(build({{"a", "b"}, {"b", "a"}, {"x", "a"}})) == strings{"ab"});
}

TEST_CASE("separate loops are reported separately, each with all its statements") {
  // a -> b -> c -> a (three long), and d <-> e, joined by c -> d
  auto g = build({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "d"}});
  CHECK(cycle_ids(g) == strings{"abc", "de"});
}

TEST_CASE("a later report that becomes the source of an earlier one closes a cycle") {
  // The earlier article e cites the agency n; the agency's later statement l
  // cites e; e is then said to rest on l.
  auto g = build({{"e", "n"}, {"l", "e"}, {"n", "l"}});
  CHECK(cycle_ids(g) == strings{"enl"});
}
