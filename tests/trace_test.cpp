// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/trace.hpp>

#include "analysis_fixture.hpp"
#include "catch.hpp"

using fixture::build;
using namespace sourcetrace;

namespace {
// Writes a path as "a>b>c", ending in "|cycle" when it closes a loop.
template <class G>
std::string show(const G& g, std::size_t start, const attribution_path& p) {
  std::string out(g.id(start));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
  for (const hop& h : p.hops) out += ">" + std::string(g.id(h.to));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  if (p.end == path_end::loop) out += "|cycle";
  if (p.end == path_end::cycle) out += "|stop";
  return out;
}
template <class G>
std::vector<std::string> paths(const G& g, const char* id, trace_options o = {}) {
  auto v = g.statement_id(id);
  std::vector<std::string> out;
  for (const auto& p : trace(g, v, o).paths) out.push_back(show(g, v, p));
  return out;
}
using strings = std::vector<std::string>;
}  // namespace

TEST_CASE("trace follows a chain hop by hop, with the kind of each hop") {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("p", "P", person{});
  g.add_statement("a", "p", "claim");
  g.add_statement("b", "p", "claim");
  g.add_statement("c", "p", "claim");
  g.add_derivation("a", "b", derivation_kind::quotes);
  g.add_derivation("b", "c", derivation_kind::paraphrases);
  auto t = trace(g, g.statement_id("a"));
  REQUIRE(t.paths.size() == 1);
  CHECK_FALSE(t.truncated);
  auto a = static_cast<std::uint32_t>(g.statement_id("a"));
  auto b = static_cast<std::uint32_t>(g.statement_id("b"));
  auto c = static_cast<std::uint32_t>(g.statement_id("c"));
  CHECK(t.paths[0].hops == std::vector<hop>{{a, b, derivation_kind::quotes}, {b, c, derivation_kind::paraphrases}});
  CHECK(t.paths[0].end == path_end::origin);
  CHECK(t.paths[0].last(a) == c);
}

TEST_CASE("an origin traces to itself with no hops") {
  auto g = build({{"a", "b"}});
  CHECK(paths(g, "b") == strings{"b"});
}

TEST_CASE("a diamond gives two paths, in the order the derivations were added") {
  auto g = build({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}});
  CHECK(paths(g, "a") == strings{"a>b>d", "a>c>d"});
}

TEST_CASE("fan-out gives one path per origin") {
  auto g = build({{"a", "b"}, {"a", "c"}, {"c", "e"}});
  CHECK(paths(g, "a") == strings{"a>b", "a>c>e"});
}

TEST_CASE("a cycle ends the path that would loop, and the trace still finds the way out") {
  auto g = build({{"a", "b"}, {"b", "a"}, {"b", "c"}});
  CHECK(paths(g, "a") == strings{"a>b>a|cycle", "a>b>c"});
  CHECK(paths(g, "b") == strings{"b>a>b|cycle", "b>c"});
}

TEST_CASE("with stop_at_cycles a path ends where it reaches a cycle, and a statement on one has one empty path") {
  // x -> a <-> b -> c: the cycle a, b has a way out to c.
  auto g = build({{"x", "a"}, {"a", "b"}, {"b", "a"}, {"b", "c"}});
  auto m = origins(g);
  trace_options o{.stop_at_cycles = &m};
  CHECK(paths(g, "x", o) == strings{"x>a|stop"});
  CHECK(paths(g, "a", o) == strings{"a|stop"});
  CHECK(paths(g, "b", o) == strings{"b|stop"});
  CHECK(paths(g, "c", o) == strings{"c"});
  CHECK(to_string(path_end::cycle) == "cycle");
  // The map of another graph is refused, not read out of bounds.
  auto other = origins(build({{"a", "b"}}));
  CHECK_THROWS_AS(trace(g, g.statement_id("x"), {.stop_at_cycles = &other}), error);
}

TEST_CASE("with stop_at_cycles tracing every statement of a long cycle stores one hop at most per statement") {
  // A cycle of 5,000 statements: walked from each, it would store 25 million hops.
  provenance_graph g;
  g.add_agent("paper", "A paper", outlet{});
  g.add_claim("c", "claim");
  for (int i = 0; i < 5000; ++i) g.add_statement(std::string(1, 's').append(std::to_string(i)), "paper", "c");
  for (statement_handle i = 0; i < 5000; ++i) g.add_derivation(i, (i + 1) % 5000);
  g.add_statement("reader", "paper", "c");
  g.add_derivation("reader", "s0");
  auto m = origins(g);
  std::size_t hops = 0;
  for (statement_handle v = 0; v < g.statement_count(); ++v) {
    for (const auto& p : trace(g, v, {.stop_at_cycles = &m}).paths) hops += p.hops.size();
  }
  CHECK(hops == 1);  // the reader's one hop onto the cycle
}

TEST_CASE("chained diamonds stop at max_paths and say so") {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("p", "P", person{});
  // 12 diamonds in a row: 2^12 = 4096 paths.
  g.add_statement("n0", "p", "claim");
  for (int i = 0; i < 12; ++i) {
    auto prev = "n" + std::to_string(i);
    auto next = "n" + std::to_string(i + 1);
    g.add_statement(next, "p", "claim");
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
    g.add_statement("l" + std::to_string(i), "p", "claim");
    g.add_statement("r" + std::to_string(i), "p", "claim");
    g.add_derivation(prev, "l" + std::to_string(i));
    g.add_derivation(prev, "r" + std::to_string(i));
    g.add_derivation("l" + std::to_string(i), next);
    g.add_derivation("r" + std::to_string(i), next);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  }
  auto all = trace(g, g.statement_id("n0"));
  CHECK(all.paths.size() == 4096);
  CHECK_FALSE(all.truncated);
  auto some = trace(g, g.statement_id("n0"), {.max_paths = 100});
  CHECK(some.paths.size() == 100);
  CHECK(some.truncated);
  // Each path has 24 hops: a budget of 100 hops holds 4 paths.
  auto budget = trace(g, g.statement_id("n0"), {.max_hops = 100});
  CHECK(budget.paths.size() == 4);
  CHECK(budget.truncated);
  auto exact = trace(g, g.statement_id("n0"), {.max_paths = 4096});
  CHECK(exact.paths.size() == 4096);
  CHECK_FALSE(exact.truncated);
}

TEST_CASE("a chain of 200,000 hops is traced without recursion") {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("p", "P", person{});
  const std::size_t n = 200000;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
  for (std::size_t i = 0; i < n; ++i) g.add_statement("s" + std::to_string(i), "p", "claim");
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  for (std::size_t i = 0; i + 1 < n; ++i) g.add_derivation(i, i + 1);
  auto t = trace(g, 0);
  REQUIRE(t.paths.size() == 1);
  CHECK(t.paths[0].hops.size() == n - 1);
  CHECK(t.paths[0].last(0) == n - 1);
}

TEST_CASE("tracing a statement that is not in the graph throws") {
  auto g = build({{"a", "b"}});
  CHECK_THROWS_MATCHES(trace(g, 7), error, Catch::Matchers::Message("statement 7 is not of this graph"));
}
