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
  CHECK(order_uncertain(*t[0].reports[0].delay));
  CHECK(g.id(t[0].reports[1].report) == "claim/early@e1");
  CHECK(*t[0].reports[1].delay == day_delay{1, 1});
  CHECK_FALSE(order_uncertain(*t[0].reports[1].delay));
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

// Worked by hand: a delay runs from the origin's last day to the report's first
// day (min) and from the origin's first day to the report's last day (max).
TEST_CASE("a delay never reads as a report before its origin unless it surely is") {
  auto words = [](const char* origin, const char* report) {
    auto d = delay_between(partial_date::parse(origin), partial_date::parse(report));
    return d.to_string() + (order_uncertain(d) ? " uncertain: " : ": ") + describe_delay(d);
  };
  // Both days known: the order is known.
  CHECK(words("2025-06-26", "2025-06-27") == "1: 1 day after its origin");
  CHECK(words("2025-06-26", "2025-06-26") == "0: 0 days after its origin");
  CHECK(words("2025-06-26", "2025-07-08") == "12: 12 days after its origin");
  // A report known to a month, after a briefing that month: 06-01 - 06-26 = -25,
  // 06-30 - 06-26 = 4. Only 0..4 is possible if the report followed its origin.
  CHECK(words("2025-06-26", "2025-06") == "-25..4 uncertain: 0..4 days after its origin (dates too coarse to order)");
  // Both known only to the same month: 11-01 - 11-30 = -29, 11-30 - 11-01 = 29.
  CHECK(words("2025-11", "2025-11") == "-29..29 uncertain: 0..29 days after its origin (dates too coarse to order)");
  // The origin on the month's last day: at most the same day, 06-30 - 06-30 = 0.
  CHECK(words("2025-06-30", "2025-06") == "-29..0 uncertain: 0 days after its origin (dates too coarse to order)");
  // A period around the report's day: 06-27 - 06-30 = -3, 06-27 - 06-26 = 1.
  CHECK(words("2025-06-26/2025-06-30", "2025-06-27") ==
        "-3..1 uncertain: 0..1 days after its origin (dates too coarse to order)");
  // A year ending the day the report appeared: never before it.
  CHECK(words("2024", "2024-12-31") == "0..365: 0..365 days after its origin");
  // Surely before its origin: said as days before, for someone to check.
  CHECK(words("2025-06-26", "2025-06-20") == "-6: 6 days before its origin");
  CHECK(words("2025-06-26", "2025-06-25") == "-1: 1 day before its origin");
  CHECK(words("2025-07", "2025-06-26") == "-35..-5: 5..35 days before its origin");  // 06-26 - 07-31, 06-26 - 07-01
}

TEST_CASE("an article that mentions a claim twice is one entry of the timeline") {
  auto g = dated();
  // The early paper's headline states the claim in its own voice; its body cites the briefing.
  g.add_statement("early-headline", "early", "claim", "e1");
  auto t = timeline(g, origins(g));
  REQUIRE(t[0].reports.size() == 4);
  CHECK(g.id(t[0].reports[1].report) == "claim/early@e1");  // the article's first mention
  CHECK(t[0].reports[1].mentions == 2);
  // Its delay runs from the earliest dated origin of either mention: the briefing.
  CHECK(*t[0].reports[1].delay == day_delay{1, 1});
  CHECK(t[0].reports[0].mentions == 1);
}
