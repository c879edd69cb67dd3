// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/origins.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "analysis_fixture.hpp"
#include "catch.hpp"

using fixture::build;
using fixture::ids;
using namespace sourcetrace;

namespace {
template <class G>
std::string origins_of(const G& g, const origin_map& m, const char* id) {
  return ids(g, m.of(g.statement_id(id)));
}
}  // namespace

TEST_CASE("origins of a chain are its last statement") {
  auto g = build({{"a", "b"}, {"b", "c"}});
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "c");
  CHECK(origins_of(g, m, "b") == "c");
  CHECK(origins_of(g, m, "c") == "c");
  CHECK(m.is_origin(g.statement_id("c")));
  CHECK_FALSE(m.is_origin(g.statement_id("a")));
  CHECK_FALSE(m.on_cycle(g.statement_id("a")));
  CHECK(m.distinct_sets() == 2);  // the empty set and {c}, shared by all three
}

TEST_CASE("fan-in: two reports of one origin are not independent") {
  auto g = build({{"a", "c"}, {"b", "c"}});
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "c");
  CHECK(origins_of(g, m, "b") == "c");
  CHECK_FALSE(independent(m, g.statement_id("a"), g.statement_id("b")));
}

TEST_CASE("fan-out: a report resting on two origins has both, and the origins are independent") {
  auto g = build({{"a", "b"}, {"a", "c"}});
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "bc");
  CHECK(independent(m, g.statement_id("b"), g.statement_id("c")));
  CHECK_FALSE(independent(m, g.statement_id("a"), g.statement_id("b")));
  CHECK_FALSE(independent(m, g.statement_id("a"), g.statement_id("a")));
}

TEST_CASE("diamond: both branches rest on the one origin") {
  auto g = build({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}});
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "d");
  CHECK(origins_of(g, m, "b") == "d");
  CHECK_FALSE(independent(m, g.statement_id("b"), g.statement_id("c")));
  CHECK(m.set_id(g.statement_id("a")) == m.set_id(g.statement_id("c")));
}

TEST_CASE("a cycle with a way out rests on what lies beyond it") {
  // a -> b -> c -> b, and c -> d
  auto g = build({{"a", "b"}, {"b", "c"}, {"c", "b"}, {"c", "d"}});
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "d");
  CHECK(origins_of(g, m, "b") == "d");
  CHECK(origins_of(g, m, "c") == "d");
  CHECK(m.on_cycle(g.statement_id("b")));
  CHECK(m.on_cycle(g.statement_id("c")));
  CHECK_FALSE(m.on_cycle(g.statement_id("a")));
  CHECK_FALSE(m.is_origin(g.statement_id("b")));
}

TEST_CASE("a closed cycle rests on no origin, and what cites it neither") {
  // a <-> b, and x -> a, y independent
  auto g = build({{"a", "b"}, {"b", "a"}, {"x", "a"}}, "y");
  auto m = origins(g);
  CHECK(m.of(g.statement_id("a")).empty());
  CHECK(m.of(g.statement_id("b")).empty());
  CHECK(m.of(g.statement_id("x")).empty());
  CHECK(origins_of(g, m, "y") == "y");
  CHECK_FALSE(independent(m, g.statement_id("x"), g.statement_id("y")));
  CHECK_FALSE(independent(m, g.statement_id("a"), g.statement_id("b")));
  CHECK(m.set_id(g.statement_id("x")) == 0);
}

TEST_CASE("a root whose agent only relays is an unsourced origin") {
  // a cites the outlet o, which names no source; p is a person's first-hand root.
  auto g = build({{"a", "o"}, {"a", "p"}}, "", "o");
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "op");
  CHECK(m.is_origin(g.statement_id("o")));
  CHECK(m.is_unsourced(g.statement_id("o")));
  CHECK(m.is_origin(g.statement_id("p")));
  CHECK_FALSE(m.is_unsourced(g.statement_id("p")));
}

TEST_CASE("equal origin sets reached along different routes are stored once") {
  // a -> {b, c}; e -> {c, b} through f; both unions are {b, c}.
  auto g = build({{"a", "b"}, {"a", "c"}, {"e", "f"}, {"e", "c"}, {"f", "b"}});
  auto m = origins(g);
  CHECK(origins_of(g, m, "a") == "bc");
  CHECK(origins_of(g, m, "e") == "bc");
  CHECK(m.set_id(g.statement_id("a")) == m.set_id(g.statement_id("e")));
  CHECK(m.distinct_sets() == 4);  // {}, {b}, {c}, {b, c}
}

TEST_CASE("a chain of 300,000 statements is traced without recursion") {
  provenance_graph g;
  g.add_claim("c", "a claim");
  g.add_agent("p", "P", person{});
  const int n = 300000;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
  for (int i = 0; i < n; ++i) g.add_statement("s" + std::to_string(i), "p", "c");
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  for (int i = 0; i + 1 < n; ++i) g.add_derivation(static_cast<std::size_t>(i), static_cast<std::size_t>(i) + 1);
  auto m = origins(g);
  REQUIRE(m.of(0).size() == 1);
  CHECK(m.of(0)[0] == n - 1);
  CHECK(m.distinct_sets() == 2);
}

TEST_CASE("origin sets run on any Boost.Graph, a compressed sparse row graph among them") {
  // a -> b -> c, d -> c: origins {c} for all; e alone.
  using csr = boost::compressed_sparse_row_graph<boost::directedS>;
  std::vector<std::pair<std::size_t, std::size_t>> edges{{0, 1}, {1, 2}, {3, 2}};
  csr g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), 5);
  auto sets = detail::compute_origin_sets(g);
  for (std::size_t v : {0, 1, 2, 3}) {
    REQUIRE(sets.of(v).size() == 1);
    CHECK(sets.of(v)[0] == 2);
  }
  CHECK(sets.of(4).size() == 1);
  CHECK(sets.of(4)[0] == 4);
}
