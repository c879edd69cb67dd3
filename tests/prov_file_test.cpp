// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov_file.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sstream>
#include <string>

using namespace sourcetrace;
using namespace prov_fixture;
using Catch::Matchers::Message;

namespace {
const std::string prov_dir = SOURCETRACE_TEST_DATA_DIR "/prov/";

std::string json_of(const prov_document& d) {
  std::ostringstream out;
  write_prov_json(out, d);
  return out.str();
}
}  // namespace

TEST_CASE("the extension picks the spelling, whatever the text") {
  CHECK(prov_format_of("{", "a.provn") == prov_format::n);
  CHECK(prov_format_of("document", "a.json") == prov_format::json);
  CHECK(prov_format_of("document", "a.provjson") == prov_format::json);
  CHECK(prov_format_of("", "a.provn") == prov_format::n);
}

TEST_CASE("without a telling extension the first character past blanks and comments decides") {
  CHECK(prov_format_of(" \r\n\t{\"entity\": {}}", "<stdin>") == prov_format::json);
  CHECK(prov_format_of("// a note\n/* and {another} */ document endDocument", "notes") == prov_format::n);
  CHECK(prov_format_of("/* first */// second\n{", "notes.txt") == prov_format::json);
}

TEST_CASE("text with nothing but blanks and comments is an error naming the file") {
  CHECK_THROWS_MATCHES(prov_format_of("", "empty"), error, Message("empty: empty input: expected PROV-JSON or PROV-N"));
  CHECK_THROWS_MATCHES(prov_format_of("  // only a comment", "<stdin>"), error,
                       Message("<stdin>: empty input: expected PROV-JSON or PROV-N"));
  CHECK_THROWS_MATCHES(prov_format_of("/* never closed", "open"), error,
                       Message("open: empty input: expected PROV-JSON or PROV-N"));
}

TEST_CASE("read_prov_file reads both spellings of one document to the same records") {
  auto from_n = read_prov_file(prov_dir + "herald_chain.provn");
  auto from_json = read_prov_file(prov_dir + "herald_chain.provjson");
  CHECK(json_of(from_n) == json_of(read_prov_n(slurp("herald_chain.provn"), "herald_chain.provn")));
  CHECK(json_of(from_json) == json_of(read_prov_json(slurp("herald_chain.provjson"), "herald_chain.provjson")));
  CHECK(origins_by_id(import_prov(from_n).graph) == origins_by_id(import_prov(from_json).graph));
}

TEST_CASE("read_prov_file sniffs files whose names do not say the spelling") {
  auto n = import_prov(read_prov_file(prov_dir + "briefing_sniffed"));
  auto json = import_prov(read_prov_file(prov_dir + "briefing_sniffed_json"));
  CHECK(n.issues.empty());
  CHECK(json.issues.empty());
  using ids = std::vector<std::string>;
  CHECK(origins_by_id(n.graph) == std::map<std::string, ids>{{"ex:herald-article", ids{"kr:briefing-notes"}},
                                                             {"kr:briefing-notes", ids{"kr:briefing-notes"}}});
  CHECK(origins_by_id(json.graph) == origins_by_id(n.graph));
}

TEST_CASE("a spelling given overrides the extension, and its reader reports the mismatch") {
  CHECK_THROWS_MATCHES(read_prov_file(prov_dir + "briefing_sniffed_json", {.format = prov_format::n}), parse_error,
                       Message(prov_dir + "briefing_sniffed_json:2:3: expected \"document\", got \"{\""));
}

TEST_CASE("a file that cannot be opened is an error naming it") {
  CHECK_THROWS_MATCHES(read_prov_file("/nonexistent/doc.provn"), error,
                       Message("cannot open /nonexistent/doc.provn: No such file or directory"));
}
