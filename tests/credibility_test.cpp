// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/credibility.hpp>

#include "catch.hpp"
#include "data/seed_story.hpp"

using namespace sourcetrace;

namespace {
struct desk {
  provenance_graph g;
  desk() {
    g.add_claim("c", "a claim");
    g.add_agent("agency", "Agency", organization{});
    g.add_agent("ministry", "Ministry", organization{});
    g.add_agent("tipster", "Tipster", anonymous{"a source"});
    g.add_agent("insider", "Insider", anonymous{"another source"});
    for (const char* p : {"p1", "p2", "p3"}) {
      g.add_agent(p, p, outlet{});
      g.add_event(std::string("ev-") + p, event_kind::publication, "2025-06-27", p);
    }
  }
  claim_grade only() const {
    auto all = grade(g);
    REQUIRE(all.size() == 1);
    return all[0];
  }
};
}  // namespace

TEST_CASE("grade 3: many reports of one named source are not confirmation") {
  desk d;
  for (const char* e : {"ev-p1", "ev-p2", "ev-p3"}) d.g.report(e, "c").via("agency");
  auto cg = d.only();
  CHECK(cg.grade == credibility_grade::possible);
  CHECK(cg.reason == "3 reports, 1 first-hand origin: not confirmed.");
}

TEST_CASE("grade 1: two named independent sources, no disagreement") {
  desk d;
  d.g.report("ev-p1", "c").via("agency");
  d.g.report("ev-p2", "c").via("ministry");
  auto cg = d.only();
  CHECK(cg.grade == credibility_grade::confirmed);
  CHECK(cg.reason == "2 reports, 2 first-hand origins from 2 named sources: confirmed by independent sources.");
}

TEST_CASE("grade 2: independent sources whose reports disagree in detail") {
  desk d;
  d.g.report("ev-p1", "c", {.quantity = "about 4,000"}).via("agency");
  d.g.report("ev-p2", "c", {.quantity = "more than 1,000"}).via("ministry");
  d.g.report("ev-p3", "c", {.quantity = "4,000"}).via("agency");
  auto cg = d.only();
  CHECK(cg.grade == credibility_grade::probable);
  CHECK(cg.reason ==
        "3 reports, 2 first-hand origins, but statements disagree on quantity (more than 1,000 vs about "
        "4,000): probably true.");
}

TEST_CASE("grade 2: independent sources, one of whose reports gives the figure the other leaves out") {
  desk d;
  d.g.report("ev-p1", "c", {.quantity = "11,000"}).via("agency");
  d.g.report("ev-p2", "c", {.mode = modality::believed}).via("ministry");
  auto cg = d.only();
  // Both sources back the claim, but only one backs the figure: a loss of precision, not a contradiction.
  CHECK(cg.grade == credibility_grade::probable);
  CHECK(cg.reason ==
        "2 reports, 2 first-hand origins, but statements disagree on quantity (no figure vs 11,000): probably true.");

  // A report that states no details says nothing of the figure: still confirmed.
  desk e;
  e.g.report("ev-p1", "c", {.quantity = "11,000"}).via("agency");
  e.g.report("ev-p2", "c").via("ministry");
  CHECK(e.only().grade == credibility_grade::confirmed);
}

TEST_CASE("grade 2: a named source and an anonymous one") {
  desk d;
  d.g.report("ev-p1", "c").via("agency");
  d.g.report("ev-p2", "c").via("tipster");
  CHECK(d.only().grade == credibility_grade::probable);
  CHECK(d.only().reason == "2 reports, 2 first-hand origins, but only one named source: probably true.");
}

TEST_CASE("grade 4: only anonymous sources, or independent sources that contradict each other") {
  desk d;
  d.g.report("ev-p1", "c").via("tipster");
  d.g.report("ev-p2", "c").via("insider");
  CHECK(d.only().grade == credibility_grade::doubtful);
  CHECK(d.only().reason == "2 reports, 2 first-hand origins: only anonymous sources.");

  desk e;
  e.g.report("ev-p1", "c", {.when = partial_date::parse("2024-10")}).via("agency");
  e.g.report("ev-p2", "c", {.when = partial_date::parse("2024-12")}).via("ministry");
  CHECK(e.only().grade == credibility_grade::doubtful);
  CHECK(e.only().reason ==
        "2 reports, 2 first-hand origins: independent sources contradict each other on when (2024-10 vs 2024-12).");
}

TEST_CASE("grade 5: a first-hand source denies what another asserts") {
  desk d;
  d.g.report("ev-p1", "c").via("agency");
  d.g.report("ev-p2", "c").via("ministry", derivation_kind::quotes, {.mode = modality::denied});
  CHECK(d.only().grade == credibility_grade::improbable);
}

TEST_CASE("grade 6: nothing first-hand to judge by") {
  desk d;
  d.g.report("ev-p1", "c");  // the paper names no source
  CHECK(d.only().grade == credibility_grade::unknown);
  CHECK(d.only().reason == "1 report, 0 first-hand origins, 1 unsourced statement: no first-hand source to judge by.");
  desk loop;
  auto a = loop.g.report("ev-p1", "c").head();
  auto b = loop.g.report("ev-p2", "c").head();
  loop.g.add_derivation(a, b);
  loop.g.add_derivation(b, a);
  CHECK(loop.only().grade == credibility_grade::unknown);
}

TEST_CASE("an outlet in its own voice is counted as an unsourced statement, never as a source") {
  desk d;
  d.g.report("ev-p1", "c").via("agency");
  d.g.report("ev-p2", "c");  // both papers state it in their own voice
  d.g.report("ev-p3", "c");
  auto cg = d.only();
  CHECK(cg.grade == credibility_grade::possible);
  CHECK(cg.reason == "3 reports, 1 first-hand origin, 2 unsourced statements: not confirmed.");
}

TEST_CASE("an outlet's own figure against its source's is drift, not independent sources contradicting") {
  desk d;
  d.g.report("ev-p1", "c", {.quantity = "11,000"}).via("agency");
  d.g.report("ev-p2", "c", {.quantity = "10,000"});  // the paper's own figure, no source named
  auto cg = d.only();
  CHECK(cg.grade == credibility_grade::possible);  // one named source; never 4 for an unsourced figure
  CHECK(cg.reason ==
        "2 reports, 1 first-hand origin, 1 unsourced statement, and the outlet's own figure differs from its "
        "source's on quantity (11,000 vs 10,000): not confirmed.");

  // Two first-hand sources that contradict each other still make it doubtful.
  desk e;
  e.g.report("ev-p1", "c", {.quantity = "11,000"}).via("agency");
  e.g.report("ev-p2", "c", {.quantity = "3,000"}).via("ministry");
  e.g.report("ev-p3", "c", {.quantity = "10,000"});
  CHECK(e.only().grade == credibility_grade::doubtful);
  CHECK(e.only().reason ==
        "3 reports, 2 first-hand origins, 1 unsourced statement: independent sources contradict each other on "
        "quantity (11,000 vs 3,000).");
}

TEST_CASE("reports are articles: two mentions in one article are one report") {
  desk d;
  // p1's headline states the claim in the paper's own voice; its body cites the agency.
  d.g.add_statement("p1-headline", "p1", "c", "ev-p1");
  d.g.report("ev-p2", "c").via("agency");
  d.g.add_statement("p1-body", "p1", "c", "ev-p1");
  d.g.add_derivation("p1-body", "c/agency");
  auto cg = d.only();
  CHECK(cg.reason == "2 reports (3 mentions), 1 first-hand origin, 1 unsourced statement: not confirmed.");
}

TEST_CASE("seed: the July/August deployment is not graded 1, however many outlets repeat it") {
  auto g = seed::story();
  auto grades = grade(g);
  auto of = [&](const char* id) { return grades[g.claim_id(id).index]; };
  CHECK(of("deploy-jul-aug").grade == credibility_grade::possible);
  // Nine mentions in three articles, one of them the site's own headline: the
  // briefing is still the one first-hand origin.
  CHECK(of("deploy-jul-aug").reason ==
        "3 reports (9 mentions), 1 first-hand origin, 1 unsourced statement, and statements disagree on when "
        "(../2025-08-31 vs 2025-07-01/2025-08-31): not confirmed.");
  CHECK(of("up-to-12000").grade == credibility_grade::confirmed);
  CHECK(of("defence-pact-2024").grade == credibility_grade::unknown);
  CHECK(of("over-1000-jan-feb").grade == credibility_grade::doubtful);
  // The Herald's and the blog's own months are unsourced and not counted as
  // sources; Lee's "late last year" and the site's October rest on the NIS.
  CHECK(of("first-deployment").reason ==
        "3 reports (5 mentions), 1 first-hand origin, 3 unsourced statements, and statements disagree on when "
        "(2024-10-01/2024-12-31 vs 2024-10): not confirmed.");
  // The news site gives the 4,000 troops without the month: drift, but one source either way.
  CHECK(of("second-deployment").grade == credibility_grade::possible);
  CHECK(of("second-deployment").reason ==
        "2 reports (3 mentions), 1 first-hand origin, 2 unsourced statements, and statements disagree on when (no "
        "date vs 2025-02): not confirmed.");
  // The think tank's "up to half" and the expert's "possibly 50%": two named
  // first-hand origins, one figure holding the other, so probably true.
  CHECK(of("casualty-rate-50pct").grade == credibility_grade::probable);
  CHECK(of("casualty-rate-50pct").reason ==
        "1 report (2 mentions), 2 first-hand origins, but statements disagree on quantity (up to half vs possibly "
        "50%): probably true.");
}
