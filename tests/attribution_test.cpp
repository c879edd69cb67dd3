// SPDX-License-Identifier: BSL-1.0
// Attributions in single sentences (text/attribution.hpp), each sentence
// written for the rule it pins, with the answer worked out by hand.

#include <sourcetrace/text/attribution.hpp>

#include <catch.hpp>

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace st = sourcetrace;

namespace {

struct seen {
  std::string content;
  std::vector<std::string> sources;
  std::vector<std::string> cues;
};

std::vector<seen> read(std::string_view text) {
  std::vector<seen> out;
  for (const auto& a : st::find_attributions(text, {0, text.size()})) {
    seen s;
    s.content = std::string(text.substr(a.content.begin, a.content.end - a.content.begin));
    for (const auto& h : a.hops) {
      s.sources.emplace_back(text.substr(h.source.begin, h.source.end - h.source.begin));
      s.cues.push_back(h.cue_word);
    }
    out.push_back(std::move(s));
  }
  return out;
}

void expect(std::string_view text, std::string content, std::vector<std::string> sources,
            std::vector<std::string> cues) {
  INFO(text);
  const auto got = read(text);
  REQUIRE(got.size() == 1);
  CHECK(got[0].content == content);
  CHECK(got[0].sources == sources);
  CHECK(got[0].cues == cues);
}

}  // namespace

TEST_CASE("source first, content first and inverted") {
  expect("The ministry said on Tuesday that exports fell for a third month.", "exports fell for a third month",
         {"The ministry"}, {"say"});
  expect("Exports fell for a third month, the ministry said.", "Exports fell for a third month", {"the ministry"},
         {"say"});
  expect("Exports fell for a third month, said Ana Ruiz, an economist at the bank.", "Exports fell for a third month",
         {"Ana Ruiz"}, {"say"});
  expect("\"We will not back down,\" she said.", "We will not back down", {"she"}, {"say"});
  expect("Storms flooded 800 homes overnight, disaster officials said.", "Storms flooded 800 homes overnight",
         {"disaster officials"}, {"say"});
}

TEST_CASE("according to, before and after the content") {
  expect("According to the statistics office, prices rose 3.2 percent in May.", "prices rose 3.2 percent in May",
         {"the statistics office"}, {"according to"});
  expect("Prices rose 3.2 percent in May, according to the statistics office.", "Prices rose 3.2 percent in May",
         {"the statistics office"}, {"according to"});
}

TEST_CASE("told, passive and quoted as saying") {
  expect("Officials in Seoul told reporters on Monday that the drills had ended.", "the drills had ended",
         {"Officials in Seoul"}, {"tell"});
  expect("He was quoted as saying the plan was final.", "the plan was final", {"He"}, {"quote"});
  expect("The toll is estimated by analysts at 15,000 troops.", "The toll is estimated by analysts at 15,000 troops",
         {"analysts"}, {"estimate"});
}

TEST_CASE("nested chains: briefed by, citing, a source's own cue") {
  expect("According to Rep. Lee, who was briefed by the agency, the deployment could come in July.",
         "the deployment could come in July", {"Rep. Lee", "the agency"}, {"according to", "brief"});
  expect("Russian media reported, citing unidentified military sources, that 6,000 engineers would go.",
         "6,000 engineers would go", {"Russian media", "unidentified military sources"}, {"report", "cite"});
  expect("Lee said the agency believes a second wave is being prepared.", "a second wave is being prepared",
         {"Lee", "the agency"}, {"say", "believe"});
  expect("In return, the agency believes shells were shipped by sea, Lee said.", "shells were shipped by sea",
         {"Lee", "the agency"}, {"say", "believe"});
  expect("Moscow supplied jamming gear in exchange, the agency said, according to Lee.",
         "Moscow supplied jamming gear in exchange", {"Lee", "the agency"}, {"according to", "say"});
  expect("Citing the ministry, the lawmaker said the talks had failed.", "the talks had failed",
         {"the lawmaker", "the ministry"}, {"say", "cite"});
}

TEST_CASE("sources with appositives and relative clauses") {
  expect("A senior official who asked not to be named said the talks had stalled.", "the talks had stalled",
         {"A senior official"}, {"say"});
  expect("An aide, speaking on condition of anonymity, said the office had hired counsel.",
         "the office had hired counsel", {"An aide"}, {"say"});
  expect("The company, which makes chips, said profits fell 20 percent.", "profits fell 20 percent", {"The company"},
         {"say"});
}

TEST_CASE("a participle adds a second content of the same chain") {
  const auto got = read("The bank said rates would hold, adding that inflation was easing.");
  REQUIRE(got.size() == 2);
  CHECK(got[0].content == "rates would hold");
  CHECK(got[1].content == "inflation was easing");
  CHECK(got[1].sources == std::vector<std::string>{"The bank"});
  expect("The Federal Reserve held rates steady, saying inflation remained high.", "inflation remained high",
         {"The Federal Reserve"}, {"say"});
}

TEST_CASE("the outlet that quoted, a participle after the cue, a clause to the sentence's end") {
  // The article has it from the outlet, the outlet from the speaker.
  expect("\"We will send 500 medics,\" the minister was quoted as saying by the Daily Courier.",
         "We will send 500 medics", {"the Daily Courier", "the minister"}, {"quote", "say"});
  expect("The minister was quoted by the Daily Courier as saying that 500 medics would go.", "500 medics would go",
         {"the Daily Courier", "The minister"}, {"quote", "say"});
  const auto got = read("A deal could come next week, the people said, cautioning that talks could still fail.");
  REQUIRE(got.size() == 2);
  CHECK(got[0].content == "A deal could come next week");
  CHECK(got[1].content == "talks could still fail");
  CHECK(got[1].sources == std::vector<std::string>{"the people"});
  expect("The vote may slip to July, according to Sen. Ortiz, who was briefed by party leaders.",
         "The vote may slip to July", {"Sen. Ortiz", "party leaders"}, {"according to", "brief"});
}

TEST_CASE("quoted and cited without \"as saying\" keep their other forms") {
  // Only "quoted as saying" chains the outlet; the rest is source first or passive.
  for (const auto& [text, source, cue] :
       {std::tuple{"The ministry cited a survey showing that exports fell.", "The ministry", "cite"},
        std::tuple{"Prices will rise, the minister was quoted by Yonhap.", "Yonhap", "quote"},
        std::tuple{"Lee quoted officials as warning that talks could fail.", "Lee", "quote"}}) {
    INFO(text);
    const auto got = read(text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].sources == std::vector<std::string>{source});
    CHECK(got[0].cues == std::vector<std::string>{cue});
  }
}

TEST_CASE("no attribution: own voice, a noun that looks like a verb") {
  CHECK(read("North Korea sent 11,000 troops to Russia last year.").empty());
  CHECK(read("The report is due next week.").empty());
  CHECK(read("Prices rose sharply in May.").empty());
}

TEST_CASE("a headline's colon names its source") {
  expect("Troops likely to go in July: spy agency", "Troops likely to go in July", {"spy agency"}, {"say"});
}
