// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/timeline.hpp>

#include "catch.hpp"

using namespace sourcetrace;

namespace {
provenance_graph dated() {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("early", "Early", outlet{});
  g.add_agent("late", "Late", outlet{});
  g.add_agent("vague", "Vague", outlet{});
  g.add_agent("undated", "Undated", outlet{});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency");
  g.add_event("e1", event_kind::publication, "2025-06-27", "early");
  g.add_event("e2", event_kind::publication, "2025-07-08", "late");
  g.add_event("e3", event_kind::publication, "2025-06", "vague");
  g.add_event("e4", event_kind::publication, "", "undated");
  for (const char* e : {"e2", "e1", "e3", "e4"}) g.report(e, "claim").via("briefing");
  return g;
}
}  // namespace

TEST_CASE("the timeline gives origin date, first and last report, and each delay") {
  auto g = dated();
  auto t = timeline(g, origins(g));
  REQUIRE(t.size() == 1);
  CHECK(t[0].origin_date->to_string() == "2025-06-26");
  CHECK(t[0].first_report->to_string() == "2025-06");  // June as a month starts first
  CHECK(t[0].last_report->to_string() == "2025-07-08");
  REQUIRE(t[0].reports.size() == 4);
  // Ordered by date (first day first), the undated report last.
  CHECK(g.id(t[0].reports[0].report) == "claim/vague@e3");
  CHECK(*t[0].reports[0].delay == day_delay{-25, 4});  // 2025-06-01..30 against 2025-06-26
  CHECK(g.id(t[0].reports[1].report) == "claim/early@e1");
  CHECK(*t[0].reports[1].delay == day_delay{1, 1});
  CHECK(g.id(t[0].reports[2].report) == "claim/late@e2");
  CHECK(*t[0].reports[2].delay == day_delay{12, 12});
  CHECK(g.id(t[0].reports[3].report) == "claim/undated@e4");
  CHECK_FALSE(t[0].reports[3].delay.has_value());
  CHECK(g.id(*t[0].reports[3].origin) == "claim/agency@briefing");
}

TEST_CASE("the earliest dated origin sets a report's delay") {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("a", "A", organization{});
  g.add_agent("b", "B", organization{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_event("first", event_kind::statement, "2024-12-31", "a");
  g.add_event("second", event_kind::statement, "2025-01-02", "b");
  g.add_event("pub", event_kind::publication, "2025-01-03", "paper");
  g.report("pub", "claim").via("second");
  g.report("pub", "claim").via("first");
  auto t = timeline(g, origins(g));
  CHECK(t[0].origin_date->to_string() == "2024-12-31");
  CHECK(*t[0].reports[0].delay == day_delay{3, 3});  // across the year boundary
}

TEST_CASE("a report that names no source has no delay from itself") {
  provenance_graph g;
  g.add_claim("claim", "x");
  g.add_agent("paper", "Paper", outlet{});
  g.add_event("pub", event_kind::publication, "2025-06-26/2025-06-27", "paper");
  g.report("pub", "claim");
  auto t = timeline(g, origins(g));
  CHECK(*t[0].reports[0].delay == day_delay{0, 0});
}
