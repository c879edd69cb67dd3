// SPDX-License-Identifier: BSL-1.0
// Dates open at one end ("by August": ../2025-08-31, "as soon as July":
// 2025-07-01/..) through everything that carries a date: the corpus reader
// and writer, PROV export and import in both notations, the timeline's
// delays and drift's comparison of dates.
#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>
#include <sourcetrace/text/relative_date.hpp>

#include "catch.hpp"

#include <sstream>
#include <string>
#include <vector>

using namespace sourcetrace;

namespace {
// A briefing of 2025-06-26 relayed by two papers. The claim is dated as the
// briefing put it (a deadline), one paper states an earliest date, the other
// states the month the deployment was expected in.
const char* corpus_text = R"({"sourcetrace": 1,
 "agents": [{"id": "agency", "kind": "organization"}, {"id": "paper", "kind": "outlet"},
            {"id": "wire", "kind": "outlet"}],
 "events": [{"id": "briefing", "kind": "briefing", "date": "2025-06-26", "host": "agency"},
            {"id": "paper-pub", "kind": "publication", "date": "2025-07-01/..", "host": "paper"},
            {"id": "wire-pub", "kind": "publication", "date": "../2025-08", "host": "wire"}],
 "claims": [{"id": "more-troops", "text": "more troops will be sent", "when": "../2025-08-31"}],
 "reports": [{"source": "paper-pub", "claim": "more-troops", "stated": {"when": "2025-07/.."}, "via": ["briefing"]},
             {"source": "wire-pub", "claim": "more-troops", "stated": {"when": "2025-07"}, "via": ["briefing"]}]})";

std::string corpus_of(const provenance_graph& g) {
  std::ostringstream out;
  write_corpus(out, g);
  return out.str();
}

const event& event_named(const provenance_graph& g, const char* id) { return g[g.event_id(id)]; }

const prov_record* record_named(const prov_document& doc, const std::string& id) {
  for (const auto& r : doc.records)
    if (r.id == id) return &r;
  return nullptr;
}
}  // namespace

TEST_CASE("open-ended dates read from a corpus and write back as they were read") {
  auto g = read_corpus(corpus_text, "open.json");
  CHECK(event_named(g, "paper-pub").date->to_string() == "2025-07-01/..");
  CHECK(event_named(g, "paper-pub").date->open_end());
  // Written by month, read to whole days.
  CHECK(event_named(g, "wire-pub").date->to_string() == "../2025-08-31");
  CHECK(event_named(g, "wire-pub").date->open_start());
  CHECK(g[g.claim_id("more-troops")].details.when->to_string() == "../2025-08-31");

  const std::string once = corpus_of(g);
  CHECK(once.find("\"date\": \"2025-07-01/..\"") != std::string::npos);
  CHECK(once.find("\"when\": \"../2025-08-31\"") != std::string::npos);
  auto again = read_corpus(once, "written.json");
  CHECK(corpus_of(again) == once);
  CHECK(event_named(again, "wire-pub").date == event_named(g, "wire-pub").date);
}

TEST_CASE("a corpus date open at both ends, or with a malformed side, is refused with the reason") {
  using Catch::Matchers::Message;
  CHECK_THROWS_MATCHES(
      read_corpus(R"({"events": [{"id": "e", "kind": "briefing", "date": "../.."}]})", "t.json"), corpus_error,
      Message("t.json:1:53: event \"e\": field \"date\": invalid date \"../..\": a period open at both "
              "ends names no date\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"claims": [{"id": "c", "text": "t", "when": "2025-07/"}]})", "t.json"),
                       corpus_error,
                       Message("t.json:1:46: claim \"c\": field \"when\": invalid date \"2025-07/\": expected YYYY, "
                               "YYYY-MM or YYYY-MM-DD\n1 problem, nothing loaded"));
}

TEST_CASE("PROV export writes only the known time of an open-ended date, and st:date keeps it whole") {
  auto g = read_corpus(corpus_text, "open.json");
  auto doc = to_prov(g);
  const prov_record* paper = record_named(doc, "stid:paper-pub");
  REQUIRE(paper);
  CHECK(paper->arg("prov:startTime") == "2025-07-01T00:00:00");
  CHECK(paper->arg("prov:endTime").empty());
  REQUIRE(paper->values("st:date").size() == 1);
  CHECK(paper->values("st:date")[0]->text == "2025-07-01/..");
  const prov_record* wire = record_named(doc, "stid:wire-pub");
  REQUIRE(wire);
  CHECK(wire->arg("prov:startTime").empty());
  CHECK(wire->arg("prov:endTime") == "2025-08-31T23:59:59");
  CHECK(wire->values("st:date")[0]->text == "../2025-08-31");
  const prov_record* claim = record_named(doc, "stid:more-troops");
  REQUIRE(claim);
  CHECK(claim->values("st:when")[0]->text == "../2025-08-31");
}

TEST_CASE("open-ended dates round-trip through PROV-JSON and PROV-N") {
  auto g = read_corpus(corpus_text, "open.json");
  std::ostringstream json, provn;
  write_prov_json(json, g);
  write_prov_n(provn, g);
  for (const prov_document& doc : {read_prov_json(json.str(), "open.json"), read_prov_n(provn.str(), "open.provn")}) {
    auto result = import_prov(doc);
    CHECK(result.issues.empty());
    const auto& h = result.graph;
    for (const char* id : {"briefing", "paper-pub", "wire-pub"}) {
      CAPTURE(id);
      CHECK(event_named(h, id).date == event_named(g, id).date);
    }
    CHECK(h[h.claim_id("more-troops")].details == g[g.claim_id("more-troops")].details);
    // The dates each statement states (import may order statements differently).
    for (std::size_t v = 0; v < g.statement_count(); ++v) {
      const claim_details* d = g.stated(v);
      const claim_details* e = h.stated(h.statement_id(g.id(v)));
      REQUIRE((d == nullptr) == (e == nullptr));
      if (d) CHECK(e->when == d->when);
    }
  }
}

TEST_CASE("a resolved open-ended date goes into a corpus and comes back unchanged") {
  const auto published = greg::date(2025, 6, 27);
  provenance_graph g;
  g.add_agent("paper", "Paper", outlet{});
  g.add_event("pub", event_kind::publication, partial_date::day(published), g.agent_id("paper"));
  for (const char* phrase : {"by August", "as soon as July", "since September", "within three months"}) {
    auto r = resolve_date(phrase, published);
    REQUIRE(r.value);
    g.add_claim(phrase, phrase, claim_details{.when = r.value});
  }
  auto h = read_corpus(corpus_of(g), "resolved.json");
  auto when = [&](const char* id) { return h[h.claim_id(id)].details.when->to_string(); };
  CHECK(when("by August") == "../2025-08-31");
  CHECK(when("as soon as July") == "2025-07-01/..");
  CHECK(when("since September") == "2024-09-01/2025-06-27");  // closed: it ends at publication
  CHECK(when("within three months") == "2025-06-27/2025-09-27");
  auto back = import_prov(to_prov(h));
  for (std::uint32_t c = 0; c < h.claim_count(); ++c) {
    const auto& claim = h[claim_handle{c}];
    CHECK(back.graph[back.graph.claim_id(claim.id)].details.when == claim.details.when);
  }
}

TEST_CASE("a delay to or from an open-ended date has no limit on the open side") {
  auto g = read_corpus(corpus_text, "open.json");
  auto t = timeline(g, origins(g));
  REQUIRE(t.size() == 1);
  CHECK(t[0].origin_date->to_string() == "2025-06-26");
  REQUIRE(t[0].reports.size() == 2);
  // An open start orders before any known first day.
  CHECK(g.id(t[0].reports[0].report) == "more-troops/wire@wire-pub");
  // From 2025-06-26 to ../2025-08-31: at most 66 days, with no least.
  CHECK(*t[0].reports[0].delay == day_delay{-day_delay::unbounded, 66});
  CHECK(t[0].reports[0].delay->to_string() == "..66");
  CHECK(order_uncertain(*t[0].reports[0].delay));
  CHECK(describe_delay(*t[0].reports[0].delay) == "0..66 days after its origin (dates too coarse to order)");
  // From 2025-06-26 to 2025-07-01/..: at least 5 days, with no most.
  CHECK(g.id(t[0].reports[1].report) == "more-troops/paper@paper-pub");
  CHECK(*t[0].reports[1].delay == day_delay{5, day_delay::unbounded});
  CHECK(t[0].reports[1].delay->open_max());
  CHECK_FALSE(t[0].reports[1].delay->open_min());
  CHECK(describe_delay(*t[0].reports[1].delay) == "5 or more days after its origin");
  CHECK(t[0].first_report->to_string() == "../2025-08-31");
  CHECK(t[0].last_report->to_string() == "2025-07-01/..");
}

TEST_CASE("delays in words when one side has no limit") {
  constexpr long u = day_delay::unbounded;
  CHECK(describe_delay({1, u}) == "1 or more days after its origin");
  CHECK(describe_delay({-u, -3}) == "3 or more days before its origin");
  CHECK(describe_delay({-u, u}) == "0 or more days after its origin (dates too coarse to order)");
  CHECK(describe_delay({-u, 0}) == "0 days after its origin (dates too coarse to order)");
  CHECK(day_delay{-u, u}.to_string() == "..");
  CHECK(day_delay{-u, -3}.to_string() == "..-3");
}

TEST_CASE("drift: an open-ended date is vaguer than the dates inside it and contradicts those outside") {
  provenance_graph g;
  g.add_claim("c", "a claim");
  g.add_agent("agency", "Agency", organization{});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "agency");
  auto add_paper = [&](const char* id, const char* when) {
    g.add_agent(id, id, outlet{});
    g.add_event(std::string("ev-") + id, event_kind::publication, "2025-06-27", id);
    g.report(std::string("ev-") + id, "c", claim_details{.when = partial_date::parse(when)}).via("briefing");
  };
  add_paper("deadline", "../2025-08-31");
  add_paper("july", "2025-07");
  add_paper("earliest", "2025-07-01/..");
  add_paper("october", "2025-10");
  std::vector<std::string> found;
  for (const claim_drift& c : drift(g, origins(g))) {
    for (const auto& f : c.findings) {
      if (f.aspect == drift_aspect::when)
        found.push_back(std::string(to_string(f.kind)) + ": " + f.a.value + " vs " + f.b.value);
    }
  }
  // Compared in date order (deadline, July, earliest, October): the deadline
  // holds July, so it is the vaguer, but not October; the earliest date holds
  // July and October; the deadline and the earliest date share July and
  // August without either holding the other, so they are no finding; July and
  // October are apart.
  CHECK(found == std::vector<std::string>{"precision: ../2025-08-31 vs 2025-07",
                                          "contradiction: ../2025-08-31 vs 2025-10",
                                          "precision: 2025-07-01/.. vs 2025-07", "contradiction: 2025-07 vs 2025-10",
                                          "precision: 2025-07-01/.. vs 2025-10"});
}
