// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Dates as news gives them: a day, a month, a year, or a period between two
/// of these, carried by Boost.Date_Time.

#include <sourcetrace/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <compare>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace sourcetrace {

namespace greg = boost::gregorian;

/// Returns the day `d` as ISO 8601, `YYYY-MM-DD`.
inline std::string to_iso(greg::date d) {
  if (d.is_special()) return "not-a-date";
  auto ymd = d.year_month_day();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                static_cast<int>(ymd.day));
  return buf;
}

/// How precisely a `partial_date` is known.
enum class date_precision : std::uint8_t { day, month, year, period };

/// Returns "day", "month", "year" or "period".
inline std::string_view to_string(date_precision p) noexcept {
  switch (p) {
    case date_precision::day: return "day";
    case date_precision::month: return "month";
    case date_precision::year: return "year";
    case date_precision::period: return "period";
  }
  return "?";
}

/// A date known to a day, a month or a year, or a period of days.
///
/// Every value covers the closed range of days `[first(), last()]`:
/// "2024-10" covers 2024-10-01 to 2024-10-31.
class partial_date {
 public:
  /// Returns the single day `d`.
  /// @throws error if `d` is not a valid date.
  static partial_date day(greg::date d) {
    if (d.is_special()) throw error::invalid_date(to_iso(d), "not a calendar day");
    return partial_date(d, d, date_precision::day);
  }

  /// Returns the day `year`-`month`-`day`.
  /// @throws error if that day does not exist.
  static partial_date day(int year, int month, int day) { return partial_date::day(make_day(year, month, day)); }

  /// Returns the whole month `year`-`month`.
  /// @throws error if the month does not exist.
  static partial_date month(int year, int month) {
    greg::date first = make_day(year, month, 1);
    return partial_date(first, first.end_of_month(), date_precision::month);
  }

  /// Returns the whole year `year`.
  /// @throws error if the year is outside 1400..9999.
  static partial_date year(int year) {
    return partial_date(make_day(year, 1, 1), make_day(year, 12, 31), date_precision::year);
  }

  /// Returns the period from the first day of `from` to the last day of `to`.
  /// @throws error if `to` ends before `from` begins.
  static partial_date between(const partial_date& from, const partial_date& to) {
    if (to.last_ < from.first_) {
      throw error::invalid_date(from.to_string() + "/" + to.to_string(), "the period ends before it begins");
    }
    return partial_date(from.first_, to.last_, date_precision::period);
  }

  /// Parses ISO 8601: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or a period `A/B` of two of these.
  /// @throws error naming the text and what is wrong with it.
  static partial_date parse(std::string_view text) {
    std::string why;
    if (auto d = try_parse(text, &why)) return *d;
    throw error::invalid_date(text, why);
  }

  /// Parses like `parse`, returning nothing instead of throwing; `why`, if given,
  /// receives the reason.
  static std::optional<partial_date> try_parse(std::string_view text, std::string* why = nullptr) {
    auto fail = [&](std::string reason) -> std::optional<partial_date> {
      if (why) *why = std::move(reason);
      return std::nullopt;
    };
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
      auto a = try_parse_single(text.substr(0, slash), why);
      if (!a) return std::nullopt;
      auto b = try_parse_single(text.substr(slash + 1), why);
      if (!b) return std::nullopt;
      if (b->last_ < a->first_) return fail("the period ends before it begins");
      return partial_date(a->first_, b->last_, date_precision::period);
    }
    return try_parse_single(text, why);
  }

  /// Returns the first day covered.
  greg::date first() const noexcept { return first_; }
  /// Returns the last day covered.
  greg::date last() const noexcept { return last_; }
  /// Returns how precisely the date is known.
  date_precision precision() const noexcept { return precision_; }
  /// Returns true if the date is one known day.
  bool is_day() const noexcept { return precision_ == date_precision::day; }
  /// Returns the days covered as a Boost.Date_Time period `[first, last + 1)`.
  greg::date_period period() const { return greg::date_period(first_, last_ + greg::days(1)); }

  /// Returns true if every day of `other` is a day of this.
  bool contains(const partial_date& other) const noexcept { return first_ <= other.first_ && other.last_ <= last_; }
  /// Returns true if the two share at least one day.
  bool overlaps(const partial_date& other) const noexcept { return first_ <= other.last_ && other.first_ <= last_; }

  /// Returns ISO 8601: `2025-06-26`, `2024-10`, `2025`, or a period of days
  /// `2025-07-01/2025-08-31`.
  std::string to_string() const {
    switch (precision_) {
      case date_precision::day: return to_iso(first_);
      case date_precision::month: return to_iso(first_).substr(0, 7);
      case date_precision::year: return to_iso(first_).substr(0, 4);
      case date_precision::period: break;
    }
    return to_iso(first_) + "/" + to_iso(last_);
  }

  friend bool operator==(const partial_date&, const partial_date&) = default;
  /// Orders by first day, then last day, then precision.
  friend std::strong_ordering operator<=>(const partial_date& a, const partial_date& b) noexcept {
    if (a.first_ != b.first_) return a.first_ < b.first_ ? std::strong_ordering::less : std::strong_ordering::greater;
    if (a.last_ != b.last_) return a.last_ < b.last_ ? std::strong_ordering::less : std::strong_ordering::greater;
    return a.precision_ <=> b.precision_;
  }

 private:
  partial_date(greg::date first, greg::date last, date_precision p) : first_(first), last_(last), precision_(p) {}

  static greg::date make_day(int year, int month, int day) {
    std::string why = check(year, month, day);
    if (!why.empty()) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      throw error::invalid_date(buf, why);
    }
    return greg::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                      static_cast<unsigned short>(day));
  }

  // Returns why the day does not exist, or an empty string.
  static std::string check(int year, int month, int day) {
    if (year < 1400 || year > 9999) return "year " + std::to_string(year) + " is outside 1400..9999";
    if (month < 1 || month > 12) return "month " + std::to_string(month) + " is outside 1..12";
    int days = greg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                          static_cast<unsigned short>(month));
    if (day < 1 || day > days) {
      return "day " + std::to_string(day) + " is outside 1.." + std::to_string(days) + " for " + std::to_string(year) +
             "-" + (month < 10 ? "0" : "") + std::to_string(month);
    }
    return {};
  }

  static std::optional<int> digits(std::string_view s, std::size_t n) {
    if (s.size() != n) return std::nullopt;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static std::optional<partial_date> try_parse_single(std::string_view text, std::string* why) {
    auto fail = [&](std::string reason) -> std::optional<partial_date> {
      if (why) *why = std::move(reason);
      return std::nullopt;
    };
    constexpr const char* expected = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    auto y = digits(text.substr(0, 4), 4);
    if (!y) return fail(expected);
    int month = 0, day = 0;
    if (text.size() == 4) {
      // a year alone
    } else if (text.size() == 7 && text[4] == '-') {
      auto m = digits(text.substr(5, 2), 2);
      if (!m) return fail(expected);
      month = *m;
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
      auto m = digits(text.substr(5, 2), 2);
      auto d = digits(text.substr(8, 2), 2);
      if (!m || !d) return fail(expected);
      month = *m;
      day = *d;
    } else {
      return fail(expected);
    }
    std::string reason = check(*y, month == 0 ? 1 : month, day == 0 ? 1 : day);
    if (!reason.empty()) return fail(reason);
    if (month == 0) return year(*y);
    if (day == 0) return partial_date::month(*y, month);
    return partial_date::day(*y, month, day);
  }

  greg::date first_;
  greg::date last_;
  date_precision precision_;
};

/// Returns the number of days from `from` to `to` as a closed range: the
/// fewest and the most days that can lie between a day of `from` and a day of
/// `to`. Both bounds are equal when both dates are single days.
struct day_delay {
  long min = 0;  ///< days from the last day of `from` to the first day of `to`
  long max = 0;  ///< days from the first day of `from` to the last day of `to`
  friend bool operator==(const day_delay&, const day_delay&) = default;
  /// Returns "3" for an exact delay, "3..33" for a range.
  std::string to_string() const {
    if (min == max) return std::to_string(min);
    return std::to_string(min) + ".." + std::to_string(max);
  }
};

/// Returns the delay in days from `from` to `to` (see `day_delay`).
inline day_delay delay_between(const partial_date& from, const partial_date& to) {
  return day_delay{(to.first() - from.last()).days(), (to.last() - from.first()).days()};
}

}  // namespace sourcetrace
