// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov_import.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>

#include "data/seed_story.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace sourcetrace;
using namespace prov_fixture;

// A kind of source a user adds: a channel on a messaging service.
struct telegram_channel {
  std::string handle;
  std::string subscribers;
  friend bool operator==(const telegram_channel&, const telegram_channel&) = default;
};

template <>
struct sourcetrace::source_traits<telegram_channel> : sourcetrace::source_traits_base<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:SoftwareAgent";
  static std::string label(const telegram_channel& t) { return t.handle; }
  static constexpr std::tuple members{field{"handle", &telegram_channel::handle},
                                      field{"subscribers", &telegram_channel::subscribers}};
};

TEST_CASE("a user's own kind round-trips through its traits") {
  using graph = basic_provenance_graph<organization, person, outlet, anonymous, telegram_channel>;
  graph g;
  g.add_agent("rybar", "Rybar", telegram_channel{"@rybar", "1.3 million"});
  g.add_agent("nis", "NIS", organization{"intelligence agency", "South Korea"});
  g.add_claim("c", "a claim");
  g.add_statement("post", "rybar", "c");
  g.add_statement("brief", "nis", "c");
  g.add_derivation("post", "brief", derivation_kind::paraphrases);
  auto d = to_prov(g);
  const prov_record* r = find_record(d, prov_record_type::agent, "stid:rybar");
  REQUIRE(r);
  CHECK(texts(*r, "prov:type") == std::vector<std::string>{"prov:SoftwareAgent", "st:telegram_channel"});
  auto back = import_prov<graph>(d);
  CHECK(back.issues.empty());
  auto a = back.graph.agent_id("rybar");
  CHECK(back.graph.kind_name(a) == "telegram_channel");
  CHECK(std::get<telegram_channel>(back.graph[a].kind) == telegram_channel{"@rybar", "1.3 million"});
  CHECK(origins_by_id(back.graph) == origins_by_id(g));

  // A graph without that kind takes the agent as the kind of its PROV type, or,
  // as here (prov:SoftwareAgent is no built-in kind's type), as the kind for
  // unnamed sources, and says so.
  auto plain = import_prov<provenance_graph>(d);
  CHECK(plain.graph.kind_name(plain.graph.agent_id("rybar")) == "anonymous");
  REQUIRE(plain.issues.size() == 1);
  CHECK(plain.issues[0].message ==
        "agent \"stid:rybar\": mapped in part: kind \"telegram_channel\" is not a kind of this graph; read as "
        "anonymous without its fields");
}

// A user's kind from the defaults, with typed fields, and one typed like an organization.
struct counted_channel {
  std::string handle;
  std::int64_t subscribers = 0;
  bool verified = false;
  friend bool operator==(const counted_channel&, const counted_channel&) = default;
};
struct wire_service {
  std::string region;
};

template <>
struct sourcetrace::source_traits<counted_channel> : sourcetrace::source_traits_base<counted_channel> {
  static constexpr std::string_view name = "counted_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::tuple members{field{"handle", &counted_channel::handle},
                                      field{"subscribers", &counted_channel::subscribers},
                                      field{"verified", &counted_channel::verified}};
};
template <>
struct sourcetrace::source_traits<wire_service> : sourcetrace::source_traits_base<wire_service> {
  static constexpr std::string_view name = "wire_service";
  static constexpr std::string_view prov_type = "prov:Organization";
  static constexpr std::tuple members{field{"region", &wire_service::region}};
};

TEST_CASE("a kind's typed fields become typed PROV literals and read back typed") {
  using graph = provenance_graph_with<counted_channel, wire_service>;
  graph g;
  g.add_agent("digest", "Kursk Digest", counted_channel{"@kursk_digest", 48000, true});
  auto d = to_prov(g);
  const prov_record* r = find_record(d, prov_record_type::agent, "stid:digest");
  REQUIRE(r);
  REQUIRE(r->values("st:subscribers").size() == 1);
  CHECK(*r->values("st:subscribers")[0] == prov_value::make_typed("48000", "xsd:long"));
  CHECK(*r->values("st:verified")[0] == prov_value::make_typed("true", "xsd:boolean"));
  CHECK(*r->values("st:handle")[0] == prov_value::make_string("@kursk_digest"));
  auto back = import_prov<graph>(d);
  CHECK(back.issues.empty());
  CHECK(std::get<counted_channel>(back.graph[back.graph.agent_id("digest")].kind) ==
        counted_channel{"@kursk_digest", 48000, true});
}

TEST_CASE("an agent of a kind the graph lacks falls back by its PROV type, else to the unnamed kind") {
  using graph = provenance_graph_with<counted_channel, wire_service>;
  graph g;
  g.add_agent("yonhap", "Yonhap", wire_service{"Asia"});
  g.add_agent("digest", "Kursk Digest", counted_channel{"@kursk_digest", 48000, false});
  auto plain = import_prov<provenance_graph>(to_prov(g));
  // prov:Organization: the first built-in kind of that PROV type.
  CHECK(plain.graph.kind_name(plain.graph.agent_id("yonhap")) == "organization");
  CHECK(plain.graph.kind_fields(plain.graph.agent_id("yonhap")) == attributes{{"type", ""}, {"country", ""}});
  // prov:Agent only: the graph's kind for unnamed sources.
  CHECK(plain.graph.kind_name(plain.graph.agent_id("digest")) == "anonymous");
  REQUIRE(plain.issues.size() == 2);
  CHECK(plain.issues[0].message ==
        "agent \"stid:yonhap\": mapped in part: kind \"wire_service\" is not a kind of this graph; read as "
        "organization without its fields");
  CHECK(plain.issues[1].message ==
        "agent \"stid:digest\": mapped in part: kind \"counted_channel\" is not a kind of this graph; read as "
        "anonymous without its fields");
}

TEST_CASE("a field a kind refuses on import is reported, and the agent kept without its fields") {
  using graph = provenance_graph_with<counted_channel>;
  prov_document d;
  d.prefixes["st"] = std::string(st_namespace_uri);
  auto agent = make_prov_record(prov_record_type::agent, "ex:digest");
  agent.add("prov:type", prov_value::make_qualified_name("st:counted_channel"));
  agent.add("st:subscribers", prov_value::make_string("many"));
  d.records.push_back(agent);
  auto back = import_prov<graph>(d);
  CHECK(std::get<counted_channel>(back.graph[back.graph.agent_id("ex:digest")].kind) == counted_channel{});
  REQUIRE(back.issues.size() == 1);
  CHECK(back.issues[0].message ==
        "agent \"ex:digest\": mapped in part: kind counted_channel: field \"subscribers\": expected a whole "
        "number, found \"many\"; read without its fields");
}

TEST_CASE("a foreign document imports so that origins answer for its entities") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  auto entity = [&](std::string id, std::string label) {
    auto r = make_prov_record(prov_record_type::entity, std::move(id));
    r.add("prov:label", prov_value::make_string(std::move(label)));
    d.records.push_back(std::move(r));
  };
  auto relation = [&](prov_record_type t, std::string a, std::string b) {
    auto r = make_prov_record(t);
    r.args[0] = std::move(a);
    r.args[1] = std::move(b);
    d.records.push_back(std::move(r));
    return &d.records.back();
  };
  entity("ex:article", "the article");
  entity("ex:remarks", "the lawmaker's remarks");
  entity("ex:briefing", "the briefing");
  entity("ex:other", "an unrelated note");
  auto agent = make_prov_record(prov_record_type::agent, "ex:lee");
  agent.add("prov:type", prov_value::make_qualified_name("prov:Person"));
  d.records.push_back(agent);
  d.records.push_back(make_prov_record(prov_record_type::activity, "ex:meeting"));
  relation(prov_record_type::derivation, "ex:article", "ex:remarks")
      ->add("prov:type", prov_value::make_qualified_name("prov:Quotation"));
  relation(prov_record_type::derivation, "ex:remarks", "ex:briefing");
  relation(prov_record_type::attribution, "ex:remarks", "ex:lee");
  relation(prov_record_type::association, "ex:meeting", "ex:nis");
  relation(prov_record_type::generation, "ex:briefing", "ex:meeting");
  relation(prov_record_type::communication, "ex:meeting", "ex:meeting");

  auto result = import_prov(d);
  const auto& g = result.graph;
  REQUIRE(g.statement_count() == 4);
  CHECK(g.claim_count() == 2);  // {article, remarks, briefing} and {other}
  auto m = origins(g);
  auto briefing = g.statement_id("ex:briefing");
  for (const char* id : {"ex:article", "ex:remarks", "ex:briefing"}) {
    auto o = m.of(g.statement_id(id));
    REQUIRE(o.size() == 1);
    CHECK(o[0] == briefing);
  }
  CHECK(g[g.statement_id("ex:article")].claim == g[briefing].claim);
  CHECK(g[g[briefing].claim].text == "the briefing");
  CHECK(g[g[briefing].claim].id == "claim:ex:briefing");
  CHECK(g.kind_name(g.agent_id("ex:lee")) == "person");
  CHECK(g[g.statement_id("ex:remarks")].agent == g.agent_id("ex:lee"));
  // No attribution: the agent associated with the generating activity speaks.
  CHECK(g[g[briefing].agent].id == "ex:nis");
  // Neither: one agent stands for everything unattributed.
  auto nobody = g[g.statement_id("ex:article")].agent;
  CHECK(g[nobody].id == "unattributed");
  CHECK(g.kind_name(nobody) == "anonymous");
  auto [e, found] = boost::edge(g.statement_id("ex:article"), g.statement_id("ex:remarks"), g.graph());
  REQUIRE(found);
  CHECK(g.graph()[e].kind == derivation_kind::quotes);
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].message == "wasInformedBy: not mapped: sourcetrace has no counterpart of wasInformedBy");
}

TEST_CASE("records that cannot be mapped are reported, each with its reason") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  d.records.push_back(make_prov_record(prov_record_type::entity, "ex:a"));
  d.records.push_back(make_prov_record(prov_record_type::entity, "ex:b"));
  d.records.push_back(make_prov_record(prov_record_type::agent, "ex:p"));
  d.records.push_back(make_prov_record(prov_record_type::agent, "ex:q"));
  d.records.push_back(make_prov_record(prov_record_type::agent, "ex:a"));
  auto rel = [&](prov_record_type t, std::vector<std::string> args) {
    auto r = make_prov_record(t);
    for (std::size_t i = 0; i < args.size(); ++i) r.args[i] = args[i];
    d.records.push_back(std::move(r));
  };
  rel(prov_record_type::attribution, {"ex:a", "ex:p"});
  rel(prov_record_type::attribution, {"ex:a", "ex:q"});
  rel(prov_record_type::derivation, {"ex:a", "ex:a"});
  rel(prov_record_type::derivation, {"ex:a", "ex:p"});
  rel(prov_record_type::usage, {"ex:run", "ex:a"});
  prov_record odd;
  odd.type = prov_record_type::other;
  odd.type_name = "wasQuotedFrom";
  odd.id = "ex:q1";
  d.records.push_back(odd);
  auto result = import_prov(d);
  std::vector<std::string> messages;
  for (const auto& i : result.issues) messages.push_back(i.message);
  CHECK(messages == std::vector<std::string>{
                        "agent \"ex:a\": not mapped: id \"ex:a\" already names an entity",
                        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one message, wrapped.
                        "wasAttributedTo: not mapped: entity \"ex:a\" is already attributed to \"ex:p\" and a "
                        "statement has one agent",
                        "wasDerivedFrom: not mapped: it does not join two entities",
                        "used: not mapped: sourcetrace has no counterpart of used",
                        "wasQuotedFrom \"ex:q1\": not mapped: unknown record type \"wasQuotedFrom\"",
                        "wasDerivedFrom: not mapped: statement \"ex:a\" cannot derive from itself",
                    });
  CHECK(result.graph.statement_count() == 2);
}

TEST_CASE("figures imported from PROV carry their parsed amount") {
  provenance_graph g;
  g.add_agent("mod", "Ministry", organization{"ministry", ""});
  g.add_claim("c", "Shells were sent", {.quantity = "millions of shells"});
  g.add_statement("s", "mod", "c", {}, {.quantity = "more than 10 million"});
  auto result = import_prov(to_prov(g));
  CHECK(result.issues.empty());
  const auto& h = result.graph;
  const auto* s = h.stated(h.statement_id("s"));
  REQUIRE(s);
  CHECK(s->quantity == "more than 10 million");
  REQUIRE(s->amount);
  CHECK(s->amount->lower == 1e7);
  CHECK_FALSE(s->amount->upper);
  CHECK(s->amount->qualifier == quantity_qualifier::at_least);
  REQUIRE(h[h.claim_id("c")].details.amount);
  CHECK(h[h.claim_id("c")].details.amount->lower == 2e6);
}

TEST_CASE("relations may name elements never declared: PROV-DM implies them, and the result lists them") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  d.records.push_back(make_prov_record(prov_record_type::entity, "ex:report"));
  auto rel = [&](prov_record_type t, std::vector<std::string> args) {
    auto r = make_prov_record(t);
    for (std::size_t i = 0; i < args.size(); ++i) r.args[i] = args[i];
    d.records.push_back(std::move(r));
  };
  rel(prov_record_type::derivation, {"ex:report", "ex:cable"});  // an entity
  rel(prov_record_type::attribution, {"ex:report", "ex:agency"});
  rel(prov_record_type::generation, {"ex:cable", "ex:leak"});     // an activity
  rel(prov_record_type::association, {"ex:leak", "ex:insider"});  // an agent
  rel(prov_record_type::usage, {"ex:run", "ex:ghost"});           // not mapped, so it implies nothing
  // Declared after the relation that names it: not implied.
  d.records.push_back(make_prov_record(prov_record_type::agent, "ex:agency"));
  auto result = import_prov(d);
  CHECK(result.implied == std::vector<std::string>{"ex:cable", "ex:leak", "ex:insider"});
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].message == "used: not mapped: sourcetrace has no counterpart of used");
  const auto& g = result.graph;
  CHECK(g.statement_count() == 2);
  CHECK(g.agent_count() == 2);
  CHECK(g.event_count() == 1);
  // The implied entity has no wasAttributedTo: like any such entity, it takes
  // the agent of the activity that generated it.
  auto cable = g.statement_id("ex:cable");
  CHECK(g[g[cable].agent].id == "ex:insider");
  CHECK(g[g[cable].event].id == "ex:leak");
  CHECK(g[g[g.statement_id("ex:report")].agent].id == "ex:agency");
  CHECK(import_prov(to_prov(g)).implied.empty());
}

TEST_CASE("regression: what import_prov builds from a document that reads writes a corpus that reads back") {
  auto round_trip = [](const prov_document& doc) {
    std::ostringstream out;
    write_corpus(out, import_prov(doc).graph);
    return read_corpus(out.str(), "imported.json");
  };
  // Ids that differ only in bytes that are not UTF-8 became one id in the
  // corpus, and the derivation between them a self-derivation: the readers
  // now refuse them.
  CHECK_THROWS_MATCHES(
      round_trip(read_prov_n("document\n  prefix ex <http://example.org/>\n  entity(ex:a\xff)\n"
                             "  entity(ex:a\xfe)\n  wasDerivedFrom(ex:a\xff, ex:a\xfe)\nendDocument\n",
                             "herald.provn")),
      parse_error, Catch::Matchers::Message("herald.provn:3:14: entity: invalid UTF-8 in identifier \"ex:a\\xFF\""));
  CHECK_THROWS_MATCHES(
      round_trip(read_prov_json("{\"prefix\": {\"ex\": \"http://example.org/\"},\n"
                                " \"entity\": {\"ex:a\xff\": {}, \"ex:a\xfe\": {}},\n"
                                " \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"ex:a\xff\", "
                                "\"prov:usedEntity\": \"ex:a\xfe\"}}}\n",
                                "herald.provjson")),
      parse_error,
      Catch::Matchers::Message("herald.provjson:2:18: invalid UTF-8 in key \"ex:a\\xFF\" (in \"entity\")"));
  // UTF-8 ids, implied elements and unknown keys import into a corpus that reads back.
  auto doc = read_prov_json(
      "{\"prefix\": {\"ex\": \"http://example.org/\"}, \"notarealtype\": {},\n"
      " \"entity\": {\"ex:caf\xc3\xa9\": {}, \"ex:cafe\": {}},\n"
      " \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"ex:caf\xc3\xa9\", \"prov:usedEntity\": "
      "\"ex:cafe\"},\n"
      "   \"_:e\": {\"prov:generatedEntity\": \"ex:cafe\", \"prov:usedEntity\": \"ex:undeclared\"}}}",
      "herald.provjson");
  auto g = round_trip(doc);
  CHECK(g.statement_count() == 3);
  CHECK(g.derivation_count() == 2);
  CHECK(g.id(g.statement_id("ex:caf\xc3\xa9")) == "ex:caf\xc3\xa9");
}

TEST_CASE("event kinds, audiences, article parts and bases go through PROV-JSON and PROV-N and back") {
  auto g = read_corpus_file(SOURCETRACE_TEST_DATA_DIR "/mentions.json");
  auto corpus = [](const provenance_graph& graph) {
    std::ostringstream out;
    write_corpus(out, graph);
    return out.str();
  };
  auto doc = to_prov(g);
  const prov_record* visit = find_record(doc, prov_record_type::activity, "stid:shoigu-visit-2025-06-17");
  REQUIRE(visit);
  CHECK(texts(*visit, "prov:type") == std::vector<std::string>{"st:visit"});
  const prov_record* headline =
      find_record(doc, prov_record_type::entity, "stid:deploy-jul-aug/korea-herald@herald-2025-06-27#headline");
  REQUIRE(headline);
  CHECK(texts(*headline, "st:part") == std::vector<std::string>{"headline"});
  std::size_t audience = 0, inferred = 0;
  for (const auto& r : doc.records) {
    if (r.type == prov_record_type::association && texts(r, "prov:role") == std::vector<std::string>{"st:audience"}) {
      ++audience;
      CHECK(r.args[1] == "stid:intelligence-committee");
    }
    if (r.type == prov_record_type::derivation && texts(r, "st:basis") == std::vector<std::string>{"inferred"}) {
      ++inferred;
    }
  }
  CHECK(audience == 1);
  CHECK(inferred == 2);

  auto back = import_prov(doc);
  CHECK(back.issues.empty());
  CHECK(corpus(back.graph) == corpus(g));
  std::ostringstream json, n;
  write_prov_json(json, doc);
  write_prov_n(n, doc);
  CHECK(corpus(import_prov(read_prov_n(n.str(), "m.provn")).graph) == corpus(g));
  // PROV-JSON sorts its records by id, so the graph read back has them in
  // another order: the same records, every field kept.
  auto from_json = import_prov(read_prov_json(json.str(), "m.provjson"));
  CHECK(from_json.issues.empty());
  auto sorted_lines = [](const provenance_graph& graph) {
    std::ostringstream out;
    write_corpus_lines(out, graph);
    std::vector<std::string> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  CHECK(sorted_lines(from_json.graph) == sorted_lines(g));
  const auto& h = from_json.graph;
  CHECK(h[h.event_id("shoigu-visit-2025-06-17")].kind == event_kind::visit);
  CHECK(h[h.event_id("nis-briefing-2025-06-26")].audience.size() == 1);
  CHECK(h.part(h.statement_id("troops-2024/korea-herald@herald-2025-06-27#relayed")) == article_part::lead);
}

TEST_CASE("a PROV part or basis sourcetrace does not know is reported and not kept") {
  const std::string text = R"(document
  prefix st <https://sourcetrace.dev/ns#>
  prefix ex <https://example.org/>
  entity(ex:a, [st:part="footer"])
  entity(ex:b)
  wasDerivedFrom(ex:a, ex:b, -, -, -, [st:basis="guessed"])
endDocument
)";
  auto back = import_prov(read_prov_n(text, "x.provn"));
  REQUIRE(back.issues.size() == 2);
  CHECK(back.issues[0].message == "entity \"ex:a\": mapped in part: unknown st:part \"footer\"");
  CHECK(back.issues[1].message == "wasDerivedFrom: mapped in part: unknown st:basis \"guessed\", not kept");
  CHECK(back.graph.part(back.graph.statement_id("ex:a")) == article_part::unknown);
}
