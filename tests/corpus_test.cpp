// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/corpus.hpp>

#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/io/report.hpp>

#include "catch.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace sourcetrace;
using Catch::Matchers::Contains;
using Catch::Matchers::Message;

namespace {
const std::string seed_path = SOURCETRACE_EXAMPLE_DATA_DIR "/seed_story.json";

std::string report_of(const provenance_graph& g) {
  std::ostringstream out;
  write_report(out, g);
  return out.str();
}
std::string corpus_of(const provenance_graph& g) {
  std::ostringstream out;
  write_corpus(out, g);
  return out.str();
}
// Converts a corpus document to JSON Lines: one record per line, "record" first.
std::string to_lines(const std::string& document) {
  auto root = boost::json::parse(document).as_object();
  std::string out;
  for (const char* section : {"derivations", "statements", "claims", "events", "agents"}) {  // any order works
    for (const auto& item : root.at(section).as_array()) {
      boost::json::object o;
      o["record"] = std::string(section).substr(0, std::string(section).size() - 1);
      for (const auto& m : item.as_object()) o[m.key()] = m.value();
      out += boost::json::serialize(o) + "\n";
    }
  }
  return out;
}
}  // namespace

TEST_CASE("the seed story loads from JSON with its reports written as chains") {
  auto g = read_corpus_file(seed_path);
  CHECK(g.agent_count() == 39);
  CHECK(g.event_count() == 14);
  CHECK(g.claim_count() == 76);
  CHECK(g.statement_count() == 214);
  CHECK(g.derivation_count() == 118);
  auto r = duplicates(g, origins(g));
  CHECK(summary(r[g.claim_id("deploy-jul-aug").index]) == "3 reports (9 mentions), 1 independent origin, 1 unsourced");
  CHECK(g[g.event_id("blog-2025-06")].date->to_string() == "2025-06-26/2025-06-30");
  CHECK(g[g.event_id("blog-2025-06")].info.note.starts_with("No dateline"));
}

TEST_CASE("a written corpus reads back to the same graph, byte for byte") {
  auto g = read_corpus_file(seed_path);
  auto once = corpus_of(g);
  auto again = read_corpus(once, "written.json");
  CHECK(corpus_of(again) == once);
  CHECK(report_of(again) == report_of(g));
}

TEST_CASE("JSON Lines carry the same corpus, in any record order") {
  auto g = read_corpus_file(seed_path);
  auto lines = to_lines(corpus_of(g));
  auto from_lines = read_corpus(lines, "seed.jsonl");
  CHECK(report_of(from_lines) == report_of(g));
  // Without a telling extension the format is sniffed from the first line.
  CHECK(read_corpus(lines, "-").statement_count() == 214);
  CHECK(read_corpus(corpus_of(g), "-").statement_count() == 214);
}

TEST_CASE("cycles are legal data and load") {
  auto g = read_corpus(R"({"agents": [{"id": "a", "kind": "outlet"}, {"id": "b", "kind": "outlet"}],
    "claims": [{"id": "c", "text": "t"}],
    "statements": [{"id": "x", "agent": "a", "claim": "c"}, {"id": "y", "agent": "b", "claim": "c"}],
    "derivations": [{"from": "x", "to": "y"}, {"from": "y", "to": "x", "kind": "copies"}]})",
                       "loop.json");
  CHECK(g.derivation_count() == 2);
}

TEST_CASE("malformed JSON names the line and column") {
  CHECK_THROWS_MATCHES(read_corpus("{\"agents\": [\n  {\"id\": \"a\", }\n]}", "bad.json"), corpus_error,
                       Message("bad.json:2:15: malformed JSON: syntax error\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus("{\"record\": \"claim\", \"id\": \"c\", \"text\": \"t\"}\nnot json\n", "x.jsonl"),
                       corpus_error, Message("x.jsonl:2:1: malformed JSON: syntax error\n1 problem, nothing loaded"));
}

TEST_CASE("an unknown kind is named with the kinds that exist") {
  CHECK_THROWS_MATCHES(
      read_corpus(R"({"agents": [{"id": "nis", "kind": "organisation"}]})", "k.json"), corpus_error,
      Message("k.json:1:35: agent \"nis\": field \"kind\": expected one of organization, person, outlet, "
              "anonymous, found \"organisation\"\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"events": [{"id": "e", "kind": "tweet"}]})", "k.json"), corpus_error,
                       Message("k.json:1:33: event \"e\": field \"kind\": expected one of briefing, statement, "
                               "press_conference, publication, visit, announcement, report, interview, "
                               "press_statement, found \"tweet\"\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"derivations": [{"from": "a", "to": "b", "kind": "echoes"}]})", "k.json"),
                       corpus_error,
                       Message("k.json:1:51: derivation #1: field \"kind\": expected one of quotes, paraphrases, "
                               "cites, copies, found \"echoes\"\n1 problem, nothing loaded"));
}

TEST_CASE("a duplicate id is named with what it already names") {
  CHECK_THROWS_MATCHES(read_corpus("{\"agents\": [{\"id\": \"lee\", \"kind\": \"person\"}],\n"
                                   " \"claims\": [{\"id\": \"lee\", \"text\": \"t\"}]}",
                                   "d.json"),
                       corpus_error,
                       Message("d.json:2:20: claim \"lee\": duplicate id, already names agent\n"
                               "1 problem, nothing loaded"));
}

TEST_CASE("a reference to an id that does not exist names the field and the id") {
  CHECK_THROWS_MATCHES(read_corpus(R"({"agents": [{"id": "a", "kind": "person"}],
 "claims": [{"id": "c", "text": "t"}],
 "statements": [{"id": "s", "agent": "kim", "claim": "c"}],
 "reports": [{"source": "a", "claim": "c", "via": ["herald"]}]})",
                                   "r.json"),
                       corpus_error,
                       Message("r.json:3:38: statement \"s\": field \"agent\": unknown agent id \"kim\"\n"
                               "r.json:4:52: report of claim \"c\": via[0]: unknown agent or event id \"herald\"\n"
                               "2 problems, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"agents": [{"id": "a", "kind": "person"}], "claims": [{"id": "c", "text": "t"}],
 "statements": [{"id": "s", "agent": "c", "claim": "c"}]})",
                                   "r.json"),
                       corpus_error,
                       Message("r.json:2:38: statement \"s\": field \"agent\": id \"c\" names claim, expected agent\n"
                               "1 problem, nothing loaded"));
}

TEST_CASE("an impossible or malformed date names the value and the reason") {
  CHECK_THROWS_MATCHES(read_corpus(R"({"events": [{"id": "e", "kind": "briefing", "date": "2025-02-30"}]})", "t.json"),
                       corpus_error,
                       Message("t.json:1:53: event \"e\": field \"date\": invalid date \"2025-02-30\": day 30 is "
                               "outside 1..28 for 2025-02\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"claims": [{"id": "c", "text": "t", "when": "June 2025"}]})", "t.json"),
                       corpus_error,
                       Message("t.json:1:46: claim \"c\": field \"when\": invalid date \"June 2025\": expected "
                               "YYYY, YYYY-MM or YYYY-MM-DD\n1 problem, nothing loaded"));
}

TEST_CASE("a field of the wrong type names what was expected and what was found") {
  CHECK_THROWS_MATCHES(read_corpus(R"({"agents": [{"id": "a", "name": 7, "kind": "person"}]})", "w.json"), corpus_error,
                       Message("w.json:1:33: agent \"a\": field \"name\": expected a string, found a number\n"
                               "1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"agents": {"id": "a"}})", "w.json"), corpus_error,
                       Message("w.json:1:12: section \"agents\": expected an array, found an object\n"
                               "1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"([1, 2])", "w.json"), corpus_error,
                       Message("w.json:1:1: expected a JSON object with arrays \"agents\", \"events\", ..., found "
                               "an array\n1 problem, nothing loaded"));
}

TEST_CASE("an unknown field or section is reported, not ignored") {
  CHECK_THROWS_MATCHES(read_corpus(R"({"claims": [{"id": "c", "text": "t", "colour": "red"}], "notes": []})", "u.json"),
                       corpus_error,
                       Message("u.json:1:48: claim \"c\": unknown field \"colour\"\n"
                               "u.json:1:66: unknown section \"notes\"; expected agents, events, claims, statements, "
                               "reports or derivations\n2 problems, nothing loaded"));
}

TEST_CASE("every problem is reported at once, and one mistake gives one message") {
  // The claim is broken, so the report of it is skipped without a second message.
  std::string corpus =
      "{\"record\": \"agent\", \"id\": \"a\", \"kind\": \"person\"}\n"
      "{\"record\": \"claim\", \"id\": \"c\", \"text\": \"t\", \"modality\": \"probable\"}\n"
      "{\"record\": \"report\", \"source\": \"a\", \"claim\": \"c\"}\n"
      "{\"record\": \"statement\", \"id\": \"s\", \"agent\": \"a\", \"claim\": \"z\"}\n"
      "{\"record\": \"agnt\"}\n";
  try {
    read_corpus(corpus, "all.jsonl");
    FAIL("no error");
  } catch (const corpus_error& e) {
    REQUIRE(e.problems().size() == 3);
    CHECK(std::string(e.problems()[0].what()) ==
          "all.jsonl:2:57: claim \"c\": field \"modality\": expected one of asserted, estimated, believed, "
          "possible, denied, reported, appears, expected, planned, likely, announced, confirmed, found "
          "\"probable\"");
    CHECK(e.problems()[1].line() == 4);
    CHECK(std::string(e.problems()[2].what()) ==
          "all.jsonl:5:12: unknown record \"agnt\"; expected agent, event, claim, statement, report or derivation");
  }
}

TEST_CASE("a derivation the graph refuses is reported at its record") {
  CHECK_THROWS_MATCHES(read_corpus(R"({"agents": [{"id": "a", "kind": "person"}], "claims": [{"id": "c", "text": "t"}],
 "statements": [{"id": "s", "agent": "a", "claim": "c"}],
 "derivations": [{"from": "s", "to": "s"}]})",
                                   "self.json"),
                       corpus_error,
                       Message("self.json:3:18: derivation \"s\" -> \"s\": statement \"s\" cannot derive from itself\n"
                               "1 problem, nothing loaded"));
}

TEST_CASE("a missing file is an error naming it") {
  CHECK_THROWS_MATCHES(read_corpus_file("/nonexistent/corpus.json"), error,
                       Message("cannot open /nonexistent/corpus.json: No such file or directory"));
}

namespace {
// A user's kind, as examples/custom_source.cpp defines one.
struct telegram_channel {
  std::string handle;
  std::string subscribers;
};
}  // namespace

template <>
struct sourcetrace::source_traits<telegram_channel> : sourcetrace::source_traits_base<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:SoftwareAgent";
  static std::string label(const telegram_channel& c) { return c.handle; }
  static constexpr std::tuple members{field{"handle", &telegram_channel::handle},
                                      field{"subscribers", &telegram_channel::subscribers}};
};

TEST_CASE("a corpus with a user's kind round-trips through its traits") {
  using graph = basic_provenance_graph<organization, person, outlet, anonymous, telegram_channel>;
  const char* text = R"({"agents": [
  {"id": "digest", "name": "Kursk Digest", "kind": "telegram_channel", "fields": {"handle": "@kursk_digest", "subscribers": "48000"}},
  {"id": "shoigu", "name": "Sergei Shoigu", "kind": "person"}],
 "events": [{"id": "visit", "kind": "statement", "date": "2025-06-17", "host": "shoigu"}],
 "claims": [{"id": "engineers", "text": "6,000 engineers for Kursk", "quantity": "6,000"}],
 "reports": [{"source": "digest", "claim": "engineers", "via": ["visit"]}]})";
  auto g = read_corpus<graph>(text, "custom.json");
  auto digest = g.agent_id("digest");
  CHECK(g.kind_name(digest) == "telegram_channel");
  CHECK(std::get<telegram_channel>(g[digest].kind).handle == "@kursk_digest");
  std::ostringstream once;
  write_corpus(once, g);
  CHECK(
      once.str().find(R"("kind": "telegram_channel", "fields": {"handle": "@kursk_digest", "subscribers": "48000"})") !=
      std::string::npos);
  auto again = read_corpus<graph>(once.str(), "again.json");
  std::ostringstream twice;
  write_corpus(twice, again);
  CHECK(twice.str() == once.str());
  // The built-in graph type does not know the kind, and says which kinds it knows.
  CHECK_THROWS_MATCHES(read_corpus(text, "custom.json"), corpus_error,
                       Message("custom.json:2:52: agent \"digest\": field \"kind\": expected one of organization, "
                               "person, outlet, anonymous, found \"telegram_channel\"\n1 problem, nothing loaded"));
}

namespace {
// A user's kind from the defaults: typed fields, declared once.
struct typed_channel {
  std::string handle;
  std::int64_t subscribers = 0;
  double reach = 0;
  bool verified = false;
};
// A user's kind whose own reader throws a plain standard exception.
struct picky_channel {
  std::string handle;
};
}  // namespace

template <>
struct sourcetrace::source_traits<typed_channel> : sourcetrace::source_traits_base<typed_channel> {
  static constexpr std::string_view name = "typed_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::tuple members{
      field{"handle", &typed_channel::handle}, field{"subscribers", &typed_channel::subscribers},
      field{"reach", &typed_channel::reach}, field{"verified", &typed_channel::verified}};
};

template <>
struct sourcetrace::source_traits<picky_channel> : sourcetrace::source_traits_base<picky_channel> {
  static constexpr std::string_view name = "picky_channel";
  static picky_channel from_fields(const attributes& a) {
    std::string h = attribute(a, "handle");
    if (!h.starts_with("@")) throw std::invalid_argument("a handle starts with @, not \"" + h + "\"");
    return {h};
  }
  static attributes fields(const picky_channel& c) { return {{"handle", c.handle}}; }
};

TEST_CASE("a kind's typed fields read from JSON numbers and booleans, and write back as them") {
  using graph = provenance_graph_with<typed_channel>;
  const char* text = R"({"agents": [
  {"id": "digest", "name": "Kursk Digest", "kind": "typed_channel",
   "fields": {"handle": "@kursk_digest", "subscribers": 48000, "reach": 0.25, "verified": true}},
  {"id": "echo", "name": "Front Echo", "kind": "typed_channel", "fields": {"subscribers": "12500", "reach": 2}}]})";
  auto g = read_corpus<graph>(text, "typed.json");
  const auto& digest = std::get<typed_channel>(g[g.agent_id("digest")].kind);
  CHECK(digest.handle == "@kursk_digest");
  CHECK(digest.subscribers == 48000);
  CHECK(digest.reach == 0.25);
  CHECK(digest.verified);
  // A count written as text, as corpora did before fields had types, still reads.
  CHECK(std::get<typed_channel>(g[g.agent_id("echo")].kind).subscribers == 12500);
  std::ostringstream once;
  write_corpus(once, g);
  CHECK_THAT(once.str(), Contains(R"("fields": {"handle": "@kursk_digest", "subscribers": 48000, "reach": 0.25, )"
                                  R"("verified": true}})"));
  CHECK_THAT(once.str(),
             Contains(R"("fields": {"handle": "", "subscribers": 12500, "reach": 2.0, "verified": false}})"));
  std::ostringstream twice;
  write_corpus(twice, read_corpus<graph>(once.str(), "once.json"));
  CHECK(twice.str() == once.str());
}

TEST_CASE("a field a kind cannot hold is reported at that field, and a kind's own exception is positioned") {
  using graph = provenance_graph_with<typed_channel, picky_channel>;
  CHECK_THROWS_MATCHES(
      read_corpus<graph>(R"({"agents": [
  {"id": "digest", "kind": "typed_channel",
   "fields": {"handle": "@kursk_digest",
              "subscribers": "many"}},
  {"id": "echo", "kind": "typed_channel", "fields": {"followers": 3, "handle": 7}},
  {"id": "odd", "kind": "picky_channel", "fields": {"handle": "kursk"}},
  {"id": "big", "kind": "typed_channel", "fields": {"subscribers": 18446744073709551615}}]})",
                         "fields.json"),
      corpus_error,
      Message("fields.json:4:30: agent \"digest\": field \"subscribers\": expected a whole number, found \"many\"\n"
              "fields.json:5:67: agent \"echo\": unknown field \"followers\" for kind typed_channel; expected handle, "
              "subscribers, reach, verified\n"
              "fields.json:6:52: agent \"odd\": kind picky_channel refused its fields: a handle starts with @, not "
              "\"kursk\"\n"
              "fields.json:7:68: agent \"big\": field \"subscribers\": expected a string, a number or true or false, "
              "found a number beyond 64-bit range\n"
              "4 problems, nothing loaded"));
}

TEST_CASE("a key repeated in one object is reported, not silently dropped") {
  CHECK_THROWS_MATCHES(read_corpus("{\"claims\": [{\"id\": \"c\", \"text\": \"t\"}],\n \"claims\": []}", "dup.json"),
                       corpus_error,
                       Message("dup.json:2:2: duplicate key \"claims\" in one object\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(
      read_corpus("{\"record\": \"claim\", \"id\": \"c\", \"text\": \"t\", \"text\": \"u\"}\n", "dup.jsonl"),
      corpus_error, Message("dup.jsonl:1:45: duplicate key \"text\" in one object\n1 problem, nothing loaded"));
  // The same key in two different objects is fine.
  CHECK(read_corpus(R"({"claims": [{"id": "a", "text": "t"}, {"id": "b", "text": "t"}]})", "ok.json").claim_count() ==
        2);
}

TEST_CASE("a UTF-8 byte-order mark before the corpus is skipped") {
  CHECK(read_corpus("\xEF\xBB\xBF{\"claims\": [{\"id\": \"c\", \"text\": \"t\"}]}", "bom.json").claim_count() == 1);
}

TEST_CASE("figures read from a corpus carry their parsed amount, and the text is written back") {
  auto g = read_corpus(R"({"agents": [{"id": "mod", "kind": "organization", "name": "Ministry"},
                                      {"id": "wire", "kind": "outlet", "name": "Wire"}],
 "claims": [{"id": "c", "text": "Shells were sent", "quantity": "millions of shells"}],
 "statements": [{"id": "s", "agent": "mod", "claim": "c", "stated": {"quantity": "more than 10 million"}}],
 "reports": [{"source": "wire", "claim": "c", "stated": {"quantity": "12 million"}, "via": ["mod"]}]})",
                       "q.json");
  const auto* s = g.stated(g.statement_id("s"));
  REQUIRE(s->amount);
  CHECK(s->amount->lower == 1e7);
  CHECK_FALSE(s->amount->upper);
  CHECK(s->amount->qualifier == quantity_qualifier::at_least);
  const auto* wire = g.stated(g.statement_id("c/wire"));
  REQUIRE(wire->amount);
  CHECK(wire->amount->lower == 1.2e7);
  CHECK(wire->amount->upper == 1.2e7);
  REQUIRE(g[g.claim_id("c")].details.amount);
  CHECK(g[g.claim_id("c")].details.amount->qualifier == quantity_qualifier::vague);
  const std::string written = corpus_of(g);
  CHECK(written.find("\"quantity\": \"more than 10 million\"") != std::string::npos);
  CHECK(written.find("\"lower\"") == std::string::npos);
}

TEST_CASE("every stated figure of the seed story is read as parse_quantity reads its text") {
  auto g = read_corpus_file(seed_path);
  std::size_t figures = 0;
  std::vector<std::string> no_number;
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    const auto* d = g.stated(v);
    if (!d || d->quantity.empty()) continue;
    ++figures;
    CHECK(d->amount == parse_quantity(d->quantity));
    if (!d->amount) no_number.push_back(d->quantity);
  }
  CHECK(figures == 30);
  // RFA's quote of the NIS gives no scale: "some additional" troops, a text that reads as no number.
  CHECK(no_number == std::vector<std::string>{"some additional"});
}

namespace {
std::string corpus_lines_of(const provenance_graph& g) {
  std::ostringstream out;
  write_corpus_lines(out, g);
  return out.str();
}
}  // namespace

TEST_CASE("write_corpus_lines writes one record a line, its kind first") {
  auto g = read_corpus_file(SOURCETRACE_TEST_DATA_DIR "/circular.json");
  CHECK(corpus_lines_of(g) ==
        "{\"record\": \"agent\", \"id\": \"agency\", \"name\": \"A defence agency\", \"kind\": \"organization\", "
        "\"fields\": {\"type\": \"\", \"country\": \"\"}}\n"
        "{\"record\": \"agent\", \"id\": \"paper-a\", \"name\": \"Paper A\", \"kind\": \"outlet\", \"fields\": "
        "{\"medium\": \"\", \"country\": \"\"}}\n"
        "{\"record\": \"agent\", \"id\": \"paper-b\", \"name\": \"Paper B\", \"kind\": \"outlet\", \"fields\": "
        "{\"medium\": \"\", \"country\": \"\"}}\n"
        "{\"record\": \"agent\", \"id\": \"paper-c\", \"name\": \"Paper C\", \"kind\": \"outlet\", \"fields\": "
        "{\"medium\": \"\", \"country\": \"\"}}\n"
        "{\"record\": \"event\", \"id\": \"a-0301\", \"kind\": \"publication\", \"date\": \"2025-03-01\", \"host\": "
        "\"paper-a\"}\n"
        "{\"record\": \"event\", \"id\": \"b-0302\", \"kind\": \"publication\", \"date\": \"2025-03-02\", \"host\": "
        "\"paper-b\"}\n"
        "{\"record\": \"event\", \"id\": \"c-0303\", \"kind\": \"publication\", \"date\": \"2025-03-03\", \"host\": "
        "\"paper-c\"}\n"
        "{\"record\": \"event\", \"id\": \"agency-0304\", \"kind\": \"statement\", \"date\": \"2025-03-04\", "
        "\"host\": \"agency\"}\n"
        "{\"record\": \"claim\", \"id\": \"loop\", \"text\": \"A claim that two papers source to each other\"}\n"
        "{\"record\": \"claim\", \"id\": \"echo\", \"text\": \"A claim that the agency later repeats from a "
        "paper\"}\n"
        "{\"record\": \"statement\", \"id\": \"a\", \"agent\": \"paper-a\", \"claim\": \"loop\", \"event\": "
        "\"a-0301\"}\n"
        "{\"record\": \"statement\", \"id\": \"b\", \"agent\": \"paper-b\", \"claim\": \"loop\", \"event\": "
        "\"b-0302\"}\n"
        "{\"record\": \"statement\", \"id\": \"c\", \"agent\": \"paper-c\", \"claim\": \"echo\", \"event\": "
        "\"c-0303\"}\n"
        "{\"record\": \"statement\", \"id\": \"d\", \"agent\": \"agency\", \"claim\": \"echo\", \"event\": "
        "\"agency-0304\"}\n"
        "{\"record\": \"derivation\", \"from\": \"a\", \"to\": \"b\", \"kind\": \"cites\"}\n"
        "{\"record\": \"derivation\", \"from\": \"b\", \"to\": \"a\", \"kind\": \"copies\"}\n"
        "{\"record\": \"derivation\", \"from\": \"c\", \"to\": \"d\", \"kind\": \"cites\"}\n"
        "{\"record\": \"derivation\", \"from\": \"d\", \"to\": \"c\", \"kind\": \"cites\"}\n");
}

TEST_CASE("JSON Lines written back read to the same graph as the JSON document") {
  for (const std::string& path : {seed_path, std::string(SOURCETRACE_TEST_DATA_DIR "/circular.json")}) {
    auto g = read_corpus_file(path);
    auto lines = corpus_lines_of(g);
    auto back = read_corpus(lines, "back", {.format = corpus_format::json_lines});
    CHECK(corpus_of(back) == corpus_of(g));
    // Sniffed as JSON Lines, too, from its first line.
    CHECK(corpus_of(read_corpus(lines, "back")) == corpus_of(g));
  }
}

TEST_CASE("an empty graph is an empty JSON Lines file") { CHECK(corpus_lines_of(provenance_graph{}).empty()); }

namespace {
const std::string mentions_path = SOURCETRACE_TEST_DATA_DIR "/mentions.json";

derivation_basis basis_of(const provenance_graph& g, std::string_view from, std::string_view to) {
  auto [e, found] = boost::edge(g.statement_id(from), g.statement_id(to), g.graph());
  REQUIRE(found);
  return g.graph()[e].basis;
}
}  // namespace

TEST_CASE("a corpus as fine as the text: event kinds, audiences, article parts, mentions and bases") {
  auto g = read_corpus_file(mentions_path);
  CHECK(g[g.event_id("shoigu-visit-2025-06-17")].kind == event_kind::visit);
  const auto& briefing = g[g.event_id("nis-briefing-2025-06-26")];
  REQUIRE(briefing.audience.size() == 1);
  CHECK(g[briefing.audience[0]].id == "intelligence-committee");
  CHECK(g[g.event_id("herald-2025-06-27")].audience.empty());

  // One article, two mentions of the forecast, named by their part; the
  // 2024 figure twice in one part of it, named by their labels.
  const std::string deploy = "deploy-jul-aug/korea-herald@herald-2025-06-27";
  const std::string troops = "troops-2024/korea-herald@herald-2025-06-27";
  CHECK(g.part(g.statement_id(deploy + "#headline")) == article_part::headline);
  CHECK(g.part(g.statement_id(deploy + "#body")) == article_part::body);
  CHECK(g.part(g.statement_id(troops + "#own")) == article_part::body);
  CHECK(g.part(g.statement_id(troops + "#relayed")) == article_part::lead);
  CHECK(g.part(g.statement_id("trip/herald")) == article_part::body);
  CHECK(g.part(g.statement_id("trip/shoigu")) == article_part::unknown);
  CHECK(g.stated(g.statement_id(troops + "#own"))->quantity == "11,000");
  CHECK(g.stated(g.statement_id(troops + "#relayed"))->quantity == "more than 10,000");

  const std::string nis = "deploy-jul-aug/nis@nis-briefing-2025-06-26";
  CHECK(basis_of(g, deploy + "#headline", nis) == derivation_basis::inferred);
  CHECK(basis_of(g, deploy + "#body", "deploy-jul-aug/lee-seong-kweun") == derivation_basis::text);
  CHECK(basis_of(g, "deploy-jul-aug/lee-seong-kweun", nis) == derivation_basis::context);
  CHECK(basis_of(g, troops + "#relayed", "troops-2024/nis@nis-briefing-2025-06-26") == derivation_basis::unstated);
  CHECK(basis_of(g, "trip/herald", "trip/shoigu") == derivation_basis::inferred);

  // A report is the article: two mentions each, the own-voice one unsourced.
  auto r = duplicates(g, origins(g));
  CHECK(summary(r[g.claim_id("deploy-jul-aug").index]) == "1 report (2 mentions), 1 independent origin");
  CHECK(summary(r[g.claim_id("troops-2024").index]) == "1 report (2 mentions), 1 independent origin, 1 unsourced");

  // Every new field is written and read back to the same bytes.
  auto written = corpus_of(g);
  CHECK_THAT(written, Contains(R"("audience": ["intelligence-committee"])"));
  CHECK_THAT(written, Contains(R"("kind": "visit")"));
  CHECK_THAT(written, Contains(R"("part": "headline")"));
  CHECK_THAT(written, Contains(R"("kind": "cites", "basis": "inferred")"));
  auto again = read_corpus(written, "written.json");
  CHECK(corpus_of(again) == written);
  CHECK(corpus_of(read_corpus(to_lines(written), "written.jsonl")) == written);
}

TEST_CASE("the new fields refuse what they cannot hold, naming the field and the value") {
  CHECK_THROWS_MATCHES(
      read_corpus(R"({"agents": [{"id": "a", "kind": "person"}], "claims": [{"id": "c", "text": "t"}],
 "statements": [{"id": "s", "agent": "a", "claim": "c", "part": "footer"}]})",
                  "p.json"),
      corpus_error,
      Message("p.json:2:65: statement \"s\": field \"part\": expected one of headline, deck, lead, body, caption, "
              "heading, found \"footer\"\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"derivations": [{"from": "a", "to": "b", "basis": "unstated"}]})", "b.json"),
                       corpus_error,
                       Message("b.json:1:52: derivation #1: field \"basis\": expected one of text, context, "
                               "inferred, found \"unstated\"\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"agents": [{"id": "a", "kind": "person"}],
 "events": [{"id": "e", "kind": "briefing", "audience": ["a", 3, "a", "nobody"]}]})",
                                   "a.json"),
                       corpus_error,
                       Message("a.json:2:63: event \"e\": audience[1]: expected an agent id, found a number\n"
                               "a.json:2:66: event \"e\": audience[2]: \"a\" is listed twice\n"
                               "2 problems, nothing loaded"));
  CHECK_THROWS_MATCHES(
      read_corpus(R"({"agents": [{"id": "a", "kind": "person"}],
 "events": [{"id": "e", "kind": "briefing", "audience": ["a", "nobody"]}]})",
                  "u.json"),
      corpus_error,
      Message("u.json:2:63: event \"e\": field \"audience\": unknown agent id \"nobody\"\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"events": [{"id": "e", "kind": "briefing", "audience": "a"}]})", "s.json"),
                       corpus_error,
                       Message("s.json:1:57: event \"e\": field \"audience\": expected an array of agent ids, found a "
                               "string\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read_corpus(R"({"reports": [{"source": "x", "claim": "c", "label": ""}]})", "l.json"),
                       corpus_error,
                       Message("l.json:1:53: report of claim \"c\": field \"label\": expected a non-empty string\n"
                               "1 problem, nothing loaded"));
}

namespace {
// The bytes of character span `c` of UTF-8 `text`.
std::string chars_of(const std::string& text, sourcetrace::char_span c) {
  std::size_t at = 0, n = 0, b = 0;
  for (; at <= text.size(); ++at) {
    if (at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
      if (n == c.begin) b = at;
      if (n == c.end) break;
      ++n;
    }
  }
  return text.substr(b, at - b);
}
}  // namespace

TEST_CASE("an extracted corpus keeps each statement's evidence, in characters of its article") {
  // tests/data/extracted.json is `sourcetrace extract` of one labelled article
  // (tests/data/README.md says how to make it again).
  const std::string dir = SOURCETRACE_TEST_DATA_DIR;
  auto g = read_corpus_file(dir + "/extracted.json");
  const std::string text = [&] {
    std::ifstream in(dir + "/extraction/dev/15-fed-holds-rates.txt", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  // The lead: after "WASHINGTON — ", whose dash is one character of three bytes.
  const auto* e =
      g.evidence(g.statement_id("c-inflation-remained-somewhat-elevated-even/example-ledger@15-fed-holds-rates#s3"));
  REQUIRE(e);
  CHECK(e->file == "tests/data/extraction/dev/15-fed-holds-rates.txt");
  CHECK(chars_of(text, e->content) == "inflation remained \"somewhat elevated\" even as hiring slowed");
  REQUIRE(e->hops.size() == 1);
  CHECK(chars_of(text, e->hops[0].source) == "The Federal Reserve");
  REQUIRE(e->hops[0].cue);
  CHECK(chars_of(text, *e->hops[0].cue) == "saying");
  CHECK(e->hops[0].cue_word == "say");
  // Every statement of an article has evidence; the statements a chain reaches do not.
  std::size_t with = 0;
  for (std::uint32_t v = 0; v < g.statement_count(); ++v) with += g.evidence(v) != nullptr;
  CHECK(with == 13);
  CHECK_FALSE(g.evidence(g.statement_id("c-inflation-remained-somewhat-elevated-even/federal-reserve")));
  // Every other record the extractor wrote is marked with the article it
  // first read it in: the statement the Fed's chain reaches, the agents
  // (none from a gazetteer: the article was read without one), the events
  // and the claims.
  const extraction_mark article{"tests/data/extraction/dev/15-fed-holds-rates.txt", false};
  REQUIRE(g.extracted("c-inflation-remained-somewhat-elevated-even/federal-reserve"));
  CHECK(*g.extracted("c-inflation-remained-somewhat-elevated-even/federal-reserve") == article);
  CHECK_FALSE(g.extracted("c-inflation-remained-somewhat-elevated-even/example-ledger@15-fed-holds-rates#s3"));
  for (std::uint32_t v = 0; v < g.statement_count(); ++v)
    CHECK((g.evidence(v) != nullptr) != (g.extracted(g.id(v)) != nullptr));
  for (std::uint32_t a = 0; a < g.agent_count(); ++a) CHECK(g.extracted(g[agent_handle{a}].id));
  for (std::uint32_t ev = 0; ev < g.event_count(); ++ev) CHECK(g.extracted(g[event_handle{ev}].id));
  for (std::uint32_t c = 0; c < g.claim_count(); ++c) {
    REQUIRE(g.extracted(g[claim_handle{c}].id));
    CHECK(*g.extracted(g[claim_handle{c}].id) == article);
  }
  // Written back to the same bytes, as a document and as JSON Lines.
  const auto written = corpus_of(g);
  CHECK(written == [&] {
    std::ifstream in(dir + "/extracted.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }());
  CHECK(corpus_of(read_corpus(to_lines(written), "written.jsonl")) == written);
}

TEST_CASE("evidence that cannot be read is refused at its field") {
  const std::string head = R"({"agents": [{"id": "a", "kind": "person"}], "claims": [{"id": "c", "text": "t"}], )";
  auto read = [&](const std::string& extracted) {
    return read_corpus(
        head + R"("statements": [{"id": "s", "agent": "a", "claim": "c", "extracted": )" + extracted + "}]}", "x.json");
  };
  CHECK_THROWS_MATCHES(read(R"({"file": "a.txt", "content": [5, 2]})"), corpus_error,
                       Message("x.json:1:180: statement \"s\": extracted: field \"content\": expected [begin, end], "
                               "two character offsets with begin at most end\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read(R"({"content": [0, 2], "hops": [{"source": [0, 1], "cue": "said"}], "colour": 1})"),
                       corpus_error,
                       Message("x.json:1:151: statement \"s\": extracted: missing field \"file\"\n"
                               "x.json:1:180: statement \"s\": extracted: hops[0]: missing field \"cue_word\"\n"
                               "x.json:1:206: statement \"s\": extracted: hops[0]: field \"cue\": expected [begin, "
                               "end], two character offsets with begin at most end\n"
                               "x.json:1:226: statement \"s\": extracted: unknown field \"colour\"\n"
                               "4 problems, nothing loaded"));
  CHECK_THROWS_MATCHES(read(R"({"file": "a.txt", "content": [0, 2], "similarity": 2})"), corpus_error,
                       Message("x.json:1:202: statement \"s\": extracted: field \"similarity\": expected a number "
                               "from 0 to 1\n1 problem, nothing loaded"));
}

TEST_CASE("marks of extracted agents, events and claims that cannot be read are refused at their field") {
  auto read = [](const std::string& text) { return read_corpus(text, "x.json"); };
  // Only an agent comes from a gazetteer.
  CHECK_THROWS_MATCHES(
      read(R"({"claims": [{"id": "c", "text": "t", "extracted": {"file": "a.txt", "gazetteer": true}}]})"),
      corpus_error,
      Message("x.json:1:82: claim \"c\": extracted: unknown field \"gazetteer\"\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(
      read(R"({"agents": [{"id": "a", "kind": "person", "extracted": {"file": "a.txt", "gazetteer": "yes"}}]})"),
      corpus_error,
      Message("x.json:1:87: agent \"a\": extracted: field \"gazetteer\": expected true or false, found a "
              "string\n1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read(R"({"events": [{"id": "e", "kind": "briefing", "extracted": "a.txt"}]})"), corpus_error,
                       Message("x.json:1:58: event \"e\": field \"extracted\": expected an object, found a string\n"
                               "1 problem, nothing loaded"));
  CHECK_THROWS_MATCHES(read(R"({"events": [{"id": "e", "kind": "briefing", "extracted": {}}]})"), corpus_error,
                       Message("x.json:1:58: event \"e\": extracted: missing field \"file\"\n"
                               "1 problem, nothing loaded"));
  // A good mark reads back, and a graph refuses to mark what it lacks.
  auto g = read(R"({"agents": [{"id": "a", "kind": "person", "extracted": {"file": "a.txt", "gazetteer": true}}]})");
  REQUIRE(g.extracted("a"));
  CHECK(*g.extracted("a") == extraction_mark{"a.txt", true});
  CHECK_THROWS_WITH(g.mark_extracted("nobody", {"a.txt", false}), "mark_extracted: \"nobody\" names no record");
}

namespace {
// What reading `text` as JSON Lines gives: the corpus written back, or the error.
std::string outcome(std::string_view text, bool fast, std::size_t max_errors = 100,
                    std::size_t max_string = read_limits{}.max_string) {
  read_options options{corpus_format::json_lines, {}};
  options.fast_lines = fast;
  options.limits.max_errors = max_errors;
  options.limits.max_string = max_string;
  try {
    return corpus_of(read_corpus(text, "t.jsonl", options));
  } catch (const corpus_error& e) {
    return std::string("error: ") + e.what();
  }
}
}  // namespace

TEST_CASE("JSON Lines read with simdjson and with Boost.JSON alone give the same graph and the same errors") {
  const std::string head =
      "{\"record\": \"agent\", \"id\": \"a\", \"kind\": \"outlet\"}\n"
      "{\"record\": \"claim\", \"id\": \"c\", \"text\": \"t\"}\n"
      "{\"record\": \"claim\", \"id\": \"d\", \"text\": \"u\"}\n"
      "{\"record\": \"event\", \"id\": \"e\", \"kind\": \"publication\", \"host\": \"a\"}\n";
  const std::string s1 = "{\"record\": \"statement\", \"id\": \"s1\", \"agent\": \"a\", \"claim\": \"c\"}\n";
  const std::string s2 =
      "{\"record\": \"statement\", \"id\": \"s2\", \"agent\": \"a\", \"claim\": \"c\", \"event\": \"e\"}\n";
  // Each is a line (or a few) after `head`, s1 and s2: the plain shapes the
  // fast reader takes, and every way a line can leave them.
  std::vector<std::string> cases = {
      "",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\"}\n",
      "{\"to\": \"s1\", \"kind\": \"quotes\", \"from\": \"s2\", \"record\": \"derivation\", \"basis\": \"text\"}\n",
      "{ \"record\" : \"derivation\" , \"from\" : \"s2\" , \"to\" : \"s1\" }\r\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\"}",          // no newline: the padded copy
      "{\"record\": \"derivation\", \"from\": \"s\\u0032\", \"to\": \"s1\"}\n",  // an escape
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\", \"from\": \"s2\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\"} x\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\"}{}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\",}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s9\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"c\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s2\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\", \"kind\": \"copy\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\", \"basis\": \"unstated\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\", \"kind\": \"cites\"}\n"
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\", \"kind\": \"quotes\"}\n",
      "{\"record\": \"derivation\", \"from\": \"\", \"to\": \"s1\"}\n",
      "{\"record\": \"derivation\", \"from\": 2, \"to\": \"s1\"}\n",
      "{\"record\": \"derivation\", \"to\": \"s1\"}\n",
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\", \"note\": \"n\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"a\", \"claim\": \"d\"}\n"
      "{\"record\": \"derivation\", \"from\": \"s3\", \"to\": \"s1\"}\n",
      "{\"record\": \"statement\", \"id\": \"s1\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"c\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"b\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"e\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"a\", \"claim\": \"c\", \"event\": \"\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"a\", \"claim\": \"c\", \"event\": \"x\"}\n",
      "{\"record\": \"statement\", \"id\": \"\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"a\"}\n",
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"a\", \"claim\": \"c\", \"part\": \"body\"}\n",
      "{\"record\": \"statement\", \"id\": \"s\xC3\xA9\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"s\xFF\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"s\x01\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"" + std::string(65, 'x') + "\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statement\", \"id\": \"" + std::string(64, 'x') + "\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "{\"record\": \"statment\", \"id\": \"s3\", \"agent\": \"a\", \"claim\": \"c\"}\n",
      "[\"record\", \"statement\"]\n",
      "\n  \n\t\n{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"s1\"}\n",
      // Records out of order: the statement and derivation come before what they name.
      "{\"record\": \"derivation\", \"from\": \"s4\", \"to\": \"s1\"}\n"
      "{\"record\": \"statement\", \"id\": \"s4\", \"agent\": \"b\", \"claim\": \"c\"}\n"
      "{\"record\": \"agent\", \"id\": \"b\", \"kind\": \"person\"}\n",
      // Records that name one with a problem: only that one is reported.
      "{\"record\": \"agent\", \"id\": \"b\", \"kind\": \"nope\"}\n"
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"b\", \"claim\": \"c\"}\n"
      "{\"record\": \"derivation\", \"from\": \"s3\", \"to\": \"s1\"}\n",
      // Consecutive statements of other claims and agents, then the first again.
      "{\"record\": \"statement\", \"id\": \"s3\", \"agent\": \"a\", \"claim\": \"d\"}\n"
      "{\"record\": \"agent\", \"id\": \"b\", \"kind\": \"person\"}\n"
      "{\"record\": \"statement\", \"id\": \"s4\", \"agent\": \"b\", \"claim\": \"d\", \"event\": \"e\"}\n"
      "{\"record\": \"statement\", \"id\": \"s5\", \"agent\": \"a\", \"claim\": \"c\"}\n"
      "{\"record\": \"derivation\", \"from\": \"s4\", \"to\": \"s3\"}\n"
      "{\"record\": \"derivation\", \"from\": \"s5\", \"to\": \"s3\"}\n",
      // A report names a statement a derivation before it uses.
      "{\"record\": \"derivation\", \"from\": \"s2\", \"to\": \"c/a\"}\n"
      "{\"record\": \"report\", \"source\": \"a\", \"claim\": \"c\"}\n",
  };
  // Every statement line refused, then a derivation naming them.
  for (std::string text :
       {std::string("{\"record\": \"agent\", \"id\": \"a\", \"kind\": \"outlet\"}\n"
                    "{\"record\": \"claim\", \"id\": \"c\", \"text\": \"t\"}\n"
                    "{\"record\": \"statement\", \"id\": \"x\", \"agent\": \"a\", \"claim\": \"c\", \"bogus\": 1}\n"
                    "{\"record\": \"derivation\", \"from\": \"x\", \"to\": \"x\"}\n"),
        // A key written with escapes, longer as written than the string limit.
        head + "{\"record\": \"statement\", \"id\": \"s3\", \"\\u0061\\u0067\\u0065\\u006e\\u0074\": \"a\", "
               "\"claim\": \"c\"}\n"}) {
    INFO(text);
    CHECK(outcome(text, true, 100, 20) == outcome(text, false, 100, 20));
    CHECK(outcome(text, true, 100, 20).starts_with("error: "));
  }
  // Many derivations from one statement, in an order the output keeps, with
  // lines Boost.JSON reads among them: the order of the file survives the
  // look-ups the fast reader batches.
  std::string many;
  for (int i = 0; i < 40; ++i) {
    many.append("{\"record\": \"statement\", \"id\": \"m").append(std::to_string(i));
    many.append("\", \"agent\": \"a\", \"claim\": \"c\"}\n");
  }
  for (int i = 39; i > 0; --i) {
    const bool escaped = i % 13 == 0;
    many.append("{\"record\": \"derivation\", \"from\": \"m0\", \"to\": \"").append(escaped ? "\\u006d" : "m");
    many.append(std::to_string(i)).append(i % 7 == 0 ? "\", \"kind\": \"quotes\"}\n" : "\"}\n");
  }
  cases.push_back(many);
  for (const auto& tail : cases) {
    for (std::string text : {head + s1 + s2 + tail, tail + s2 + s1 + head}) {
      INFO(text);
      // Strings of at most 64 bytes, so that one case is one byte over.
      CHECK(outcome(text, true, 100, 64) == outcome(text, false, 100, 64));
      CHECK(outcome(text, true, 1, 64) == outcome(text, false, 1, 64));
    }
  }
  // Every corpus the project ships, as JSON Lines, in its order and reversed.
  for (const char* path : {SOURCETRACE_EXAMPLE_DATA_DIR "/seed_story.json", SOURCETRACE_TEST_DATA_DIR "/circular.json",
                           SOURCETRACE_TEST_DATA_DIR "/mentions.json", SOURCETRACE_TEST_DATA_DIR "/extracted.json"}) {
    INFO(path);
    std::ostringstream lines;
    write_corpus_lines(lines, read_corpus_file(path));
    CHECK(outcome(lines.str(), true) == outcome(lines.str(), false));
    CHECK(outcome(to_lines(corpus_of(read_corpus_file(path))), true) == corpus_of(read_corpus_file(path)));
  }
}

TEST_CASE("a record limit reached on a line no parser accepts is reported, without indexing it forever") {
  read_options options{corpus_format::json_lines, {}};
  options.limits.max_records = 1;
  for (bool fast : {true, false}) {
    options.fast_lines = fast;
    try {
      (void)read_corpus("{\"record\": \"agent\", \"id\": \"a\", \"kind\": \"outlet\"}\n[}\n", "t.jsonl", options);
      FAIL("read past the record limit");
    } catch (const corpus_error& e) {
      CHECK_THAT(e.what(), Contains("t.jsonl:2:"));
      CHECK_THAT(e.what(), Contains("limit"));
    }
  }
}
