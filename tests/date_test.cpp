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
