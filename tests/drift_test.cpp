// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/analysis/drift.hpp>

#include "catch.hpp"
#include "data/seed_story.hpp"

#include <algorithm>

using namespace sourcetrace;

namespace {
// An agency's briefing relayed by a lawmaker to two papers, and paraphrased
// directly by a third; each paper states the claim its own way.
struct newsroom {
  provenance_graph g;
  newsroom() {
    g.add_claim("c", "a claim");
    g.add_agent("agency", "Agency", organization{});
    g.add_agent("lawmaker", "Lawmaker", person{});
    for (const char* p : {"p1", "p2", "p3"}) {
      g.add_agent(p, p, outlet{});
      g.add_event(std::string("ev-") + p, event_kind::publication, "2025-06-27", p);
    }
    g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency");
  }
  std::string id(std::uint32_t v) const { return std::string(g.id(v)); }
};
claim_details when(const char* iso) { return {.when = partial_date::parse(iso)}; }
claim_details figure(const char* text) { return {.quantity = text}; }
claim_details mode(modality m) { return {.mode = m}; }

// Every finding of `g`, claim by claim: drift's per-claim results, flattened.
std::vector<drift_finding> all_drift(const provenance_graph& g) {
  std::vector<drift_finding> out;
  for (const claim_drift& c : drift(g, origins(g))) out.insert(out.end(), c.findings.begin(), c.findings.end());
  return out;
}
}  // namespace

TEST_CASE("drift gives one element per claim, element c for claim c, as every per-claim analysis does") {
  auto g = seed::story();
  auto per_claim = drift(g, origins(g));
  REQUIRE(per_claim.size() == g.claim_count());
  std::size_t with_findings = 0;
  for (std::uint32_t c = 0; c < g.claim_count(); ++c) {
    CHECK(per_claim[c].claim == claim_handle{c});
    for (const auto& f : per_claim[c].findings) CHECK(f.claim == claim_handle{c});
    with_findings += !per_claim[c].findings.empty();
  }
  CHECK(with_findings == 17);
}

TEST_CASE("dates that cannot both be true are a contradiction, located where each version enters") {
  newsroom n;
  n.g.report("ev-p1", "c", when("2024-10")).via("lawmaker").via("briefing");
  n.g.report("ev-p2", "c", when("2024-10")).via("lawmaker");
  n.g.report("ev-p3", "c", when("2024-11")).via("briefing", derivation_kind::paraphrases);
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK(f[0].aspect == drift_aspect::when);
  CHECK(f[0].kind == drift_kind::contradiction);
  CHECK(f[0].a.value == "2024-10");
  CHECK(f[0].a.statements.size() == 2);
  CHECK(f[0].b.value == "2024-11");
  REQUIRE(f[0].meet);
  CHECK(n.id(*f[0].meet) == "c/agency@briefing");
  // Both papers of the October version pass through the lawmaker: it enters there.
  REQUIRE(f[0].a.entry.size() == 1);
  CHECK(n.id(f[0].a.entry[0].from) == "c/lawmaker");
  REQUIRE(f[0].b.entry.size() == 1);
  CHECK(n.id(f[0].b.entry[0].from) == "c/p3@ev-p3");
  CHECK(f[0].b.entry[0].kind == derivation_kind::paraphrases);
}

// Each finding as "aspect kind: a vs b", to check many findings at a glance.
std::vector<std::string> described(const std::vector<drift_finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) {
    std::string line(to_string(f.aspect));
    line.append(" ").append(to_string(f.kind)).append(": ").append(f.a.value).append(" vs ").append(f.b.value);
    out.push_back(std::move(line));
  }
  return out;
}

TEST_CASE("a year holds a month, and a month a day within it: each pair is a loss of precision") {
  newsroom n;
  n.g.report("ev-p1", "c", when("2024-10")).via("briefing");
  n.g.report("ev-p2", "c", when("2024-10-15")).via("briefing");
  n.g.report("ev-p3", "c", when("2024")).via("briefing");
  auto f = all_drift(n.g);
  // In date order (first day, then last): 2024, 2024-10, 2024-10-15; the vaguer is `a`.
  CHECK(described(f) == std::vector<std::string>{"when precision: 2024 vs 2024-10",
                                                 "when precision: 2024 vs 2024-10-15",
                                                 "when precision: 2024-10 vs 2024-10-15"});
  REQUIRE(f.size() == 3);
  CHECK(n.id(f[2].a.statements.at(0)) == "c/p1@ev-p1");
  CHECK(n.id(f[2].b.statements.at(0)) == "c/p2@ev-p2");
  CHECK(f[2].a.given);
  // Each keeps where the versions meet, and the hop by which each enters.
  REQUIRE(f[2].meet);
  CHECK(n.id(*f[2].meet) == "c/agency@briefing");
  REQUIRE(f[2].a.entry.size() == 1);
  CHECK(n.id(f[2].a.entry[0].from) == "c/p1@ev-p1");
  REQUIRE(f[2].b.entry.size() == 1);
  CHECK(n.id(f[2].b.entry[0].from) == "c/p2@ev-p2");
}

TEST_CASE("an open start reaches back past every named day: \"by August\" holds July, and July or August") {
  newsroom n;
  n.g.report("ev-p1", "c", when("../2025-08-31")).via("briefing");
  n.g.report("ev-p2", "c", when("2025-07")).via("briefing");
  n.g.report("ev-p3", "c", when("2025-07/2025-08")).via("briefing");
  CHECK(described(all_drift(n.g)) == std::vector<std::string>{"when precision: ../2025-08-31 vs 2025-07",
                                                              "when precision: ../2025-08-31 vs 2025-07-01/2025-08-31",
                                                              "when precision: 2025-07-01/2025-08-31 vs 2025-07"});
}

TEST_CASE("open against open: by September holds by August; a deadline and an earliest date hold neither") {
  newsroom n;
  n.g.report("ev-p1", "c", when("../2025-08-31")).via("briefing");
  n.g.report("ev-p2", "c", when("../2025-09-30")).via("briefing");
  CHECK(described(all_drift(n.g)) == std::vector<std::string>{"when precision: ../2025-09-30 vs ../2025-08-31"});

  // "by August" and "as soon as July" share July and August; neither holds the other.
  newsroom apart;
  apart.g.report("ev-p1", "c", when("../2025-08-31")).via("briefing");
  apart.g.report("ev-p2", "c", when("2025-07-01/..")).via("briefing");
  CHECK(all_drift(apart.g).empty());

  // An open end is wider than a period that runs to the calendar's last day,
  // though both end on 9999-12-31 as Boost.Date_Time reads them.
  newsroom edge;
  edge.g.report("ev-p1", "c", when("2025-07-01/9999-12-31")).via("briefing");
  edge.g.report("ev-p2", "c", when("2025-07-01/..")).via("briefing");
  CHECK(described(all_drift(edge.g)) ==
        std::vector<std::string>{"when precision: 2025-07-01/.. vs 2025-07-01/9999-12-31"});
}

TEST_CASE("dates that share days without either holding the other are neither contradiction nor precision") {
  newsroom n;
  n.g.report("ev-p1", "c", when("2025-07/2025-08")).via("briefing");
  n.g.report("ev-p2", "c", when("2025-08/2025-09")).via("briefing");
  CHECK(all_drift(n.g).empty());

  // The same days put two ways: no detail lost either way.
  newsroom same;
  same.g.report("ev-p1", "c", when("2024-10")).via("briefing");
  same.g.report("ev-p2", "c", when("2024-10-01/2024-10-31")).via("briefing");
  CHECK(all_drift(same.g).empty());
}

TEST_CASE("siblings: a paper that states the claim without the figure another gives has lost precision") {
  newsroom n;
  n.g.report("ev-p1", "c", figure("more than 10 million")).via("briefing");
  n.g.report("ev-p2", "c", mode(modality::believed)).via("lawmaker").via("briefing");
  n.g.report("ev-p3", "c").via("briefing");  // states no details: not compared
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK(f[0].aspect == drift_aspect::quantity);
  CHECK(f[0].kind == drift_kind::precision);
  CHECK(f[0].a.value == "no figure");
  CHECK_FALSE(f[0].a.given);
  REQUIRE(f[0].a.statements.size() == 1);
  CHECK(n.id(f[0].a.statements[0]) == "c/p2@ev-p2");
  CHECK(f[0].b.value == "more than 10 million");
  CHECK(f[0].b.given);
  // Neither paper derives from the other: they meet at the briefing, each by its own hop.
  REQUIRE(f[0].meet);
  CHECK(n.id(*f[0].meet) == "c/agency@briefing");
  REQUIRE(f[0].a.entry.size() == 1);
  CHECK(n.id(f[0].a.entry[0].from) == "c/lawmaker");
  REQUIRE(f[0].b.entry.size() == 1);
  CHECK(n.id(f[0].b.entry[0].from) == "c/p1@ev-p1");
}

TEST_CASE("along a chain: a paper that drops the figure its source gave has lost precision") {
  newsroom n;
  n.g.report("ev-p1", "c", mode(modality::asserted)).via("lawmaker", derivation_kind::cites, figure("11,000"));
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK(described(f) == std::vector<std::string>{"quantity precision: no figure vs 11,000"});
  CHECK(n.id(f[0].a.statements.at(0)) == "c/p1@ev-p1");
  CHECK(n.id(f[0].b.statements.at(0)) == "c/lawmaker");
  REQUIRE(f[0].meet);
  CHECK(n.id(*f[0].meet) == "c/lawmaker");
}

TEST_CASE("a statement that gives no date where another gives one has lost precision") {
  newsroom n;
  n.g.report("ev-p1", "c", {.quantity = "4,000", .when = partial_date::parse("2025-02")}).via("briefing");
  n.g.report("ev-p2", "c", figure("4,000")).via("briefing");
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK(f[0].aspect == drift_aspect::when);
  CHECK(f[0].kind == drift_kind::precision);
  CHECK(f[0].a.value == "no date");
  CHECK_FALSE(f[0].a.given);
  CHECK(n.id(f[0].a.statements.at(0)) == "c/p2@ev-p2");
  CHECK(f[0].b.value == "2025-02");
  REQUIRE(f[0].meet);
  CHECK(n.id(*f[0].meet) == "c/agency@briefing");
}

TEST_CASE("statements that state no details are not compared: they say nothing of how they put the claim") {
  newsroom n;
  n.g.report("ev-p1", "c", {.quantity = "4,000", .when = partial_date::parse("2025-02")}).via("briefing");
  n.g.report("ev-p2", "c").via("lawmaker").via("briefing");
  n.g.report("ev-p3", "c", claim_details{}).via("briefing");
  CHECK(all_drift(n.g).empty());
}

TEST_CASE("dropped versions come after the stated pairs: dates, then figures, each pair once") {
  newsroom n;
  n.g.report("ev-p1", "c", {.quantity = "11,000", .when = partial_date::parse("2024-10")}).via("briefing");
  n.g.report("ev-p2", "c", {.quantity = "11,000", .when = partial_date::parse("2024-11")}).via("briefing");
  // p3 and the lawmaker it cites put the claim with a hedge only.
  n.g.report("ev-p3", "c", mode(modality::possible))
      .via("lawmaker", derivation_kind::cites, mode(modality::possible))
      .via("briefing");
  auto f = all_drift(n.g);
  CHECK(described(f) ==
        std::vector<std::string>{"when contradiction: 2024-10 vs 2024-11", "when precision: no date vs 2024-10",
                                 "when precision: no date vs 2024-11", "quantity precision: no figure vs 11,000"});
  REQUIRE(f.size() == 4);
  // One version holds every statement that gives no date.
  CHECK(f[1].a.statements.size() == 2);
}

TEST_CASE("a figure that reads as no number is vaguer than one that does, and is not compared with none") {
  newsroom n;
  n.g.report("ev-p1", "c", figure("several")).via("briefing");
  n.g.report("ev-p2", "c", figure("4,000")).via("briefing");
  n.g.report("ev-p3", "c", mode(modality::reported))
      .via("lawmaker", derivation_kind::cites, figure("a few"))
      .via("briefing");
  auto f = all_drift(n.g);
  // "several" and "a few" both allow any number, as does no figure: no finding among them.
  // In the order first stated, taking statements by id: c/lawmaker comes before c/p1@ev-p1.
  CHECK(described(f) == std::vector<std::string>{"quantity precision: a few vs 4,000",
                                                 "quantity precision: several vs 4,000",
                                                 "quantity precision: no figure vs 4,000"});
  REQUIRE(f.size() == 3);
  CHECK(f[0].a.given);  // it stated words, shown as stated
  CHECK_FALSE(f[2].a.given);
}

TEST_CASE("a figure that allows more than another has lost precision; disjoint figures contradict") {
  newsroom n;
  n.g.report("ev-p1", "c", figure("more than 10 million")).via("briefing");
  n.g.report("ev-p2", "c", figure("millions of")).via("lawmaker").via("briefing");
  n.g.report("ev-p3", "c", figure("11,000")).via("briefing");
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 3);
  // In the order the figures were first stated: p1 with p2, p1 with p3, p2 with p3.
  CHECK(f[0].kind == drift_kind::precision);
  CHECK(f[0].a.value == "millions of");  // the vaguer version
  CHECK(f[0].b.value == "more than 10 million");
  CHECK(f[1].kind == drift_kind::contradiction);
  CHECK(f[1].b.value == "11,000");
  CHECK(f[2].kind == drift_kind::contradiction);
  CHECK(f[2].a.value == "millions of");
}

TEST_CASE("the same figure with a different hedge is not drift in the figure") {
  newsroom n;
  n.g.report("ev-p1", "c", figure("11,000")).via("briefing");
  n.g.report("ev-p2", "c", figure("an estimated 11,000")).via("briefing");
  CHECK(all_drift(n.g).empty());
}

TEST_CASE("a hedge that hardens or softens along the chain is found at its hop") {
  newsroom n;
  n.g.report("ev-p1", "c", mode(modality::asserted))
      .via("lawmaker")
      .via("briefing", derivation_kind::cites, mode(modality::possible));
  n.g.report("ev-p2", "c", mode(modality::possible)).via("briefing");
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK(f[0].aspect == drift_aspect::modality);
  CHECK(f[0].kind == drift_kind::hardened);
  CHECK(f[0].a.value == "asserted");
  CHECK(f[0].b.value == "possible");
  // The lawmaker states no modality, so the change lies somewhere on the two hops.
  REQUIRE(f[0].a.entry.size() == 2);
  CHECK(n.id(f[0].a.entry[0].from) == "c/p1@ev-p1");
  CHECK(n.id(f[0].a.entry[1].to) == "c/agency@briefing");

  newsroom soft;
  soft.g.report("ev-p1", "c", mode(modality::possible))
      .via("briefing", derivation_kind::cites, mode(modality::asserted));
  auto s = all_drift(soft.g);
  REQUIRE(s.size() == 1);
  CHECK(s[0].kind == drift_kind::softened);
}

TEST_CASE("versions from independent origins contradict without a meeting point") {
  newsroom n;
  n.g.add_agent("ministry", "Ministry", organization{});
  n.g.add_event("presser", event_kind::press_conference, "2025-06-20", "ministry");
  n.g.report("ev-p1", "c", figure("4,000")).via("briefing");
  n.g.report("ev-p2", "c", figure("12,000")).via("presser");
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].meet.has_value());
  CHECK(f[0].a.entry.empty());
}

TEST_CASE(
    "seed: drift finds October vs November, late last year, a dropped figure, sibling hedges and a headline that "
    "hardens its article's quote") {
  auto g = seed::story();
  auto f = all_drift(g);
  // Every finding, by claim id (each claim's in drift's order): read against
  // the five articles, each is a difference the text shows.
  std::stable_sort(f.begin(), f.end(), [&](const auto& x, const auto& y) { return g[x.claim].id < g[y.claim].id; });
  std::vector<std::string> lines;
  for (const auto& x : f) lines.push_back(g[x.claim].id + " " + described({x})[0]);
  CHECK(lines ==
        std::vector<std::string>{"casualty-rate-50pct quantity precision: up to half vs possibly 50%",
                                 "casualty-rate-50pct modality hardened: estimated vs possible",
                                 "ceasefire-fragile modality hardened: believed vs possible",
                                 "ceasefire-fragile modality hardened: asserted vs believed",
                                 "ceasefire-fragile modality hardened: asserted vs possible",
                                 "combat-pause-jan when precision: no date vs 2025-01-01/..",
                                 "deploy-jul-aug when precision: ../2025-08-31 vs 2025-07-01/2025-08-31",
                                 "deploy-jul-aug when precision: 2025-07-01/.. vs 2025-07-01/2025-08-31",
                                 "deploy-jul-aug when precision: no date vs ../2025-08-31",
                                 "deploy-jul-aug when precision: no date vs 2025-07-01/2025-08-31",
                                 "deploy-jul-aug when precision: no date vs 2025-07-01/..",
                                 "deploy-jul-aug modality hardened: likely vs possible",
                                 "deploy-jul-aug modality hardened: expected vs possible",
                                 "first-deployment when precision: 2024-10-01/2024-12-31 vs 2024-10",
                                 "first-deployment when contradiction: 2024-10 vs 2024-11",
                                 "first-deployment when precision: 2024-10-01/2024-12-31 vs 2024-11",
                                 "first-deployment modality hardened: asserted vs estimated",
                                 "gerasimov-confirms modality hardened: confirmed vs asserted",
                                 "kursk-engineers quantity precision: no figure vs 6,000",
                                 "kursk-engineers modality hardened: planned vs reported",
                                 "kursk-engineers modality hardened: announced vs planned",
                                 "kursk-engineers modality hardened: announced vs reported",
                                 "mass-surrender-likely modality hardened: likely vs possible",
                                 "more-troops-feb-2025 modality hardened: confirmed vs asserted",
                                 "more-troops-feb-2025 modality hardened: confirmed vs appears",
                                 "more-troops-feb-2025 modality hardened: asserted vs appears",
                                 "over-1000-jan-feb when precision: no date vs 2025-01-01/2025-02-28",
                                 "over-1000-jan-feb modality hardened: estimated vs reported",
                                 "personnel-selection modality hardened: asserted vs appears",
                                 "personnel-selection modality hardened: asserted vs reported",
                                 "personnel-selection modality hardened: appears vs reported",
                                 "putin-visit-2024 when precision: 2024 vs 2024-06",
                                 "putin-visit-2024 when precision: 2024 vs 2024-06-19",
                                 "putin-visit-2024 when precision: 2024-06 vs 2024-06-19",
                                 "redeployed-kursk when precision: 2025-02-01/2025-02-10 vs 2025-02-01/2025-02-07",
                                 "redeployed-kursk modality hardened: asserted vs believed",
                                 "second-deployment when precision: no date vs 2025-02",
                                 "shells-supplied quantity precision: millions of vs more than 10 million",
                                 "shells-supplied quantity precision: no figure vs millions of",
                                 "shells-supplied quantity precision: no figure vs more than 10 million",
                                 "shoigu-visit-jun-2025 when precision: 2025-06-16/2025-06-22 vs 2025-06-17",
                                 "shoigu-visit-jun-2025 when precision: no date vs 2025-06-16/2025-06-22",
                                 "shoigu-visit-jun-2025 when precision: no date vs 2025-06-17",
                                 "since-september-10000 when precision: no date vs 2025-09-01/.."});
  auto find = [&](const char* claim, const char* a, const char* b) -> const drift_finding& {
    for (const auto& x : f) {
      if (g[x.claim].id == claim && x.a.value == a && x.b.value == b) return x;
    }
    FAIL("no finding " << claim << " " << a << " vs " << b);
    return f.front();
  };
  // October (the Herald's own deck and body, and Lee on the site) against the
  // blog's own November: no origin in common, the blog names no source.
  const auto& month = find("first-deployment", "2024-10", "2024-11");
  CHECK(month.kind == drift_kind::contradiction);
  CHECK_FALSE(month.meet);
  CHECK(g.id(month.b.statements.at(0)) == "first-deployment/news-blog@blog-2025-06#body");
  // The news site gives the 4,000 troops without the month the Korea Herald gives.
  const auto& dropped = find("second-deployment", "no date", "2025-02");
  CHECK(dropped.kind == drift_kind::precision);
  CHECK(g.id(dropped.a.statements.at(0)) == "second-deployment/news-site@site-2025-06#body");
  // RFA's headline and its later "confirmation" harden the NIS's "appears", inside the article.
  const auto& confirms = find("more-troops-feb-2025", "confirmed", "appears");
  CHECK(confirms.kind == drift_kind::hardened);
  CHECK_FALSE(confirms.along_chain);
  CHECK(g[confirms.article].id == "rfa-2025-02-13");
  CHECK(g.id(*confirms.meet) == "more-troops-feb-2025/nis@nis-statement-2025-02-13");
  // The think tank's "up to half" holds the expert's "possibly 50%": two origins, no meeting point.
  const auto& half = find("casualty-rate-50pct", "up to half", "possibly 50%");
  CHECK(half.kind == drift_kind::precision);
  CHECK_FALSE(half.meet);
  // Shoigu, by the site, gives no figure; the 6,000 come through others.
  const auto& engineers = find("kursk-engineers", "no figure", "6,000");
  CHECK(g.id(engineers.a.statements.at(0)) == "kursk-engineers/news-site@site-2025-06#shoigu");
  CHECK(g.id(*engineers.meet) == "kursk-engineers/shoigu@shoigu-pyongyang-2025-06-17");
}

TEST_CASE("seed: the 10,000 troops sent since September 2025 are not a drifted copy of the 11,000 of 2024") {
  auto g = seed::story();
  auto since = g.claim_id("since-september-10000");
  auto first = g.claim_id("first-deployment");
  // Each finding compares statements of its own claim only: Pravda's headline
  // against the NIS's "since September" is drift of that claim, never of the 11,000.
  std::size_t of_since = 0;
  for (const auto& f : all_drift(g)) {
    for (auto v : f.a.statements) CHECK(g[v].claim == f.claim);
    for (auto v : f.b.statements) CHECK(g[v].claim == f.claim);
    of_since += f.claim == since;
  }
  CHECK(of_since == 1);
  // The two are different claims whose periods do not overlap.
  CHECK_FALSE(g[since].details.when->overlaps(partial_date::parse("2024-10/2024-12")));
  CHECK(since != first);
}

TEST_CASE("siblings are compared too: two papers relaying one briefing with different hedges") {
  newsroom n;
  // Neither paper derives from the other; both rest on the briefing, which states no modality.
  n.g.report("ev-p1", "c", mode(modality::confirmed)).via("briefing");
  n.g.report("ev-p2", "c", mode(modality::appears)).via("lawmaker").via("briefing");
  auto f = all_drift(n.g);
  REQUIRE(f.size() == 1);
  CHECK(f[0].aspect == drift_aspect::modality);
  CHECK(f[0].kind == drift_kind::hardened);  // the firmer of the two siblings
  CHECK_FALSE(f[0].along_chain);
  CHECK(f[0].a.value == "confirmed");
  CHECK(f[0].b.value == "appears");
  REQUIRE(f[0].meet.has_value());
  CHECK(n.id(*f[0].meet) == "c/agency@briefing");
  // Each version enters where it reaches the briefing.
  REQUIRE(f[0].a.entry.size() == 1);
  CHECK(n.id(f[0].a.entry[0].from) == "c/p1@ev-p1");
  REQUIRE(f[0].b.entry.size() == 1);
  CHECK(n.id(f[0].b.entry[0].from) == "c/lawmaker");
}

TEST_CASE("the evidential scale orders hedges; one rung is equally firm") {
  auto chain = [](modality later, modality earlier) {
    newsroom n;
    n.g.report("ev-p1", "c", mode(later)).via("briefing", derivation_kind::cites, mode(earlier));
    return all_drift(n.g);
  };
  CHECK(chain(modality::believed, modality::estimated).empty());
  CHECK(chain(modality::expected, modality::likely).empty());
  CHECK(chain(modality::announced, modality::asserted).empty());
  auto up = chain(modality::confirmed, modality::appears);
  REQUIRE(up.size() == 1);
  CHECK(up[0].kind == drift_kind::hardened);
  CHECK(up[0].along_chain);
  auto down = chain(modality::reported, modality::asserted);
  REQUIRE(down.size() == 1);
  CHECK(down[0].kind == drift_kind::softened);
  auto likely = chain(modality::likely, modality::possible);
  REQUIRE(likely.size() == 1);
  CHECK(likely[0].kind == drift_kind::hardened);
  auto denial = chain(modality::denied, modality::confirmed);
  REQUIRE(denial.size() == 1);
  CHECK(denial[0].kind == drift_kind::contradiction);
  // The order, rung by rung, as docs/credibility.md gives it.
  CHECK(evidential_rank(modality::possible) < evidential_rank(modality::reported));
  CHECK(evidential_rank(modality::reported) < evidential_rank(modality::appears));
  CHECK(evidential_rank(modality::appears) < evidential_rank(modality::likely));
  CHECK(evidential_rank(modality::planned) < evidential_rank(modality::believed));
  CHECK(evidential_rank(modality::estimated) < evidential_rank(modality::asserted));
  CHECK(evidential_rank(modality::announced) < evidential_rank(modality::confirmed));
  CHECK(evidential_rank(modality::denied) == 0);
  for (modality m : all_modalities) CHECK(modality_from_string(to_string(m)) == m);
}

TEST_CASE("three hedges give one finding per differing pair") {
  newsroom n;
  n.g.report("ev-p1", "c", mode(modality::confirmed)).via("briefing", derivation_kind::cites, mode(modality::possible));
  n.g.report("ev-p2", "c", mode(modality::believed)).via("briefing");
  auto f = all_drift(n.g);
  // confirmed/possible and believed/possible along chains; confirmed/believed between siblings.
  // Pairs in the order first stated, by id: possible (c/agency@briefing), confirmed (c/p1@ev-p1),
  // believed (c/p2@ev-p2).
  REQUIRE(f.size() == 3);
  CHECK(f[0].a.value == "confirmed");
  CHECK(f[0].b.value == "possible");
  CHECK(f[0].along_chain);
  CHECK(f[1].a.value == "believed");
  CHECK(f[1].b.value == "possible");
  CHECK(f[1].along_chain);
  CHECK(f[2].a.value == "confirmed");
  CHECK(f[2].b.value == "believed");
  CHECK_FALSE(f[2].along_chain);
}

TEST_CASE("drift inside one article: its headline against its body, and its own figure against a relayed one") {
  auto g = read_corpus_file(SOURCETRACE_TEST_DATA_DIR "/mentions.json");
  auto all = drift(g, origins(g));
  const auto herald = g.event_id("herald-2025-06-27");
  const std::string article = "herald-2025-06-27";

  // The headline says confirmed, citing the briefing by the annotator's
  // inference; the body says appears, through the lawmaker: hardening, where
  // the headline meets the briefing.
  const auto& deploy = all[g.claim_id("deploy-jul-aug").index].findings;
  REQUIRE(deploy.size() == 1);
  const drift_finding& f = deploy[0];
  CHECK(f.aspect == drift_aspect::modality);
  CHECK(f.kind == drift_kind::hardened);
  CHECK(f.a.value == "confirmed");
  CHECK(f.b.value == "appears");
  REQUIRE(f.a.statements.size() == 1);
  CHECK(g.part(f.a.statements[0]) == article_part::headline);
  CHECK(g.part(f.b.statements[0]) == article_part::body);
  CHECK(f.article == herald);
  REQUIRE(f.meet);
  CHECK(g.id(*f.meet) == "deploy-jul-aug/nis@nis-briefing-2025-06-26");
  REQUIRE(f.a.entry.size() == 1);
  CHECK(g.id(f.a.entry[0].from) == "deploy-jul-aug/korea-herald@" + article + "#headline");
  CHECK(f.a.entry[0].basis == derivation_basis::inferred);
  REQUIRE(f.b.entry.size() == 1);
  CHECK(g.id(f.b.entry[0].from) == "deploy-jul-aug/lee-seong-kweun");

  // The article's own 11,000 and the briefing's "more than 10,000" it relays:
  // a loss of precision inside one article, from independent origins.
  const auto& troops = all[g.claim_id("troops-2024").index].findings;
  REQUIRE(troops.size() == 1);
  CHECK(troops[0].kind == drift_kind::precision);
  CHECK(troops[0].a.value == "more than 10,000");
  CHECK(troops[0].b.value == "11,000");
  CHECK(troops[0].article == herald);
  CHECK_FALSE(troops[0].meet);
}

TEST_CASE("drift between two articles is not inside one") {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("a", "Paper A", outlet{});
  g.add_agent("b", "Paper B", outlet{});
  g.add_event("pa", event_kind::publication, "2025-06-27", "a");
  g.add_event("pb", event_kind::publication, "2025-06-27", "b");
  g.add_event("brief", event_kind::briefing, "2025-06-26", "agency");
  g.add_claim("c", "claim");
  g.report("pa", "c", {.mode = modality::confirmed}).via("brief");
  g.report("pb", "c", {.mode = modality::possible}).via("brief");
  // Two mentions at one briefing are at no article either.
  g.add_claim("d", "another");
  g.add_statement("d1", "agency", "d", "brief", {.quantity = "11,000"});
  g.add_statement("d2", "agency", "d", "brief", {.quantity = "12,000"});
  auto all = drift(g, origins(g));
  REQUIRE(all[0].findings.size() == 1);
  CHECK_FALSE(all[0].findings[0].article.valid());
  REQUIRE(all[1].findings.size() == 1);
  CHECK_FALSE(all[1].findings[0].article.valid());
}
