// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov_n.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/io/prov_json.hpp>

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
std::string provn_of(const T& x) {
  std::ostringstream os;
  write_prov_n(os, x);
  return os.str();
}

prov_document read(std::string_view text) { return read_prov_n(text, "doc.provn"); }

}  // namespace

TEST_CASE("the writer gives PROV-N with declarations, escapes, typed literals and bundles") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  auto e = make_prov_record(prov_record_type::entity, "ex:report(1)");
  e.add("prov:type", prov_value::make_qualified_name("prov:Plan"));
  e.add("prov:label", prov_value::make_string("a \"quoted\"\nline"));
  e.add("ex:words", prov_value::make_typed("640", "xsd:int"));
  e.add("ex:title", prov_value::make_lang_string("Bericht", "de"));
  d.records.push_back(e);
  auto g = make_prov_record(prov_record_type::generation, "_:g1");
  g.args[0] = "ex:report(1)";
  g.args[2] = "2025-06-27T09:00:00";
  d.records.push_back(g);
  auto a = make_prov_record(prov_record_type::attribution, "ex:attr");
  a.args = {"ex:report(1)", "ex:lee"};
  d.records.push_back(a);
  prov_bundle b;
  b.id = "ex:b";
  b.records.push_back(make_prov_record(prov_record_type::agent, "ex:lee"));
  d.bundles.push_back(b);
  std::string text = provn_of(d);
  CHECK(text ==
        "document\n"
        "  prefix ex <https://example.org/>\n"
        "\n"
        "  entity(ex:report\\(1\\), [prov:type='prov:Plan', prov:label=\"a \\\"quoted\\\"\\nline\", "
        "ex:words=\"640\" %% xsd:int, ex:title=\"Bericht\"@de])\n"
        "  wasGeneratedBy(ex:report\\(1\\), -, 2025-06-27T09:00:00)\n"
        "  wasAttributedTo(ex:attr; ex:report\\(1\\), ex:lee)\n"
        "  bundle ex:b\n"
        "    agent(ex:lee)\n"
        "  endBundle\n"
        "endDocument\n");
  auto back = read(text);
  REQUIRE(back.records.size() == 3);
  CHECK(back.records[0].id == "ex:report(1)");
  CHECK(back.records[0].attributes == d.records[0].attributes);
  CHECK(back.records[1].id.empty());  // PROV-N has no blank ids for relations
  CHECK(back.records[2].id == "ex:attr");
  CHECK(back.bundles.at(0).records.at(0).id == "ex:lee");
}

TEST_CASE("the seed story round-trips through PROV-N with the same origins") {
  auto g = seed::story();
  std::string text = provn_of(g);
  auto doc = read_prov_n(text, "seed.provn");
  CHECK(provn_of(doc) == text);
  std::ostringstream a, b;
  write_prov_json(a, to_prov(g));
  write_prov_json(b, doc);
  CHECK(a.str() == b.str());
  auto back = import_prov(doc);
  CHECK(back.issues.empty());
  CHECK(origins_by_id(back.graph) == origins_by_id(g));
}

TEST_CASE("the PROV-N and PROV-JSON forms of a foreign document import alike") {
  auto n = import_prov(read_prov_n(slurp("herald_chain.provn"), "herald_chain.provn"));
  auto j = import_prov(read_prov_json(slurp("herald_chain.provjson"), "herald_chain.provjson"));
  CHECK(origins_by_id(n.graph) == origins_by_id(j.graph));
  CHECK(n.graph.agent_count() == j.graph.agent_count());
  CHECK(n.graph.event_count() == j.graph.event_count());
  CHECK(n.graph.claim_count() == j.graph.claim_count());
  std::vector<std::string> messages;
  for (const auto& i : n.issues) {
    messages.push_back(std::to_string(i.where.line) + ":" + std::to_string(i.where.column) + " " + i.message);
  }
  CHECK(messages == std::vector<std::string>{
                        "30:3 used: not mapped: sourcetrace has no counterpart of used",
                        "40:5 wasInfluencedBy: not mapped: sourcetrace has no counterpart of wasInfluencedBy",
                    });
}

TEST_CASE("literals: strings, long strings, typed, language-tagged, qualified names, numbers") {
  auto doc = read(R"(document
  default <https://default.example/>
  prefix ex <https://example.org/>
  entity(e, [ex:s="tab\there", ex:long="""two
lines with "quotes" inside""", ex:t="7" %% xsd:int, ex:l="Seoul"@en-GB, ex:q='ex:x',
     ex:q2="ex:y" %% xsd:QName, ex:q3="ex:z" %% prov:QUALIFIED_NAME, ex:n=-12, ex:bare=ex:w])
  activity(a1)
  activity(a2, -, 2025-06-27T09:00:00Z)
  wasDerivedFrom(d; e, e2, a1, -, -, [prov:type='prov:Revision'])
endDocument
)");
  REQUIRE(doc.records.size() == 4);
  const auto& r = doc.records[0];
  auto v = [&](const char* name) { return *r.values(name).at(0); };
  CHECK(v("ex:s") == prov_value::make_string("tab\there"));
  CHECK(v("ex:long") == prov_value::make_string("two\nlines with \"quotes\" inside"));
  CHECK(v("ex:t") == prov_value::make_typed("7", "xsd:int"));
  CHECK(v("ex:l") == prov_value::make_lang_string("Seoul", "en-GB"));
  CHECK(v("ex:q") == prov_value::make_qualified_name("ex:x"));
  CHECK(v("ex:q2") == prov_value::make_qualified_name("ex:y"));
  CHECK(v("ex:q3") == prov_value::make_qualified_name("ex:z"));
  CHECK(v("ex:n") == prov_value::make_typed("-12", "xsd:int"));
  CHECK(v("ex:bare") == prov_value::make_qualified_name("ex:w"));
  CHECK(doc.records[2].arg("prov:endTime") == "2025-06-27T09:00:00Z");
  CHECK(doc.records[3].id == "d");
  CHECK(doc.records[3].arg("prov:activity") == "a1");
  CHECK(doc.records[3].where == prov_location{9, 3});
}

TEST_CASE("unknown record types are kept with their arguments") {
  auto doc = read("document prefix ex <https://example.org/> wasQuotedFrom(ex:q; ex:a, ex:b) endDocument");
  REQUIRE(doc.records.size() == 1);
  CHECK(doc.records[0].type == prov_record_type::other);
  CHECK(doc.records[0].name() == "wasQuotedFrom");
  CHECK(doc.records[0].id == "ex:q");
  CHECK(doc.records[0].values("prov:argument").size() == 2);
}

TEST_CASE("every PROV-N error names the file, line and column, what was expected and what was found") {
  CHECK_THROWS_MATCHES(read("documen"), parse_error, Message("doc.provn:1:1: expected \"document\", got \"documen\""));
  CHECK_THROWS_MATCHES(read("document\n  entity(e)\n"), parse_error,
                       Message("doc.provn:2:10: entity: qualified name \"e\" has no prefix, and no default namespace "
                               "is declared"));
  CHECK_THROWS_MATCHES(read("document\n  entity(ex:a)\nendDocument"), parse_error,
                       Message("doc.provn:2:10: entity: unknown prefix \"ex\" in qualified name \"ex:a\": declare it "
                               "with \"prefix ex <...>\""));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  entity(a)\n"), parse_error,
                       Message("doc.provn:4:1: expected \"endDocument\", got the end of the text"));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  entity a\nendDocument"), parse_error,
                       Message("doc.provn:3:10: entity: expected '(', got \"a\""));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  wasGeneratedBy(e, a)\nendDocument"), parse_error,
                       Message("doc.provn:3:3: wasGeneratedBy: expected 1 or 3 arguments, got 2"));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  wasAttributedTo(e, -)\nendDocument"), parse_error,
                       Message("doc.provn:3:22: wasAttributedTo: \"prov:agent\" cannot be '-'"));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  used(a, e, yesterday)\nendDocument"), parse_error,
                       Message("doc.provn:3:14: used: \"prov:time\": expected an xsd:dateTime such as "
                               "2025-06-26T09:30:00, got \"yesterday\""));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  entity(e, [prov:label=\"open])\nendDocument"), parse_error,
                       Message("doc.provn:3:25: entity: attribute \"prov:label\": unterminated string"));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  entity(e, [prov:label \"x\"])\nendDocument"), parse_error,
                       Message("doc.provn:3:25: entity: attribute \"prov:label\": expected '=', got \"\"\""));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  entity(e, [prov:label=])\nendDocument"), parse_error,
                       Message("doc.provn:3:25: entity: attribute \"prov:label\": expected a value: \"...\", '...' or "
                               "a number, got \"]\""));
  CHECK_THROWS_MATCHES(read("document\n  default <x:/>\n  entity(e, [a=\"1\"] x)\nendDocument"), parse_error,
                       Message("doc.provn:3:21: entity: expected ')' after the attributes, got \"x\""));
  CHECK_THROWS_MATCHES(read("document\n  prefix ex http://e/\nendDocument"), parse_error,
                       Message("doc.provn:2:13: expected a namespace IRI in <...>, got \"http://e/\""));
  CHECK_THROWS_MATCHES(read("document\n  endBundle\nendDocument"), parse_error,
                       Message("doc.provn:2:3: \"endBundle\" outside a bundle"));
  CHECK_THROWS_MATCHES(read("document\n  bundle _:b\n  bundle _:c\nendDocument"), parse_error,
                       Message("doc.provn:3:3: bundles cannot nest"));
  CHECK_THROWS_MATCHES(read("document\n  bundle _:b\nendDocument"), parse_error,
                       Message("doc.provn:3:1: expected \"endBundle\" before \"endDocument\""));
  CHECK_THROWS_MATCHES(read("document\nendDocument\nentity"), parse_error,
                       Message("doc.provn:3:1: expected the end of the text after \"endDocument\", got \"entity\""));
  CHECK_THROWS_MATCHES(read("document\n  )\nendDocument"), parse_error,
                       Message("doc.provn:2:3: expected a record, a prefix declaration, a bundle or \"endDocument\", "
                               "got \")\""));
}

TEST_CASE("comments are skipped wherever blanks may stand") {
  auto doc = read(
      "// a PROV-N file\ndocument /* the ex prefix */ prefix ex <https://example.org/>\n"
      "  entity(ex:a, // the entity\n [ex:n=1]) endDocument // done\n");
  REQUIRE(doc.records.size() == 1);
  CHECK(doc.records[0].values("ex:n").size() == 1);
}

TEST_CASE("regression: \"-;\" before a relation's arguments marks an absent id") {
  // PROV-N allows the marker in the id position: used(-; a1, e1, -).
  auto doc = read(
      "document\n  prefix ex <https://example.org/>\n  used(-; ex:a1, ex:e1, -)\n"
      "  wasDerivedFrom(ex:d; ex:e2, ex:e1)\nendDocument\n");
  REQUIRE(doc.records.size() == 2);
  CHECK(doc.records[0].type == prov_record_type::usage);
  CHECK(doc.records[0].id.empty());
  CHECK(doc.records[0].arg("prov:activity") == "ex:a1");
  CHECK(doc.records[0].arg("prov:entity") == "ex:e1");
  CHECK(doc.records[1].id == "ex:d");
}

TEST_CASE("regression: a comment that never closes says so") {
  CHECK_THROWS_MATCHES(read("document\n  prefix ex <https://example.org/>\n  /* no end\n  entity(ex:a)\nendDocument\n"),
                       parse_error, Message("doc.provn:3:3: unterminated comment: \"/*\" with no \"*/\""));
}

TEST_CASE("regression: invalid UTF-8 is an error that says so, at the byte, naming what holds it") {
  // Two ids that differ only in bytes that are not UTF-8: a corpus writer
  // would make both U+FFFD, one id for two statements and a self-derivation.
  CHECK_THROWS_MATCHES(read("document\n  prefix ex <http://example.org/>\n  entity(ex:a\xff)\n  entity(ex:a\xfe)\n"
                            "  wasDerivedFrom(ex:a\xff, ex:a\xfe)\nendDocument\n"),
                       parse_error, Message("doc.provn:3:14: entity: invalid UTF-8 in identifier \"ex:a\\xFF\""));
  // Line 3 holds `line`; the error is at `column`.
  auto in = [](const std::string& line) {
    return read("document\n  prefix ex <http://example.org/>\n" + line + "\nendDocument\n");
  };
  const std::tuple<std::string, std::string> cases[] = {
      {"wasDerivedFrom(ex:a, ex:b\xc3)", "3:26: wasDerivedFrom: invalid UTF-8 in identifier \"ex:b\\xC3\""},
      {"wasDerivedFrom(ex:d\xff; ex:a, ex:b)", "3:20: wasDerivedFrom: invalid UTF-8 in identifier \"ex:d\\xFF\""},
      {"entity(ex:a, [ex:n\xe9=1])", "3:19: entity: invalid UTF-8 in attribute name \"ex:n\\xE9\""},
      {"entity(ex:a, [prov:label=\"caf\xe9\"])",
       "3:30: entity: attribute \"prov:label\": invalid UTF-8 in string \"caf\\xE9\""},
      {"entity(ex:a, [prov:label=\"\"\"x\xed\xa0\x80\"\"\"])",
       "3:30: entity: attribute \"prov:label\": invalid UTF-8 in string \"x\\xED\\xA0\\x80\""},
      {"entity(ex:a, [ex:n=\"1\" %% xsd:in\xff])",
       "3:33: entity: attribute \"ex:n\": invalid UTF-8 in datatype \"xsd:in\\xFF\""},
      {"entity(ex:a, [prov:type='ex:T\xff'])",
       "3:30: entity: attribute \"prov:type\": invalid UTF-8 in qualified name \"ex:T\\xFF\""},
      {"entity(ex:a, [prov:type=ex:T\xff])",
       "3:29: entity: attribute \"prov:type\": invalid UTF-8 in qualified name \"ex:T\\xFF\""},
      {"entit\xff(ex:a)", "3:6: invalid UTF-8 in record type \"entit\\xFF\""},
      {"prefix e\xff <http://example.org/e>", "3:9: prefix: invalid UTF-8 in prefix name \"e\\xFF\""},
      {"prefix ez <http://example.org/\xff>",
       "3:31: prefix ez: invalid UTF-8 in namespace IRI \"http://example.org/\\xFF\""},
      {"bundle ex:b\xf5 endBundle", "3:12: bundle: invalid UTF-8 in bundle id \"ex:b\\xF5\""},
      {"// caf\xe9\n  entity(ex:a)", "3:7: invalid UTF-8 in a comment"},
  };
  for (const auto& [line, message] : cases) {
    CAPTURE(line);
    CHECK_THROWS_MATCHES(in(line), parse_error, Message("doc.provn:" + message));
  }
  // A byte that is not UTF-8 where a token cannot start is shown escaped.
  CHECK_THROWS_MATCHES(in("entity(ex:a, [prov:label=\"x\"@en\xff])"), parse_error,
                       Message("doc.provn:3:32: entity: expected ',' or ']' in the attributes, got \"\\xFF\""));
  // UTF-8 of every length still reads.
  auto doc = in("entity(ex:caf\xc3\xa9, [prov:label=\"\xe2\x82\xac \xf0\x9f\x98\x80\"])");
  REQUIRE(doc.records.size() == 1);
  CHECK(doc.records[0].id == "ex:caf\xc3\xa9");
  CHECK(doc.records[0].values("prov:label")[0]->text == "\xe2\x82\xac \xf0\x9f\x98\x80");
}
