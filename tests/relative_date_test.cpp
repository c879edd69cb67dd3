// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/text/relative_date.hpp>

#include "catch.hpp"

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using sourcetrace::date_tense;
using sourcetrace::resolve_date;
using sourcetrace::resolve_options;
namespace greg = boost::gregorian;

namespace {

// One expression, the publication date it is read against, and the expected
// result as `partial_date::to_string()` prints it, or "unresolved".
struct row {
  const char* published;
  const char* expression;
  const char* expected;
  date_tense tense = date_tense::from_cues;
};

std::string outcome(const row& r) {
  auto published = sourcetrace::partial_date::parse(r.published).first();
  auto res = resolve_date(r.expression, published, resolve_options{r.tense});
  return res.value ? res.value->to_string() : std::string("unresolved");
}

void check_table(const std::vector<row>& rows) {
  for (const auto& r : rows) {
    CAPTURE(r.published, r.expression);
    CHECK(outcome(r) == r.expected);
  }
}

}  // namespace

// Seed 000, The Korea Herald, dated 2025-06-27 (a Friday) in its dateline.
TEST_CASE("seed 000: The Korea Herald, published 2025-06-27") {
  check_table({
      {"2025-06-27", "Thursday", "2025-06-26"},  // the NIS briefing, the day before publication
      {"2025-06-27", "October last year", "2024-10"},
      {"2025-06-27", "in October last year", "2024-10"},
      {"2025-06-27", "this February", "2025-02"},
      {"2025-06-27", "in July and August at the earliest", "2025-07-01/.."},  // not before July: open end
      {"2025-06-27", "last week", "2025-06-16/2025-06-22"},                   // Shoigu in Pyongyang on 2025-06-17
      {"2025-06-27", "late last year", "2024-09-01/2024-12-31"},
      {"2025-06-27", "on June 19, 2024", "2024-06-19"},  // photo caption: the Putin-Kim reception
      {"2025-06-27", "June 27, 2025", "2025-06-27"},     // the dateline itself
      // The headline's verb looks ahead, which the caller knows and says.
      {"2025-06-27", "in July, August", "2025-07-01/2025-08-31", date_tense::future},
      // Without that, a bare month is the most recent one begun by publication.
      {"2025-06-27", "in July, August", "2024-07-01/2024-08-31"},
      {"2025-06-27", "soon", "unresolved"},
      {"2025-06-27", "recently", "unresolved"},
      {"2025-06-27", "about a month after Shoigu's Pyongyang trip", "unresolved"},
      {"2025-06-27", "anytime", "unresolved"},
      {"2025-06-27", "at any given time", "unresolved"},
  });
}

// Seed 001 carries no dateline. It reports the closed-door NIS briefing of
// June 26 as just held, so it is read as published the next day, 2025-06-27,
// like seeds 000 and 002 that report the same briefing.
TEST_CASE("seed 001: undated report of the June 26 briefing, read as 2025-06-27") {
  check_table({
      {"2025-06-27", "by August", "../2025-08-31"},  // a deadline: open start
      {"2025-06-27", "as early as July or August", "2025-07-01/.."},
      {"2025-06-27", "on June 26", "2025-06-26"},
      {"2025-06-27", "June 17", "2025-06-17"},  // Shoigu's visit
      {"2025-06-27", "In November 2024", "2024-11"},
      {"2025-06-27", "in October", "2024-10"},  // Shoigu's earlier visit, as this seed dates it
      {"2025-06-27", "by late summer", "../2025-08-31"},
      {"2025-06-27", "just 12 days after their latest clashes", "unresolved"},
  });
}

// Seed 002 says the lawmaker spoke "on Thursday" about the same briefing; it
// is read as published 2025-06-27 too, so Thursday is the briefing day.
TEST_CASE("seed 002: report of the same briefing, read as 2025-06-27") {
  check_table({
      {"2025-06-27", "as soon as July", "2025-07-01/.."},  // an earliest date: open end
      {"2025-06-27", "on Thursday", "2025-06-26"},
      {"2025-06-27", "in October of last year", "2024-10"},
      {"2025-06-27", "as soon as July or August", "2025-07-01/.."},
      {"2025-06-27", "Last year", "2024"},  // the Putin visit and the defence pact
      {"2025-06-27", "In April", "2025-04"},
      {"2025-06-27", "his recent trip", "unresolved"},
      {"2025-06-27", "about a month before the last troop movement", "unresolved"},
      {"2025-06-27", "since the onset of the Ukraine invasion", "unresolved"},
  });
}

// Seed 003, Pravda.ru, carries no date. It places Choe Son Hui's Moscow visit
// "in late October" (that visit was in 2025) and its sidebar lists news of the
// first days of November 2025, so it is read as published 2025-11-05.
TEST_CASE("seed 003: Pravda.ru, read as 2025-11-05") {
  check_table({
      {"2025-11-05", "since September", "2025-09-01/2025-11-05"},
      {"2025-11-05", "In late October", "2025-10-21/2025-10-31"},
      {"2025-11-05", "in June 2024", "2024-06"},  // the Pyongyang summit
      {"2025-11-05", "in 2024", "2024"},
      {"2025-11-05", "until the spring of 2025", "2025-03-01/2025-05-31"},
      {"2025-11-05", "Shortly afterward", "unresolved"},
      {"2025-11-05", "At present", "unresolved"},
  });
}

// Seed 004 carries no date. It reports, as past, a redeployment in the first
// week of February 2025 and statements made in January, and has the NIS speak
// "on Thursday". The first Thursday after 2025-02-07 is 2025-02-13; the
// article is read as published that day (a same-day report, the usual wire
// style). "in August" is then the Ukrainian incursion into Kursk, 2024-08.
TEST_CASE("seed 004: report of the February NIS statement, read as 2025-02-13") {
  check_table({
      {"2025-02-13", "in early February", "2025-02-01/2025-02-10"},
      {"2025-02-13", "in August", "2024-08"},
      {"2025-02-13", "on Thursday", "2025-02-13"},
      {"2025-02-13", "in the first week of February", "2025-02-01/2025-02-07"},
      {"2025-02-13", "in January", "2025-01"},
      {"2025-02-13", "since January", "2025-01-01/2025-02-13"},
      {"2025-02-13", "between January and February", "2025-01-01/2025-02-28"},
      {"2025-02-13", "since early December 2024", "2024-12-01/2025-02-13"},
      {"2025-02-13", "on Wednesday", "2025-02-12"},  // the Euromaidan Press report
      {"2025-02-13", "a few hours after", "unresolved"},
      {"2025-02-13", "earlier", "unresolved"},
      {"2025-02-13", "within three months", "2025-02-13/2025-05-13"},  // looks forward from publication
  });
}

TEST_CASE("weekdays: the most recent on or before publication, 'last' strictly before") {
  // 2025-06-27 is a Friday.
  check_table({
      {"2025-06-27", "Friday", "2025-06-27"},  // a weekday naming the publication day is that day
      {"2025-06-27", "on Friday", "2025-06-27"},
      {"2025-06-27", "this Friday", "2025-06-27"},
      {"2025-06-27", "last Friday", "2025-06-20"},
      {"2025-06-27", "this past Friday", "2025-06-20"},
      {"2025-06-27", "next Friday", "2025-07-04"},
      {"2025-06-27", "Saturday", "2025-06-21"},
      {"2025-06-27", "last Wednesday", "2025-06-25"},
      {"2025-06-27", "this Monday", "2025-06-23"},
      {"2025-06-27", "Thursday night", "2025-06-26"},
      {"2025-06-27", "THURSDAY", "2025-06-26"},
      {"2025-06-27", "Thu.", "2025-06-26"},
      {"2025-06-27", "on Thursday, June 26", "2025-06-26"},
      {"2025-06-27", "Wednesday, June 26", "unresolved"},  // the weekday contradicts the date
      {"2025-06-27", "Thursday", "2025-07-03", date_tense::future},
      {"2025-06-27", "by Monday", "../2025-06-30"},
  });
}

TEST_CASE("days, weeks, months and years counted from publication") {
  check_table({
      {"2025-06-27", "today", "2025-06-27"},
      {"2025-06-27", "yesterday", "2025-06-26"},
      {"2025-06-27", "last night", "2025-06-26"},
      {"2025-06-27", "the day before yesterday", "2025-06-25"},
      {"2025-06-27", "tomorrow", "2025-06-28"},
      {"2025-06-27", "3 days ago", "2025-06-24"},
      {"2025-06-27", "three days ago", "2025-06-24"},
      {"2025-06-27", "this week", "2025-06-23/2025-06-29"},
      {"2025-06-27", "next week", "2025-06-30/2025-07-06"},
      {"2025-06-27", "last month", "2025-05"},
      {"2025-06-27", "this month", "2025-06"},
      {"2025-06-27", "this year", "2025"},
      {"2025-06-27", "earlier this year", "2025-01-01/2025-06-27"},
      {"2025-06-27", "earlier this month", "2025-06-01/2025-06-27"},
      {"2025-06-27", "later this year", "2025-06-27/2025-12-31"},
  });
}

TEST_CASE("month names, parts of months and days of months") {
  check_table({
      {"2025-06-27", "June", "2025-06"},
      {"2025-06-27", "July", "2024-07"},  // July 2025 has not begun
      {"2025-06-27", "next July", "2025-07"},
      {"2025-06-27", "last June", "2024-06"},  // June 2025 has not ended
      {"2025-06-27", "June 2025", "2025-06"},
      {"2025-06-27", "Sept. 2024", "2024-09"},
      {"2025-06-27", "mid-February", "2025-02-11/2025-02-20"},
      {"2025-06-27", "late February", "2025-02-21/2025-02-28"},
      {"2025-06-27", "early December 2024", "2024-12-01/2024-12-10"},
      {"2025-06-27", "at the end of October", "2024-10-21/2024-10-31"},
      {"2025-06-27", "the second week of June", "2025-06-08/2025-06-14"},
      {"2025-06-27", "the last week of May", "2025-05-25/2025-05-31"},
      {"2025-06-27", "17 June 2024", "2024-06-17"},
      {"2025-06-27", "the 17th of June", "2025-06-17"},
      {"2025-06-27", "June 17th", "2025-06-17"},
      {"2025-06-27", "June 30", "2024-06-30"},  // June 30, 2025 is after publication
      {"2025-06-27", "June 31", "unresolved"},
      {"2025-06-27", "mid-2024", "2024-05-01/2024-08-31"},
      {"2025-06-27", "the first half of 2024", "2024-01-01/2024-06-30"},
      {"2025-06-27", "the fourth quarter of last year", "2024-10-01/2024-12-31"},
  });
}

TEST_CASE("seasons: northern meteorological, the most recent begun by publication") {
  check_table({
      {"2025-06-27", "in the spring", "2025-03-01/2025-05-31"},
      {"2025-06-27", "summer", "2025-06-01/2025-08-31"},
      {"2025-06-27", "autumn", "2024-09-01/2024-11-30"},
      {"2025-06-27", "in the fall", "2024-09-01/2024-11-30"},
      {"2025-06-27", "last summer", "2024-06-01/2024-08-31"},
      {"2025-06-27", "next spring", "2026-03-01/2026-05-31"},
      {"2025-06-27", "winter", "2024-12-01/2025-02-28"},
      {"2025-06-27", "early summer", "2025-06"},
      {"2025-06-27", "late summer", "2024-08"},  // August 2025 has not begun
      {"2025-06-27", "summer of last year", "2024-06-01/2024-08-31"},
      {"2025-02-01", "in the spring", "2024-03-01/2024-05-31"},
      {"2025-02-01", "this spring", "2025-03-01/2025-05-31"},
      {"2025-02-01", "this winter", "2024-12-01/2025-02-28"},
      {"2025-11-05", "this winter", "2025-12-01/2026-02-28"},
      {"2025-02-01", "winter 2025", "unresolved"},  // which winter is ambiguous
  });
}

TEST_CASE("ISO 8601 and periods between two dates") {
  check_table({
      {"2025-06-27", "2025-06-26", "2025-06-26"},
      {"2025-06-27", "2024-10", "2024-10"},
      {"2025-06-27", "2025", "2025"},
      {"2025-06-27", "2025-07/2025-08", "2025-07-01/2025-08-31"},
      {"2025-06-27", "2024-2025", "2024-01-01/2025-12-31"},
      {"2025-06-27", "2025-13", "unresolved"},
      {"2025-06-27", "2025-02-29", "unresolved"},
      {"2025-06-27", "July-August", "2024-07-01/2024-08-31"},
      {"2025-06-27",
       "July\xE2\x80\x93"
       "August",
       "2024-07-01/2024-08-31"},  // en dash
      {"2025-06-27", "between January and March 2025", "2025-01-01/2025-03-31"},
      {"2025-06-27", "from June 17 to June 19", "2025-06-17/2025-06-19"},
      {"2025-06-27", "December 2024 to February 2025", "2024-12-01/2025-02-28"},
      {"2025-06-27", "July and August last year", "2024-07-01/2024-08-31"},
      {"2025-06-27", "2025 and 2024", "unresolved"},
      {"2025-06-27", "between July", "unresolved"},
  });
}

TEST_CASE("spaces, dashes and apostrophes are read as the quantity parser reads them") {
  check_table({
      {"2025-06-27",
       "June\xE2\x80\x89"
       "17",
       "2025-06-17"},                                           // thin space
      {"2025-06-27", "the 17th\xC2\xA0of June", "2025-06-17"},  // no-break space
      {"2025-06-27",
       "mid\xE2\x80\x91"
       "June",
       "2025-06-11/2025-06-20"},  // no-break hyphen
      {"2025-06-27",
       "July\xE2\x80\x94"
       "August",
       "2024-07-01/2024-08-31"},  // em dash
      {"2025-06-27",
       "July\xE2\x88\x92"
       "August",
       "2024-07-01/2024-08-31"},  // minus sign
      {"2025-06-27", "June 17, 2025", "2025-06-17"},
      {"2025-06-27", "June 17th.", "2025-06-17"},
      {"2025-06-27", "Thursday\xE2\x80\x99s", "unresolved"},  // a possessive is no date
      {"2025-06-27", "\xE2\x80\x9CThursday\xE2\x80\x9D", "unresolved"},
  });
}

TEST_CASE("the tense option overrides forward-looking cues") {
  check_table({
      {"2025-06-27", "as early as October", "2025-10-01/.."},
      {"2025-06-27", "as early as October", "2024-10", date_tense::past},  // what happened: the date itself
      {"2025-06-27", "by August", "../2024-08-31", date_tense::past},      // a deadline in every tense
      {"2025-06-27", "in October", "2025-10", date_tense::future},
      {"2025-06-27", "in June", "2025-06", date_tense::future},                        // in progress at publication
      {"2025-06-27", "since September", "2024-09-01/2025-06-27", date_tense::future},  // "since" looks back
      {"2025-06-27", "last week", "2025-06-16/2025-06-22", date_tense::future},        // anchored: no effect
  });
}

TEST_CASE("year boundaries") {
  check_table({
      {"2025-01-03", "last month", "2024-12"},
      {"2025-01-03", "last year", "2024"},
      {"2025-01-03", "this December", "2025-12"},
      {"2025-01-03", "in December", "2024-12"},
      {"2025-01-03", "last week", "2024-12-23/2024-12-29"},
      {"2025-01-03", "this week", "2024-12-30/2025-01-05"},
      {"2025-01-03", "yesterday", "2025-01-02"},
      {"2025-01-03", "earlier this year", "2025-01-01/2025-01-03"},
      {"2025-01-03", "December-January", "2024-12-01/2025-01-31"},
      {"2025-01-03", "Tuesday", "2024-12-31"},
      {"2024-12-31", "next month", "2025-01"},
      {"2024-12-31", "tomorrow", "2025-01-01"},
      {"2024-12-31", "next year", "2025"},
  });
}

TEST_CASE("leap days") {
  check_table({
      {"2024-02-29", "last year", "2023"},
      {"2024-02-29", "yesterday", "2024-02-28"},
      {"2024-02-29", "tomorrow", "2024-03-01"},
      {"2024-02-29", "February 29", "2024-02-29"},
      {"2024-02-29", "February 29, 2023", "unresolved"},
      {"2024-02-29", "late February", "2024-02-21/2024-02-29"},
      {"2024-02-29", "the last week of February", "2024-02-23/2024-02-29"},
      {"2024-02-29", "this February", "2024-02"},
      {"2024-03-01", "yesterday", "2024-02-29"},
      {"2024-03-01", "last month", "2024-02"},
      {"2024-03-01", "Thursday, Feb. 29", "2024-02-29"},
      {"2025-03-01", "yesterday", "2025-02-28"},
      {"2025-03-01", "February 29", "2024-02-29"},  // the most recent one that exists
  });
}

TEST_CASE("vague, event-relative and malformed expressions stay unresolved") {
  check_table({
      {"2025-06-27", "soon", "unresolved"},
      {"2025-06-27", "recently", "unresolved"},
      {"2025-06-27", "someday", "unresolved"},
      {"2025-06-27", "sometime", "unresolved"},
      {"2025-06-27", "in the coming weeks", "unresolved"},
      {"2025-06-27", "around June 17", "unresolved"},
      {"2025-06-27", "a month after the visit", "unresolved"},
      {"2025-06-27", "the previous year", "unresolved"},
      {"2025-06-27", "", "unresolved"},
      {"2025-06-27", "   ", "unresolved"},
      {"2025-06-27", "asdf qwerty", "unresolved"},
      {"2025-06-27", "Thursday garbage", "unresolved"},
      {"2025-06-27", "last", "unresolved"},
      {"2025-06-27", "Q1", "unresolved"},
      {"2025-06-27", "99999", "unresolved"},
      {"2025-06-27", "0000-00-00", "unresolved"},
      {"2025-06-27", "June 2025 2024", "unresolved"},
  });
}

TEST_CASE("the rule says which convention was applied") {
  auto pub = greg::date(2025, 6, 27);
  CHECK(resolve_date("Thursday", pub).rule == "weekday: the most recent on or before publication");
  CHECK(resolve_date("last week", pub).rule == "last week: the week before the publication week, Monday to Sunday");
  CHECK(resolve_date("late last year", pub).rule == "late year (September-December): in the year before publication");
  CHECK(resolve_date("as soon as July", pub).rule ==
        "month name: the next that ends on or after publication; forward-looking cue \"as soon as\" (an earliest "
        "date): on or after its first day");
  CHECK(resolve_date("by August", pub).rule ==
        "month name: the next that ends on or after publication; forward-looking cue \"by\" (a deadline): on or "
        "before its last day");
  CHECK(resolve_date("since September", greg::date(2025, 11, 5)).rule ==
        "since: from the first day of the named date to publication; "
        "month name: the most recent that begins on or before publication");
  CHECK(resolve_date("soon", pub).rule == "unresolved: vague (\"soon\"); names no date");
  CHECK(resolve_date("a month after the visit", pub).rule ==
        "unresolved: needs the date of the event it is relative to (\"the visit\")");
  CHECK(resolve_date("winter 2025", pub).rule ==
        "unresolved: ambiguous: a winter spans two years; name its months instead");
  CHECK_FALSE(resolve_date("soon", pub).resolved());
  CHECK(resolve_date("Thursday", pub).resolved());
  CHECK(resolve_date("Thursday", pub).value->is_day());
}

TEST_CASE("an invalid publication date is refused") {
  using Catch::Matchers::Message;
  CHECK_THROWS_MATCHES(resolve_date("Thursday", greg::date(greg::not_a_date_time)), sourcetrace::error,
                       Message("invalid date \"not-a-date\": the publication date is not a calendar day"));
}

TEST_CASE("any input gives a result and never throws") {
  auto pub = greg::date(2025, 6, 27);
  // The ends of Boost.Date_Time's calendar.
  CHECK_NOTHROW(resolve_date("yesterday", greg::date(1400, 1, 1)));
  CHECK_FALSE(resolve_date("yesterday", greg::date(1400, 1, 1)).resolved());
  CHECK_FALSE(resolve_date("last year", greg::date(1400, 6, 1)).resolved());
  CHECK_FALSE(resolve_date("tomorrow", greg::date(9999, 12, 31)).resolved());
  CHECK_FALSE(resolve_date("next year", greg::date(9999, 12, 31)).resolved());
  CHECK(resolve_date("99999 days ago", pub).value->to_string() == "1751-09-13");
  CHECK_FALSE(resolve_date("999999 days ago", pub).resolved());  // more than 100000 days: refused
  CHECK(resolve_date("3000 days ago", pub).value->to_string() == "2017-04-10");

  // A long text is refused as a whole, not scanned for dates.
  std::string long_text;
  for (int i = 0; i < 100000; ++i) long_text += "Thursday ";
  CHECK_FALSE(resolve_date(long_text, pub).resolved());
  CHECK_FALSE(resolve_date(std::string(1 << 20, '7'), pub).resolved());

  // Bytes that are not text, with an embedded zero.
  const char binary[] = {'\xff', '\xfe', '\0', 'J', 'u', 'l', 'y', '\x80', '\xe2', '\x80'};
  CHECK_FALSE(resolve_date(std::string_view(binary, sizeof binary), pub).resolved());

  // Random sequences of the words the parser knows, and random bytes.
  const std::vector<std::string> words = {
      "last",         "this", "next",  "the",  "of",       "in",       "on",   "since",  "by",        "as",    "soon",
      "early",        "late", "mid",   "-",    "/",        "and",      "or",   "to",     "between",   "from",  "at",
      "earliest",     "week", "month", "year", "thursday", "february", "june", "summer", "winter",    "2024",  "2025",
      "29",           "17th", "first", "half", "quarter",  "end",      "days", "ago",    "yesterday", "today", ",",
      "\xe2\x80\x93", "9999", "1400",  "31",   "0"};
  std::mt19937 gen(20250627);
  std::size_t resolved = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    std::size_t n = gen() % 8;
    for (std::size_t k = 0; k < n; ++k) text += words[gen() % words.size()] + (gen() % 3 == 0 ? "" : " ");
    if (i % 4 == 0) {
      text.clear();
      for (std::size_t k = 0, m = gen() % 24; k < m; ++k) text += static_cast<char>(gen() % 256);
    }
    auto published = greg::date(1400, 1, 1) + greg::days(static_cast<long>(gen() % 3000000));
    sourcetrace::date_resolution r;
    REQUIRE_NOTHROW(r = resolve_date(text, published));
    if (r.value) {
      ++resolved;
      INFO(text);
      CHECK(r.value->first() <= r.value->last());
      CHECK(r.rule.rfind("unresolved", 0) != 0);
    } else {
      CHECK(r.rule.rfind("unresolved: ", 0) == 0);
    }
  }
  CHECK(resolved > 100);
}

namespace {

// An expression read against a publication date and, when `anchor` is not
// null, the date of the event it is relative to (`anchor_id` names it).
struct anchored_row {
  const char* published;
  const char* expression;
  const char* anchor;
  const char* expected;
  date_tense tense = date_tense::from_cues;
};

sourcetrace::date_resolution resolve_row(const anchored_row& r) {
  resolve_options o{r.tense};
  if (r.anchor) o.anchor = sourcetrace::date_anchor{sourcetrace::partial_date::parse(r.anchor), "event"};
  return resolve_date(r.expression, sourcetrace::partial_date::parse(r.published).first(), o);
}

void check_anchored(const std::vector<anchored_row>& rows) {
  for (const auto& r : rows) {
    CAPTURE(r.published, r.expression, r.anchor ? r.anchor : "no anchor");
    auto res = resolve_row(r);
    CHECK((res.value ? res.value->to_string() : std::string("unresolved")) == r.expected);
  }
}

}  // namespace

TEST_CASE("words of plan or forecast and forward-looking cues take the next instance") {
  check_table({
      {"2025-06-27", "expected in the spring", "2026-03-01/2026-05-31"},  // spring 2025 ended before publication
      {"2025-06-27", "expected in the spring", "2025-03-01/2025-05-31", date_tense::past},
      {"2025-06-27", "planned for July", "2025-07"},
      {"2025-06-27", "scheduled for late August", "2025-08-21/2025-08-31"},
      {"2025-06-27", "due in October", "2025-10"},
      {"2025-06-27", "expected by August", "../2025-08-31"},
      {"2025-06-27", "by next month", "../2025-07-31"},
      {"2025-06-27", "as soon as next spring", "2026-03-01/.."},
      {"2025-06-27", "by July or August", "../2025-08-31"},
      {"2025-06-27", "by the end of the year", "../2025-12-31"},
      {"2025-11-05", "as soon as January", "2026-01-01/.."},  // across the year boundary
      {"2025-11-05", "by February", "../2026-02-28"},
      {"2027-12-10", "by February", "../2028-02-29"},          // a leap year
      {"2025-12-31", "as soon as December", "2025-12-01/.."},  // in progress at publication
  });
}

TEST_CASE("a deadline is open at the start, an earliest date ahead is open at the end") {
  check_table({
      {"2025-06-27", "not until September", "2025-09-01/.."},
      {"2025-06-27", "no earlier than 2026", "2026-01-01/.."},
      {"2025-06-27", "no later than mid-July", "../2025-07-20"},
      {"2025-06-27", "July at the latest", "../2025-07-31"},
      {"2025-06-27", "by 2025-08-15", "../2025-08-15"},
      // What already happened, placed with "as early as": the date itself.
      {"2025-06-27", "as early as October 2024", "2024-10"},
      {"2025-06-27", "as early as October 2024", "2024-10-01/..", date_tense::future},
      // "since" is closed: it ends at publication.
      {"2025-11-05", "since September", "2025-09-01/2025-11-05"},
      {"2025-06-27", "since as early as", "unresolved"},
  });
}

TEST_CASE("the statement's tense: tense_for maps a forward-looking statement to the future") {
  STATIC_REQUIRE(sourcetrace::tense_for(true) == date_tense::future);
  STATIC_REQUIRE(sourcetrace::tense_for(false) == date_tense::from_cues);
  const auto pub = greg::date(2025, 6, 27);
  // "may send more troops in July, August": a possibility looks forward.
  CHECK(resolve_date("in July, August", pub, {sourcetrace::tense_for(true)}).value->to_string() ==
        "2025-07-01/2025-08-31");
  CHECK(resolve_date("in July, August", pub, {sourcetrace::tense_for(false)}).value->to_string() ==
        "2024-07-01/2024-08-31");
  // A cue inside the expression still looks forward when the statement does not.
  CHECK(resolve_date("as soon as July", pub, {sourcetrace::tense_for(false)}).value->to_string() == "2025-07-01/..");
}

TEST_CASE("weeks, months and years ago, and from now") {
  check_table({
      {"2025-06-27", "a year ago", "2024-06-27"},
      {"2025-06-27", "two years ago", "2023-06-27"},
      {"2025-06-27", "a week ago", "2025-06-20"},
      {"2025-06-27", "two weeks ago", "2025-06-13"},
      {"2025-01-03", "two weeks ago", "2024-12-20"},
      {"2025-01-15", "a month ago", "2024-12-15"},
      {"2025-05-31", "three months ago", "2025-02-28"},  // February has no 31st: its last day
      {"2025-03-31", "a month ago", "2025-02-28"},
      {"2024-03-31", "a month ago", "2024-02-29"},
      {"2024-02-29", "a year ago", "2023-02-28"},
      {"2025-06-27", "three hours ago", "2025-06-26/2025-06-27"},  // the hour of publication is not known
      {"2025-06-27", "48 hours ago", "2025-06-25"},
      {"2025-06-27", "30 hours ago", "2025-06-25/2025-06-26"},
      {"2025-06-27", "two weeks from now", "2025-07-11"},
      {"2025-01-31", "a month from now", "2025-02-28"},
      {"2025-06-27", "999999 weeks ago", "unresolved"},  // more than 100000: refused
      {"2025-06-27", "5000 years ago", "unresolved"},    // before 1400
      {"2025-06-27", "a few days ago", "unresolved"},
  });
}

TEST_CASE("about widens a count by a quarter of it each way") {
  check_table({
      {"2025-06-27", "about two weeks ago", "2025-06-09/2025-06-17"},    // 2025-06-13, 4 days each way
      {"2025-06-27", "about a month ago", "2025-05-20/2025-06-03"},      // 2025-05-27, 7 days each way
      {"2025-06-27", "about a year ago", "2024-03-27/2024-09-27"},       // 2024-06-27, 3 months each way
      {"2025-06-27", "around three days ago", "2025-06-23/2025-06-25"},  // 2025-06-24, 1 day each way
      {"2025-06-27", "roughly 10 days ago", "2025-06-14/2025-06-20"},    // 2025-06-17, 3 days each way
      {"2025-06-27", "nearly a year ago", "unresolved"},                 // a bound on one side only
      {"2025-06-27", "around June 17", "unresolved"},                    // "about" widens counts only
  });
}

TEST_CASE("within a span, and the past or next span, from publication") {
  check_table({
      {"2025-06-27", "within three months", "2025-06-27/2025-09-27"},
      {"2025-06-27", "within three months", "2025-03-27/2025-06-27", date_tense::past},
      {"2025-11-30", "within three months", "2025-11-30/2026-02-28"},
      {"2025-06-27", "within 48 hours", "2025-06-27/2025-06-29"},
      {"2025-06-27", "within the next two weeks", "2025-06-27/2025-07-11"},
      {"2025-06-27", "within the next two weeks", "2025-06-27/2025-07-11", date_tense::past},  // "next" says so
      {"2025-06-27", "within the past year", "2024-06-27/2025-06-27"},
      {"2025-06-27", "in the past two weeks", "2025-06-13/2025-06-27"},
      {"2025-06-27", "over the last three months", "2025-03-27/2025-06-27"},
      {"2025-06-27", "the past week", "2025-06-20/2025-06-27"},
      {"2025-06-27", "over the next year", "2025-06-27/2026-06-27"},
      {"2024-02-29", "over the next year", "2024-02-29/2025-02-28"},
      {"2025-06-27", "in the last week of May", "2025-05-25/2025-05-31"},  // a part of May, as before
      {"2025-06-27", "in the last week", "2025-06-16/2025-06-22"},         // "last week": the calendar week
      {"2025-06-27", "within weeks", "unresolved"},
  });
}

TEST_CASE("expressions relative to an event resolve against the anchor the caller gives") {
  check_anchored({
      // Shoigu in Pyongyang on 2025-06-17: a month on is 2025-07-17, about a month 7 days either side.
      {"2025-06-27", "about a month after Shoigu's trip", "2025-06-17", "2025-07-10/2025-07-24"},
      {"2025-06-27", "about a month after Shoigu's trip", nullptr, "unresolved"},
      {"2025-06-27", "a month later", "2025-06-17", "2025-07-17"},
      {"2025-06-27", "a month later", nullptr, "unresolved"},
      {"2025-06-27", "three days earlier", "2025-06-26", "2025-06-23"},
      {"2025-06-27", "just 12 days after the clashes", "2025-06-01", "2025-06-13"},
      {"2025-06-27", "two weeks before the election", "2025-06", "2025-05-18/2025-06-16"},
      {"2025-06-27", "a month after the offensive", "2024-10", "2024-11"},
      {"2025-06-27", "a year after the treaty", "2024", "2025"},
      {"2025-06-27", "a month after the deal", "2024-01-31", "2024-02-29"},
      {"2025-06-27", "a year before the summit", "2024-02-29", "2023-02-28"},
      {"2025-11-05", "shortly afterward", "2025-10-28", "2025-10-28/2025-11-11"},
      {"2025-11-05", "shortly afterward", nullptr, "unresolved"},
      {"2025-06-27", "soon after the summit", "2024-06-19", "2024-06-19/2024-07-03"},
      {"2025-06-27", "shortly before the vote", "2025-03-05", "2025-02-19/2025-03-05"},
      {"2025-02-13", "a few hours after the reports", "2025-02-13", "2025-02-13/2025-02-14"},
      {"2025-02-13", "hours before the announcement", "2025-02-13", "2025-02-12/2025-02-13"},
      {"2025-06-27", "36 hours after the attack", "2025-06-26", "2025-06-27/2025-06-28"},
      {"2025-06-27", "since the onset of the invasion", "2022-02-24", "2022-02-24/2025-06-27"},
      {"2025-06-27", "since the onset of the invasion", nullptr, "unresolved"},
      {"2025-06-27", "since then", "2025-06-17", "2025-06-17/2025-06-27"},
      {"2025-06-27", "since the summit", "2025-07-01", "unresolved"},  // after publication
      {"2025-06-27", "after the summit", "2025-06-19", "2025-06-19/.."},
      {"2025-06-27", "before the invasion", "2022-02-24", "../2022-02-24"},
      {"2024-12-31", "the next day", "2024-12-31", "2025-01-01"},
      {"2025-06-27", "the day before the vote", "2024-03-01", "2024-02-29"},
      {"2025-06-27", "the same day", "2025-06-26", "2025-06-26"},
      {"2025-06-27", "within three days of the vote", "2025-06-26", "2025-06-26/2025-06-29"},
      // An open-ended anchor keeps its open side.
      {"2025-06-27", "about a month after the deadline", "../2025-08-31", "../2025-10-07"},
      {"2025-06-27", "shortly after the start", "2025-07-01/..", "2025-07-01/.."},
      {"2025-06-27", "since the invasion", "../2022-02-24", "unresolved"},
      // The anchor is used only by expressions relative to an event.
      {"2025-06-27", "Thursday", "2025-06-17", "2025-06-26"},
      {"2025-06-27", "after", "2025-06-17", "unresolved"},
  });
}

TEST_CASE("a date written after the relation word is the anchor, and an event is not needed") {
  check_anchored({
      {"2025-06-27", "a month after June 17", nullptr, "2025-07-17"},
      {"2025-06-27", "two days before June 26", "2020-01-01", "2025-06-24"},  // the date written wins
      {"2025-06-27", "after June 17", nullptr, "2025-06-18/.."},              // a date is all its days
      {"2025-06-27", "before August 2025", nullptr, "../2025-07-31"},
      // "the end of the year" is its last four months; before its end is up to its last day.
      {"2025-06-27", "before the end of the year", nullptr, "../2025-12-31"},
      {"2025-06-27", "after the start of June", nullptr, "2025-06-01/.."},
      {"2025-06-27", "the day after 2024-02-28", nullptr, "2024-02-29"},
      {"2025-06-27", "the day after tomorrow", nullptr, "2025-06-29"},
  });
}

TEST_CASE("the rule of an offset or an event-relative date says what it counted from") {
  const auto pub = greg::date(2025, 6, 27);
  CHECK(resolve_date("about a month after Shoigu's trip", pub).rule ==
        "unresolved: needs the date of the event it is relative to (\"Shoigu's trip\")");
  CHECK(resolve_date("shortly afterward", pub).rule ==
        "unresolved: needs the date of the event it is relative to (not named in the expression)");
  resolve_options o;
  o.anchor = sourcetrace::date_anchor{sourcetrace::partial_date::day(2025, 6, 17), "shoigu-visit"};
  CHECK(resolve_date("about a month after Shoigu's trip", pub, o).rule ==
        "N months after an event: its date plus N months; anchor event \"shoigu-visit\": 2025-06-17; about: widened "
        "by a quarter of the offset each way (7 days)");
  CHECK(resolve_date("shortly afterward", pub, o).rule ==
        "shortly after an event: from its first day to 14 days after its last; anchor event \"shoigu-visit\": "
        "2025-06-17");
  CHECK(resolve_date("since then", pub, o).rule ==
        "since an event: from its first day to publication; anchor event \"shoigu-visit\": 2025-06-17");
  CHECK(resolve_date("a month after June 17", pub).rule ==
        "N months after an event: its date plus N months; the date named, \"June 17\": 2025-06-17 (day of month: "
        "the most recent on or before publication)");
  CHECK(resolve_date("two weeks ago", pub).rule == "N weeks ago: publication minus N weeks");
  CHECK(resolve_date("a month ago", pub).rule ==
        "N months ago: publication minus N months, on the same day of the month or the month's last day");
  CHECK(resolve_date("within three months", pub).rule ==
        "within N months: from publication to N months after it; looks forward unless the tense is past");
  CHECK(resolve_date("the past week", pub).rule == "the past N weeks: from N weeks before publication to publication");
  CHECK(resolve_date("expected in the spring", pub).rule ==
        "season: the next that ends on or after publication; forward-looking \"expected\" (a plan or forecast)");
  CHECK(resolve_date("as early as October 2024", pub).rule ==
        "month name: in the year written; \"as early as\" marks an earliest date: in the past, the date itself");
  CHECK(resolve_date("by August", pub, {date_tense::past}).rule ==
        "month name: the most recent that begins on or before publication; \"by\" marks a deadline: on or before "
        "its last day; past tense given");
}

TEST_CASE("any input with any anchor gives a date whose known days are in order and whose text reads back") {
  const std::vector<std::string> words = {
      "a",       "about", "after", "ago",  "as",    "before",   "by",     "day",      "days",   "earlier",  "few",
      "from",    "hours", "in",    "last", "later", "month",    "months", "next",     "now",    "of",       "past",
      "shortly", "since", "soon",  "the",  "then",  "three",    "week",   "weeks",    "within", "year",     "years",
      "12",      "48",    "july",  "june", "17",    "spring",   "early",  "expected", "until",  "earliest", "at",
      "latest",  "and",   "-",     "2024", "2025",  "february", "29",     "same",     "after",  "tomorrow"};
  const char* anchors[] = {"2025-06-17",    "2024-02",    "2024",      "../2025-08-31",
                           "2025-07-01/..", "1400-01-01", "9999-12-31"};
  std::mt19937 gen(20250626);
  std::size_t resolved = 0, open = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t k = 0, n = 1 + gen() % 7; k < n; ++k) text += words[gen() % words.size()] + " ";
    auto published = greg::date(1400, 1, 1) + greg::days(static_cast<long>(gen() % 3000000));
    resolve_options o{static_cast<date_tense>(gen() % 3)};
    if (gen() % 4 != 0) o.anchor = sourcetrace::date_anchor{sourcetrace::partial_date::parse(anchors[gen() % 7]), "x"};
    sourcetrace::date_resolution r;
    REQUIRE_NOTHROW(r = resolve_date(text, published, o));
    INFO(text << " published " << sourcetrace::to_iso(published));
    if (!r.value) {
      CHECK(r.rule.rfind("unresolved: ", 0) == 0);
      continue;
    }
    ++resolved;
    open += r.value->is_open();
    CHECK_FALSE(r.value->first().is_special());
    CHECK_FALSE(r.value->last().is_special());
    CHECK(r.value->first() <= r.value->last());
    CHECK_FALSE((r.value->open_start() && r.value->open_end()));
    if (r.value->open_start()) CHECK(r.value->first() == greg::date(1400, 1, 1));
    if (r.value->open_end()) CHECK(r.value->last() == greg::date(9999, 12, 31));
    CHECK(sourcetrace::partial_date::parse(r.value->to_string()) == *r.value);
    CHECK(r.rule.rfind("unresolved", 0) != 0);
  }
  CHECK(resolved > 500);
  CHECK(open > 20);
}
