// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/duplicates.hpp>

#include "analysis_fixture.hpp"
#include "catch.hpp"

using fixture::build;
using fixture::ids;
using namespace sourcetrace;

namespace {
// Publications make reports: give each letter in `papers` its own publication.
provenance_graph newsroom() {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("lawmaker", "Lawmaker", person{});
  g.add_agent("ministry", "Ministry", organization{});
  for (const char* p : {"p1", "p2", "p3", "p4"}) {
    g.add_agent(p, p, outlet{});
    g.add_event(std::string("ev-") + p, event_kind::publication, "2025-06-27", p);
  }
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency");
  g.add_event("presser", event_kind::press_conference, "2025-06-20", "ministry");
  return g;
}
}  // namespace

TEST_CASE("three outlets repeating one briefing are 3 reports, 1 independent origin") {
  auto g = newsroom();
  g.report("ev-p1", "claim").via("lawmaker").via("briefing");
  g.report("ev-p2", "claim").via("briefing");
  g.report("ev-p3", "claim").via("lawmaker");
  auto m = origins(g);
  auto r = duplicates(g, m);
  REQUIRE(r.size() == 1);
  CHECK(ids(g, r[0].reports) == "claim/p1@ev-p1claim/p2@ev-p2claim/p3@ev-p3");
  CHECK(r[0].independent_origins == 1);
  CHECK(r[0].unsourced_origins == 0);
  REQUIRE(r[0].clusters.size() == 1);
  CHECK(r[0].clusters[0].reports.size() == 3);
  CHECK(ids(g, r[0].origins) == "claim/agency@briefing");
  // The lawmaker's statement is not a report: it is neither published nor last in its chain.
  CHECK_FALSE(is_report(g, g.statement_id("claim/lawmaker")));
}

TEST_CASE("reports on disjoint origins form separate clusters; a report on both joins them") {
  auto g = newsroom();
  g.report("ev-p1", "claim").via("briefing");
  g.report("ev-p2", "claim").via("presser");
  auto m = origins(g);
  auto r = duplicates(g, m);
  CHECK(r[0].independent_origins == 2);
  CHECK(r[0].clusters.size() == 2);

  g.report("ev-p3", "claim").via("briefing");
  g.report("ev-p3", "claim").via("presser");
  auto joined = duplicates(g, origins(g));
  CHECK(joined[0].independent_origins == 2);
  REQUIRE(joined[0].clusters.size() == 1);
  CHECK(joined[0].clusters[0].reports.size() == 3);
  CHECK(joined[0].clusters[0].origins.size() == 2);
}

TEST_CASE("an outlet naming no source is an unsourced origin, not an independent one") {
  auto g = newsroom();
  g.report("ev-p1", "claim").via("briefing");
  g.report("ev-p4", "claim");
  auto r = duplicates(g, origins(g));
  CHECK(r[0].reports.size() == 2);
  CHECK(r[0].independent_origins == 1);
  CHECK(r[0].unsourced_origins == 1);
  CHECK(r[0].clusters.size() == 2);
}

TEST_CASE("reports resting on a closed cycle are listed, and form no cluster") {
  auto g = newsroom();
  // p1 cites p2, which cites p1: neither names a way out.
  auto a = g.report("ev-p1", "claim").head();
  auto b = g.report("ev-p2", "claim").head();
  g.add_derivation(a, b);
  g.add_derivation(b, a);
  g.report("ev-p3", "claim").via("briefing");
  auto r = duplicates(g, origins(g));
  CHECK(r[0].reports.size() == 3);
  CHECK(ids(g, r[0].circular) == "claim/p1@ev-p1claim/p2@ev-p2");
  CHECK(r[0].clusters.size() == 1);
  CHECK(r[0].independent_origins == 1);
}

TEST_CASE("without publications, reports are the statements nothing derives from") {
  auto g = build({{"a", "c"}, {"b", "c"}, {"d", "b"}});
  auto r = duplicates(g, origins(g));
  CHECK(ids(g, r[0].reports) == "ad");
  CHECK(r[0].independent_origins == 1);
  CHECK(r[0].clusters.size() == 1);
}

TEST_CASE("claims are counted apart even when they share agents and events") {
  auto g = newsroom();
  g.add_claim("other", "y");
  g.report("ev-p1", "claim").via("lawmaker").via("briefing");
  g.report("ev-p1", "other").via("lawmaker").via("presser");
  auto r = duplicates(g, origins(g));
  REQUIRE(r.size() == 2);
  CHECK(ids(g, r[0].origins) == "claim/agency@briefing");
  CHECK(ids(g, r[1].origins) == "other/ministry@presser");
}
