// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Resolves the date expressions of news text ("on Thursday", "late last
/// year", "as soon as July", "since September", "two weeks ago", "a month
/// after the visit") against the publication date of the document that
/// contains them, and, for expressions relative to another event, against
/// that event's date. Every rule is listed in docs/relative-dates.md; the
/// `rule` text of each result names the one used.

#include <sourcetrace/detail/text_tokens.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/time/date.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace {

/// Which way a name without a year ("July", "Thursday", "late summer") points
/// from the publication date.
enum class date_tense : std::uint8_t {
  /// Backward (the most recent instance), unless the expression carries a
  /// forward-looking cue such as "by", "as soon as", "at the earliest" or
  /// "expected".
  from_cues,
  /// Always backward, even after a forward-looking cue ("troops were sent as
  /// early as October").
  past,
  /// Always forward: the instance in progress at publication, or the next one.
  future,
};

/// Returns the tense in which to read the date expressions of a statement:
/// `future` when the statement looks forward (a forecast, a plan, a
/// possibility: "may send more troops in July, August"), else `from_cues`,
/// which still lets a cue inside the expression ("by", "as soon as",
/// "expected") look forward. The caller decides from the statement's verb and
/// modality: a claim put as possible looks forward; one asserted, estimated,
/// believed or denied looks forward only when its verb does ("will send").
constexpr date_tense tense_for(bool forward_looking) noexcept {
  return forward_looking ? date_tense::future : date_tense::from_cues;
}

/// The event that an event-relative expression ("a month after Shoigu's
/// trip", "shortly afterward", "since the onset of the invasion") counts from.
struct date_anchor {
  partial_date date;  ///< when the event took place
  std::string id;     ///< the event's id, named in the `rule` of the results that use it
};

/// Settings for `resolve_date`.
struct resolve_options {
  /// The tense of the sentence around the expression, when the caller knows it.
  date_tense tense = date_tense::from_cues;
  /// The event the expression is relative to, when the caller knows it; an
  /// event-relative expression without one stays unresolved.
  std::optional<date_anchor> anchor = std::nullopt;
};

/// The outcome of resolving one date expression.
struct date_resolution {
  /// The date named, or nothing when the expression names no date that can be
  /// fixed from the publication date alone.
  std::optional<partial_date> value;
  /// The rule applied ("weekday: the most recent on or before publication"),
  /// or, when `value` is empty, why nothing was resolved ("unresolved: ...").
  std::string rule;

  /// Returns true if a date was resolved.
  bool resolved() const noexcept { return value.has_value(); }
};

namespace detail::reldate {

// Expressions longer than this are sentences, not date phrases: refusing them
// keeps the work per call small and bounded.
inline constexpr std::size_t max_tokens = 64;

enum class tok : std::uint8_t { word, number, dash, slash, other };

struct token {
  tok kind = tok::other;
  std::string text;                // lower-case letters, or the digits
  long value = -1;                 // the number, when it has at most 9 digits
  bool ordinal = false;            // "17th"
  std::size_t begin = 0, end = 0;  // where it is in the expression, to quote an event's name as written
};

// Returns false when the expression has more than max_tokens tokens. Dates
// read "mid-June" and "2025-06-26" in parts, and commas, full stops and
// apostrophes only separate.
inline bool tokenize(std::string_view s, std::vector<token>& out) {
  text_scanner scan(s, token_joins::none);
  auto t = scan.next();
  while (t) {
    auto next = scan.next();
    token r;
    const std::size_t begin = t->begin, end = t->end;
    if (t->kind == text_token_kind::word) {
      r = {tok::word, std::move(t->norm), -1, false};
    } else if (t->kind == text_token_kind::number) {
      r = {tok::number, std::move(t->norm), 0, false};
      if (r.text.size() <= 9) {
        for (char d : r.text) r.value = r.value * 10 + (d - '0');
      } else {
        r.value = -1;
      }
      // "1st", "2nd", "3rd", "17th": other letters stay a separate word.
      if (next && next->kind == text_token_kind::word && !next->space_before &&
          (next->norm == "st" || next->norm == "nd" || next->norm == "rd" || next->norm == "th")) {
        r.ordinal = true;
        r.end = next->end;
        next = scan.next();
      }
    } else if (t->norm == "," || t->norm == "." || t->norm == "'") {
      t = std::move(next);
      continue;
    } else if (t->norm == "-" || t->norm == "–") {
      r = {tok::dash, "-", -1, false};
    } else if (t->norm == "/") {
      r = {tok::slash, "/", -1, false};
    } else {
      r = {tok::other, std::move(t->norm), -1, false};
    }
    if (out.size() >= max_tokens) return false;
    r.begin = begin;
    r.end = std::max(r.end, end);
    out.push_back(std::move(r));
    t = std::move(next);
  }
  return true;
}

inline int month_of(std::string_view w) noexcept { return month_number(w); }

// 0 = Sunday, as Boost.Date_Time counts; -1 when not a weekday.
inline int weekday_of(std::string_view w) {
  static constexpr std::pair<std::string_view, int> names[] = {
      {"sunday", 0}, {"sun", 0},       {"monday", 1}, {"mon", 1},      {"tuesday", 2}, {"tue", 2},
      {"tues", 2},   {"wednesday", 3}, {"wed", 3},    {"thursday", 4}, {"thu", 4},     {"thur", 4},
      {"thurs", 4},  {"friday", 5},    {"fri", 5},    {"saturday", 6}, {"sat", 6}};
  for (const auto& [name, d] : names)
    if (w == name) return d;
  return -1;
}

// The first month of a meteorological season of the northern hemisphere.
inline int season_of(std::string_view w) {
  if (w == "spring") return 3;
  if (w == "summer") return 6;
  if (w == "autumn" || w == "fall") return 9;
  if (w == "winter") return 12;
  return 0;
}

// "one" to "ten" as a count of days; 0 for any other word.
inline int count_word(std::string_view w) noexcept {
  const auto n = lookup(small_numbers, w);
  return n && *n >= 1 && *n <= 10 ? static_cast<int>(*n) : 0;
}

inline bool is_time_of_day(std::string_view w) {
  return w == "morning" || w == "afternoon" || w == "evening" || w == "night";
}

inline const char* weekday_name(int d) {
  static constexpr const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return names[d];
}

enum class unit : std::uint8_t { month, season, year };
enum class part : std::uint8_t {
  whole,
  early,
  mid,
  late,
  week1,
  week2,
  week3,
  week4,
  last_week,
  half1,
  half2,
  q1,
  q2,
  q3,
  q4
};
// How a name without a year is placed: by the direction of the text, or by a
// word of its own ("last", "this", "next").
enum class pick : std::uint8_t { by_direction, last, this_one, next };
enum class year_source : std::uint8_t { none, written, last_year, this_year, next_year };
enum class select : std::uint8_t {
  latest_start_on_or_before,
  earliest_end_on_or_after,
  latest_end_before,
  earliest_start_after,
  earliest_start_on_or_after,
};

// One date phrase: either already fixed (an ISO date, "yesterday", "last
// week") or a name placed in time when resolved ("July", "late summer").
struct term {
  std::optional<partial_date> fixed;
  std::string rule;  // for fixed terms
  bool weekly = false;
  int weekday = 0;
  unit u = unit::month;
  int month = 0;  // the month, or the first month of a season
  int day = 0;    // a day of the month, or 0
  part p = part::whole;
  pick how = pick::by_direction;
  year_source ys = year_source::none;
  int year = 0;            // when ys == written
  int check_weekday = -1;  // "Thursday, June 26": the day must fall on this weekday

  bool floating() const { return !fixed && how == pick::by_direction && ys == year_source::none; }
  bool single_day() const { return weekly || (u == unit::month && day != 0); }
};

// Throws std::out_of_range for a day outside Boost.Date_Time's 1400..9999:
// resolve_date turns that into "unresolved".
inline greg::date checked(greg::date d) {
  if (d.is_special()) throw std::out_of_range("not a calendar day");
  auto y = static_cast<int>(d.year());
  if (y < 1400 || y > 9999) throw std::out_of_range("year outside 1400..9999");
  return d;
}

inline partial_date day_at(greg::date d) { return partial_date::day(checked(d)); }
inline partial_date days_between(greg::date a, greg::date b) { return partial_date::between(day_at(a), day_at(b)); }

// The unit of a counted offset ("two weeks ago", "a month after").
enum class span_unit : std::uint8_t { hour, day, week, month, year };

// Counts above this are refused: no news text counts further, and the sums
// below stay far from overflow.
inline constexpr long max_count = 100000;

inline std::optional<span_unit> unit_of(std::string_view w, bool& plural) {
  static constexpr std::pair<std::string_view, span_unit> names[] = {{"hour", span_unit::hour},
                                                                     {"day", span_unit::day},
                                                                     {"week", span_unit::week},
                                                                     {"month", span_unit::month},
                                                                     {"year", span_unit::year}};
  for (const auto& [name, u] : names) {
    if (w == name || (w.size() == name.size() + 1 && w.starts_with(name) && w.back() == 's')) {
      plural = w.size() != name.size();
      return u;
    }
  }
  return std::nullopt;
}

inline std::string unit_text(span_unit u, long n) {
  static constexpr const char* names[] = {"hour", "day", "week", "month", "year"};
  std::string s = names[static_cast<int>(u)];
  if (n != 1) s += 's';
  return s;
}

// Adds `n` months to `d`, keeping its day of the month or, in a shorter
// month, taking that month's last day; with `keep_end`, a month's last day
// stays its last day (the end of a period of whole months).
inline greg::date add_months(greg::date d, long n, bool keep_end = false) {
  const long index = static_cast<long>(d.year()) * 12 + static_cast<long>(d.month()) - 1 + n;
  if (index < 1400L * 12 || index > 9999L * 12 + 11) throw std::out_of_range("year outside 1400..9999");
  const auto y = static_cast<unsigned short>(index / 12);
  const auto m = static_cast<unsigned short>(index % 12 + 1);
  const unsigned short end = greg::gregorian_calendar::end_of_month_day(y, m);
  const bool at_end = keep_end && d == d.end_of_month();
  return greg::date(y, m, at_end ? end : std::min<unsigned short>(d.day(), end));
}

// Adds `n` units to `d` (hours are handled by the callers, in whole days).
inline greg::date add_span(greg::date d, span_unit u, long n, bool keep_end = false) {
  switch (u) {
    case span_unit::hour:
    case span_unit::day: return checked(d + greg::days(n));
    case span_unit::week: return checked(d + greg::days(7 * n));
    case span_unit::month: return add_months(d, n, keep_end);
    case span_unit::year: return add_months(d, 12 * n, keep_end);
  }
  return d;
}

// The days a time `n` hours after a time on day `d` can fall on are `d +
// floor(n/24)` to `d + ceil(n/24)`: the hour of day is not known.
inline long hours_floor(long n) { return n / 24; }
inline long hours_ceil(long n) { return (n + 23) / 24; }

// Builds the period [a, b] of days, open at the start or the end when `like` is.
inline partial_date span_like(const partial_date& like, greg::date a, greg::date b) {
  if (like.open_start()) return partial_date::on_or_before(day_at(b));
  if (like.open_end()) return partial_date::on_or_after(day_at(a));
  if (a == b) return day_at(a);
  return days_between(a, b);
}

// Moves `d` by `n` units. A day stays a day, a month moved by months or years
// stays a month, a year moved by years stays a year; anything else becomes
// the period from its first day moved to its last day moved.
inline partial_date shift(const partial_date& d, span_unit u, long n) {
  if (d.is_open()) {
    return span_like(d, d.open_start() ? d.first() : add_span(d.first(), u, n),
                     d.open_end() ? d.last() : add_span(d.last(), u, n, true));
  }
  if (d.is_day()) return day_at(add_span(d.first(), u, n));
  if (d.precision() == date_precision::month && (u == span_unit::month || u == span_unit::year)) {
    greg::date f = add_span(d.first(), u, n);
    return partial_date::month(static_cast<int>(f.year()), static_cast<int>(f.month()));
  }
  if (d.precision() == date_precision::year && u == span_unit::year) {
    return partial_date::year(static_cast<int>(add_span(d.first(), u, n).year()));
  }
  return days_between(add_span(d.first(), u, n), add_span(d.last(), u, n, true));
}

// "About" widens a counted offset by a quarter of it each way: N days by
// ceil(N/4) days, N weeks by ceil(7N/4) days, N months by 7N days (a quarter
// of four weeks), N years by 3N months. Hours are already whole days.
inline partial_date widen(const partial_date& d, span_unit u, long n, std::string& rule) {
  if (u == span_unit::hour) {
    rule += "; about: no wider, as hours are already counted in whole days";
    return d;
  }
  greg::date a = d.first(), b = d.last();
  if (u == span_unit::year) {
    if (!d.open_start()) a = add_months(a, -3 * n);
    if (!d.open_end()) b = add_months(b, 3 * n, true);
    rule += "; about: widened by a quarter of the offset each way (" + std::to_string(3 * n) + " months)";
  } else {
    long w = u == span_unit::day ? (n + 3) / 4 : u == span_unit::week ? (7 * n + 3) / 4 : 7 * n;
    if (!d.open_start()) a = checked(a - greg::days(w));
    if (!d.open_end()) b = checked(b + greg::days(w));
    rule +=
        "; about: widened by a quarter of the offset each way (" + std::to_string(w) + (w == 1 ? " day)" : " days)");
  }
  return span_like(d, a, b);
}

// The rule of "N units ago" (`sign` -1) and "N units from now" (+1).
inline std::string publication_offset_rule(span_unit u, int sign) {
  std::string name = "N " + unit_text(u, 2) + (sign < 0 ? " ago: " : " from now: ");
  if (u == span_unit::hour) {
    return name + "the days a time N hours " + (sign < 0 ? "before" : "after") + " publication can fall on";
  }
  name += sign < 0 ? "publication minus N " : "publication plus N ";
  name += unit_text(u, 2);
  if (u == span_unit::month || u == span_unit::year) name += ", on the same day of the month or the month's last day";
  return name;
}

// The date `n` units before (`sign` -1) or after (+1) publication day `pub`:
// a day, or for hours the days the time can fall on.
inline partial_date from_publication(greg::date pub, span_unit u, long n, int sign) {
  if (u == span_unit::hour) {
    long lo = sign > 0 ? hours_floor(n) : -hours_ceil(n);
    long hi = sign > 0 ? hours_ceil(n) : -hours_floor(n);
    return span_like(day_at(pub), checked(pub + greg::days(lo)), checked(pub + greg::days(hi)));
  }
  return day_at(add_span(pub, u, sign * n));
}

inline std::string part_text(unit u, part p) {
  switch (u) {
    case unit::month:
      switch (p) {
        case part::early: return "early month (days 1-10)";
        case part::mid: return "mid-month (days 11-20)";
        case part::late: return "late month (days 21 to end)";
        case part::week1: return "first week of month (days 1-7)";
        case part::week2: return "second week of month (days 8-14)";
        case part::week3: return "third week of month (days 15-21)";
        case part::week4: return "fourth week of month (days 22-28)";
        case part::last_week: return "last week of month (its last 7 days)";
        default: return "month name";
      }
    case unit::season:
      switch (p) {
        case part::early: return "early season (its first month)";
        case part::mid: return "mid-season (its second month)";
        case part::late: return "late season (its third month)";
        default: return "season";
      }
    case unit::year:
      switch (p) {
        case part::early: return "early year (January-April)";
        case part::mid: return "mid-year (May-August)";
        case part::late: return "late year (September-December)";
        case part::half1: return "first half of year (January-June)";
        case part::half2: return "second half of year (July-December)";
        case part::q1: return "first quarter (January-March)";
        case part::q2: return "second quarter (April-June)";
        case part::q3: return "third quarter (July-September)";
        case part::q4: return "fourth quarter (October-December)";
        default: return "year";
      }
  }
  return "date";
}

inline std::string what_text(const term& t) {
  if (t.weekly) return "weekday";
  if (t.u == unit::month && t.day != 0) return "day of month";
  return part_text(t.u, t.p);
}

inline partial_date months_span(int y, int m, int count) {
  int last_m = m + count - 1;
  int last_y = y;
  while (last_m > 12) {
    last_m -= 12;
    ++last_y;
  }
  if (count == 1) return partial_date::month(y, m);
  return partial_date::between(partial_date::month(y, m), partial_date::month(last_y, last_m));
}

// The instance of a yearly name in year `y`, or nothing if it does not exist
// there (February 29 in 2025) or falls outside 1400..9999.
inline std::optional<partial_date> span_in_year(const term& t, int y) {
  if (y < 1400 || y > 9999) return std::nullopt;
  switch (t.u) {
    case unit::year:
      switch (t.p) {
        case part::early: return months_span(y, 1, 4);
        case part::mid: return months_span(y, 5, 4);
        case part::late: return months_span(y, 9, 4);
        case part::half1: return months_span(y, 1, 6);
        case part::half2: return months_span(y, 7, 6);
        case part::q1: return months_span(y, 1, 3);
        case part::q2: return months_span(y, 4, 3);
        case part::q3: return months_span(y, 7, 3);
        case part::q4: return months_span(y, 10, 3);
        default: return partial_date::year(y);
      }
    case unit::season: {
      if (t.month + 2 > 12 && y + 1 > 9999) return std::nullopt;
      int offset = t.p == part::early ? 0 : t.p == part::mid ? 1 : t.p == part::late ? 2 : -1;
      if (offset < 0) return months_span(y, t.month, 3);
      int m = t.month + offset;
      return m > 12 ? partial_date::month(y + 1, m - 12) : partial_date::month(y, m);
    }
    case unit::month: {
      int end = greg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                           static_cast<unsigned short>(t.month));
      auto days = [&](int a, int b) {
        return partial_date::between(partial_date::day(y, t.month, a), partial_date::day(y, t.month, b));
      };
      if (t.day != 0) {
        if (t.day > end) return std::nullopt;
        return partial_date::day(y, t.month, t.day);
      }
      switch (t.p) {
        case part::early: return days(1, 10);
        case part::mid: return days(11, 20);
        case part::late: return days(21, end);
        case part::week1: return days(1, 7);
        case part::week2: return days(8, 14);
        case part::week3: return days(15, 21);
        case part::week4: return days(22, 28);
        case part::last_week: return days(end - 6, end);
        default: return partial_date::month(y, t.month);
      }
    }
  }
  return std::nullopt;
}

// Every instance of a name near `anchor`, earliest first.
inline std::vector<partial_date> candidates(const term& t, greg::date anchor) {
  std::vector<partial_date> out;
  if (t.weekly) {
    const greg::date lo(1400, 1, 1), hi(9999, 12, 31);
    for (int k = -21; k <= 21; ++k) {
      greg::date d = anchor + greg::days(k);
      if (lo <= d && d <= hi && d.day_of_week().as_number() == t.weekday) out.push_back(day_at(d));
    }
    return out;
  }
  int y = static_cast<int>(anchor.year());
  // Ten years each way: February 29 can be eight years from the last one.
  for (int k = y - 10; k <= y + 10; ++k)
    if (auto s = span_in_year(t, k)) out.push_back(*s);
  return out;
}

inline std::optional<partial_date> choose(const std::vector<partial_date>& c, greg::date a, select s) {
  std::optional<partial_date> found;
  for (const auto& x : c) {
    switch (s) {
      case select::latest_start_on_or_before:
        if (x.first() <= a) found = x;
        break;
      case select::latest_end_before:
        if (x.last() < a) found = x;
        break;
      case select::earliest_end_on_or_after:
        if (x.last() >= a) return x;
        break;
      case select::earliest_start_after:
        if (x.first() > a) return x;
        break;
      case select::earliest_start_on_or_after:
        if (x.first() >= a) return x;
        break;
    }
  }
  return found;
}

inline std::string select_text(const term& t, select s) {
  bool day = t.single_day();
  switch (s) {
    case select::latest_start_on_or_before:
      return day ? "the most recent on or before publication" : "the most recent that begins on or before publication";
    case select::earliest_end_on_or_after:
      return day ? "the next on or after publication" : "the next that ends on or after publication";
    case select::latest_end_before:
      return day ? "the most recent before publication" : "the most recent that ends before publication";
    case select::earliest_start_after:
      return day ? "the first after publication" : "the first that begins after publication";
    case select::earliest_start_on_or_after: return "the first that begins on or after the preceding date";
  }
  return {};
}

struct resolved_term {
  std::optional<partial_date> value;
  std::string rule;
  std::string failure;  // when value is empty
  bool used_direction = false;
};

inline resolved_term check_weekday(const term& t, resolved_term r) {
  if (r.value && t.check_weekday >= 0) {
    if (!r.value->is_day() || r.value->first().day_of_week().as_number() != t.check_weekday) {
      r.failure = std::string("unresolved: the date is not a ") + weekday_name(t.check_weekday);
      r.value.reset();
    } else {
      r.rule += "; weekday checked";
    }
  }
  return r;
}

// Places a term relative to the publication date.
inline resolved_term resolve_term(const term& t, greg::date pub, bool forward) {
  resolved_term r;
  if (t.fixed) {
    r.value = t.fixed;
    r.rule = t.rule;
    return r;
  }
  std::string what = what_text(t);
  if (t.ys != year_source::none) {
    if (t.u == unit::season && t.month == 12 && t.p == part::whole) {
      r.failure = "unresolved: ambiguous: a winter spans two years; name its months instead";
      return r;
    }
    int py = static_cast<int>(pub.year());
    int y = t.ys == year_source::written     ? t.year
            : t.ys == year_source::last_year ? py - 1
            : t.ys == year_source::next_year ? py + 1
                                             : py;
    r.value = span_in_year(t, y);
    if (!r.value) {
      r.failure = "unresolved: the named date does not exist in that year";
      return r;
    }
    r.rule = what + (t.ys == year_source::written     ? ": in the year written"
                     : t.ys == year_source::last_year ? ": in the year before publication"
                     : t.ys == year_source::next_year ? ": in the year after publication"
                                                      : ": in the publication year");
    return check_weekday(t, std::move(r));
  }
  if (t.how == pick::this_one) {
    if (t.weekly) {
      greg::date monday = pub - greg::days((pub.day_of_week().as_number() + 6) % 7);
      r.value = day_at(monday + greg::days((t.weekday + 6) % 7));
      r.rule = "this weekday: the one in the publication week (Monday to Sunday)";
    } else if (t.u == unit::season && t.month == 12) {
      int py = static_cast<int>(pub.year());
      r.value = span_in_year(t, pub.month() <= 2 ? py - 1 : py);
      r.rule = "this winter: the one in progress at publication, else the one that begins in December";
    } else {
      r.value = span_in_year(t, static_cast<int>(pub.year()));
      r.rule = "this " + what + ": the one in the publication year";
    }
    if (!r.value) r.failure = "unresolved: the named date does not exist in the publication year";
    return r;
  }
  select s = t.how == pick::last   ? select::latest_end_before
             : t.how == pick::next ? select::earliest_start_after
             : forward             ? select::earliest_end_on_or_after
                                   : select::latest_start_on_or_before;
  r.used_direction = t.how == pick::by_direction;
  r.value = choose(candidates(t, pub), pub, s);
  if (!r.value) {
    r.failure = "unresolved: the named date does not exist near the publication date";
    return r;
  }
  r.rule = (t.how == pick::last ? "last " : t.how == pick::next ? "next " : "") + what + ": " + select_text(t, s);
  return check_weekday(t, std::move(r));
}

// What a cue word says of the date it stands before.
enum class bound : std::uint8_t {
  end_point,  // "until": the named date
  earliest,   // "as soon as", "at the earliest": on or after its first day
  deadline,   // "by", "at the latest": on or before its last day
};

struct cue {
  std::string text;  // the cue that bounds the date, or empty
  bound kind = bound::end_point;
  bool forward = false;  // that cue looks forward
  std::string plan;      // a word of plan or forecast ("expected"), or empty: it looks forward too
};

// Words of plan or forecast that may stand before a date ("expected in the
// spring", "planned for July").
inline constexpr std::string_view plan_words[] = {"expected", "planned",   "scheduled", "due",
                                                  "slated",   "projected", "forecast",  "intended"};

class parser {
 public:
  parser(const std::vector<token>& tokens, greg::date pub) : t_(tokens), pub_(pub) {}

  std::size_t pos() const { return pos_; }
  void rewind(std::size_t to) { pos_ = to; }
  bool done() const { return pos_ == t_.size(); }

  bool word_at(std::size_t k, std::string_view w) const {
    return pos_ + k < t_.size() && t_[pos_ + k].kind == tok::word && t_[pos_ + k].text == w;
  }
  std::string_view word(std::size_t k) const {
    if (pos_ + k < t_.size() && t_[pos_ + k].kind == tok::word) return t_[pos_ + k].text;
    return {};
  }
  const token* at(std::size_t k) const { return pos_ + k < t_.size() ? &t_[pos_ + k] : nullptr; }
  bool kind_at(std::size_t k, tok kind) const { return pos_ + k < t_.size() && t_[pos_ + k].kind == kind; }

  bool accept(std::string_view w) {
    if (!word_at(0, w)) return false;
    ++pos_;
    return true;
  }
  bool accept_seq(std::initializer_list<std::string_view> ws) {
    std::size_t k = 0;
    for (auto w : ws)
      if (!word_at(k++, w)) return false;
    pos_ += ws.size();
    return true;
  }
  bool accept_kind(tok kind) {
    if (!kind_at(0, kind)) return false;
    ++pos_;
    return true;
  }

  // Leading cue words; returns false when none is left.
  bool leading_cue(cue& c, bool& since, bool& range_word) {
    if (accept("on") || accept("in") || accept("at") || accept("during") || accept("sometime") ||
        accept_seq({"some", "time"}) || accept_seq({"as", "of"}))
      return true;
    if (accept("since")) return since = true;
    if (accept("between") || accept("from")) return range_word = true;
    for (std::string_view w : plan_words) {
      if (accept(w)) {
        c.plan = w;
        accept("for");
        return true;
      }
    }
    // Forward-looking cues: an earliest date, or a deadline.
    if (accept_seq({"as", "soon", "as"})) return set(c, "as soon as", bound::earliest);
    if (accept_seq({"as", "early", "as"})) return set(c, "as early as", bound::earliest);
    if (accept_seq({"no", "earlier", "than"})) return set(c, "no earlier than", bound::earliest);
    if (accept_seq({"not", "before"})) return set(c, "not before", bound::earliest);
    if (accept_seq({"not", "until"})) return set(c, "not until", bound::earliest);
    if (accept_seq({"no", "later", "than"})) return set(c, "no later than", bound::deadline);
    if (accept("by")) return set(c, "by", bound::deadline);
    for (std::string_view w : {"until", "till", "through"}) {
      if (accept(w)) {
        c.text = w;
        c.kind = bound::end_point;
        c.forward = false;
        return true;
      }
    }
    return false;
  }

  bool trailing_cue(cue& c) {
    if (accept_seq({"at", "the", "earliest"})) return set(c, "at the earliest", bound::earliest);
    if (accept_seq({"at", "the", "latest"})) return set(c, "at the latest", bound::deadline);
    return false;
  }

  bool separator() {
    return accept_kind(tok::dash) || accept_kind(tok::slash) || accept("or") || accept("and") || accept("to") ||
           accept("through") || accept("thru") || accept("until") || accept("till");
  }

  bool parse_term(term& out) {
    std::size_t start = pos_;
    out = term{};
    if (parse_term_inner(out)) return true;
    pos_ = start;
    return false;
  }

  // A reason more precise than "not recognized", found while parsing.
  std::string reason;

 private:
  static bool set(cue& c, const char* text, bound kind) {
    c.text = text;
    c.kind = kind;
    c.forward = true;
    return true;
  }

  bool fixed(term& out, partial_date v, std::string rule) {
    out.fixed = v;
    out.rule = std::move(rule);
    return true;
  }
  bool fixed_day(term& out, int offset, std::string rule) {
    return fixed(out, day_at(pub_ + greg::days(offset)), std::move(rule));
  }

  void accept_time_of_day() {
    if (is_time_of_day(word(0))) ++pos_;
  }

  std::optional<long> count_at(std::size_t k) const {
    const token* t = at(k);
    if (!t) return std::nullopt;
    if (t->kind == tok::number && !t->ordinal && t->value >= 0) return t->value;
    if (t->kind == tok::word && count_word(t->text) != 0) return count_word(t->text);
    return std::nullopt;
  }

 public:
  // A count and a unit at `k`: "3 days", "three weeks", "a month", "an
  // hour". Returns the number of tokens read, 0 if there are none.
  std::size_t count_and_unit(std::size_t k, long& n, span_unit& u) const {
    std::optional<long> c = count_at(k);
    if (!c && (word_at(k, "a") || word_at(k, "an"))) c = 1;
    if (!c) return 0;
    bool plural = false;
    auto unit = unit_of(word(k + 1), plural);
    if (!unit || (!plural && *c != 1)) return 0;
    n = *c;
    u = *unit;
    return 2;
  }

  // -1 for "ago" at `k`, +1 for "from now", 0 for neither.
  int publication_offset_at(std::size_t k) const {
    if (word_at(k, "ago")) return -1;
    if (word_at(k, "from") && word_at(k + 1, "now")) return 1;
    return 0;
  }

 private:
  std::optional<int> year_at(std::size_t k) const {
    const token* t = at(k);
    if (t && t->kind == tok::number && !t->ordinal && t->text.size() == 4 && t->value >= 1400) {
      return static_cast<int>(t->value);
    }
    return std::nullopt;
  }

  std::optional<int> day_number_at(std::size_t k) const {
    const token* t = at(k);
    if (t && t->kind == tok::number && t->text.size() <= 2 && t->value >= 1 && t->value <= 31) {
      return static_cast<int>(t->value);
    }
    return std::nullopt;
  }

  // "2025", "of 2025", "last year", "of last year", "this year", "next year".
  void year_qualifier(term& t) {
    std::size_t start = pos_;
    accept("of");
    if (auto y = year_at(0)) {
      ++pos_;
      t.ys = year_source::written;
      t.year = *y;
    } else if (accept_seq({"last", "year"})) {
      t.ys = year_source::last_year;
    } else if (accept_seq({"this", "year"})) {
      t.ys = year_source::this_year;
    } else if (accept_seq({"next", "year"})) {
      t.ys = year_source::next_year;
    } else {
      pos_ = start;
    }
  }

  bool parse_term_inner(term& out) {
    accept("the");
    if (accept("today") || accept("tonight")) return fixed_day(out, 0, "today: the publication date");
    if (word_at(0, "this") && is_time_of_day(word(1))) {
      pos_ += 2;
      return fixed_day(out, 0, "today: the publication date");
    }
    if (accept("yesterday")) {
      accept_time_of_day();
      return fixed_day(out, -1, "yesterday: the day before publication");
    }
    if (accept_seq({"last", "night"})) return fixed_day(out, -1, "last night: the day before publication");
    if (accept_seq({"day", "before", "yesterday"}))
      return fixed_day(out, -2, "the day before yesterday: two days before publication");
    if (accept_seq({"day", "after", "tomorrow"}))
      return fixed_day(out, 2, "the day after tomorrow: two days after publication");
    if (accept("tomorrow")) {
      accept_time_of_day();
      return fixed_day(out, 1, "tomorrow: the day after publication");
    }
    // "three days ago", "a year ago", "two weeks from now"
    if (long n = 0; std::size_t k = count_and_unit(0, n, offset_unit_)) {
      int sign = publication_offset_at(k);
      if (sign != 0) {
        if (n > max_count) return false;
        pos_ += k + (sign < 0 ? 1 : 2);
        return fixed(out, from_publication(pub_, offset_unit_, n, sign), publication_offset_rule(offset_unit_, sign));
      }
    }
    if ((word_at(0, "earlier") || word_at(0, "later")) && word_at(1, "this")) {
      bool earlier = word_at(0, "earlier");
      std::string_view u = word(2);
      greg::date first, last;
      if (u == "week") {
        first = pub_ - greg::days((pub_.day_of_week().as_number() + 6) % 7);
        last = first + greg::days(6);
      } else if (u == "month") {
        first = greg::date(pub_.year(), pub_.month(), 1);
        last = pub_.end_of_month();
      } else if (u == "year") {
        first = greg::date(pub_.year(), 1, 1);
        last = greg::date(pub_.year(), 12, 31);
      } else {
        return false;
      }
      pos_ += 3;
      std::string name = std::string(earlier ? "earlier" : "later") + " this " + std::string(u);
      if (earlier) return fixed(out, days_between(first, pub_), name + ": from its first day to publication");
      return fixed(out, days_between(pub_, last), name + ": from publication to its last day");
    }
    if (parse_relative(out)) return true;
    if (int wd = weekday_of(word(0)); wd >= 0) {
      ++pos_;
      accept_time_of_day();
      std::size_t after = pos_;
      term date;
      if (parse_unit(date, part::whole) && date.single_day()) {
        date.check_weekday = wd;
        out = date;
        return true;
      }
      pos_ = after;
      out.weekly = true;
      out.weekday = wd;
      return true;
    }
    part p = part::whole;
    if (accept("early")) {
      accept_kind(tok::dash);
      p = part::early;
    } else if (accept("mid")) {
      accept_kind(tok::dash);
      p = part::mid;
    } else if (accept_seq({"middle", "of"})) {
      p = part::mid;
    } else if (accept("late")) {
      accept_kind(tok::dash);
      p = part::late;
    } else if (accept_seq({"beginning", "of"}) || accept_seq({"start", "of"})) {
      p = part::early;
    } else if (accept_seq({"end", "of"})) {
      p = part::late;
    } else if (word_at(1, "week") && word_at(2, "of")) {
      std::string_view o = word(0);
      p = o == "first"    ? part::week1
          : o == "second" ? part::week2
          : o == "third"  ? part::week3
          : o == "fourth" ? part::week4
          : o == "last"   ? part::last_week
                          : part::whole;
      if (p == part::whole) return false;
      pos_ += 3;
    } else if (word_at(1, "half") && word_at(2, "of")) {
      std::string_view o = word(0);
      p = o == "first" ? part::half1 : o == "second" ? part::half2 : part::whole;
      if (p == part::whole) return false;
      pos_ += 3;
    } else if (word_at(1, "quarter") && word_at(2, "of")) {
      std::string_view o = word(0);
      p = o == "first"    ? part::q1
          : o == "second" ? part::q2
          : o == "third"  ? part::q3
          : o == "fourth" ? part::q4
                          : part::whole;
      if (p == part::whole) return false;
      pos_ += 3;
    }
    return parse_unit(out, p);
  }

  // "last Thursday", "this February", "next week", "last year", "this past spring".
  bool parse_relative(term& out) {
    pick how = pick::by_direction;
    std::size_t k = 1;
    if (word_at(0, "this") && word_at(1, "past")) {
      how = pick::last;
      k = 2;
    } else if (word_at(0, "last")) {
      how = pick::last;
    } else if (word_at(0, "this")) {
      how = pick::this_one;
    } else if (word_at(0, "next")) {
      how = pick::next;
    } else {
      return false;
    }
    std::string_view w = word(k);
    int offset = how == pick::last ? -1 : how == pick::next ? 1 : 0;
    const char* name = how == pick::last ? "last " : how == pick::next ? "next " : "this ";
    if (int wd = weekday_of(w); wd >= 0) {
      pos_ += k + 1;
      accept_time_of_day();
      out.weekly = true;
      out.weekday = wd;
      out.how = how;
      return true;
    }
    if (w == "week") {
      if (how == pick::last && word_at(k + 1, "of")) return false;  // "last week of February"
      pos_ += k + 1;
      greg::date monday = pub_ - greg::days((pub_.day_of_week().as_number() + 6) % 7) + greg::days(7L * offset);
      const char* where = how == pick::last   ? "the week before the publication week"
                          : how == pick::next ? "the week after the publication week"
                                              : "the publication week";
      return fixed(out, days_between(monday, monday + greg::days(6)),
                   std::string(name) + "week: " + where + ", Monday to Sunday");
    }
    if (w == "month") {
      pos_ += k + 1;
      int y = static_cast<int>(pub_.year());
      int m = static_cast<int>(pub_.month()) + offset;
      if (m < 1) {
        m = 12;
        --y;
      } else if (m > 12) {
        m = 1;
        ++y;
      }
      const char* where = how == pick::last   ? "the calendar month before publication"
                          : how == pick::next ? "the calendar month after publication"
                                              : "the calendar month of publication";
      return fixed(out, partial_date::month(y, m), std::string(name) + "month: " + where);
    }
    if (w == "year") {
      pos_ += k + 1;
      const char* where = how == pick::last   ? "the calendar year before publication"
                          : how == pick::next ? "the calendar year after publication"
                                              : "the calendar year of publication";
      return fixed(out, partial_date::year(static_cast<int>(pub_.year()) + offset),
                   std::string(name) + "year: " + where);
    }
    if (int m = month_of(w); m != 0) {
      pos_ += k + 1;
      out.u = unit::month;
      out.month = m;
      out.how = how;
      return true;
    }
    if (int s = season_of(w); s != 0) {
      pos_ += k + 1;
      out.u = unit::season;
      out.month = s;
      out.how = how;
      return true;
    }
    return false;
  }

  bool parse_unit(term& out, part p) {
    accept("the");
    bool month_part = p == part::whole || p == part::early || p == part::mid || p == part::late || p == part::week1 ||
                      p == part::week2 || p == part::week3 || p == part::week4 || p == part::last_week;
    bool thirds = p == part::whole || p == part::early || p == part::mid || p == part::late;
    // "June", "June 17", "June 17th, 2024", "October last year"
    if (int m = month_of(word(0)); m != 0) {
      if (!month_part) return false;
      ++pos_;
      out.u = unit::month;
      out.month = m;
      out.p = p;
      if (p == part::whole) {
        if (auto d = day_number_at(0)) {
          out.day = *d;
          ++pos_;
        }
      }
      year_qualifier(out);
      return true;
    }
    // "17 June", "the 17th of June"
    if (auto d = day_number_at(0); d && p == part::whole) {
      std::size_t k = word_at(1, "of") ? 2 : 1;
      if (int m = month_of(word(k)); m != 0) {
        pos_ += k + 1;
        out.u = unit::month;
        out.month = m;
        out.day = *d;
        year_qualifier(out);
        return true;
      }
    }
    // "spring", "the spring of 2025", "late summer"
    if (int s = season_of(word(0)); s != 0) {
      if (!thirds) return false;
      ++pos_;
      out.u = unit::season;
      out.month = s;
      out.p = p;
      year_qualifier(out);
      return true;
    }
    // ISO 8601: "2025-06-26", "2024-10"; or a year "2025"
    if (auto y = year_at(0)) {
      if (kind_at(1, tok::dash) && kind_at(2, tok::number) && at(2)->text.size() == 2 && !at(2)->ordinal) {
        if (p != part::whole) return false;
        std::string iso = at(0)->text + "-" + at(2)->text;
        std::size_t n = 3;
        if (kind_at(3, tok::dash) && kind_at(4, tok::number) && at(4)->text.size() == 2 && !at(4)->ordinal) {
          iso += "-" + at(4)->text;
          n = 5;
        }
        auto v = partial_date::try_parse(iso);
        if (!v) {
          reason = "unresolved: \"" + iso + "\" is not a calendar date";
          return false;
        }
        pos_ += n;
        return fixed(out, *v, "ISO 8601 date as written");
      }
      if (p != part::whole && month_part && !thirds) return false;  // "first week of 2025"
      ++pos_;
      out.u = unit::year;
      out.p = p;
      out.ys = year_source::written;
      out.year = *y;
      return true;
    }
    // "late last year", "early this year", "the end of the year"
    if (p != part::whole && !(month_part && !thirds)) {
      out.u = unit::year;
      out.p = p;
      if (accept_seq({"last", "year"})) {
        out.ys = year_source::last_year;
        return true;
      }
      if (accept_seq({"this", "year"}) || accept("year")) {
        out.ys = year_source::this_year;
        return true;
      }
      if (accept_seq({"next", "year"})) {
        out.ys = year_source::next_year;
        return true;
      }
    }
    return false;
  }

  const std::vector<token>& t_;
  std::size_t pos_ = 0;
  greg::date pub_;
  span_unit offset_unit_ = span_unit::day;
};

inline bool any_word(const std::vector<token>& tokens, std::initializer_list<std::string_view> words,
                     std::string& found) {
  for (const auto& t : tokens) {
    if (t.kind != tok::word) continue;
    for (auto w : words) {
      if (t.text == w) {
        found = t.text;
        return true;
      }
    }
  }
  return false;
}

inline std::string why_not(const std::vector<token>& tokens) {
  std::string w;
  if (any_word(tokens,
               {"after", "afterward", "afterwards", "before", "following", "prior", "within", "preceding", "previous",
                "ahead", "onset", "start", "beginning", "end"},
               w)) {
    return "unresolved: relative to another event or span (\"" + w + "\"), not to the publication date";
  }
  if (any_word(tokens, {"about", "around", "approximately", "roughly", "nearly", "almost", "circa", "some"}, w)) {
    return "unresolved: approximate (\"" + w + "\"); the exact date is not known";
  }
  if (any_word(tokens, {"soon",      "recently", "recent", "lately",  "someday",    "sometime", "anytime", "now",
                        "currently", "present",  "any",    "shortly", "eventually", "earlier",  "later",   "previously",
                        "formerly",  "once",     "past",   "future",  "imminently", "upcoming", "coming"},
               w)) {
    return "unresolved: vague (\"" + w + "\"); names no date";
  }
  return "unresolved: not a recognized date expression";
}

inline date_resolution resolve(std::string_view expression, greg::date pub, const resolve_options& options);

// Reads the expressions that count from the publication date by a span
// ("within three months", "the past two weeks", "about a year ago") or from
// another event ("a month after the visit", "shortly afterward", "since the
// onset of the invasion"): the forms the date-phrase parser does not know.
class offset_reader {
 public:
  offset_reader(const std::vector<token>& tokens, std::string_view text, greg::date pub, const resolve_options& o)
      : t_(tokens), text_(text), pub_(pub), o_(o), p_(tokens, pub) {}

  // The result, or nothing when the expression is none of these forms.
  std::optional<date_resolution> read() {
    for (std::string_view w : {"about", "around", "approximately", "roughly", "some"}) {
      if (p_.accept(w)) {
        approx_ = w;
        break;
      }
    }
    if (approx_.empty() && !p_.accept("just")) p_.accept("only");
    const std::size_t start = here();
    if (auto r = counted()) return r;
    if (!approx_.empty()) return std::nullopt;  // "about" only widens a count: "around June 17" stays unresolved
    // Each form reads from the start again.
    using form = std::optional<date_resolution> (offset_reader::*)();
    for (form f : {&offset_reader::day_next_to, &offset_reader::shortly, &offset_reader::since, &offset_reader::within,
                   &offset_reader::past_or_next, &offset_reader::after_or_before}) {
      p_.rewind(start);
      if (auto r = (this->*f)()) return r;
    }
    return std::nullopt;
  }

 private:
  // The event or date an event-relative expression counts from.
  struct anchor_found {
    std::optional<partial_date> date;
    bool named = false;  // a date written in the expression ("a month after June 17"), not an event
    std::string rule;
    std::string failure;
  };

  std::size_t here() const { return p_.pos(); }
  bool rest_empty() const { return p_.done(); }

  // The anchor for the words from token `k` to the end: a date they name,
  // else the caller's anchor event, else a failure naming what is needed.
  anchor_found anchor_from(std::size_t k) const {
    anchor_found a;
    std::string name;
    if (k < t_.size()) {
      name = std::string(text_.substr(t_[k].begin, t_.back().end - t_[k].begin));
      date_resolution r;
      try {
        r = resolve(name, pub_, resolve_options{o_.tense, std::nullopt});
      } catch (const std::out_of_range&) {
        r = {};
      } catch (const error&) {
        r = {};
      }
      if (r.value) {
        a.date = r.value;
        a.named = true;
        a.rule = "; the date named, \"" + name + "\": " + r.value->to_string() + " (" + r.rule + ")";
        return a;
      }
    }
    if (o_.anchor) {
      a.date = o_.anchor->date;
      a.rule = "; anchor event \"" + o_.anchor->id + "\": " + o_.anchor->date.to_string();
      return a;
    }
    a.failure = "unresolved: needs the date of the event it is relative to (";
    a.failure += name.empty() ? std::string("not named in the expression") : "\"" + name + "\"";
    a.failure += ")";
    return a;
  }

  static date_resolution done(partial_date v, std::string rule) {
    checked(v.first());
    checked(v.last());
    return {v, std::move(rule)};
  }

  // "after" (+1) or "before" (-1) at the parser's position, with whether an
  // event's name may follow; 0 when neither.
  int relation(bool& takes_name) {
    takes_name = true;
    if (p_.accept("after") || p_.accept("following")) return 1;
    if (p_.accept("before") || p_.accept_seq({"prior", "to"})) return -1;
    takes_name = false;
    if (p_.accept("later") || p_.accept("afterward") || p_.accept("afterwards") || p_.accept("thereafter")) return 1;
    if (p_.accept("earlier") || p_.accept("previously")) return -1;
    return 0;
  }

  // "N units ago" / "from now" under "about"; "N units after X", "N units
  // later", "a few hours after X".
  std::optional<date_resolution> counted() {
    long n = 0;
    span_unit u = span_unit::day;
    std::size_t k = p_.count_and_unit(0, n, u);
    bool few = false;
    if (k == 0) {
      std::size_t w = p_.word_at(0, "a") && p_.word_at(1, "few") ? 2 : p_.word_at(0, "several") ? 1 : 0;
      if (p_.word_at(w, "hours")) {
        k = w + 1;
        few = true;
        n = 1;  // fewer than 24: the same days as one hour
        u = span_unit::hour;
      }
    }
    if (k == 0 || n > max_count) return std::nullopt;
    if (int sign = p_.publication_offset_at(k); sign != 0) {
      if (approx_.empty()) return std::nullopt;  // the date-phrase parser read it, or refused it
      p_.rewind(here() + k + (sign < 0 ? 1 : 2));
      if (!rest_empty()) return std::nullopt;
      std::string rule = publication_offset_rule(u, sign);
      partial_date v = widen(from_publication(pub_, u, n, sign), u, n, rule);
      return done(v, std::move(rule));
    }
    p_.rewind(here() + k);
    bool takes_name = false;
    int sign = relation(takes_name);
    if (sign == 0 || (!takes_name && !rest_empty())) return std::nullopt;
    anchor_found a = anchor_from(here());
    if (!a.date) return date_resolution{std::nullopt, a.failure};
    std::string rule = few ? std::string("a few hours") : "N " + unit_text(u, 2);
    rule += sign > 0 ? " after an event: " : " before an event: ";
    partial_date v = *a.date;
    if (u == span_unit::hour) {
      rule += "the days a time that many hours ";
      rule += sign > 0 ? "after" : "before";
      rule += " it can fall on";
      greg::date lo = v.first() + greg::days(sign > 0 ? hours_floor(n) : -hours_ceil(n));
      greg::date hi = v.last() + greg::days(sign > 0 ? hours_ceil(n) : -hours_floor(n));
      v = span_like(v, v.open_start() ? v.first() : checked(lo), v.open_end() ? v.last() : checked(hi));
    } else {
      rule += sign > 0 ? "its date plus N " : "its date minus N ";
      rule += unit_text(u, 2);
      v = shift(v, u, sign * n);
    }
    rule += a.rule;
    if (!approx_.empty()) v = widen(v, u, n, rule);
    return done(v, std::move(rule));
  }

  // "the next day", "the day after the vote", "the previous day", "the same day", "that day".
  std::optional<date_resolution> day_next_to() {
    int offset = 0;
    bool takes_name = false;
    const char* what = nullptr;
    if (p_.accept_seq({"the", "next", "day"}) || p_.accept_seq({"the", "following", "day"})) {
      offset = 1;
      what = "the next day: the day after the event";
    } else if (p_.accept_seq({"the", "previous", "day"}) || p_.accept_seq({"the", "preceding", "day"})) {
      offset = -1;
      what = "the previous day: the day before the event";
    } else if (p_.accept_seq({"the", "same", "day"}) || p_.accept_seq({"that", "same", "day"}) ||
               p_.accept_seq({"that", "day"})) {
      what = "the same day: the event's date";
    } else if (p_.accept_seq({"the", "day", "after"})) {
      offset = 1;
      takes_name = true;
      what = "the day after an event: its date plus one day";
    } else if (p_.accept_seq({"the", "day", "before"})) {
      offset = -1;
      takes_name = true;
      what = "the day before an event: its date minus one day";
    } else {
      return std::nullopt;
    }
    if (!takes_name && !rest_empty()) return std::nullopt;
    anchor_found a = anchor_from(here());
    if (!a.date) return date_resolution{std::nullopt, a.failure};
    return done(offset == 0 ? *a.date : shift(*a.date, span_unit::day, offset), what + a.rule);
  }

  // "shortly after the summit", "soon afterward", "shortly before the vote":
  // within `shortly_days` of the event.
  std::optional<date_resolution> shortly() {
    if (!p_.accept("shortly") && !p_.accept("soon")) return std::nullopt;
    bool takes_name = false;
    int sign = relation(takes_name);
    if (sign == 0 || (!takes_name && !rest_empty())) return std::nullopt;
    anchor_found a = anchor_from(here());
    if (!a.date) return date_resolution{std::nullopt, a.failure};
    const partial_date& d = *a.date;
    std::string rule = sign > 0 ? "shortly after an event: from its first day to " + std::to_string(shortly_days) +
                                      " days after its last"
                                : "shortly before an event: from " + std::to_string(shortly_days) +
                                      " days before its first day to its last";
    greg::date lo = d.open_start() || sign > 0 ? d.first() : checked(d.first() - greg::days(shortly_days));
    greg::date hi = d.open_end() || sign < 0 ? d.last() : checked(d.last() + greg::days(shortly_days));
    return done(span_like(d, lo, hi), rule + a.rule);
  }

  // "since the onset of the invasion", "since then": from the event to publication.
  std::optional<date_resolution> since() {
    if (!p_.accept("since")) return std::nullopt;
    if (p_.accept("then") && !rest_empty()) return std::nullopt;
    anchor_found a = anchor_from(here());
    if (!a.date) return date_resolution{std::nullopt, a.failure};
    if (a.date->open_start()) return date_resolution{std::nullopt, "unresolved: the event's date has no first day"};
    if (a.date->first() > pub_) {
      return date_resolution{std::nullopt, "unresolved: \"since\" names an event after publication"};
    }
    return done(partial_date::between(*a.date, day_at(pub_)),
                "since an event: from its first day to publication" + a.rule);
  }

  // The period from publication `n` units ahead (`sign` +1) or back (-1).
  partial_date from_now(span_unit u, long n, int sign) const {
    if (u == span_unit::hour) {
      return sign > 0 ? days_between(pub_, checked(pub_ + greg::days(hours_ceil(n))))
                      : days_between(checked(pub_ - greg::days(hours_ceil(n))), pub_);
    }
    return sign > 0 ? days_between(pub_, add_span(pub_, u, n)) : days_between(add_span(pub_, u, -n), pub_);
  }

  static std::string span_rule(span_unit u, int sign) {
    std::string s = sign > 0 ? "from publication to N " : "from N ";
    s += unit_text(u, 2);
    s += sign > 0 ? " after it" : " before publication to publication";
    return s;
  }

  // "within three months" (from publication, forward unless the tense is
  // past) and "within three days of the vote"; "within the next two weeks"
  // and "within the past year" are read by past_or_next.
  std::optional<date_resolution> within() {
    if (!p_.accept("within")) return std::nullopt;
    // "within the past year" is read as "the past year".
    if (p_.word_at(0, "next") || p_.word_at(0, "coming") || p_.word_at(0, "past") || p_.word_at(0, "last") ||
        p_.word_at(0, "the"))
      return std::nullopt;
    long n = 0;
    span_unit u = span_unit::day;
    std::size_t k = p_.count_and_unit(0, n, u);
    if (k == 0 || n > max_count) return std::nullopt;
    p_.rewind(here() + k);
    if (rest_empty()) {
      const int sign = o_.tense == date_tense::past ? -1 : 1;
      std::string rule = "within N " + unit_text(u, 2) + ": " + span_rule(u, sign);
      rule += sign < 0 ? "; past tense given" : "; looks forward unless the tense is past";
      return done(from_now(u, n, sign), std::move(rule));
    }
    if (!(p_.accept("of") || p_.accept("after") || p_.accept("following"))) return std::nullopt;
    anchor_found a = anchor_from(here());
    if (!a.date) return date_resolution{std::nullopt, a.failure};
    const partial_date& d = *a.date;
    greg::date hi = d.last();
    if (!d.open_end()) hi = u == span_unit::hour ? checked(hi + greg::days(hours_ceil(n))) : add_span(hi, u, n, true);
    return done(span_like(d, d.first(), hi), "within N " + unit_text(u, 2) + " of an event: from its first day to N " +
                                                 unit_text(u, 2) + " after its last" + a.rule);
  }

  // "the past two weeks", "in the last three months", "over the next year".
  std::optional<date_resolution> past_or_next() {
    for (std::string_view w : {"in", "over", "during", "for", "throughout", "within"})
      if (p_.accept(w)) break;
    p_.accept("the");
    bool last = p_.word_at(0, "last");
    int sign = p_.accept("past") || p_.accept("last") ? -1 : p_.accept("next") || p_.accept("coming") ? 1 : 0;
    if (sign == 0) return std::nullopt;
    long n = 0;
    span_unit u = span_unit::day;
    std::size_t k = p_.count_and_unit(0, n, u);
    if (k == 0 && !last) {  // "the past week", "the next month"; "last week" is the calendar week
      bool plural = false;
      if (auto unit = unit_of(p_.word(0), plural); unit && !plural) {
        n = 1;
        u = *unit;
        k = 1;
      }
    }
    if (k == 0 || n > max_count) return std::nullopt;
    p_.rewind(here() + k);
    if (!rest_empty()) return std::nullopt;
    std::string rule = sign > 0 ? "the next N " : "the past N ";
    rule += unit_text(u, 2);
    rule += ": ";
    rule += span_rule(u, sign);
    return done(from_now(u, n, sign), std::move(rule));
  }

  // "after the summit", "following the vote": from the event on; "before
  // the invasion", "prior to the visit": up to it. A date named instead of an
  // event is excluded: "after June 17" begins on June 18.
  std::optional<date_resolution> after_or_before() {
    int sign = p_.accept("after") || p_.accept("following")            ? 1
               : p_.accept("before") || p_.accept_seq({"prior", "to"}) ? -1
                                                                       : 0;
    if (sign == 0 || rest_empty()) return std::nullopt;
    // "before the end of the year" is up to its last day, "after the start of
    // June" from its first: the edge named, not the part of it "end" names.
    const std::size_t k = p_.word_at(0, "the") ? 1 : 0;
    const bool edge = p_.word_at(k + 1, "of") &&
                      (sign < 0 ? p_.word_at(k, "end") : p_.word_at(k, "start") || p_.word_at(k, "beginning"));
    anchor_found a = anchor_from(here());
    if (!a.date) return date_resolution{std::nullopt, a.failure};
    const bool whole = a.named && !edge;  // a date named is all its days
    const partial_date& d = *a.date;
    if (sign > 0) {
      if (d.open_start()) return date_resolution{std::nullopt, "unresolved: the event's date has no first day"};
      if (whole) {
        return done(partial_date::on_or_after(day_at(d.last() + greg::days(1))),
                    "after a date: from the day after its last day on, with an open end" + a.rule);
      }
      return done(partial_date::on_or_after(d), std::string(edge ? "after the start of a date" : "after an event") +
                                                    ": from its first day on, with an open end" + a.rule);
    }
    if (d.open_end()) return date_resolution{std::nullopt, "unresolved: the event's date has no last day"};
    if (whole) {
      return done(partial_date::on_or_before(day_at(d.first() - greg::days(1))),
                  "before a date: up to the day before its first day, with an open start" + a.rule);
    }
    return done(partial_date::on_or_before(d), std::string(edge ? "before the end of a date" : "before an event") +
                                                   ": up to its last day, with an open start" + a.rule);
  }

  static constexpr long shortly_days = 14;

  const std::vector<token>& t_;
  std::string_view text_;
  greg::date pub_;
  const resolve_options& o_;
  parser p_;
  std::string approx_;
};

// Why `tokens` name no date: an offset or event-relative form, else the
// parser's reason, else a guess from the words.
inline date_resolution not_a_phrase(const std::vector<token>& tokens, std::string_view expression, greg::date pub,
                                    const resolve_options& options, const std::string& reason) {
  if (auto r = offset_reader(tokens, expression, pub, options).read()) return *r;
  return {std::nullopt, reason.empty() ? why_not(tokens) : reason};
}

inline date_resolution resolve(std::string_view expression, greg::date pub, const resolve_options& options) {
  std::vector<token> tokens;
  if (!tokenize(expression, tokens)) {
    return {std::nullopt, "unresolved: longer than a date expression (more than 64 words)"};
  }
  if (tokens.empty()) return {std::nullopt, "unresolved: empty expression"};

  parser p(tokens, pub);
  cue c;
  bool since = false, range_word = false;
  while (p.leading_cue(c, since, range_word)) {
  }
  std::vector<term> terms;
  term t;
  if (!p.parse_term(t)) return not_a_phrase(tokens, expression, pub, options, p.reason);
  terms.push_back(std::move(t));
  while (!p.done()) {
    std::size_t save = p.pos();
    p.separator();
    term next;
    if (!p.parse_term(next)) {
      p.rewind(save);
      break;
    }
    terms.push_back(std::move(next));
  }
  p.trailing_cue(c);
  if (!p.done()) return not_a_phrase(tokens, expression, pub, options, p.reason);
  if (range_word && terms.size() < 2) {
    return {std::nullopt, "unresolved: open-ended (\"between\" or \"from\" with one date)"};
  }

  const bool cue_forward = c.forward || !c.plan.empty();
  bool forward =
      !since && (options.tense == date_tense::future || (options.tense == date_tense::from_cues && cue_forward));

  // Terms that carry their own anchor are placed first; floating names in a
  // range take their year from the nearest placed neighbour.
  std::vector<resolved_term> r(terms.size());
  bool any = false;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (!terms[i].floating()) {
      r[i] = resolve_term(terms[i], pub, forward);
      if (!r[i].value) return {std::nullopt, r[i].failure};
      any = true;
    }
  }
  if (!any) {
    r[0] = resolve_term(terms[0], pub, forward);
    if (!r[0].value) return {std::nullopt, r[0].failure};
  }
  std::size_t first = 0;
  while (!r[first].value) ++first;
  for (std::size_t i = first; i-- > 0;) {
    r[i].value = choose(candidates(terms[i], r[i + 1].value->first()), r[i + 1].value->first(),
                        select::latest_start_on_or_before);
    if (!r[i].value) return {std::nullopt, "unresolved: the named date does not exist near the following date"};
    r[i].rule = what_text(terms[i]) + ": the most recent that begins on or before the following date";
    r[i] = check_weekday(terms[i], std::move(r[i]));
    if (!r[i].value) return {std::nullopt, r[i].failure};
  }
  for (std::size_t i = first + 1; i < terms.size(); ++i) {
    if (r[i].value) continue;
    r[i].value = choose(candidates(terms[i], r[i - 1].value->first()), r[i - 1].value->first(),
                        select::earliest_start_on_or_after);
    if (!r[i].value) return {std::nullopt, "unresolved: the named date does not exist near the preceding date"};
    r[i].rule = what_text(terms[i]) + ": the first that begins on or after the preceding date";
    r[i] = check_weekday(terms[i], std::move(r[i]));
    if (!r[i].value) return {std::nullopt, r[i].failure};
  }

  bool used_direction = false;
  for (const auto& x : r) used_direction = used_direction || x.used_direction;
  std::optional<partial_date> value = r[0].value;
  std::string rule = r[0].rule;
  if (terms.size() > 1) {
    for (std::size_t i = 1; i < r.size(); ++i) {
      if (r[i].value->first() < r[i - 1].value->first() || r[i].value->last() < r[i - 1].value->last()) {
        return {std::nullopt, "unresolved: the named dates are out of order"};
      }
    }
    value = partial_date::between(*r.front().value, *r.back().value);
    rule = "period from the first to the last named date: " + r[0].rule;
    for (std::size_t i = 1; i < r.size(); ++i) rule += "; then " + r[i].rule;
  }
  if (since) {
    if (value->first() > pub) return {std::nullopt, "unresolved: \"since\" names a date after publication"};
    value = partial_date::between(*value, day_at(pub));
    rule = "since: from the first day of the named date to publication; " + rule;
  }
  const bool cue_chose = used_direction && !since && options.tense == date_tense::from_cues;
  if (!c.plan.empty()) {
    if (cue_chose) {
      rule += "; forward-looking \"" + c.plan + "\" (a plan or forecast)";
    } else {
      rule += "; \"" + c.plan + "\" marks a plan or forecast";
    }
  }
  if (!c.text.empty()) {
    const char* kind = c.kind == bound::deadline   ? "a deadline"
                       : c.kind == bound::earliest ? "an earliest date"
                                                   : "an end point";
    if (cue_chose && c.forward) {
      rule += "; forward-looking cue \"" + c.text + "\" (" + kind + ")";
    } else {
      rule += "; \"" + c.text + "\" marks " + kind;
    }
    // A deadline bounds the date from above in every tense ("had arrived by
    // August"); an earliest date bounds it from below when the statement looks
    // ahead, and is the date itself for what already happened ("were sent as
    // early as October").
    if (!since && c.kind == bound::deadline) {
      value = partial_date::on_or_before(*value);
      rule += ": on or before its last day";
    } else if (!since && c.kind == bound::earliest) {
      const bool ahead =
          options.tense == date_tense::future || (options.tense == date_tense::from_cues && value->last() >= pub);
      if (ahead) {
        value = partial_date::on_or_after(*value);
        rule += ": on or after its first day";
      } else {
        rule += ": in the past, the date itself";
      }
    }
  }
  if (used_direction && !since && options.tense == date_tense::future) rule += "; future tense given";
  if (used_direction && !since && options.tense == date_tense::past) rule += "; past tense given";
  checked(value->first());
  checked(value->last());
  return {value, std::move(rule)};
}

}  // namespace detail::reldate

/// Resolves a date expression of news text against the publication date of
/// its document: "Thursday" in an article of 2025-06-27 is 2025-06-26, "late
/// last year" is 2024-09-01/2024-12-31, "as soon as July" is 2025-07-01/..
/// (open at the end), "by August" is ../2025-08-31 (open at the start), "two
/// weeks ago" is 2025-06-13.
///
/// Case does not matter; leading cue words ("on", "in", "since", "by", "as
/// soon as", "expected", "between") and a trailing "at the earliest" or "at
/// the latest" are understood. An expression relative to another event ("a
/// month after the visit", "shortly afterward") is read against
/// `options.anchor`, or a date written in it ("a month after June 17"). An
/// expression that names no date so fixed ("soon", "recently", "a month
/// after the visit" without an anchor) comes back without a value, its `rule`
/// saying why: nothing is guessed. Any text, of
/// any length or bytes, gives a result; the rules are in docs/relative-dates.md.
/// @throws error if `published` is not a calendar day (not-a-date or infinity).
inline date_resolution resolve_date(std::string_view expression, greg::date published,
                                    const resolve_options& options = {}) {
  if (published.is_special())
    throw error::invalid_date(to_iso(published), "the publication date is not a calendar day");
  try {
    return detail::reldate::resolve(expression, published, options);
  } catch (const std::out_of_range&) {
    return {std::nullopt, "unresolved: outside the supported calendar (years 1400 to 9999)"};
  } catch (const error& e) {
    return {std::nullopt, std::string("unresolved: ") + e.what()};
  }
}

}  // namespace sourcetrace
