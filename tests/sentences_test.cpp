// SPDX-License-Identifier: BSL-1.0
// Sentence splitting on short texts written for these tests; each expected
// split was worked out by hand.
#include <sourcetrace/text/sentences.hpp>

#include "catch.hpp"

#include <string>
#include <string_view>
#include <vector>

using namespace sourcetrace;

namespace {
// Each sentence as its text, with "[line]" and "[quoted]" after it when set.
std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  for (const sentence& s : split_sentences(text)) {
    std::string p(text.substr(s.begin, s.end - s.begin));
    if (s.line) p += " [line]";
    if (s.in_quote) p += " [quoted]";
    out.push_back(std::move(p));
  }
  return out;
}
using strings = std::vector<std::string>;
}  // namespace

TEST_CASE("titles and initials do not end a sentence; a plain period does") {
  CHECK(pieces("Rep. Lee Seong-kweun said more troops could leave in July. The agency did not comment.") ==
        strings{"Rep. Lee Seong-kweun said more troops could leave in July.", "The agency did not comment."});
  CHECK(pieces("Gen. Park and Dr. Kim met J. R. Moon on Tuesday. They spoke for an hour.") ==
        strings{"Gen. Park and Dr. Kim met J. R. Moon on Tuesday.", "They spoke for an hour."});
  CHECK(pieces("Room No. 4 was empty.") == strings{"Room No. 4 was empty."});
}

TEST_CASE("decimal numbers and figures stay inside their sentence") {
  CHECK(pieces("Output rose 3.5 percent in 2024. Prices fell 0.2 percent.") ==
        strings{"Output rose 3.5 percent in 2024.", "Prices fell 0.2 percent."});
}

TEST_CASE("an abbreviation that may end a sentence ends it only before a word that starts one") {
  CHECK(pieces("The minister flew to the U.S. The talks began at once.") ==
        strings{"The minister flew to the U.S.", "The talks began at once."});
  CHECK(pieces("The U.S. Army declined to comment.") == strings{"The U.S. Army declined to comment."});
  CHECK(pieces("It happened on Oct. 3 near the border.") == strings{"It happened on Oct. 3 near the border."});
  CHECK(pieces("Talks went on, e.g. about fuel, until late.") ==
        strings{"Talks went on, e.g. about fuel, until late."});
}

TEST_CASE("a quotation that spans sentences marks the sentences inside it") {
  CHECK(pieces("Lee said: \"They will go. More will follow.\" Then he left.") ==
        strings{"Lee said: \"They will go.", "More will follow.\" [quoted]", "Then he left."});
  // Curly quotation marks, and the attribution after the quote.
  CHECK(pieces("\xE2\x80\x9CThey will go. More will follow,\xE2\x80\x9D he said. Nobody replied.") ==
        strings{"\xE2\x80\x9CThey will go.", "More will follow,\xE2\x80\x9D he said. [quoted]", "Nobody replied."});
  // A question inside a quote, then a lower-case attribution: one sentence.
  CHECK(pieces("\"Will they go?\" he asked. Nobody knew.") == strings{"\"Will they go?\" he asked.", "Nobody knew."});
}

TEST_CASE("a quotation left open at a paragraph's end does not run into the next paragraph") {
  CHECK(pieces("He said: \"We will see.\n\n\"Nothing is decided.\" Officials agreed.") ==
        strings{"He said: \"We will see.", "\"Nothing is decided.\"", "Officials agreed."});
}

TEST_CASE("headline, byline and dateline lines stand alone; wrapped lines do not") {
  CHECK(pieces("Spy agency expects more troops in summer\nBy Kim Arin\n\nSEOUL -- The agency said on Thursday that "
               "troops may go. Lawmakers were briefed.") ==
        strings{"Spy agency expects more troops in summer [line]", "By Kim Arin [line]",
                "SEOUL -- The agency said on Thursday that troops may go.", "Lawmakers were briefed."});
  // Text wrapped at a fixed width: the line break inside a sentence is kept.
  CHECK(pieces("The agency said that the troops\nwould leave soon. Others agreed.") ==
        strings{"The agency said that the troops\nwould leave soon.", "Others agreed."});
  CHECK(pieces("No end punctuation here") == strings{"No end punctuation here [line]"});
}

TEST_CASE("offsets are bytes of the text, and space around sentences is left out") {
  const std::string_view text = "  One.   Two.\r\n";
  auto s = split_sentences(text);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == sentence{2, 6, false, false});
  CHECK(s[1] == sentence{9, 13, false, false});
  CHECK(split_sentences("").empty());
  CHECK(split_sentences(" \n\n\t ").empty());
}

TEST_CASE("long runs of dots, newlines or punctuation split in linear time, never looping") {
  std::string dots;
  for (int i = 0; i < 20000; ++i) dots += "a.";
  CHECK(split_sentences(dots).size() == 1);
  const std::string newlines(50000, '\n');
  CHECK(split_sentences(newlines).empty());
  const std::string bangs = "Stop" + std::string(50000, '!');
  CHECK(split_sentences(bangs).size() == 1);
}
