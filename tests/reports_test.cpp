// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/reports.hpp>

#include "analysis_fixture.hpp"
#include "catch.hpp"

using namespace sourcetrace;

TEST_CASE("a statement at a publication is a report even when others cite it") {
  provenance_graph g;
  g.add_claim("c", "x");
  g.add_agent("wire", "Wire", outlet{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_agent("agency", "Agency", organization{});
  g.add_event("wire-story", event_kind::publication, "2025-06-26", "wire");
  g.add_event("paper-story", event_kind::publication, "2025-06-27", "paper");
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency");
  g.report("paper-story", "c").via("wire-story").via("briefing");
  CHECK(is_report(g, g.statement_id("c/paper@paper-story")));
  CHECK(is_report(g, g.statement_id("c/wire@wire-story")));
  CHECK_FALSE(is_report(g, g.statement_id("c/agency@briefing")));
  claim_reports r(g);
  CHECK(r.claim_count() == 1);
  CHECK(fixture::ids(g, r[g.claim_id("c")]) == "c/paper@paper-storyc/wire@wire-story");
}

TEST_CASE("reports are grouped by claim, in one pass, ascending") {
  auto g = fixture::build({{"a", "c"}, {"b", "c"}}, "z");
  g.add_claim("empty", "nothing reports this");
  claim_reports r(g);
  // Ascending by vertex number: the fixture adds the lone "z" before the chains.
  CHECK(fixture::ids(g, r[g.claim_id("claim")]) == "zab");
  CHECK(r[g.claim_id("empty")].empty());
}
