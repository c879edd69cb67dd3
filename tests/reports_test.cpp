// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/analysis/trace.hpp>

#include "analysis_fixture.hpp"
#include "catch.hpp"

#include <string>
#include <vector>

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

TEST_CASE("reports are grouped by claim, in one pass, by id") {
  auto g = fixture::build({{"a", "c"}, {"b", "c"}}, "z");
  g.add_claim("empty", "nothing reports this");
  claim_reports r(g);
  // By id, not by vertex number: the fixture adds the lone "z" before the chains.
  CHECK(fixture::ids(g, r[g.claim_id("claim")]) == "abz");
  CHECK(r[g.claim_id("empty")].empty());
}

// One claim in two articles. The Q article mentions it twice: in its body,
// resting on a briefing and a talk (both dated 2025-06-26), and in its
// headline in its own voice. The P article rests on the same two. Built in
// the order given or with every record reversed, so statement numbers differ
// while ids do not.
static provenance_graph two_articles(bool reversed) {
  provenance_graph g;
  g.add_claim("c", "troops were sent");
  const char* agents[] = {"a", "x", "p", "q"};
  for (int i = 0; i < 4; ++i) {
    std::string id = agents[reversed ? 3 - i : i];
    if (id == "a") g.add_agent(id, "Agency", organization{});
    if (id == "x") g.add_agent(id, "Expert", person{});
    std::string name = "Paper ";
    name += id;
    if (id != "a" && id != "x") g.add_agent(id, name, outlet{});
  }
  claim_details body{.quantity = "about 100", .mode = modality::possible};
  claim_details headline{.quantity = "100", .mode = modality::confirmed};
  claim_details p_said{.quantity = "more than 50"};
  if (!reversed) {
    g.add_event("briefing", event_kind::briefing, "2025-06-26", "a");
    g.add_event("talk", event_kind::statement, "2025-06-26", "x");
    g.add_event("p-story", event_kind::publication, "2025-06-27", "p");
    g.add_event("q-story", event_kind::publication, "2025-06-28", "q");
    g.report("briefing", "c");
    g.report("talk", "c");
    g.report("q-story", "c", body, {.part = article_part::body}).via("briefing");
    g.add_derivation("c/q@q-story#body", "c/x@talk");
    g.report("q-story", "c", headline, {.part = article_part::headline});
    g.report("p-story", "c", p_said).via("briefing");
    g.add_derivation("c/p@p-story", "c/x@talk");
  } else {
    g.add_event("q-story", event_kind::publication, "2025-06-28", "q");
    g.add_event("p-story", event_kind::publication, "2025-06-27", "p");
    g.add_event("talk", event_kind::statement, "2025-06-26", "x");
    g.add_event("briefing", event_kind::briefing, "2025-06-26", "a");
    // The headline first: by number its cluster would come first too.
    g.report("q-story", "c", headline, {.part = article_part::headline});
    g.report("p-story", "c", p_said).via("talk");
    g.report("briefing", "c");
    g.add_derivation("c/p@p-story", "c/a@briefing");
    g.report("q-story", "c", body, {.part = article_part::body}).via("talk");
    g.add_derivation("c/q@q-story#body", "c/a@briefing");
  }
  return g;
}

// Everything the analyses answer about `g`, by id.
static std::string answers(const provenance_graph& g) {
  auto m = origins(g);
  std::string s;
  for (const auto& r : duplicates(g, m)) {
    s += "mentions " + fixture::ids(g, r.mentions) + "; origins " + fixture::ids(g, r.origins) + "\n";
    for (const auto& c : r.clusters)
      s += "cluster " + fixture::ids(g, c.mentions) + " on " + fixture::ids(g, c.origins) + "\n";
  }
  for (const auto& t : timeline(g, m)) {
    for (const auto& rt : t.reports) {
      s.append("timing ").append(g.id(rt.report)).append(" x").append(std::to_string(rt.mentions));
      s.append(" from ").append(rt.origin ? g.id(*rt.origin) : "-").append("\n");
    }
  }
  for (const auto& per_claim : drift(g, m)) {
    for (const auto& f : per_claim.findings) {
      s.append(to_string(f.kind)).append(" ").append(f.a.value).append(" (").append(fixture::ids(g, f.a.statements));
      s.append(") vs ").append(f.b.value).append(" (").append(fixture::ids(g, f.b.statements)).append(") meet ");
      s.append(f.meet ? g.id(*f.meet) : "-");
      for (const auto& h : f.a.entry) s.append(" a:").append(g.id(h.from)).append(">").append(g.id(h.to));
      for (const auto& h : f.b.entry) s.append(" b:").append(g.id(h.from)).append(">").append(g.id(h.to));
      s += "\n";
    }
  }
  for (statement_handle v = 0; v < g.statement_count(); ++v) {
    if (g.id(v) != "c/q@q-story#body") continue;
    for (const auto& p : trace(g, v).paths) s.append("path to ").append(g.id(p.last(v))).append("\n");
  }
  return s;
}

TEST_CASE("the same records in another order give the same answers, by id") {
  auto forward = two_articles(false);
  auto backward = two_articles(true);
  // The statement numbers differ: the records were read in other orders.
  REQUIRE(forward.statement_id("c/a@briefing") != backward.statement_id("c/a@briefing"));
  // By number, the backward graph's first mention is the headline, its own cluster.
  REQUIRE(backward.statement_id("c/q@q-story#headline") < backward.statement_id("c/p@p-story"));
  CHECK(answers(forward) == answers(backward));
  // Worked by hand: mentions and origins by id; P and Q's body share both
  // origins, so they are one cluster, numbered first as P's id comes first; Q
  // is timed by its body (the first of its mentions by id) from the briefing
  // (the first by id of its two origins of 2025-06-26). "about 100" and "100"
  // are one figure with two hedges, not drift in the figure.
  CHECK(answers(backward) ==
        "mentions c/p@p-storyc/q@q-story#bodyc/q@q-story#headline; origins "
        "c/a@briefingc/q@q-story#headlinec/x@talk\n"
        "cluster c/p@p-storyc/q@q-story#body on c/a@briefingc/x@talk\n"
        "cluster c/q@q-story#headline on c/q@q-story#headline\n"
        "timing c/p@p-story x1 from c/a@briefing\n"
        "timing c/q@q-story#body x2 from c/a@briefing\n"
        "precision more than 50 (c/p@p-story) vs about 100 (c/q@q-story#body) meet c/a@briefing"
        " a:c/p@p-story>c/a@briefing b:c/q@q-story#body>c/a@briefing\n"
        "precision more than 50 (c/p@p-story) vs 100 (c/q@q-story#headline) meet -\n"
        "hardened confirmed (c/q@q-story#headline) vs possible (c/q@q-story#body) meet -\n"
        "path to c/a@briefing\n"
        "path to c/x@talk\n");
}
