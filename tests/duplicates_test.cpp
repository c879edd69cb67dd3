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
  CHECK(ids(g, r[0].mentions) == "claim/p1@ev-p1claim/p2@ev-p2claim/p3@ev-p3");
  CHECK(r[0].independent_origins == 1);
  CHECK(r[0].unsourced_origins == 0);
  REQUIRE(r[0].clusters.size() == 1);
  CHECK(r[0].clusters[0].mentions.size() == 3);
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
  CHECK(joined[0].clusters[0].mentions.size() == 3);
  CHECK(joined[0].clusters[0].origins.size() == 2);
}

TEST_CASE("an outlet naming no source is an unsourced origin, not an independent one") {
  auto g = newsroom();
  g.report("ev-p1", "claim").via("briefing");
  g.report("ev-p4", "claim");
  auto r = duplicates(g, origins(g));
  CHECK(r[0].mentions.size() == 2);
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
  CHECK(r[0].mentions.size() == 3);
  CHECK(ids(g, r[0].circular) == "claim/p1@ev-p1claim/p2@ev-p2");
  CHECK(r[0].clusters.size() == 1);
  CHECK(r[0].independent_origins == 1);
}

TEST_CASE("without publications, reports are the statements nothing derives from") {
  auto g = build({{"a", "c"}, {"b", "c"}, {"d", "b"}});
  auto r = duplicates(g, origins(g));
  CHECK(ids(g, r[0].mentions) == "ad");
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

TEST_CASE("a report is an article: its headline and body mentions count once") {
  auto g = newsroom();
  g.report("ev-p2", "claim").via("briefing");
  // p1's article states the claim three times: headline and lead in its own
  // voice, and the body citing the briefing.
  g.add_statement("p1-headline", "p1", "claim", "ev-p1");
  g.add_statement("p1-lead", "p1", "claim", "ev-p1");
  g.add_statement("p1-body", "p1", "claim", "ev-p1");
  g.add_derivation("p1-body", "claim/agency@briefing");
  auto r = duplicates(g, origins(g));
  CHECK(r[0].report_count == 2);
  CHECK(r[0].mentions.size() == 4);
  CHECK(count_reports(g, std::span<const statement_handle>(r[0].mentions)) == 2);
  auto groups = group_by_report(g, std::span<const statement_handle>(r[0].mentions));
  REQUIRE(groups.size() == 2);
  CHECK(g[groups[0].article].id == "ev-p2");                         // its mention's id comes first
  CHECK(ids(g, groups[1].mentions) == "p1-bodyp1-headlinep1-lead");  // by id, not as added
  // The cluster on the briefing holds p2 and p1's body: two reports.
  REQUIRE(r[0].clusters.size() == 3);
  CHECK(r[0].clusters[0].report_count == 2);
  CHECK(ids(g, r[0].clusters[0].mentions) == "claim/p2@ev-p2p1-body");
}

TEST_CASE("an outlet cited only upstream is a relay, not a report") {
  auto g = newsroom();
  // p3's article cites "Russian media", which cite the ministry's press conference.
  g.add_agent("russian-media", "Russian media", outlet{});
  g.report("ev-p3", "claim").via("russian-media").via("presser");
  auto r = duplicates(g, origins(g));
  CHECK(r[0].report_count == 1);
  CHECK(ids(g, r[0].mentions) == "claim/p3@ev-p3");
  CHECK_FALSE(is_report(g, g.statement_id("claim/russian-media")));
  // Once the corpus holds that outlet's own article, the article is a report.
  g.add_event("ru-article", event_kind::publication, "2025-06-21", "russian-media");
  g.report("ru-article", "claim").via("presser");
  auto again = duplicates(g, origins(g));
  CHECK(again[0].report_count == 2);
  // A statement at no event that nothing derives from is a report of its own.
  g.add_statement("loose", "lawmaker", "claim");
  CHECK(duplicates(g, origins(g))[0].report_count == 3);
}
