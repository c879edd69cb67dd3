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
  // The cycles origins(g) found on the way are the same, in the same order.
  CHECK(cycles(origins(g)) == cycles(g));
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

TEST_CASE("a cycle's derivations: those inside it, those that leave it, and its name") {
  auto g = build({{"x", "b"}, {"b", "a"}, {"a", "b"}, {"a", "c"}});
  auto loops = cycles(g);
  REQUIRE(loops.size() == 1);
  auto d = derivations_of(g, loops[0]);
  auto show = [&](const std::vector<hop>& hs) {
    std::string out;
    for (const hop& h : hs) out += std::string(g.id(h.from)) + ">" + std::string(g.id(h.to)) + " ";
    return out;
  };
  // By id, though the fixture numbers b before a.
  CHECK(show(d.inside) == "a>b b>a ");
  CHECK(show(d.leaving) == "a>c ");
  CHECK(cycle_name(g, loops[0]) == "a");  // the smallest id, whatever the vertex order
}
