// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Dates as news gives them: a day, a month, a year, or a period between two
/// of these, possibly open at one end ("by August", "as soon as July"),
/// carried by Boost.Date_Time.

#include <sourcetrace/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <compare>
#include <cstdint>
#include <cstdio>
#include <limits>
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
/// "2024-10" covers 2024-10-01 to 2024-10-31. A period may be open at one
/// end: "by August" is every day up to 2025-08-31 (`open_start()`, written
/// `../2025-08-31`), "as soon as July" every day from 2025-07-01
/// (`open_end()`, written `2025-07-01/..`). The open side of such a period
/// reads as the end of the calendar Boost.Date_Time holds, 1400-01-01 or
/// 9999-12-31, so `contains` and `overlaps` stay true to what is known;
/// check `open_start()` and `open_end()` before taking `first()` or `last()`
/// as a day that was named.
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

  /// Returns the period from the first day of `from` to the last day of `to`,
  /// open at the start if `from` is, and at the end if `to` is.
  /// @throws error if `to` ends before `from` begins, or if the period would
  /// be open at both ends.
  static partial_date between(const partial_date& from, const partial_date& to) {
    if (to.last_ < from.first_) {
      throw error::invalid_date(from.to_string() + "/" + to.to_string(), "the period ends before it begins");
    }
    if (from.open_start_ && to.open_end_) {
      throw error::invalid_date(from.to_string() + "/" + to.to_string(), both_open);
    }
    return partial_date(from.first_, to.last_, date_precision::period, from.open_start_, to.open_end_);
  }

  /// Returns the period of every day up to the last day of `d`, with an open
  /// start: "by August" is `on_or_before(month(2025, 8))`, `../2025-08-31`.
  /// @throws error if `d` has an open end.
  static partial_date on_or_before(const partial_date& d) {
    if (d.open_end_) throw error::invalid_date("../" + d.to_string(), both_open);
    return partial_date(calendar_first(), d.last_, date_precision::period, true, false);
  }

  /// Returns the period of every day from the first day of `d`, with an open
  /// end: "as soon as July" is `on_or_after(month(2025, 7))`, `2025-07-01/..`.
  /// @throws error if `d` has an open start.
  static partial_date on_or_after(const partial_date& d) {
    if (d.open_start_) throw error::invalid_date(d.to_string() + "/..", both_open);
    return partial_date(d.first_, calendar_last(), date_precision::period, false, true);
  }

  /// Parses ISO 8601: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, a period `A/B` of two
  /// of these, or a period open at one end, `../B` or `A/..` (ISO 8601-2).
  /// Periods are read to whole days: `2025-07/..` is `2025-07-01/..`.
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
      const std::string_view from = text.substr(0, slash), to = text.substr(slash + 1);
      if (from == ".." && to == "..") return fail(both_open);
      std::optional<partial_date> a, b;
      if (from != "..") {
        a = try_parse_single(from, why);
        if (!a) return std::nullopt;
      }
      if (to != "..") {
        b = try_parse_single(to, why);
        if (!b) return std::nullopt;
      }
      if (!a) return on_or_before(*b);
      if (!b) return on_or_after(*a);
      if (b->last_ < a->first_) return fail("the period ends before it begins");
      return partial_date(a->first_, b->last_, date_precision::period);
    }
    return try_parse_single(text, why);
  }

  /// Returns the first day covered: 1400-01-01, the first day of the
  /// calendar, when the start is open.
  greg::date first() const noexcept { return first_; }
  /// Returns the last day covered: 9999-12-31, the last day of the calendar,
  /// when the end is open.
  greg::date last() const noexcept { return last_; }
  /// Returns true if the period has no known first day ("by August").
  bool open_start() const noexcept { return open_start_; }
  /// Returns true if the period has no known last day ("as soon as July").
  bool open_end() const noexcept { return open_end_; }
  /// Returns true if the period is open at one end.
  bool is_open() const noexcept { return open_start_ || open_end_; }
  /// Returns how precisely the date is known.
  date_precision precision() const noexcept { return precision_; }
  /// Returns true if the date is one known day.
  bool is_day() const noexcept { return precision_ == date_precision::day; }
  /// Returns the days covered as a Boost.Date_Time period `[first, last + 1)`;
  /// an open start begins at `neg_infin`, an open end ends at `pos_infin`.
  greg::date_period period() const {
    return greg::date_period(open_start_ ? greg::date(greg::neg_infin) : first_,
                             open_end_ ? greg::date(greg::pos_infin) : last_ + greg::days(1));
  }

  /// Returns true if every day of `other` is a day of this.
  bool contains(const partial_date& other) const noexcept { return first_ <= other.first_ && other.last_ <= last_; }
  /// Returns true if the two share at least one day.
  bool overlaps(const partial_date& other) const noexcept { return first_ <= other.last_ && other.first_ <= last_; }

  /// Returns ISO 8601: `2025-06-26`, `2024-10`, `2025`, a period of days
  /// `2025-07-01/2025-08-31`, or a period open at one end, `../2025-08-31`
  /// or `2025-07-01/..`. `parse` reads back every string it returns.
  std::string to_string() const {
    switch (precision_) {
      case date_precision::day: return to_iso(first_);
      case date_precision::month: return to_iso(first_).substr(0, 7);
      case date_precision::year: return to_iso(first_).substr(0, 4);
      case date_precision::period: break;
    }
    std::string s = open_start_ ? std::string("..") : to_iso(first_);
    s += '/';
    s += open_end_ ? std::string("..") : to_iso(last_);
    return s;
  }

  friend bool operator==(const partial_date&, const partial_date&) = default;
  /// Orders by first day, then last day, then precision. An open start comes
  /// before every known first day, an open end after every known last day.
  friend std::strong_ordering operator<=>(const partial_date& a, const partial_date& b) noexcept {
    if (a.first_ != b.first_) return a.first_ < b.first_ ? std::strong_ordering::less : std::strong_ordering::greater;
    if (a.open_start_ != b.open_start_)
      return a.open_start_ ? std::strong_ordering::less : std::strong_ordering::greater;
    if (a.last_ != b.last_) return a.last_ < b.last_ ? std::strong_ordering::less : std::strong_ordering::greater;
    if (a.open_end_ != b.open_end_) return a.open_end_ ? std::strong_ordering::greater : std::strong_ordering::less;
    return a.precision_ <=> b.precision_;
  }

 private:
  static constexpr const char* both_open = "a period open at both ends names no date";

  partial_date(greg::date first, greg::date last, date_precision p, bool open_start = false, bool open_end = false)
      : first_(first), last_(last), precision_(p), open_start_(open_start), open_end_(open_end) {}

  static greg::date calendar_first() { return greg::date(greg::min_date_time); }
  static greg::date calendar_last() { return greg::date(greg::max_date_time); }

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
  bool open_start_ = false;
  bool open_end_ = false;
};

/// Returns the number of days from `from` to `to` as a closed range: the
/// fewest and the most days that can lie between a day of `from` and a day of
/// `to`. Both bounds are equal when both dates are single days. A bound that
/// an open-ended date leaves without limit is `-unbounded` or `unbounded`.
struct day_delay {
  /// The value of a bound without limit: `max` is `unbounded`, `min` is
  /// `-unbounded`.
  static constexpr long unbounded = std::numeric_limits<long>::max();
  long min = 0;  ///< days from the last day of `from` to the first day of `to`
  long max = 0;  ///< days from the first day of `from` to the last day of `to`
  /// Returns true if there is no least delay (`min == -unbounded`).
  bool open_min() const noexcept { return min == -unbounded; }
  /// Returns true if there is no greatest delay (`max == unbounded`).
  bool open_max() const noexcept { return max == unbounded; }
  friend bool operator==(const day_delay&, const day_delay&) = default;
  /// Returns "3" for an exact delay, "3..33" for a range, "3.." or "..33"
  /// for a range without limit on one side, ".." for one without any.
  std::string to_string() const {
    if (min == max) return std::to_string(min);
    std::string s = open_min() ? std::string() : std::to_string(min);
    s += "..";
    if (!open_max()) s += std::to_string(max);
    return s;
  }
};

/// Returns the delay in days from `from` to `to` (see `day_delay`). An open
/// side takes away the limit it would set: from 2025-06-26 to `2025-07-01/..`
/// is `5..` (`{5, unbounded}`), from `../2025-08-31` to 2025-09-05 is `5..`
/// too, and from 2025-06-26 to `../2025-08-31` is `..66`.
inline day_delay delay_between(const partial_date& from, const partial_date& to) {
  const bool no_min = to.open_start() || from.open_end();
  const bool no_max = to.open_end() || from.open_start();
  return day_delay{no_min ? -day_delay::unbounded : (to.first() - from.last()).days(),
                   no_max ? day_delay::unbounded : (to.last() - from.first()).days()};
}

}  // namespace sourcetrace
