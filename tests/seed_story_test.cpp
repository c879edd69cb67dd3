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
  CHECK(story().claim_count() == 22);
  CHECK(story().statement_count() == 65);
  CHECK(story().derivation_count() == 44);
  CHECK(cycles(story()).empty());
}

TEST_CASE("seed: the July/August deployment is 3 reports, 1 independent origin, the NIS briefing of 2025-06-26") {
  const auto& g = story();
  const auto& r = reporting("deploy-jul-aug");
  CHECK(summary(r) == "3 reports, 1 independent origin");
  REQUIRE(r.origins.size() == 1);
  CHECK(g.id(r.origins[0]) == "deploy-jul-aug/nis@nis-briefing-2025-06-26");
  CHECK(g.date(r.origins[0])->to_string() == "2025-06-26");
  // Relayed by Lee in seeds 000 and 002, stated as the agency's own in 001.
  CHECK(agents_on_paths(g, "deploy-jul-aug/korea-herald@herald-2025-06-27") == strings{"lee-seong-kweun", "nis"});
  CHECK(agents_on_paths(g, "deploy-jul-aug/news-site@site-2025-06") == strings{"lee-seong-kweun", "nis"});
  CHECK(agents_on_paths(g, "deploy-jul-aug/news-blog@blog-2025-06") == strings{"nis"});
}

TEST_CASE("seed: Park's ceasefire claim from the same briefing never meets Lee's trace") {
  const auto& g = story();
  CHECK(agents_on_paths(g, "ceasefire-fragile/korea-herald@herald-2025-06-27") == strings{"park-sun-won", "nis"});
  CHECK_FALSE(agents_on_paths(g, "deploy-jul-aug/korea-herald@herald-2025-06-27").contains("park-sun-won"));
  const auto& r = reporting("ceasefire-fragile");
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

TEST_CASE("seed: the 6,000 engineers trace to Russia's announcement during Shoigu's visit, not to the NIS") {
  const auto& g = story();
  const auto& r = reporting("kursk-engineers");
  CHECK(summary(r) == "3 reports, 1 independent origin");
  REQUIRE(r.origins.size() == 1);
  CHECK(g[g[r.origins[0]].agent].id == "shoigu");
  CHECK(g.date(r.origins[0])->to_string() == "2025-06-17");
  for (auto rep : r.mentions) CHECK_FALSE(agents_on_paths(g, std::string(g.id(rep)).c_str()).contains("nis"));
}

TEST_CASE("seed: the reports disagree on the month of the first 11,000 troops") {
  const auto& g = story();
  auto when = [&](const char* id) { return g.stated(g.statement_id(id))->when->to_string(); };
  CHECK(when("first-deployment/korea-herald@herald-2025-06-27") == "2024-10");
  CHECK(when("first-deployment/news-site@site-2025-06") == "2024-10");
  CHECK(when("first-deployment/news-blog@blog-2025-06") == "2024-11");
  CHECK(summary(reporting("first-deployment")) == "3 reports, 1 independent origin");
}

TEST_CASE("seed: Ukraine and the United States are two independent origins of the 12,000 figure") {
  CHECK(summary(reporting("up-to-12000")) == "1 report, 2 independent origins");
  CHECK(reporting("up-to-12000").clusters.size() == 1);
}

TEST_CASE("seed: background a site states without a source is unsourced") {
  CHECK(summary(reporting("defence-pact-2024")) == "1 report, 0 independent origins, 1 unsourced");
  CHECK(summary(reporting("over-1000-jan-feb")) == "1 report, 1 independent origin");
}

TEST_CASE("seed: the timeline of the July/August claim") {
  const auto& g = story();
  auto t = timeline(g, origins(g))[g.claim_id("deploy-jul-aug").index];
  CHECK(t.origin_date->to_string() == "2025-06-26");
  CHECK(t.last_report->to_string() == "2025-06-27");
  bool herald_seen = false;
  for (const auto& rt : t.reports) {
    if (g.id(rt.report) == "deploy-jul-aug/korea-herald@herald-2025-06-27") {
      herald_seen = true;
      CHECK(*rt.delay == day_delay{1, 1});
    }
  }
  CHECK(herald_seen);
}

TEST_CASE("seed: the report is byte-identical across runs") {
  std::ostringstream a, b;
  write_report(a, seed::story());
  write_report(b, seed::story());
  CHECK(a.str() == b.str());
  CHECK(a.str().find("== deploy-jul-aug:") != std::string::npos);
}
