// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/read_limits.hpp>

#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/prov_file.hpp>

#include "catch.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

using namespace sourcetrace;
using Catch::Matchers::Contains;
using Catch::Matchers::Message;

namespace {

std::string agent_line(const std::string& id) {
  return R"({"record": "agent", "id": ")" + id +
         R"(", "kind": "person"})"
         "\n";
}

read_options with(read_limits limits) {
  read_options o;
  o.limits = limits;
  return o;
}

// The corpus_error reading `text` throws; the test fails if it loads.
corpus_error rejected(std::string_view text, std::string_view file, read_limits limits = {}) {
  try {
    (void)read_corpus(text, file, with(limits));
  } catch (const corpus_error& e) {
    return e;
  }
  FAIL("expected corpus_error: " << file << " loaded");
  return corpus_error({});
}

}  // namespace

TEST_CASE("input over max_bytes is refused before it is parsed", "[limits]") {
  std::string text = agent_line("a");
  text += std::string(1536 - text.size(), ' ');
  REQUIRE(text.size() == 1536);
  read_limits l;
  l.max_bytes = 1024;
  REQUIRE_THROWS_MATCHES(read_corpus(text, "big.jsonl", with(l)), corpus_error,
                         Message("big.jsonl:1: input is 1.5 KiB, over the limit of 1.0 KiB (--max-bytes)\n"
                                 "1 problem, nothing loaded"));
  l.max_bytes = 1536;
  CHECK(read_corpus(text, "big.jsonl", with(l)).agent_count() == 1);
}

TEST_CASE("read_corpus_file checks max_bytes against the file before reading it", "[limits]") {
  std::string path = "read_limits_test_" + std::to_string(::getpid()) + ".jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    std::string text = agent_line("a");
    out << text << std::string(2000 - text.size(), ' ');
  }
  read_limits l;
  l.max_bytes = 1000;
  CHECK_THROWS_MATCHES(
      read_corpus_file(path, with(l)), file_error,
      Message("cannot read " + path + ": input is 2.0 KiB, over the limit of 1000 bytes (--max-bytes)"));
  l.max_bytes = read_limits::none;
  CHECK(read_corpus_file(path, with(l)).agent_count() == 1);
  std::remove(path.c_str());
}

TEST_CASE("the record past max_records stops the reading", "[limits]") {
  read_limits l;
  l.max_records = 2;
  std::string lines = agent_line("a") + agent_line("b") + agent_line("c") + "{not json\n";
  // The malformed fourth line is never reached.
  REQUIRE_THROWS_MATCHES(read_corpus(lines, "x.jsonl", with(l)), corpus_error,
                         Message("x.jsonl:3:1: record 3 is over the limit of 2 records (--max-records)\n"
                                 "1 problem, nothing loaded"));
  std::string doc = R"({"agents": [{"id": "a", "kind": "person"}, {"id": "b", "kind": "person"},
 {"id": "c", "kind": "person"}]})";
  REQUIRE_THROWS_MATCHES(read_corpus(doc, "x.json", with(l)), corpus_error,
                         Message("x.json:2:2: record 3 is over the limit of 2 records (--max-records)\n"
                                 "1 problem, nothing loaded"));
  l.max_records = 3;
  CHECK(read_corpus(doc, "x.json", with(l)).agent_count() == 3);
}

TEST_CASE("nesting past max_depth names the limit", "[limits]") {
  // The object, "fields", and three arrays: five levels.
  std::string line = R"({"record": "agent", "id": "a", "kind": "person", "fields": {"x": [[[1]]]}})";
  read_limits l;
  l.max_depth = 4;
  REQUIRE_THROWS_WITH(read_corpus(line, "d.jsonl", with(l)),
                      Contains("d.jsonl:1:") && Contains(": nesting deeper than the limit of 4 levels (--max-depth)"));
  l.max_depth = 5;
  // Within the limit, the record is read and its field refused for what it holds.
  REQUIRE_THROWS_WITH(read_corpus(line, "d.jsonl", with(l)),
                      Contains("field \"x\": expected a string, a number or true or false, found an array"));
}

TEST_CASE("a string or key past max_string is refused at its place", "[limits]") {
  read_limits l;
  l.max_string = 9;
  REQUIRE_THROWS_MATCHES(
      read_corpus(agent_line("aaaaaaaaaa"), "s.jsonl", with(l)), corpus_error,
      Message(
          "s.jsonl:1:27: string of 10 bytes is over the limit of 9 bytes (--max-string)\n1 problem, nothing loaded"));
  l.max_string = 10;
  CHECK(read_corpus(agent_line("aaaaaaaaaa"), "s.jsonl", with(l)).agent_count() == 1);
}

TEST_CASE("past max_errors problems are counted, and the first ones by position are kept", "[limits]") {
  // Lines 1-75: statements naming an agent that does not exist, found only
  // when the graph is built, after every line has been parsed. Lines 76-150:
  // agents with an unknown field, found while parsing. The problems kept
  // must be those of lines 1-100 whatever order they were found in.
  std::string text;
  text += R"({"record": "claim", "id": "c", "text": "t"})"
          "\n";
  for (int i = 2; i <= 75; ++i) {
    text += R"({"record": "statement", "id": "s)" + std::to_string(i) +
            R"(", "agent": "nobody", "claim": "c"})"
            "\n";
  }
  for (int i = 76; i <= 150; ++i) {
    text += R"({"record": "agent", "id": "a)" + std::to_string(i) +
            R"(", "kind": "person", "colour": 1})"
            "\n";
  }
  read_limits l;
  l.max_errors = 100;
  {
    const corpus_error e = rejected(text, "e.jsonl", l);
    REQUIRE(e.problems().size() == 100);
    CHECK(e.total() == 149);
    CHECK(e.problems().front().line() == 2);
    CHECK(e.problems()[73].line() == 75);
    CHECK_THAT(e.problems()[74].what(), Contains("e.jsonl:76:") && Contains("unknown field \"colour\""));
    CHECK(e.problems().back().line() == 101);
    CHECK(e.first_omitted_line() == 102);
    CHECK(e.omitted_note() ==
          "... and 49 more problems (first at line 102), over the limit of 100 shown (--max-errors)");
    CHECK_THAT(e.what(), Contains("(--max-errors)\n149 problems, nothing loaded"));
  }
  l.max_errors = read_limits::none;
  {
    const corpus_error e = rejected(text, "e.jsonl", l);
    CHECK(e.problems().size() == 149);
    CHECK(e.total() == 149);
    CHECK(e.first_omitted_line() == 0);
    CHECK(e.omitted_note().empty());
  }
}

TEST_CASE("a duplicate key is found in an object of many keys", "[limits]") {
  std::string fields;
  for (int i = 0; i < 40; ++i) fields += "\"k" + std::to_string(i) + "\": 1, ";
  std::string line = R"({"record": "agent", "id": "a", "kind": "person", "fields": {)" + fields + R"("k3": 2}})";
  REQUIRE_THROWS_WITH(read_corpus(line, "k.jsonl"), Contains("duplicate key \"k3\" in one object"));
}

TEST_CASE("invalid UTF-8 in a corpus is named as such, at its byte", "[limits]") {
  std::string line = "{\"record\": \"agent\", \"id\": \"a\xFF\", \"kind\": \"person\"}";
  REQUIRE_THROWS_MATCHES(read_corpus(line, "u.jsonl"), corpus_error,
                         Message("u.jsonl:1:29: malformed JSON: invalid UTF-8 (byte 0xFF)\n1 problem, nothing loaded"));
}

TEST_CASE("the PROV readers take the same limits", "[limits]") {
  const std::string json =
      R"({"entity": {"ex:a": {}, "ex:b": {"ex:note": "0123456789"}}, "prefix": {"ex": "urn:ex#"}})";
  const std::string provn =
      "document\n  prefix ex <urn:ex#>\n  entity(ex:a)\n  entity(ex:b, [ex:note=\"0123456789\"])\nendDocument\n";
  read_limits l;
  l.max_records = 1;
  CHECK_THROWS_WITH(read_prov_json(json, "p.json", l),
                    Contains("record 2 is over the limit of 1 record (--max-records)"));
  CHECK_THROWS_MATCHES(read_prov_n(provn, "p.provn", l), parse_error,
                       Message("p.provn:4:3: record 2 is over the limit of 1 record (--max-records)"));
  l = {};
  l.max_string = 9;
  CHECK_THROWS_WITH(read_prov_json(json, "p.json", l),
                    Contains("string of 10 bytes is over the limit of 9 bytes (--max-string)"));
  CHECK_THROWS_WITH(read_prov_n(provn, "p.provn", l),
                    Contains("p.provn:4:25:") && Contains("string of 10 bytes is over the limit of 9 bytes"));
  l = {};
  l.max_depth = 2;
  CHECK_THROWS_WITH(read_prov_json(json, "p.json", l),
                    Contains("nesting deeper than the limit of 2 levels (--max-depth)"));
  l = {};
  l.max_bytes = 10;
  CHECK_THROWS_WITH(read_prov_n(provn, "p.provn", l), Contains("over the limit of 10 bytes (--max-bytes)"));
  l = {};
  CHECK(read_prov_json(json, "p.json", l).records.size() == 2);
  CHECK(read_prov_n(provn, "p.provn", l).records.size() == 2);
}

TEST_CASE("index_cycles names each cycle once, by its smallest id", "[limits]") {
  provenance_graph g;
  g.add_agent("p", "P", organization{});
  g.add_claim("c", "a claim");
  for (const char* id : {"s3", "s1", "s2", "t2", "t1", "u"}) g.add_statement(id, "p", "c");
  g.add_derivation("s3", "s1");
  g.add_derivation("s1", "s2");
  g.add_derivation("s2", "s3");
  g.add_derivation("t2", "t1");
  g.add_derivation("t1", "t2");
  g.add_derivation("u", "s3");
  auto index = index_cycles(g);
  REQUIRE(index.loops.size() == 2);
  CHECK(index.name_of(g.statement_id("s3")) == "s1");
  CHECK(index.name_of(g.statement_id("t2")) == "t1");
  CHECK(index.of[g.statement_id("u")] == cycle_index::none);
  auto order = cycles_by_name(g, index);
  REQUIRE(order.size() == 2);
  CHECK(index.names[order[0]] == "s1");
  CHECK(index.names[order[1]] == "t1");
}

TEST_CASE("problems of a document on one line are placed and ordered by column", "[limits]") {
  // The reader checks "text" before "modality"; the text has them the other way round.
  const std::string doc =
      R"({"claims": [{"id": "a", "modality": "x", "text": 1}, {"id": "b", "modality": "y", "text": 2}]})";
  {
    const corpus_error e = rejected(doc, "m.json");
    REQUIRE(e.problems().size() == 4);
    CHECK_THAT(e.problems()[0].what(), Contains("m.json:1:37: claim \"a\": field \"modality\""));
    CHECK_THAT(e.problems()[1].what(), Contains("m.json:1:50: claim \"a\": field \"text\""));
    CHECK_THAT(e.problems()[2].what(), Contains("m.json:1:78: claim \"b\": field \"modality\""));
    CHECK_THAT(e.problems()[3].what(), Contains("m.json:1:91: claim \"b\": field \"text\""));
  }
}

TEST_CASE("a stop at max_records reports only the limit, not references to what was never read", "[limits]") {
  const std::string lines = R"({"record": "claim", "id": "c", "text": "t"})"
                            "\n"
                            R"({"record": "statement", "id": "s", "agent": "p", "claim": "c"})"
                            "\n" +
                            agent_line("p");
  read_limits l;
  l.max_records = 2;
  REQUIRE_THROWS_MATCHES(read_corpus(lines, "r.jsonl", with(l)), corpus_error,
                         Message("r.jsonl:3:1: record 3 is over the limit of 2 records (--max-records)\n"
                                 "1 problem, nothing loaded"));
  l.max_records = 3;
  CHECK(read_corpus(lines, "r.jsonl", with(l)).statement_count() == 1);
}

TEST_CASE("a PROV-JSON string over max_string is measured whole, as written", "[limits]") {
  const std::string json =
      R"({"entity": {"ex:a": {"ex:note": ")" + std::string(5000, 'x') + R"("}}, "prefix": {"ex": "urn:ex#"}})";
  read_limits l;
  l.max_string = 9;
  CHECK_THROWS_WITH(read_prov_json(json, "p.json", l),
                    Contains("string of 5000 bytes is over the limit of 9 bytes (--max-string)"));
}
