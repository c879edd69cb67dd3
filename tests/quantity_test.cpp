// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/text/quantity.hpp>

#include "catch.hpp"

#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>

using sourcetrace::find_quantities;
using sourcetrace::parse_quantity;
using sourcetrace::quantity;
using sourcetrace::quantity_qualifier;
using sourcetrace::to_json;

namespace {

// The parse of `text` as JSON, or "none" when no figure is found.
std::string parsed(std::string_view text) {
  auto q = parse_quantity(text);
  return q ? to_json(*q) : "none";
}

// True when `s` is valid UTF-8 with no raw control characters: what a JSON
// writer must produce.
bool clean_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x20) return false;
    const std::size_t len = sourcetrace::detail::utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

}  // namespace

// The figures of the seed story, as the five articles state them.
TEST_CASE("seed figures: exact counts with their units") {
  CHECK(parsed("11,000 troops") ==
        R"({"text": "11,000 troops", "lower": 11000, "upper": 11000, "unit": "troops", "qualifier": "exact"})");
  CHECK(parsed("4,000 more troops") ==
        R"({"text": "4,000 more troops", "lower": 4000, "upper": 4000, "unit": "troops", "qualifier": "exact"})");
  CHECK(
      parsed("6,000 military engineers and construction troops") ==
      R"({"text": "6,000 military engineers", "lower": 6000, "upper": 6000, "unit": "military engineers", "qualifier": "exact"})");
  CHECK(
      parsed("11,000 elite soldiers") ==
      R"({"text": "11,000 elite soldiers", "lower": 11000, "upper": 11000, "unit": "elite soldiers", "qualifier": "exact"})");
  CHECK(parsed("81 percent") ==
        R"({"text": "81 percent", "lower": 81, "upper": 81, "unit": "percent", "qualifier": "exact"})");
  CHECK(parsed("an additional 5,000") ==
        R"({"text": "an additional 5,000", "lower": 5000, "upper": 5000, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("12 days") == R"({"text": "12 days", "lower": 12, "upper": 12, "unit": "days", "qualifier": "exact"})");
}

TEST_CASE("seed figures: approximate figures keep the point value") {
  CHECK(
      parsed("an estimated 11,000 troops") ==
      R"({"text": "an estimated 11,000 troops", "lower": 11000, "upper": 11000, "unit": "troops", "qualifier": "approximate"})");
  CHECK(
      parsed("approximately 10,000 soldiers") ==
      R"({"text": "approximately 10,000 soldiers", "lower": 10000, "upper": 10000, "unit": "soldiers", "qualifier": "approximate"})");
  CHECK(
      parsed("around 1,000 engineers") ==
      R"({"text": "around 1,000 engineers", "lower": 1000, "upper": 1000, "unit": "engineers", "qualifier": "approximate"})");
  CHECK(parsed("about 4,000") ==
        R"({"text": "about 4,000", "lower": 4000, "upper": 4000, "unit": null, "qualifier": "approximate"})");
  CHECK(
      parsed("approximately 600 soldiers") ==
      R"({"text": "approximately 600 soldiers", "lower": 600, "upper": 600, "unit": "soldiers", "qualifier": "approximate"})");
  CHECK(
      parsed("about 92 casualties a day") ==
      R"({"text": "about 92 casualties a day", "lower": 92, "upper": 92, "unit": "casualties per day", "qualifier": "approximate"})");
  auto rate = parse_quantity("about 92 casualties a day");
  REQUIRE(rate);
  CHECK(rate->unit == "casualties");
  CHECK(rate->rate == "day");
}

TEST_CASE("seed figures: bounds, ranges and vague magnitudes") {
  CHECK(
      parsed("more than 10 million artillery shells") ==
      R"({"text": "more than 10 million artillery shells", "lower": 10000000, "upper": null, "unit": "artillery shells", "qualifier": "at_least"})");
  CHECK(parsed("more than 1,000") ==
        R"({"text": "more than 1,000", "lower": 1000, "upper": null, "unit": null, "qualifier": "at_least"})");
  CHECK(parsed("as many as 12,000") ==
        R"({"text": "as many as 12,000", "lower": null, "upper": 12000, "unit": null, "qualifier": "at_most"})");
  CHECK(parsed("20,000 to 25,000") ==
        R"({"text": "20,000 to 25,000", "lower": 20000, "upper": 25000, "unit": null, "qualifier": "range"})");
  CHECK(parsed("up to half") ==
        R"({"text": "up to half", "lower": null, "upper": 50, "unit": "percent", "qualifier": "at_most"})");
  CHECK(parsed("possibly reaching 50%") ==
        R"({"text": "reaching 50%", "lower": null, "upper": 50, "unit": "percent", "qualifier": "at_most"})");
  CHECK(
      parsed("millions of artillery shells") ==
      R"({"text": "millions of artillery shells", "lower": 2000000, "upper": null, "unit": "artillery shells", "qualifier": "vague"})");
  CHECK(parsed("thousands more") ==
        R"({"text": "thousands more", "lower": 2000, "upper": null, "unit": null, "qualifier": "vague"})");
}

TEST_CASE("figures are found inside sentences written for these tests") {
  // Our own sentences around the seed figures; years and days of months are not figures.
  auto q = parse_quantity("In November 2024 Pyongyang dispatched an estimated 11,000 troops, lawmakers heard.");
  REQUIRE(q);
  CHECK(q->text == "an estimated 11,000 troops");
  CHECK(q->qualifier == quantity_qualifier::approximate);

  auto all = find_quantities("The agency put the toll near 600 dead, with thousands more hurt, on June 26.");
  REQUIRE(all.size() == 2);
  CHECK(all[0].text == "600 dead");
  CHECK(all[1].qualifier == quantity_qualifier::vague);

  auto two = find_quantities(
      "Kyiv expects 20,000 to 25,000 more soldiers; as many as 12,000 North Korean soldiers are there now.");
  REQUIRE(two.size() == 2);
  CHECK(two[0].unit == "soldiers");
  CHECK(two[0].qualifier == quantity_qualifier::range);
  CHECK(two[1].unit == "North Korean soldiers");
  CHECK(two[1].upper == 12000);

  CHECK(
      parsed("The figure: roughly 10,000 of its soldiers since September.") ==
      R"({"text": "roughly 10,000 of its soldiers", "lower": 10000, "upper": 10000, "unit": "soldiers", "qualifier": "approximate"})");
  CHECK(find_quantities("Russia holds 81 percent of the four regions it claims.").size() == 2);
  CHECK(
      parsed("more than 1,000 additional troops went") ==
      R"({"text": "more than 1,000 additional troops", "lower": 1000, "upper": null, "unit": "troops", "qualifier": "at_least"})");
  CHECK(parse_quantity("the two sides remain tense")->unit == "sides");
  CHECK(find_quantities("thousands more one-half of them").size() == 2);
  CHECK(parsed("5,000 expected to follow") ==
        R"({"text": "5,000", "lower": 5000, "upper": 5000, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("11,000 troops a month after the visit").find("\"unit\": \"troops\"") != std::string::npos);
}

TEST_CASE("other qualifier words") {
  CHECK(parsed("at least 300").ends_with(R"("lower": 300, "upper": null, "unit": null, "qualifier": "at_least"})"));
  CHECK(parsed("over 2,500 drones")
            .ends_with(R"("lower": 2500, "upper": null, "unit": "drones", "qualifier": "at_least"})"));
  CHECK(parsed("fewer than 50 vessels")
            .ends_with(R"("lower": null, "upper": 50, "unit": "vessels", "qualifier": "at_most"})"));
  CHECK(parsed("up to 3,000").ends_with(R"("upper": 3000, "unit": null, "qualifier": "at_most"})"));
  CHECK(
      parsed("some 600 dead").ends_with(R"("lower": 600, "upper": 600, "unit": "dead", "qualifier": "approximate"})"));
  CHECK(parsed("roughly 70").ends_with(R"("qualifier": "approximate"})"));
  CHECK(
      parsed("between 20,000 and 25,000 soldiers") ==
      R"({"text": "between 20,000 and 25,000 soldiers", "lower": 20000, "upper": 25000, "unit": "soldiers", "qualifier": "range"})");
  CHECK(parsed("20,000-25,000").ends_with(R"("lower": 20000, "upper": 25000, "unit": null, "qualifier": "range"})"));
  CHECK(parsed("20,000–25,000").ends_with(R"("lower": 20000, "upper": 25000, "unit": null, "qualifier": "range"})"));
  CHECK(parsed("20 to 25 million rounds")
            .ends_with(R"("lower": 20000000, "upper": 25000000, "unit": "rounds", "qualifier": "range"})"));
  CHECK(parsed("two or three days").ends_with(R"("lower": 2, "upper": 3, "unit": "days", "qualifier": "range"})"));
  CHECK(parsed("10,000 or more").ends_with(R"("lower": 10000, "upper": null, "unit": null, "qualifier": "at_least"})"));
  CHECK(parsed("10,000+ troops")
            .ends_with(R"("lower": 10000, "upper": null, "unit": "troops", "qualifier": "at_least"})"));
  CHECK(parsed("~600").ends_with(R"("qualifier": "approximate"})"));
  CHECK(parsed("\xE2\x89\x88 600").ends_with(R"("qualifier": "approximate"})"));  // U+2248
  CHECK(parsed("92 a day").ends_with(R"("lower": 92, "upper": 92, "unit": "per day", "qualifier": "exact"})"));
  CHECK(parsed("25,000 to 20,000").ends_with(R"("lower": 20000, "upper": 25000, "unit": null, "qualifier": "range"})"));
  CHECK(parsed("500 to 2 million").ends_with(R"("lower": 500, "upper": 2000000, "unit": null, "qualifier": "range"})"));
  CHECK(parsed("about 20,000 to 25,000").ends_with(R"("qualifier": "range"})"));
  CHECK(parsed("at least thousands").ends_with(R"("lower": 2000, "upper": null, "unit": null, "qualifier": "vague"})"));
  CHECK(parsed("hundreds of thousands")
            .ends_with(R"("lower": 200000, "upper": null, "unit": null, "qualifier": "vague"})"));
  CHECK(parsed("dozens").ends_with(R"("lower": 24, "upper": null, "unit": null, "qualifier": "vague"})"));
  CHECK(parsed("from 2022") == "none");  // "from" needs a range, and 2022 is a year
}

TEST_CASE("number words, fractions, percent and scales") {
  CHECK(parsed("four thousand").ends_with(R"("lower": 4000, "upper": 4000, "unit": null, "qualifier": "exact"})"));
  CHECK(parsed("twelve").ends_with(R"("lower": 12, "upper": 12, "unit": null, "qualifier": "exact"})"));
  CHECK(
      parsed("a dozen launchers").ends_with(R"("lower": 12, "upper": 12, "unit": "launchers", "qualifier": "exact"})"));
  CHECK(parsed("one hundred and twenty-five")
            .ends_with(R"("lower": 125, "upper": 125, "unit": null, "qualifier": "exact"})"));
  CHECK(parsed("1.5 million").ends_with(R"("lower": 1500000, "upper": 1500000, "unit": null, "qualifier": "exact"})"));
  CHECK(parsed("10m shells")
            .ends_with(R"("lower": 10000000, "upper": 10000000, "unit": "shells", "qualifier": "exact"})"));
  CHECK(parsed("half a million").ends_with(R"("lower": 500000, "upper": 500000, "unit": null, "qualifier": "exact"})"));
  CHECK(parsed("half").ends_with(R"("lower": 50, "upper": 50, "unit": "percent", "qualifier": "exact"})"));
  CHECK(
      parsed("a third of the force")
          .ends_with(
              R"("lower": 33.333333333333336, "upper": 33.333333333333336, "unit": "percent", "qualifier": "exact"})"));
  CHECK(parsed("two-thirds")
            .ends_with(
                R"("lower": 66.66666666666667, "upper": 66.66666666666667, "unit": "percent", "qualifier": "exact"})"));
  CHECK(parsed("50 percent") == parsed("50 percent"));
  CHECK(parse_quantity("50 percent")->unit == "percent");
  CHECK(parse_quantity("50%")->unit == "percent");
  CHECK(parse_quantity("50 per cent")->lower == 50);
  CHECK(parsed("tens of thousands").ends_with(R"("lower": 20000, "upper": null, "unit": null, "qualifier": "vague"})"));
  CHECK(parsed("several hundred").ends_with(R"("lower": 200, "upper": null, "unit": null, "qualifier": "vague"})"));
  CHECK(parsed("$10 million in aid")
            .ends_with(R"("lower": 10000000, "upper": 10000000, "unit": "dollars", "qualifier": "exact"})"));
  CHECK(parsed("a 12-day war")
            .ends_with(R"("text": "12-day", "lower": 12, "upper": 12, "unit": null, "qualifier": "exact"})"));
}

TEST_CASE("text that states no figure") {
  CHECK(parsed("") == "none");
  CHECK(parsed("   \t\n") == "none");
  CHECK(parsed("several") == "none");
  CHECK(parsed("soon") == "none");
  CHECK(parsed("some of its soldiers died") == "none");
  CHECK(parsed("a third deployment") == "none");
  CHECK(parsed("in the first half") == "none");
  CHECK(parsed("no one") == "none");
  CHECK(parsed("in 2024") == "none");
  CHECK(parsed("on June 17") == "none");
  CHECK(parsed("June 19, 2024") == "none");
  CHECK(parsed("the 11th Corps") == "none");
  CHECK(parsed("S-400 batteries and MiG-29 jets") == "none");
  CHECK(parsed("at 10:30") == "none");
  CHECK(parsed("1,00") == "none");
  CHECK(parsed("1234,567") == "none");
  CHECK(parsed("1,0000") == "none");
  CHECK(parsed("1e400") == "none");
  CHECK(parsed("5G networks") == "none");
  CHECK(parsed("photo 5-7.jpg") == "none");
}

TEST_CASE("edge cases: signs, years with a qualifier, huge and malformed numbers") {
  CHECK(parsed("-5").ends_with(R"("lower": -5, "upper": -5, "unit": null, "qualifier": "exact"})"));
  CHECK(
      parsed("fell by −3 percent").ends_with(R"("lower": -3, "upper": -3, "unit": "percent", "qualifier": "exact"})"));
  CHECK(parsed("about 2000 troops")
            .ends_with(R"("lower": 2000, "upper": 2000, "unit": "troops", "qualifier": "approximate"})"));
  CHECK(parsed("1,00 then 7 boats")
            .ends_with(R"("text": "7 boats", "lower": 7, "upper": 7, "unit": "boats", "qualifier": "exact"})"));
  // Overflowing doubles are not figures: no inf ever reaches a quantity.
  CHECK(parsed("1" + std::string(400, '0')) == "none");
  CHECK(parsed(std::string(300, '9') + " trillion trillion trillion") == "none");
  auto big = parse_quantity("1" + std::string(300, '0'));
  REQUIRE(big);
  CHECK(big->lower == 1e300);
  CHECK(to_json(*big).find("\"lower\": 1e+300") != std::string::npos);
  CHECK(parsed("1,000,000,000,000,000,000 grains").find("\"lower\": 1e+18") != std::string::npos);
}

TEST_CASE("non-ASCII text and JSON escaping") {
  CHECK(parsed("\xEC\x95\xBD 1,000\xEB\xAA\x85") == "none");  // Hangul glued to the figure
  CHECK(parsed("\xEC\x95\xBD 1,000 \xEB\xAA\x85") ==
        "{\"text\": \"1,000 \xEB\xAA\x85\", \"lower\": 1000, \"upper\": 1000, \"unit\": \"\xEB\xAA\x85\", "
        "\"qualifier\": \"exact\"}");
  CHECK(parsed("\xFF\xFE 3 \xC3(") ==
        R"({"text": "3 \ufffd", "lower": 3, "upper": 3, "unit": "\ufffd", "qualifier": "exact"})");
}

TEST_CASE("long and random input never crashes or throws") {
  std::string long_text;
  for (int n = 0; n < 20000; ++n) long_text += "about 11,000 troops and 4,000 more; ";
  auto all = find_quantities(long_text);
  CHECK(all.size() == 40000);
  CHECK(parse_quantity(std::string(1'000'000, '9')) == std::nullopt);
  CHECK_NOTHROW(find_quantities(std::string(200'000, '-') + std::string(200'000, ',')));
  std::string words;
  for (int n = 0; n < 50000; ++n) words += "thousand more one-half of ";
  CHECK_NOTHROW(find_quantities(words));

  std::mt19937 rng(20250626);
  const std::string_view alphabet = "0123456789,.-+%$~ aAmkt\xE2\x80\x93\xC2\xA0\xFF\x01\"\\";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> length(0, 64);
  bool all_sane = true;
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    const std::size_t len = length(rng);
    for (std::size_t i = 0; i < len; ++i) {
      s += round % 2 == 0 ? alphabet[pick(rng)] : static_cast<char>(byte(rng));
    }
    for (const auto& q : find_quantities(s)) {
      const bool finite = (!q.lower || std::isfinite(*q.lower)) && (!q.upper || std::isfinite(*q.upper));
      const bool ordered = !q.lower || !q.upper || *q.lower <= *q.upper;
      const std::string json = to_json(q);
      if (!finite || !ordered || !clean_utf8(json) || json.front() != '{' || json.back() != '}') {
        all_sane = false;
        FAIL_CHECK("bad parse of input " << sourcetrace::detail::json_string(s) << ": " << json);
      }
    }
  }
  CHECK(all_sane);
}

TEST_CASE("regression: a space, a no-break space or a narrow no-break space groups thousands") {
  CHECK(parsed("10 000 troops") ==
        R"({"text": "10 000 troops", "lower": 10000, "upper": 10000, "unit": "troops", "qualifier": "exact"})");
  auto nbsp = parse_quantity("10\u00a0000 troops");  // U+00A0
  REQUIRE(nbsp);
  CHECK(nbsp->lower == 10000);
  CHECK(nbsp->upper == 10000);
  CHECK(nbsp->unit == "troops");
  CHECK(nbsp->text == "10\u00a0000 troops");
  auto narrow = parse_quantity("more than 10\u202f000 shells");  // U+202F
  REQUIRE(narrow);
  CHECK(narrow->lower == 10000);
  CHECK_FALSE(narrow->upper);
  CHECK(narrow->unit == "shells");
  CHECK(parsed("1 234 567") ==
        R"({"text": "1 234 567", "lower": 1234567, "upper": 1234567, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("1 500 to 2 000 troops") ==
        R"({"text": "1 500 to 2 000 troops", "lower": 1500, "upper": 2000, "unit": "troops", "qualifier": "range"})");
  CHECK(parsed("$10 000") ==
        R"({"text": "$10 000", "lower": 10000, "upper": 10000, "unit": "dollars", "qualifier": "exact"})");
  CHECK(parsed("10 000.5 tonnes") ==
        R"({"text": "10 000.5 tonnes", "lower": 10000.5, "upper": 10000.5, "unit": "tonnes", "qualifier": "exact"})");
  // Not thousands groups: a group after the first that is not three digits,
  // a first group of four digits (a year before a count), two spaces, a tab,
  // a comma after a spaced group.
  CHECK(parsed("12 34") == R"({"text": "12", "lower": 12, "upper": 12, "unit": null, "qualifier": "exact"})");
  CHECK(find_quantities("12 34").size() == 2);
  CHECK(parsed("1 2") == R"({"text": "1", "lower": 1, "upper": 1, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("1 2345 troops") == R"({"text": "1", "lower": 1, "upper": 1, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("in 2024 1 500 troops") ==
        R"({"text": "1 500 troops", "lower": 1500, "upper": 1500, "unit": "troops", "qualifier": "exact"})");
  CHECK(parsed("2024 500") == R"({"text": "500", "lower": 500, "upper": 500, "unit": null, "qualifier": "exact"})");
  auto year_then_count = find_quantities("about 2024 500");
  REQUIRE(year_then_count.size() == 2);
  CHECK(year_then_count[0].lower == 2024);
  CHECK(year_then_count[1].lower == 500);
  CHECK(parsed("1234 567") == R"({"text": "1234", "lower": 1234, "upper": 1234, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("10  000") == R"({"text": "10", "lower": 10, "upper": 10, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("10\t000") == R"({"text": "10", "lower": 10, "upper": 10, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("1 000,000") == R"({"text": "1", "lower": 1, "upper": 1, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("1 000,5") == R"({"text": "1", "lower": 1, "upper": 1, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("3,5") == "none");
  // The known limits docs/quantities.md states: grouped digits are a count, never a year.
  CHECK(parsed("pages 5 100") ==
        R"({"text": "5 100", "lower": 5100, "upper": 5100, "unit": null, "qualifier": "exact"})");
  CHECK(parsed("sent 2 024 troops") ==
        R"({"text": "2 024 troops", "lower": 2024, "upper": 2024, "unit": "troops", "qualifier": "exact"})");
}
