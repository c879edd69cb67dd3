// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sourcetrace/analysis/origins.hpp>

#include "data/seed_story.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace sourcetrace;
using namespace prov_fixture;

namespace {

std::vector<std::string> texts(const prov_record& r, std::string_view name) {
  std::vector<std::string> out;
  for (const auto* v : r.values(name)) out.push_back(v->text);
  return out;
}

}  // namespace

// A kind of source a user adds: a channel on a messaging service.
struct telegram_channel {
  std::string handle;
  std::string subscribers;
  friend bool operator==(const telegram_channel&, const telegram_channel&) = default;
};

template <>
struct sourcetrace::source_traits<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:SoftwareAgent";
  static std::string label(const telegram_channel& t) { return t.handle; }
  static attributes fields(const telegram_channel& t) { return {{"handle", t.handle}, {"subscribers", t.subscribers}}; }
  static telegram_channel from_fields(const attributes& a) {
    return {attribute(a, "handle"), attribute(a, "subscribers")};
  }
};

TEST_CASE("record types are named as in PROV-N and PROV-JSON") {
  CHECK(to_string(prov_record_type::generation) == "wasGeneratedBy");
  CHECK(to_string(prov_record_type::delegation) == "actedOnBehalfOf");
  CHECK(to_string(prov_record_type::other) == "other");
  CHECK(prov_record_type_from_string("wasDerivedFrom") == prov_record_type::derivation);
  CHECK_FALSE(prov_record_type_from_string("wasQuotedFrom"));
  CHECK(prov_formal_arguments(prov_record_type::derivation).size() == 5);
  CHECK(prov_formal_arguments(prov_record_type::derivation)[1].name == "prov:usedEntity");
  CHECK(prov_formal_arguments(prov_record_type::entity).empty());
  CHECK(is_qualified_name_datatype("xsd:QName"));
  CHECK(is_qualified_name_datatype("prov:QualifiedName"));
  CHECK(is_qualified_name_datatype("prov:QUALIFIED_NAME"));
  CHECK_FALSE(is_qualified_name_datatype("xsd:string"));
}

TEST_CASE("qualified names expand through the prefixes in scope") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  d.default_namespace = "https://default.example/";
  prov_bundle b;
  b.prefixes["ex"] = "https://bundle.example/";
  CHECK(prov_expand("ex:a", d) == "https://example.org/a");
  CHECK(prov_expand("ex:a", b, &d) == "https://bundle.example/a");
  CHECK(prov_expand("a", b, &d) == "https://default.example/a");
  CHECK(prov_expand("prov:Person", d) == std::string(prov_namespace_uri) + "Person");
  CHECK_FALSE(prov_expand("nope:a", d));
}

TEST_CASE("to_prov writes one PROV record per record of the graph") {
  auto g = seed::story();
  auto d = to_prov(g);
  CHECK(d.prefixes.at("st") == "https://sourcetrace.dev/ns#");
  CHECK(d.prefixes.at("stid") == "https://sourcetrace.dev/id/");
  CHECK(d.count(prov_record_type::agent) == g.agent_count());
  CHECK(d.count(prov_record_type::activity) == g.event_count());
  CHECK(d.count(prov_record_type::entity) == g.claim_count() + g.statement_count());
  CHECK(d.count(prov_record_type::attribution) == g.statement_count());
  CHECK(d.count(prov_record_type::derivation) == g.derivation_count());
  std::size_t hosted = 0, with_event = 0;
  for (std::uint32_t i = 0; i < g.event_count(); ++i) hosted += g[event_handle{i}].host.valid();
  for (std::size_t v = 0; v < g.statement_count(); ++v) with_event += g[v].event.valid();
  CHECK(d.count(prov_record_type::association) == hosted);
  CHECK(d.count(prov_record_type::generation) == with_event);
  CHECK(d.bundles.empty());
}

TEST_CASE("an agent carries its PROV type, its kind and the kind's fields") {
  auto d = to_prov(seed::story());
  const prov_record* lee = find_record(d, prov_record_type::agent, "stid:lee-seong-kweun");
  REQUIRE(lee);
  CHECK(texts(*lee, "prov:type") == std::vector<std::string>{"prov:Person", "st:person"});
  CHECK(lee->values("prov:type")[0]->kind == prov_value_kind::qualified_name);
  CHECK(texts(*lee, "prov:label") == std::vector<std::string>{"Lee Seong-kweun"});
  CHECK(texts(*lee, "st:role") == std::vector<std::string>{"lawmaker"});
  CHECK(texts(*lee, "st:affiliation") == std::vector<std::string>{"People Power Party"});
  const prov_record* herald = find_record(d, prov_record_type::agent, "stid:korea-herald");
  REQUIRE(herald);
  CHECK(texts(*herald, "prov:type") == std::vector<std::string>{"prov:Organization", "st:outlet"});
}

TEST_CASE("an event is an activity with times only when its day or period is known") {
  auto d = to_prov(seed::story());
  const prov_record* briefing = find_record(d, prov_record_type::activity, "stid:nis-briefing-2025-06-26");
  REQUIRE(briefing);
  CHECK(briefing->arg("prov:startTime") == "2025-06-26T00:00:00");
  CHECK(briefing->arg("prov:endTime") == "2025-06-26T23:59:59");
  CHECK(texts(*briefing, "st:date") == std::vector<std::string>{"2025-06-26"});
  CHECK(texts(*briefing, "prov:type") == std::vector<std::string>{"st:briefing"});
  const prov_record* blog = find_record(d, prov_record_type::activity, "stid:blog-2025-06");
  REQUIRE(blog);
  CHECK(blog->arg("prov:startTime") == "2025-06-26T00:00:00");
  CHECK(blog->arg("prov:endTime") == "2025-06-30T23:59:59");
  const prov_record* month = find_record(d, prov_record_type::activity, "stid:nis-briefing-2025-11");
  REQUIRE(month);
  CHECK(month->arg("prov:startTime").empty());
  CHECK(texts(*month, "st:date") == std::vector<std::string>{"2025-11"});
}

TEST_CASE("statements are entities attributed to their agent and generated by their event") {
  auto d = to_prov(seed::story());
  const prov_record* s = find_record(d, prov_record_type::entity, "stid:deploy-jul-aug/korea-herald@herald-2025-06-27");
  REQUIRE(s);
  CHECK(texts(*s, "prov:type") == std::vector<std::string>{"st:Statement"});
  CHECK(texts(*s, "st:claim") == std::vector<std::string>{"stid:deploy-jul-aug"});
  CHECK(texts(*s, "st:when") == std::vector<std::string>{"2025-07-01/2025-08-31"});
  CHECK(texts(*s, "st:mode") == std::vector<std::string>{"possible"});
  bool attributed = false, generated = false;
  for (const auto& r : d.records) {
    if (r.type == prov_record_type::attribution && r.arg("prov:entity") == s->id) {
      attributed = r.arg("prov:agent") == "stid:korea-herald";
    }
    if (r.type == prov_record_type::generation && r.arg("prov:entity") == s->id) {
      generated = r.arg("prov:activity") == "stid:herald-2025-06-27";
    }
  }
  CHECK(attributed);
  CHECK(generated);
}

TEST_CASE("derivations are typed Quotation for quotes and PrimarySource into a first-hand origin") {
  provenance_graph g;
  g.add_agent("nis", "NIS", organization{});
  g.add_agent("park", "Park Sun-won", person{});
  g.add_agent("herald", "The Korea Herald", outlet{});
  g.add_agent("blog", "A blog", outlet{});
  g.add_claim("c", "a claim");
  g.add_statement("herald-s", "herald", "c");
  g.add_statement("park-s", "park", "c");
  g.add_statement("nis-s", "nis", "c");
  g.add_statement("site-s", "herald", "c");
  g.add_statement("blog-s", "blog", "c");
  g.add_derivation("herald-s", "park-s", derivation_kind::quotes);
  g.add_derivation("park-s", "nis-s", derivation_kind::cites);
  g.add_derivation("site-s", "blog-s", derivation_kind::copies);
  auto d = to_prov(g);
  std::vector<std::vector<std::string>> types;
  std::vector<std::string> kinds;
  for (const auto& r : d.records) {
    if (r.type != prov_record_type::derivation) continue;
    types.push_back(texts(r, "prov:type"));
    kinds.push_back(texts(r, "st:kind").at(0));
  }
  REQUIRE(types.size() == 3);
  CHECK(types[0] == std::vector<std::string>{"prov:Quotation"});
  CHECK(types[1] == std::vector<std::string>{"prov:PrimarySource"});
  CHECK(types[2].empty());  // an outlet's unsourced statement is no primary source
  CHECK(kinds == std::vector<std::string>{"quotes", "cites", "copies"});
}

TEST_CASE("the seed story round-trips through the PROV model") {
  auto g = seed::story();
  auto result = import_prov(to_prov(g));
  CHECK(result.issues.empty());
  const auto& h = result.graph;
  REQUIRE(h.agent_count() == g.agent_count());
  for (std::uint32_t i = 0; i < g.agent_count(); ++i) {
    agent_handle a{i};
    auto b = h.agent_id(g[a].id);
    CHECK(h[b].name == g[a].name);
    CHECK(h.kind_name(b) == g.kind_name(a));
    CHECK(h[b].kind == g[a].kind);
  }
  REQUIRE(h.event_count() == g.event_count());
  for (std::uint32_t i = 0; i < g.event_count(); ++i) {
    const auto& e = g[event_handle{i}];
    const auto& f = h[h.event_id(e.id)];
    CHECK(f.kind == e.kind);
    CHECK(f.date == e.date);
    CHECK(f.info == e.info);
    CHECK(f.host.valid() == e.host.valid());
    if (e.host.valid()) CHECK(h[f.host].id == g[e.host].id);
  }
  REQUIRE(h.claim_count() == g.claim_count());
  for (std::uint32_t i = 0; i < g.claim_count(); ++i) {
    const auto& c = g[claim_handle{i}];
    const auto& k = h[h.claim_id(c.id)];
    CHECK(k.text == c.text);
    CHECK(k.details == c.details);
  }
  REQUIRE(h.statement_count() == g.statement_count());
  REQUIRE(h.derivation_count() == g.derivation_count());
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    auto w = h.statement_id(g.id(v));
    CHECK(h[h[w].agent].id == g[g[v].agent].id);
    CHECK(h[h[w].claim].id == g[g[v].claim].id);
    CHECK(h[w].event.valid() == g[v].event.valid());
    CHECK((h.stated(w) == nullptr) == (g.stated(v) == nullptr));
    if (g.stated(v)) CHECK(*h.stated(w) == *g.stated(v));
    for (auto [e, end] = boost::out_edges(v, g.graph()); e != end; ++e) {
      auto [f, found] = boost::edge(w, h.statement_id(g.id(boost::target(*e, g.graph()))), h.graph());
      REQUIRE(found);
      CHECK(h.graph()[f].kind == g.graph()[*e].kind);
    }
  }
  CHECK(origins_by_id(h) == origins_by_id(g));
}

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

  // A graph without that kind takes the agent as anonymous, and says so.
  auto plain = import_prov<provenance_graph>(d);
  CHECK(plain.graph.kind_name(plain.graph.agent_id("rybar")) == "anonymous");
  REQUIRE(plain.issues.size() == 1);
  CHECK(plain.issues[0].message ==
        "agent \"stid:rybar\": mapped in part: kind \"telegram_channel\" is not a kind of this graph; read as "
        "anonymous without its fields");
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
