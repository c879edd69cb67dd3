// SPDX-License-Identifier: BSL-1.0
// The seed story's answers, pinned (examples/data/seed_story.json, loaded by
// examples/data/seed_story.hpp; see examples/data/README.md for its sources).
#include <sourcetrace/sourcetrace.hpp>

#include "catch.hpp"
#include "data/seed_story.hpp"

#include <set>
#include <sstream>

using namespace sourcetrace;

namespace {
const provenance_graph& story() {
  static const provenance_graph g = seed::story();
  return g;
}
const claim_reporting& reporting(const char* claim) {
  static const auto all = duplicates(story(), origins(story()));
  return all[story().claim_id(claim).index];
}
std::set<std::string> agents_on_paths(const provenance_graph& g, const char* statement) {
  std::set<std::string> out;
  for (const auto& p : trace(g, g.statement_id(statement)).paths) {
    for (const hop& h : p.hops) out.insert(g[g[h.to].agent].id);
  }
  return out;
}
using strings = std::set<std::string>;
}  // namespace

TEST_CASE("seed: the story's size") {
  CHECK(story().agent_count() == 39);
  CHECK(story().event_count() == 14);
  CHECK(story().claim_count() == 76);
  CHECK(story().statement_count() == 214);
  CHECK(story().derivation_count() == 118);
  CHECK(cycles(story()).empty());
}

TEST_CASE("seed: the July/August deployment is 3 reports of 9 mentions, 1 independent origin, the NIS briefing") {
  const auto& g = story();
  const auto& r = reporting("deploy-jul-aug");
  // Each article mentions it three times; the site's headline puts it in its own voice.
  CHECK(summary(r) == "3 reports (9 mentions), 1 independent origin, 1 unsourced");
  REQUIRE(r.origins.size() == 2);
  CHECK(g.id(r.origins[0]) == "deploy-jul-aug/news-site@site-2025-06#headline");
  CHECK(g.id(r.origins[1]) == "deploy-jul-aug/nis@nis-briefing-2025-06-26");
  CHECK(g.date(r.origins[1])->to_string() == "2025-06-26");
  // Lee relays it in the Herald's body and the site's lead; the headline and
  // lead of the Herald, and every mention of the blog, name the agency alone.
  CHECK(agents_on_paths(g, "deploy-jul-aug/korea-herald@herald-2025-06-27#body") == strings{"lee-seong-kweun", "nis"});
  CHECK(agents_on_paths(g, "deploy-jul-aug/korea-herald@herald-2025-06-27#headline") == strings{"nis"});
  CHECK(agents_on_paths(g, "deploy-jul-aug/news-site@site-2025-06#lead") == strings{"lee-seong-kweun", "nis"});
  CHECK(agents_on_paths(g, "deploy-jul-aug/news-site@site-2025-06#body") == strings{"nis"});
  for (const char* part : {"headline", "lead", "body"}) {
    std::string id = "deploy-jul-aug/news-blog@blog-2025-06#";
    id += part;
    CHECK(agents_on_paths(g, id.c_str()) == strings{"nis"});
  }
  // The blog's headline turns the lead's "as early as July" into "by August".
  auto when = [&](const char* id) { return g.stated(g.statement_id(id))->when->to_string(); };
  CHECK(when("deploy-jul-aug/news-blog@blog-2025-06#lead") == "2025-07-01/..");
  CHECK(when("deploy-jul-aug/news-blog@blog-2025-06#headline") == "../2025-08-31");
  CHECK(g.part(g.statement_id("deploy-jul-aug/news-blog@blog-2025-06#headline")) == article_part::headline);
}

TEST_CASE("seed: the briefing had an audience, and Shoigu's trip is a visit") {
  const auto& g = story();
  const event& briefing = g[g.event_id("nis-briefing-2025-06-26")];
  CHECK(briefing.kind == event_kind::briefing);
  REQUIRE(briefing.audience.size() == 1);
  CHECK(g[briefing.audience[0]].id == "intelligence-committee");
  CHECK(g[g.event_id("shoigu-pyongyang-2025-06-17")].kind == event_kind::visit);
}

TEST_CASE("seed: dates the text does not print are the ranges it allows, each with a note") {
  const auto& g = story();
  auto date = [&](const char* id) { return g[g.event_id(id)].date->to_string(); };
  CHECK(date("site-2025-06") == "2025-06-26/2025-06-30");
  CHECK(date("blog-2025-06") == "2025-06-26/2025-06-30");
  CHECK(date("rfa-2025-02-13") == "2025-02-13/2025-02-19");
  CHECK(date("gerasimov-2025-04") == "2025-03-01/2025-05-31");
  CHECK(date("nis-briefing-2025-11") == "2025-09-01/2025-11-30");
  for (const char* id : {"site-2025-06", "blog-2025-06", "rfa-2025-02-13", "gerasimov-2025-04", "nis-briefing-2025-11",
                         "nis-statement-2025-02-13", "pravda-2025-11"}) {
    CHECK_FALSE(g[g.event_id(id)].info.note.empty());
  }
}

TEST_CASE("seed: Park's ceasefire claim from the same briefing never meets Lee's trace") {
  const auto& g = story();
  CHECK(agents_on_paths(g, "ceasefire-fragile/korea-herald@herald-2025-06-27#quoted") ==
        strings{"park-sun-won", "nis"});
  CHECK(agents_on_paths(g, "ceasefire-fragile/korea-herald@herald-2025-06-27#paraphrased") ==
        strings{"park-sun-won", "nis"});
  CHECK_FALSE(agents_on_paths(g, "deploy-jul-aug/korea-herald@herald-2025-06-27#body").contains("park-sun-won"));
  const auto& r = reporting("ceasefire-fragile");
  CHECK(summary(r) == "2 reports (4 mentions), 1 independent origin");
  REQUIRE(r.origins.size() == 1);
  CHECK(g.id(r.origins[0]) == "ceasefire-fragile/nis@nis-briefing-2025-06-26");
}

TEST_CASE("seed: Lee relays two origins, and each claim's trace reaches only its own") {
  const auto& g = story();
  auto m = origins(g);
  auto lee_deploy = g.statement_id("deploy-jul-aug/lee-seong-kweun");
  auto lee_kursk = g.statement_id("kursk-engineers/lee-seong-kweun");
  REQUIRE(m.of(lee_deploy).size() == 1);
  REQUIRE(m.of(lee_kursk).size() == 1);
  CHECK(g.id(m.of(lee_deploy)[0]) == "deploy-jul-aug/nis@nis-briefing-2025-06-26");
  CHECK(g.id(m.of(lee_kursk)[0]) == "kursk-engineers/shoigu@shoigu-pyongyang-2025-06-17");
  CHECK(independent(m, lee_deploy, lee_kursk));
}

TEST_CASE("seed: the 6,000 engineers trace to Shoigu's visit, through Russia's announcement, not to the NIS") {
  const auto& g = story();
  const auto& r = reporting("kursk-engineers");
  CHECK(summary(r) == "3 reports (4 mentions), 1 independent origin");
  REQUIRE(r.origins.size() == 1);
  CHECK(g[g[r.origins[0]].agent].id == "shoigu");
  CHECK(g.date(r.origins[0])->to_string() == "2025-06-17");
  for (auto rep : r.mentions) CHECK_FALSE(agents_on_paths(g, std::string(g.id(rep)).c_str()).contains("nis"));
  // Lee credits "Russia"; that Russia's announcement is Shoigu's is the annotator's inference.
  CHECK(agents_on_paths(g, "kursk-engineers/news-site@site-2025-06#lee") ==
        strings{"lee-seong-kweun", "russia", "shoigu"});
  auto paths = trace(g, g.statement_id("kursk-engineers/news-site@site-2025-06#lee")).paths;
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].rests_on_inference());
  // Shoigu himself, in the site's other mention, gives no figure.
  CHECK(g.stated(g.statement_id("kursk-engineers/news-site@site-2025-06#shoigu"))->quantity.empty());
  CHECK_FALSE(trace(g, g.statement_id("kursk-engineers/news-site@site-2025-06#shoigu")).paths[0].rests_on_inference());
}

TEST_CASE("seed: figures an outlet gives in its own voice are unsourced there") {
  const auto& g = story();
  // The Herald's deck and body give 11,000 in October in its own voice; Lee's
  // quote says late last year; the blog's estimate names no source either.
  CHECK(summary(reporting("first-deployment")) == "3 reports (5 mentions), 1 independent origin, 3 unsourced");
  auto when = [&](const char* id) { return g.stated(g.statement_id(id))->when->to_string(); };
  CHECK(when("first-deployment/korea-herald@herald-2025-06-27#deck") == "2024-10");
  CHECK(when("first-deployment/korea-herald@herald-2025-06-27#own") == "2024-10");
  CHECK(when("first-deployment/korea-herald@herald-2025-06-27#lee") == "2024-10-01/2024-12-31");
  CHECK(when("first-deployment/news-site@site-2025-06#body") == "2024-10");
  CHECK(when("first-deployment/news-blog@blog-2025-06#body") == "2024-11");
  auto m = origins(g);
  for (const char* id :
       {"first-deployment/korea-herald@herald-2025-06-27#deck", "first-deployment/korea-herald@herald-2025-06-27#own",
        "first-deployment/news-blog@blog-2025-06#body"}) {
    auto v = g.statement_id(id);
    CHECK(boost::out_degree(v, g.graph()) == 0);
    CHECK(m.is_unsourced(v));
  }
  // The 4,000 of February: the Herald's own twice; the site's Lee credits Russia.
  CHECK(summary(reporting("second-deployment")) == "2 reports (3 mentions), 1 independent origin, 2 unsourced");
  CHECK(agents_on_paths(g, "second-deployment/news-site@site-2025-06#body") == strings{"lee-seong-kweun", "russia"});
}

TEST_CASE("seed: Ukraine and the United States are two independent origins of the 12,000 figure") {
  CHECK(summary(reporting("up-to-12000")) == "1 report, 2 independent origins");
  CHECK(reporting("up-to-12000").clusters.size() == 1);
}

TEST_CASE("seed: the think tank's up to half and the expert's 50% are two origins of one claim") {
  const auto& g = story();
  const auto& r = reporting("casualty-rate-50pct");
  CHECK(summary(r) == "1 report (2 mentions), 2 independent origins");
  REQUIRE(r.origins.size() == 2);
  CHECK(g[g[r.origins[0]].agent].id == "isw");
  CHECK(g[g[r.origins[1]].agent].id == "seth-jones");
  CHECK(r.clusters.size() == 2);
  // Jones's words are reported speech, not a quote.
  auto paths = trace(g, g.statement_id("casualty-rate-50pct/rfa@rfa-2025-02-13#jones")).paths;
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].hops[0].kind == derivation_kind::paraphrases);
}

TEST_CASE("seed: background a site states without a source is unsourced") {
  CHECK(summary(reporting("defence-pact-2024")) == "1 report, 0 independent origins, 1 unsourced");
  CHECK(summary(reporting("over-1000-jan-feb")) == "1 report (2 mentions), 1 independent origin");
}

TEST_CASE("seed: the forecast's stated basis is recorded: personnel being selected, a month after the last visit") {
  const auto& g = story();
  for (const char* id : {"personnel-selection", "one-month-lag", "shoigu-visit-jun-2025", "shoigu-visit-2024"}) {
    CHECK(g.find_claim(id));
  }
  CHECK(summary(reporting("one-month-lag")) == "3 reports, 1 independent origin");
  CHECK(summary(reporting("personnel-selection")) == "3 reports, 1 independent origin");
}

TEST_CASE("seed: the timeline of the July/August claim") {
  const auto& g = story();
  auto t = timeline(g, origins(g))[g.claim_id("deploy-jul-aug").index];
  CHECK(t.origin_date->to_string() == "2025-06-26");
  CHECK(t.last_report->to_string() == "2025-06-27");
  REQUIRE(t.reports.size() == 3);
  // One timing per article, by its first mention's id; the site's range is 06-26..06-30.
  CHECK(g.id(t.reports[0].report) == "deploy-jul-aug/news-blog@blog-2025-06#body");
  CHECK(g.id(t.reports[1].report) == "deploy-jul-aug/news-site@site-2025-06#body");
  CHECK(*t.reports[1].delay == day_delay{0, 4});
  CHECK(g.id(t.reports[2].report) == "deploy-jul-aug/korea-herald@herald-2025-06-27#body");
  CHECK(t.reports[2].mentions == 3);
  CHECK(*t.reports[2].delay == day_delay{1, 1});
}

TEST_CASE("seed: the report is byte-identical across runs") {
  std::ostringstream a, b;
  write_report(a, seed::story());
  write_report(b, seed::story());
  CHECK(a.str() == b.str());
  CHECK(a.str().find("== deploy-jul-aug:") != std::string::npos);
}
