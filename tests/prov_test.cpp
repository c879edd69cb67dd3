// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sourcetrace/analysis/origins.hpp>

#include "data/seed_story.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace sourcetrace;
using namespace prov_fixture;

// The umbrella: a graph through to_prov and back through import_prov.

TEST_CASE("the seed story round-trips through the PROV model") {
  auto g = seed::story();
  auto result = import_prov(to_prov(g));
  CHECK(result.issues.empty());
  const auto& h = result.graph;
  REQUIRE(h.agent_count() == g.agent_count());
  for (std::uint32_t i = 0; i < g.agent_count(); ++i) {
    agent_handle a{i};
    auto b = h.agent_id(g[a].id);
    CHECK(h[b].name == g[a].name);
    CHECK(h.kind_name(b) == g.kind_name(a));
    CHECK(h[b].kind == g[a].kind);
  }
  REQUIRE(h.event_count() == g.event_count());
  for (std::uint32_t i = 0; i < g.event_count(); ++i) {
    const auto& e = g[event_handle{i}];
    const auto& f = h[h.event_id(e.id)];
    CHECK(f.kind == e.kind);
    CHECK(f.date == e.date);
    CHECK(f.info == e.info);
    CHECK(f.host.valid() == e.host.valid());
    if (e.host.valid()) CHECK(h[f.host].id == g[e.host].id);
  }
  REQUIRE(h.claim_count() == g.claim_count());
  for (std::uint32_t i = 0; i < g.claim_count(); ++i) {
    const auto& c = g[claim_handle{i}];
    const auto& k = h[h.claim_id(c.id)];
    CHECK(k.text == c.text);
    CHECK(k.details == c.details);
  }
  REQUIRE(h.statement_count() == g.statement_count());
  REQUIRE(h.derivation_count() == g.derivation_count());
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    auto w = h.statement_id(g.id(v));
    CHECK(h[h[w].agent].id == g[g[v].agent].id);
    CHECK(h[h[w].claim].id == g[g[v].claim].id);
    CHECK(h[w].event.valid() == g[v].event.valid());
    CHECK((h.stated(w) == nullptr) == (g.stated(v) == nullptr));
    if (g.stated(v)) CHECK(*h.stated(w) == *g.stated(v));
    for (auto [e, end] = boost::out_edges(v, g.graph()); e != end; ++e) {
      auto [f, found] = boost::edge(w, h.statement_id(g.id(boost::target(*e, g.graph()))), h.graph());
      REQUIRE(found);
      CHECK(h.graph()[f].kind == g.graph()[*e].kind);
    }
  }
  CHECK(origins_by_id(h) == origins_by_id(g));
}
