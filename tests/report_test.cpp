// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/report.hpp>

#include "catch.hpp"

#include <sstream>

using namespace sourcetrace;

TEST_CASE("the report of a small story, whole") {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("lawmaker", "Lawmaker", person{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_agent("blog", "Blog", outlet{});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency", {.title = "a briefing"});
  g.add_event("paper-0627", event_kind::publication, "2025-06-27", "paper");
  g.add_event("blog-06", event_kind::publication, "2025-06", "blog");
  g.add_claim("c", "A claim");
  g.report("paper-0627", "c", {.when = partial_date::parse("2024-10")})
      .via("lawmaker", derivation_kind::quotes)
      .via("briefing");
  g.report("blog-06", "c", {.when = partial_date::parse("2024-11")}).via("briefing", derivation_kind::paraphrases);
  std::ostringstream out;
  write_report(out, g);
  // Reports by the id of their mention: c/blog@blog-06 before c/paper@paper-0627.
  CHECK(out.str() ==
        "sourcetrace report: 1 claim, 4 statements, 3 derivations, 4 agents\n"
        "\n"
        "== c: A claim\n"
        "2 reports, 1 independent origin\n"
        "grade 3 (possibly true): 2 reports, 1 first-hand origin, and statements disagree on when (2024-10 vs "
        "2024-11): not confirmed.\n"
        "  report: Blog (2025-06) [as stated: 2024-11]\n"
        "    path: -paraphrases-> Agency at a briefing (2025-06-26)\n"
        "  report: Paper (2025-06-27) [as stated: 2024-10]\n"
        "    path: -quotes-> Lawmaker -cites-> Agency at a briefing (2025-06-26)\n"
        "  drift (when, contradiction): 2024-10 (Paper) vs 2024-11 (Blog)\n"
        "    both rest on Agency at a briefing (2025-06-26); 2024-10 enters at Lawmaker -cites-> Agency, 2024-11 at "
        "Blog -paraphrases-> Agency\n"
        "  origins:\n"
        "    Agency at a briefing (2025-06-26) [first-hand]\n"
        "  echo clusters: 1\n"
        "    1. 2 reports on 1 origin: Blog, Paper\n"
        "  timeline: origin 2025-06-26, first report 2025-06, last report 2025-06-27\n"
        "    Blog: 0..4 days after its origin (dates too coarse to order)\n"
        "    Paper: 1 day after its origin\n"
        "\n"
        "circular reporting: none\n");
}

TEST_CASE("the report names cycles and the reports resting on them") {
  provenance_graph g;
  g.add_agent("a", "A", outlet{});
  g.add_agent("b", "B", outlet{});
  g.add_claim("c", "A claim");
  g.add_statement("x", "a", "c");
  g.add_statement("y", "b", "c");
  g.add_derivation("x", "y");
  g.add_derivation("y", "x", derivation_kind::copies);
  std::ostringstream out;
  write_report(out, g);
  auto text = out.str();
  CHECK(text.find("0 reports, 0 independent origins\n") != std::string::npos);
  CHECK(text.find("circular reporting: 1 cycle\n  cycle: x, y\n") != std::string::npos);
}

TEST_CASE("summary counts reports and origins in words") {
  claim_reporting r;
  r.mentions = {1, 2, 3};
  r.report_count = 3;
  r.independent_origins = 1;
  CHECK(summary(r) == "3 reports, 1 independent origin");
  r.unsourced_origins = 1;
  r.circular = {4};
  CHECK(summary(r) == "3 reports, 1 independent origin, 1 unsourced, 1 resting on a cycle");
  r.report_count = 1;
  CHECK(summary(r) == "1 report (3 mentions), 1 independent origin, 1 unsourced, 1 resting on a cycle");
}

TEST_CASE("an article with several mentions is one report, each mention with its paths") {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency");
  g.add_event("paper-0627", event_kind::publication, "2025-06-27", "paper");
  g.add_claim("c", "A claim");
  g.add_statement("headline", "paper", "c", "paper-0627", {.quantity = "10,000"});
  g.report("paper-0627", "c", {.quantity = "about 10,000"}).via("briefing");
  std::ostringstream out;
  write_report(out, g);
  auto text = out.str();
  CHECK(text.find("1 report (2 mentions), 1 independent origin, 1 unsourced\n") != std::string::npos);
  // Mentions by id: c/paper@paper-0627 before headline.
  CHECK(text.find("  report: Paper (2025-06-27) (2 mentions)\n"
                  "    mention c/paper@paper-0627 [as stated: about 10,000]\n"
                  "      path: -cites-> Agency at briefing (2025-06-26)\n"
                  "    mention headline [as stated: 10,000]\n"
                  "      (names no source)\n") != std::string::npos);
  CHECK(text.find("    1. 1 report on 1 origin: Paper\n") != std::string::npos);
}

TEST_CASE("an agent without a name is shown by its id") {
  provenance_graph g;
  g.add_agent("agency-x", "", organization{});
  g.add_agent("paper-y", "", outlet{});
  g.add_event("pub", event_kind::publication, "2025-01-01", "paper-y");
  g.add_claim("c", "A claim");
  g.report("pub", "c").via("agency-x");
  std::ostringstream out;
  write_report(out, g);
  CHECK(out.str().find("  report: paper-y (2025-01-01)\n    path: -cites-> agency-x\n") != std::string::npos);
}

TEST_CASE("the report says days before an origin only when a report surely precedes it") {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_agent("site", "Site", outlet{});
  g.add_event("briefing", event_kind::briefing, "2025-11", "agency");
  g.add_event("paper-1020", event_kind::publication, "2025-10-20", "paper");
  g.add_event("site-11", event_kind::publication, "2025-11", "site");
  g.add_claim("c", "A claim");
  g.report("paper-1020", "c").via("briefing");  // 10-20 - 11-30 = -41, 10-20 - 11-01 = -12
  g.report("site-11", "c").via("briefing");     // 11-01 - 11-30 = -29, 11-30 - 11-01 = 29
  std::ostringstream out;
  write_report(out, g);
  auto text = out.str();
  CHECK(text.find("  timeline: origin 2025-11, first report 2025-10-20, last report 2025-11\n"
                  "    Paper: 12..41 days before its origin\n"
                  "    Site: 0..29 days after its origin (dates too coarse to order)\n") != std::string::npos);
  CHECK(text.find("..-") == std::string::npos);
}
