// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/time/date.hpp>

#include "catch.hpp"

using sourcetrace::date_precision;
using sourcetrace::partial_date;
namespace greg = boost::gregorian;

TEST_CASE("partial dates parse from ISO 8601 and print back") {
  CHECK(partial_date::parse("2025-06-26").to_string() == "2025-06-26");
  CHECK(partial_date::parse("2025-06-26").precision() == date_precision::day);
  CHECK(partial_date::parse("2024-10").to_string() == "2024-10");
  CHECK(partial_date::parse("2024-10").first() == greg::date(2024, 10, 1));
  CHECK(partial_date::parse("2024-10").last() == greg::date(2024, 10, 31));
  CHECK(partial_date::parse("2025").last() == greg::date(2025, 12, 31));
  CHECK(partial_date::parse("2025").precision() == date_precision::year);
  auto summer = partial_date::parse("2025-07/2025-08");
  CHECK(summer.precision() == date_precision::period);
  CHECK(summer.to_string() == "2025-07-01/2025-08-31");
  CHECK(summer.period().length().days() == 62);
  CHECK(partial_date::parse("2024-02").last() == greg::date(2024, 2, 29));  // leap year
}

TEST_CASE("malformed and impossible dates are refused with the reason") {
  using Catch::Matchers::Message;
  using sourcetrace::error;
  CHECK_THROWS_MATCHES(partial_date::parse("2025-02-29"), error,
                       Message("invalid date \"2025-02-29\": day 29 is outside 1..28 for 2025-02"));
  CHECK_THROWS_MATCHES(partial_date::parse("2024-13"), error,
                       Message("invalid date \"2024-13\": month 13 is outside 1..12"));
  CHECK_THROWS_MATCHES(partial_date::parse("June 2025"), error,
                       Message("invalid date \"June 2025\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
  CHECK_THROWS_MATCHES(partial_date::parse("2025-6-1"), error,
                       Message("invalid date \"2025-6-1\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
  CHECK_THROWS_MATCHES(partial_date::parse("2025-08/2025-07"), error,
                       Message("invalid date \"2025-08/2025-07\": the period ends before it begins"));
  CHECK_THROWS_MATCHES(partial_date::day(2025, 2, 30), error,
                       Message("invalid date \"2025-02-30\": day 30 is outside 1..28 for 2025-02"));
  CHECK_THROWS_MATCHES(partial_date::parse(""), error,
                       Message("invalid date \"\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
}

TEST_CASE("containment, overlap and delays between partial dates") {
  auto oct = partial_date::month(2024, 10);
  auto nov = partial_date::month(2024, 11);
  CHECK_FALSE(oct.overlaps(nov));
  CHECK(partial_date::year(2024).contains(oct));
  CHECK(oct < nov);
  auto briefing = partial_date::day(2025, 6, 26);
  auto article = partial_date::day(2025, 6, 27);
  CHECK(sourcetrace::delay_between(briefing, article) == sourcetrace::day_delay{1, 1});
  CHECK(sourcetrace::delay_between(oct, nov).to_string() == "1..60");
}

TEST_CASE("a period open at the start: every day up to a last day") {
  auto by_august = partial_date::parse("../2025-08-31");
  CHECK(by_august.open_start());
  CHECK_FALSE(by_august.open_end());
  CHECK(by_august.is_open());
  CHECK(by_august.precision() == date_precision::period);
  CHECK(by_august.last() == greg::date(2025, 8, 31));
  CHECK(by_august.first() == greg::date(1400, 1, 1));  // the calendar's first day stands for the open side
  CHECK(by_august.to_string() == "../2025-08-31");
  CHECK(by_august == partial_date::on_or_before(partial_date::month(2025, 8)));
  // Coarser ends read to whole days, as closed periods do.
  CHECK(partial_date::parse("../2025-08") == by_august);
  CHECK(partial_date::parse("../2024-02").to_string() == "../2024-02-29");  // leap year
  CHECK(partial_date::parse("../2025").to_string() == "../2025-12-31");
  CHECK(partial_date::on_or_before(partial_date::day(2025, 6, 30)).to_string() == "../2025-06-30");
  CHECK(partial_date::on_or_before(by_august) == by_august);
  CHECK(by_august.period().begin().is_neg_infinity());
  CHECK(by_august.period().last() == greg::date(2025, 8, 31));
  CHECK(by_august.period().contains(greg::date(1999, 1, 1)));
  CHECK_FALSE(by_august.period().contains(greg::date(2025, 9, 1)));
}

TEST_CASE("a period open at the end: every day from a first day") {
  auto from_july = partial_date::parse("2025-07-01/..");
  CHECK(from_july.open_end());
  CHECK_FALSE(from_july.open_start());
  CHECK(from_july.first() == greg::date(2025, 7, 1));
  CHECK(from_july.last() == greg::date(9999, 12, 31));
  CHECK(from_july.to_string() == "2025-07-01/..");
  CHECK(partial_date::parse("2025-07/..") == from_july);
  CHECK(partial_date::parse("2025/..").to_string() == "2025-01-01/..");
  CHECK(from_july == partial_date::on_or_after(partial_date::month(2025, 7)));
  CHECK(from_july.period().end().is_pos_infinity());
  CHECK(from_july.period().contains(greg::date(2031, 1, 1)));
  // Every string to_string gives reads back to the same date.
  for (const char* text : {"../2025-08-31", "2025-07-01/..", "2025-07-01/2025-08-31", "2025-06-26", "2024-10", "2025"})
    CHECK(partial_date::parse(partial_date::parse(text).to_string()) == partial_date::parse(text));
}

TEST_CASE("a period open at both ends, or with a malformed side, is refused with the reason") {
  using Catch::Matchers::Message;
  using sourcetrace::error;
  CHECK_THROWS_MATCHES(partial_date::parse("../.."), error,
                       Message("invalid date \"../..\": a period open at both ends names no date"));
  CHECK_THROWS_MATCHES(partial_date::parse("../2025-13"), error,
                       Message("invalid date \"../2025-13\": month 13 is outside 1..12"));
  CHECK_THROWS_MATCHES(partial_date::parse("2025-07/"), error,
                       Message("invalid date \"2025-07/\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
  CHECK_THROWS_MATCHES(partial_date::parse("./2025"), error,
                       Message("invalid date \"./2025\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
  CHECK_THROWS_MATCHES(partial_date::parse(".."), error,
                       Message("invalid date \"..\": expected YYYY, YYYY-MM or YYYY-MM-DD"));
  auto by_august = partial_date::parse("../2025-08-31");
  auto from_july = partial_date::parse("2025-07-01/..");
  CHECK_THROWS_MATCHES(partial_date::on_or_after(by_august), error,
                       Message("invalid date \"../2025-08-31/..\": a period open at both ends names no date"));
  CHECK_THROWS_MATCHES(partial_date::on_or_before(from_july), error,
                       Message("invalid date \"../2025-07-01/..\": a period open at both ends names no date"));
  CHECK_THROWS_MATCHES(
      partial_date::between(by_august, from_july), error,
      Message("invalid date \"../2025-08-31/2025-07-01/..\": a period open at both ends names no date"));
}

TEST_CASE("a period between open-ended dates keeps the open side it takes") {
  auto by_july = partial_date::parse("../2025-07-31");
  auto from_september = partial_date::parse("2025-09-01/..");
  auto september = partial_date::month(2025, 9);
  CHECK(partial_date::between(by_july, september).to_string() == "../2025-09-30");
  CHECK(partial_date::between(partial_date::month(2025, 7), from_september).to_string() == "2025-07-01/..");
  // The open sides not taken do not matter: from the first day of one to the last of the other.
  CHECK(partial_date::between(partial_date::parse("2025-07-01/.."), partial_date::parse("../2025-09-30")).to_string() ==
        "2025-07-01/2025-09-30");
}

TEST_CASE("containment, overlap and order with an open side") {
  auto by_august = partial_date::parse("../2025-08-31");
  auto from_july = partial_date::parse("2025-07-01/..");
  auto july = partial_date::month(2025, 7);
  auto october = partial_date::month(2025, 10);
  CHECK(by_august.overlaps(july));
  CHECK(by_august.contains(july));
  CHECK_FALSE(by_august.overlaps(october));
  CHECK(from_july.overlaps(october));
  CHECK(from_july.contains(october));
  CHECK_FALSE(from_july.overlaps(partial_date::month(2025, 6)));
  CHECK(by_august.overlaps(from_july));
  CHECK_FALSE(partial_date::year(2025).contains(from_july));
  CHECK_FALSE(july.contains(by_august));
  // A closed period that happens to start on the calendar's first day is not
  // the open one, and sorts after it; one that ends on its last day sorts
  // before the open end.
  auto closed_start = partial_date::parse("1400-01-01/2025-08-31");
  auto closed_end = partial_date::parse("2025-07-01/9999-12-31");
  CHECK(by_august != closed_start);
  CHECK(by_august < closed_start);
  CHECK(from_july != closed_end);
  CHECK(closed_end < from_july);
  CHECK(by_august < july);
  CHECK(july < from_july);  // same first day, earlier last day
  CHECK(from_july < october);
}

TEST_CASE("a delay with an open side has no limit there") {
  using sourcetrace::day_delay;
  using sourcetrace::delay_between;
  constexpr long unbounded = day_delay::unbounded;
  auto briefing = partial_date::day(2025, 6, 26);
  auto by_august = partial_date::parse("../2025-08-31");
  auto from_july = partial_date::parse("2025-07-01/..");
  // 2025-06-26 to 2025-07-01 is 5 days; to 2025-08-31 is 4 + 31 + 31 = 66.
  CHECK(delay_between(briefing, from_july) == day_delay{5, unbounded});
  CHECK(delay_between(briefing, from_july).to_string() == "5..");
  CHECK(delay_between(briefing, by_august) == day_delay{-unbounded, 66});
  CHECK(delay_between(briefing, by_august).to_string() == "..66");
  CHECK(delay_between(briefing, by_august).open_min());
  CHECK_FALSE(delay_between(briefing, by_august).open_max());
  // From an open date: 2025-08-31 to 2025-09-05 is 5 days at least.
  CHECK(delay_between(by_august, partial_date::day(2025, 9, 5)) == day_delay{5, unbounded});
  CHECK(delay_between(from_july, partial_date::day(2025, 9, 5)) == day_delay{-unbounded, 66});
  // Any day up to 2025-08-31 to any day from 2025-07-01: from 61 days before to no limit.
  CHECK(delay_between(by_august, from_july).to_string() == "-61..");
  CHECK(delay_between(by_august, by_august) == day_delay{-unbounded, unbounded});
}
