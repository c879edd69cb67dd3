// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov_json.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sourcetrace/analysis/origins.hpp>

#include "data/seed_story.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace sourcetrace;
using namespace prov_fixture;
using Catch::Matchers::Message;

namespace {

template <class T>
std::string json_of(const T& x) {
  std::ostringstream os;
  write_prov_json(os, x);
  return os.str();
}

prov_document read(std::string_view text) { return read_prov_json(text, "doc.json"); }

}  // namespace

TEST_CASE("the writer sorts keys, so equal documents give equal bytes") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  auto e = make_prov_record(prov_record_type::entity, "ex:b");
  e.add("prov:type", prov_value::make_qualified_name("ex:Report"));
  e.add("ex:words", prov_value::make_typed("640", "xsd:int"));
  e.add("prov:label", prov_value::make_lang_string("Bericht", "de"));
  e.add("prov:label", prov_value::make_string("report \"B\""));
  d.records.push_back(e);
  d.records.push_back(make_prov_record(prov_record_type::entity, "ex:a"));
  auto g = make_prov_record(prov_record_type::generation);
  g.args[0] = "ex:b";
  g.args[2] = "2025-06-27T09:00:00";
  d.records.push_back(g);
  CHECK(json_of(d) ==
        "{\n"
        "  \"entity\": {\n"
        "    \"ex:a\": {},\n"
        "    \"ex:b\": {\n"
        "      \"ex:words\": {\"$\": \"640\", \"type\": \"xsd:int\"},\n"
        "      \"prov:label\": [{\"$\": \"Bericht\", \"lang\": \"de\"}, \"report \\\"B\\\"\"],\n"
        "      \"prov:type\": {\"$\": \"ex:Report\", \"type\": \"prov:QUALIFIED_NAME\"}\n"
        "    }\n"
        "  },\n"
        "  \"prefix\": {\n"
        "    \"ex\": \"https://example.org/\"\n"
        "  },\n"
        "  \"wasGeneratedBy\": {\n"
        "    \"_:id1\": {\n"
        "      \"prov:entity\": \"ex:b\",\n"
        "      \"prov:time\": \"2025-06-27T09:00:00\"\n"
        "    }\n"
        "  }\n"
        "}\n");
}

TEST_CASE("the seed story round-trips through PROV-JSON with the same origins") {
  auto g = seed::story();
  std::string text = json_of(g);
  CHECK(json_of(g) == text);
  auto doc = read_prov_json(text, "seed.provjson");
  CHECK(json_of(doc) == text);
  auto back = import_prov(doc);
  CHECK(back.issues.empty());
  CHECK(back.graph.statement_count() == g.statement_count());
  CHECK(back.graph.derivation_count() == g.derivation_count());
  CHECK(origins_by_id(back.graph) == origins_by_id(g));
}

TEST_CASE("a foreign document: bundles, blank ids, arrays, typed literals, language strings, three QName spellings") {
  auto doc = read_prov_json(slurp("herald_chain.provjson"), "herald_chain.provjson");
  CHECK(doc.prefixes.at("kr") == "https://example.org/kr#");
  CHECK(doc.count(prov_record_type::agent) == 3);
  CHECK(doc.count(prov_record_type::entity) == 5);  // ex:herald-article twice
  CHECK(doc.count(prov_record_type::derivation) == 3);
  CHECK(doc.count_all(prov_record_type::derivation) == 5);
  REQUIRE(doc.bundles.size() == 2);
  CHECK(doc.bundles[0].id == "ex:monday-digest");
  CHECK(doc.bundles[1].prefixes.at("td") == "https://example.org/tuesday#");
  CHECK(find_record(doc.bundles[0], prov_record_type::entity, "_:item"));
  CHECK(find_record(doc.bundles[1], prov_record_type::entity, "_:item"));

  const prov_record* first = find_record(doc, prov_record_type::entity, "ex:herald-article", 0);
  const prov_record* second = find_record(doc, prov_record_type::entity, "ex:herald-article", 1);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->where == prov_location{20, 7});
  CHECK(second->values("ex:byline")[0]->text == "Kim Arin");
  CHECK(*second->values("ex:words")[0] == prov_value::make_typed("640", "xsd:int"));

  const prov_record* notes = find_record(doc, prov_record_type::entity, "kr:briefing-notes");
  REQUIRE(notes);
  CHECK(*notes->values("ex:troops")[0] == prov_value::make_typed("11000", "xsd:int"));
  const prov_record* blog = find_record(doc, prov_record_type::entity, "ex:blog-post");
  REQUIRE(blog);
  CHECK(*blog->values("ex:flagged")[0] == prov_value::make_typed("false", "xsd:boolean"));
  const prov_record* lee = find_record(doc, prov_record_type::agent, "kr:lee");
  REQUIRE(lee);
  CHECK(*lee->values("prov:label")[0] == prov_value::make_lang_string("Lee Seong-kweun", "en"));
  for (const char* id : {"ex:korea-herald", "kr:lee", "kr:nis"}) {
    const prov_record* a = find_record(doc, prov_record_type::agent, id);
    REQUIRE(a);
    CHECK(a->values("prov:type")[0]->kind == prov_value_kind::qualified_name);
  }
  const prov_record* briefing = find_record(doc, prov_record_type::activity, "kr:briefing");
  REQUIRE(briefing);
  CHECK(briefing->arg("prov:startTime") == "2025-06-26T10:00:00+09:00");
  CHECK(doc.count(prov_record_type::usage) == 1);
}

TEST_CASE("a foreign document imports: which primary sources does each entity rest on?") {
  auto result = import_prov(read_prov_json(slurp("herald_chain.provjson"), "herald_chain.provjson"));
  const auto& g = result.graph;
  auto o = origins_by_id(g);
  using ids = std::vector<std::string>;
  CHECK(o.at("ex:herald-article") == ids{"kr:briefing-notes"});
  CHECK(o.at("kr:lee-remarks") == ids{"kr:briefing-notes"});
  CHECK(o.at("ex:blog-post") == ids{"kr:briefing-notes"});
  // Blank ids are scoped by their bundle: two bundles, two statements.
  CHECK(o.at("ex:monday-digest/_:item") == ids{"kr:briefing-notes"});
  CHECK(o.at("ex:tuesday-digest/_:item") == ids{"kr:briefing-notes"});
  CHECK(o.at("td:note") == ids{"td:note"});
  CHECK(g.statement_count() == 7);
  CHECK(g.claim_count() == 2);
  auto notes = g.statement_id("kr:briefing-notes");
  CHECK(g[g[notes].claim].text == "North Korea may send more troops to Russia in July or August 2025");
  CHECK(g[g[notes].agent].id == "kr:nis");  // through the briefing's association
  CHECK(g.kind_name(g[notes].agent) == "organization");
  CHECK(g[g.statement_id("kr:lee-remarks")].agent == g.agent_id("kr:lee"));
  CHECK(g.kind_name(g.agent_id("kr:lee")) == "person");
  CHECK(g[g.agent_id("kr:lee")].name == "Lee Seong-kweun");
  CHECK(g[g[g.statement_id("ex:blog-post")].agent].id == "unattributed");
  CHECK(g[g.event_id("kr:briefing")].date->to_string() == "2025-06-26");
  CHECK(g[g.event_id("ex:publish-herald")].date->to_string() == "2025-06-27");
  CHECK(g[g.event_id("kr:briefing")].host == g.agent_id("kr:nis"));
  auto [e, found] = boost::edge(g.statement_id("ex:herald-article"), g.statement_id("kr:lee-remarks"), g.graph());
  REQUIRE(found);
  CHECK(g.graph()[e].kind == derivation_kind::quotes);
  std::vector<std::string> messages;
  for (const auto& i : result.issues) {
    messages.push_back(std::to_string(i.where.line) + ":" + std::to_string(i.where.column) + " " + i.message);
  }
  CHECK(messages == std::vector<std::string>{
                        "43:13 used \"_:u1\": not mapped: sourcetrace has no counterpart of used",
                        "64:17 wasInfluencedBy \"_:i1\": not mapped: sourcetrace has no counterpart of wasInfluencedBy",
                    });
}

TEST_CASE("unknown record types are kept, written back, and reported on import") {
  auto doc = read(R"({"prefix": {"ex": "https://example.org/"},
  "wasQuotedFrom": {"ex:q": {"prov:generatedEntity": "ex:a", "prov:usedEntity": "ex:b"}}})");
  REQUIRE(doc.records.size() == 1);
  const auto& r = doc.records[0];
  CHECK(r.type == prov_record_type::other);
  CHECK(r.name() == "wasQuotedFrom");
  CHECK(r.values("prov:usedEntity")[0]->text == "ex:b");
  CHECK(json_of(doc).find("\"wasQuotedFrom\": {\n    \"ex:q\": {\n      \"prov:generatedEntity\": \"ex:a\"") !=
        std::string::npos);
  auto result = import_prov(doc);
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].where == prov_location{2, 29});
  CHECK(result.issues[0].message == "wasQuotedFrom \"ex:q\": not mapped: unknown record type \"wasQuotedFrom\"");
}

TEST_CASE("values: plain JSON numbers and booleans, typed, language-tagged and qualified names") {
  auto doc = read(R"({"prefix": {"ex": "https://example.org/", "default": "https://default.example/"},
  "entity": {"e": {"ex:i": 42, "ex:big": 12345678901, "ex:d": 2.5, "ex:t": true,
    "ex:s": {"$": "text"}, "ex:n": {"$": 7, "type": "xsd:int"},
    "ex:q1": {"$": "ex:x", "type": "xsd:QName"}, "ex:q2": {"$": "ex:y", "type": "prov:QualifiedName"},
    "ex:q3": {"$": "ex:z", "type": "prov:QUALIFIED_NAME"},
    "ex:l": {"$": "Seoul", "lang": "en", "type": "prov:InternationalizedString"},
    "ex:many": ["a", {"$": "b", "lang": "ko"}]}}})");
  const auto& r = doc.records.at(0);
  CHECK(r.id == "e");
  CHECK(doc.default_namespace == "https://default.example/");
  auto v = [&](const char* name) { return *r.values(name).at(0); };
  CHECK(v("ex:i") == prov_value::make_typed("42", "xsd:int"));
  CHECK(v("ex:big") == prov_value::make_typed("12345678901", "xsd:long"));
  CHECK(v("ex:d") == prov_value::make_typed("2.5", "xsd:double"));
  CHECK(v("ex:t") == prov_value::make_typed("true", "xsd:boolean"));
  CHECK(v("ex:s") == prov_value::make_string("text"));
  CHECK(v("ex:n") == prov_value::make_typed("7", "xsd:int"));
  CHECK(v("ex:q1") == prov_value::make_qualified_name("ex:x"));
  CHECK(v("ex:q2") == prov_value::make_qualified_name("ex:y"));
  CHECK(v("ex:q3") == prov_value::make_qualified_name("ex:z"));
  CHECK(v("ex:l") == prov_value::make_lang_string("Seoul", "en"));
  REQUIRE(r.values("ex:many").size() == 2);
  CHECK(*r.values("ex:many")[1] == prov_value::make_lang_string("b", "ko"));
}

TEST_CASE("hadMember with several entities gives one membership each") {
  auto doc = read(R"({"prefix": {"ex": "https://example.org/"},
  "hadMember": {"_:m": {"prov:collection": "ex:c", "prov:entity": ["ex:a", "ex:b"]}}})");
  REQUIRE(doc.records.size() == 2);
  CHECK(doc.records[0].arg("prov:entity") == "ex:a");
  CHECK(doc.records[1].arg("prov:entity") == "ex:b");
  CHECK(doc.records[1].arg("prov:collection") == "ex:c");
}

TEST_CASE("every error names the file, line and column, what was expected and what was found") {
  CHECK_THROWS_MATCHES(read("{\n  \"entity\": {\"ex:a\": {}},\n}"), parse_error,
                       Message("doc.json:3:1: malformed JSON: syntax error"));
  CHECK_THROWS_MATCHES(read("{\"entity\": {}"), parse_error, Message("doc.json:1:14: malformed JSON: incomplete JSON"));
  CHECK_THROWS_MATCHES(read("{} []"), parse_error,
                       Message("doc.json:1:4: malformed JSON: expected the end of the document, got more text"));
  CHECK_THROWS_MATCHES(read("[1]"), parse_error,
                       Message("doc.json:1:1: expected a JSON object holding a PROV document, got an array"));
  CHECK_THROWS_MATCHES(read("{\"prefix\": [\"ex\"]}"), parse_error,
                       Message("doc.json:1:12: \"prefix\": expected an object mapping prefixes to namespace URIs, got "
                               "an array"));
  CHECK_THROWS_MATCHES(read("{\"prefix\": {\"ex\": 7}}"), parse_error,
                       Message("doc.json:1:19: prefix \"ex\": expected a namespace URI string, got 7"));
  CHECK_THROWS_MATCHES(read("{\"entity\": \"ex:a\"}"), parse_error,
                       Message("doc.json:1:12: \"entity\": expected an object of records keyed by id, got \"ex:a\""));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"_:a\": 42}}"), parse_error,
                       Message("doc.json:1:20: entity \"_:a\": expected an object of attributes, or an array of such "
                               "objects, got 42"));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"_:a\": {\"prov:label\": null}}}"), parse_error,
                       Message("doc.json:1:35: entity \"_:a\": attribute \"prov:label\": expected a string, number, "
                               "boolean or {\"$\": ...} object, got null"));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"_:a\": {\"prov:label\": {\"type\": \"xsd:string\"}}}}"), parse_error,
                       Message("doc.json:1:35: entity \"_:a\": attribute \"prov:label\": expected \"$\" in a typed or "
                               "language-tagged value"));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"_:a\": {\"prov:label\": {\"$\": \"x\", \"kind\": 1}}}}"), parse_error,
                       Message("doc.json:1:46: entity \"_:a\": attribute \"prov:label\": unexpected key \"kind\" in a "
                               "typed value: expected \"$\", \"type\" or \"lang\""));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"ex:a\": {}}}"), parse_error,
                       Message("doc.json:1:13: entity \"ex:a\": unknown prefix \"ex\" in qualified name \"ex:a\": "
                               "declare it under \"prefix\""));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"a\": {}}}"), parse_error,
                       Message("doc.json:1:13: entity \"a\": qualified name \"a\" has no prefix, and no default "
                               "namespace is declared"));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"_:a\": {}, \"_:a\": {}}}"), parse_error,
                       Message("doc.json:1:24: duplicate key \"_:a\": a JSON object names each key once"));
  CHECK_THROWS_MATCHES(
      read("{\"wasGeneratedBy\": {\"_:g\": {\"prov:entity\": \"_:e\",\n  \"prov:time\": \"yesterday\"}}}"), parse_error,
      Message("doc.json:2:16: wasGeneratedBy \"_:g\": \"prov:time\": expected an xsd:dateTime such as "
              "2025-06-26T09:30:00, got \"yesterday\""));
  CHECK_THROWS_MATCHES(read("{\"wasGeneratedBy\": {\"_:g\": {\"prov:entity\": 3}}}"), parse_error,
                       Message("doc.json:1:44: wasGeneratedBy \"_:g\": \"prov:entity\": expected a qualified name, "
                               "got 3"));
  CHECK_THROWS_MATCHES(read("{\"wasGeneratedBy\": {\"_:g\": {\"prov:entity\": [\"_:a\", \"_:b\"]}}}"), parse_error,
                       Message("doc.json:1:44: wasGeneratedBy \"_:g\": \"prov:entity\": expected one value, got an "
                               "array of 2"));
  CHECK_THROWS_MATCHES(read("{\"wasDerivedFrom\": {\"_:d\": {\"prov:usedEntity\": \"_:a\"}}}"), parse_error,
                       Message("doc.json:1:28: wasDerivedFrom \"_:d\": missing \"prov:generatedEntity\""));
  CHECK_THROWS_MATCHES(read("{\"bundle\": {\"_:b\": {\"bundle\": {}}}}"), parse_error,
                       Message("doc.json:1:21: bundle \"_:b\": bundles cannot nest"));
  CHECK_THROWS_MATCHES(read("{\"bundle\": {\"_:b\": []}}"), parse_error,
                       Message("doc.json:1:20: bundle \"_:b\": expected an object holding the bundle's records, got "
                               "an array"));
}

TEST_CASE("a bundle sees the document's prefixes and declares its own") {
  auto doc = read(R"({"prefix": {"ex": "https://example.org/"},
  "bundle": {"ex:b": {"prefix": {"in": "https://inner.example/"}, "entity": {"in:x": {}, "ex:y": {}}}}})");
  REQUIRE(doc.bundles.size() == 1);
  CHECK(doc.bundles[0].where == prov_location{2, 14});
  CHECK(doc.bundles[0].records.size() == 2);
  CHECK_THROWS_MATCHES(
      read(R"({"bundle": {"_:b": {"prefix": {"in": "https://inner.example/"}}}, "entity": {"in:x": {}}})"), parse_error,
      Message("doc.json:1:78: entity \"in:x\": unknown prefix \"in\" in qualified name \"in:x\": "
              "declare it under \"prefix\""));
}

TEST_CASE("relations may name elements never declared: they import, and nothing dangles") {
  // Regression: ref() grew the element table while holding a pointer into it.
  auto doc = sourcetrace::read_prov_json(R"({"prefix": {"ex": "http://example.org/"},
    "wasDerivedFrom": {"_:d1": {"prov:generatedEntity": "ex:a", "prov:usedEntity": "ex:b"},
                       "_:d2": {"prov:generatedEntity": "ex:b", "prov:usedEntity": "ex:c"}},
    "wasAttributedTo": {"_:w": {"prov:entity": "ex:c", "prov:agent": "ex:agency"}}})",
                                         "undeclared.json");
  auto result = sourcetrace::import_prov(doc);
  const auto& g = result.graph;
  REQUIRE(g.statement_count() == 3);
  CHECK(g.derivation_count() == 2);
  auto m = sourcetrace::origins(g);
  auto a = m.of(g.statement_id("ex:a"));
  REQUIRE(a.size() == 1);
  CHECK(g.id(a[0]) == "ex:c");
  CHECK(g[g[g.statement_id("ex:c")].agent].id == "ex:agency");
}

TEST_CASE("regression: invalid UTF-8 is an error that says so, at the byte, naming the key or string") {
  // Two ids that differ only in bytes that are not UTF-8: a corpus writer
  // would make both U+FFFD, one id for two statements.
  CHECK_THROWS_MATCHES(read("{\"prefix\": {\"ex\": \"http://example.org/\"},\n"
                            " \"entity\": {\"ex:a\xff\": {}, \"ex:a\xfe\": {}},\n"
                            " \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"ex:a\xff\", "
                            "\"prov:usedEntity\": \"ex:a\xfe\"}}}\n"),
                       parse_error, Message("doc.json:2:18: invalid UTF-8 in key \"ex:a\\xFF\" (in \"entity\")"));
  CHECK_THROWS_MATCHES(
      read("{\"prefix\": {\"ex\": \"http://example.org/\"},\n"
           " \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"ex:b\xc3\", "
           "\"prov:usedEntity\": \"ex:a\"}}}"),
      parse_error,
      Message("doc.json:2:58: invalid UTF-8 in string \"ex:b\\xC3\" (in \"wasDerivedFrom\" / \"_:d\" / "
              "\"prov:generatedEntity\")"));
  CHECK_THROWS_MATCHES(read("{\"entity\": {\"_:e\": [{}, {\"prov:label\": \"\x80\"}]}}"), parse_error,
                       Message("doc.json:1:41: invalid UTF-8 in string \"\\x80\" (in \"entity\" / \"_:e\" / [1] / "
                               "\"prov:label\")"));
  CHECK_THROWS_MATCHES(read("{\"ex:\xff\": {}}"), parse_error,
                       Message("doc.json:1:6: invalid UTF-8 in key \"ex:\\xFF\""));
  CHECK_THROWS_MATCHES(read("{\"entity\": \xff}"), parse_error,
                       Message("doc.json:1:12: invalid UTF-8 (byte 0xFF) outside a string"));
  // Every way a byte sequence can fail to be UTF-8 is named so, at its first byte.
  const std::string head = "{\"entity\": {\"_:e\": {\"prov:label\": \"x";
  const std::pair<std::string, std::string> bad[] = {
      {"\xc0\x80", "\\xC0\\x80"},                    // overlong NUL
      {"\xed\xa0\x80", "\\xED\\xA0\\x80"},           // a UTF-16 surrogate
      {"\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80"},  // past U+10FFFF
      {"\xf5\x80\x80\x80", "\\xF5\\x80\\x80\\x80"},  // a lead byte no sequence has
      {"\xe2\x82", "\\xE2\\x82"},                    // cut short by the closing quote
      {"\x80", "\\x80"},                             // a continuation byte alone
  };
  for (const auto& [bytes, shown] : bad) {
    CAPTURE(shown);
    CHECK_THROWS_MATCHES(read(head + bytes + "y\"}}}"), parse_error,
                         Message("doc.json:1:37: invalid UTF-8 in string \"x" + shown +
                                 "y\" (in \"entity\" / \"_:e\" / \"prov:label\")"));
  }
  // UTF-8 of every length still reads.
  auto doc = read(head + "\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}}}");
  REQUIRE(doc.records.size() == 1);
  CHECK(doc.records[0].values("prov:label")[0]->text == "x\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  // Other malformed JSON keeps its own message.
  CHECK_THROWS_MATCHES(read("{\"entity\": }"), parse_error, Message("doc.json:1:12: malformed JSON: syntax error"));
}

TEST_CASE("regression: a key that names no PROV type and holds no records is reported on import") {
  // PROV-JSON may be extended, so such a key is skipped, but never silently.
  auto doc = read(
      "{\"prefix\": {\"ex\": \"https://example.org/\"},\n"
      "  \"notarealtype\": {},\n"
      "  \"comment\": \"written by hand\",\n"
      "  \"entity\": {\"ex:a\": {}},\n"
      "  \"bundle\": {\"ex:b\": {\"draft\": [1, 2], \"entity\": {\"ex:c\": {}}}}}");
  auto result = import_prov(doc);
  std::vector<std::pair<std::size_t, std::string>> issues;
  for (const auto& i : result.issues) issues.emplace_back(i.where.line * 1000 + i.where.column, i.message);
  CHECK(issues == std::vector<std::pair<std::size_t, std::string>>{
                      {2003, "unknown PROV-JSON key \"notarealtype\": not a PROV type or relation; skipped"},
                      {3003, "unknown PROV-JSON key \"comment\": not a PROV type or relation; skipped"},
                      {5023, "unknown PROV-JSON key \"draft\": not a PROV type or relation; skipped"},
                  });
  CHECK(result.graph.statement_count() == 2);
  // A key of an unknown type that holds records keeps them, as before.
  auto kept = read("{\"prefix\": {\"ex\": \"https://example.org/\"}, \"wasQuotedFrom\": {\"ex:q\": {}}}");
  REQUIRE(kept.records.size() == 1);
  CHECK(kept.records[0].type_name == "wasQuotedFrom");
  CHECK(import_prov(kept).issues.size() == 1);
}

namespace {

// Checks that every value of `n` starts where its offset says, and every key
// where its key offset says, in `text`.
void check_positions(std::string_view text, const sourcetrace::detail::json_node& n) {
  using kind = sourcetrace::detail::json_node::kind;
  REQUIRE(n.offset < text.size());
  const char c = text[n.offset];
  switch (n.type) {
    case kind::object: CHECK(c == '{'); break;
    case kind::array: CHECK(c == '['); break;
    case kind::string: CHECK(c == '"'); break;
    case kind::number: CHECK((c == '-' || (c >= '0' && c <= '9'))); break;
    case kind::boolean: CHECK(text.substr(n.offset, n.text.size()) == n.text); break;
    case kind::null: CHECK(text.substr(n.offset, 4) == "null"); break;
  }
  if (n.type == kind::number) CHECK(text.substr(n.offset, n.text.size()) == n.text);
  for (const auto& item : n.items) check_positions(text, item);
  for (const auto& m : n.members) {
    INFO("key " << m.key);
    CHECK(text.substr(m.key_offset, m.key.size() + 2) == "\"" + m.key + "\"");
    check_positions(text, m.value);
  }
}

}  // namespace

TEST_CASE("the PROV-JSON tree: every value and key where the text has it, blanks, escapes and numbers in between") {
  const std::string text =
      "\n { \"entity\" :{\"ex:a\":{ \"prov:label\" : \"a \\\"quoted\\\" \\\\ word\", \"n\":-12.5e+3 ,\n"
      "\t\"list\" : [ 1 ,2, [ ] , { } ,true,false , null,\"\\u00e9\" ], \"empty\":{}} } ,\r\n \"k\":0}  \n";
  const auto root = sourcetrace::detail::parse_json_with_positions(text, "t.json");
  check_positions(text, root);
  REQUIRE(root.members.size() == 2);
  CHECK(root.members[1].key == "k");
  CHECK(root.members[1].value.offset == text.find("0}"));
  // Numbers of every form, one after another with and without blanks.
  const std::string numbers = "[0,-0,1e5, 2.5 ,-3E-2,10000000000000000000000,7]";
  check_positions(numbers, sourcetrace::detail::parse_json_with_positions(numbers, "n.json"));
  CHECK_THROWS_WITH(sourcetrace::detail::parse_json_with_positions("{\"a\": 1}\n x", "t.json"),
                    "t.json:2:2: malformed JSON: expected the end of the document, got more text");
  CHECK_THROWS_WITH(sourcetrace::detail::parse_json_with_positions("{\"a\": [1, 2,, 3]}", "t.json"),
                    Catch::Contains("t.json:1:13: malformed JSON"));
}
