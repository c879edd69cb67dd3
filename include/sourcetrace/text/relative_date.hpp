// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Resolves the date expressions of news text ("on Thursday", "late last
/// year", "as soon as July", "since September") against the publication date
/// of the document that contains them. Every rule is listed in
/// docs/relative-dates.md; the `rule` text of each result names the one used.

#include <sourcetrace/detail/text_tokens.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/time/date.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

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
  /// forward-looking cue such as "by", "as soon as" or "at the earliest".
  from_cues,
  /// Always backward, even after a forward-looking cue ("troops were sent as
  /// early as October").
  past,
  /// Always forward: the instance in progress at publication, or the next one.
  future,
};

/// Settings for `resolve_date`.
struct resolve_options {
  /// The tense of the sentence around the expression, when the caller knows it.
  date_tense tense = date_tense::from_cues;
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
  std::string text;      // lower-case letters, or the digits
  long value = -1;       // the number, when it has at most 9 digits
  bool ordinal = false;  // "17th"
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

struct cue {
  std::string text;
  bool forward = false;
  bool deadline = false;  // "by", "at the latest": the named date is the latest point
};

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
    // Forward-looking cues: an earliest date, or a deadline.
    if (accept_seq({"as", "soon", "as"})) return set(c, "as soon as", false);
    if (accept_seq({"as", "early", "as"})) return set(c, "as early as", false);
    if (accept_seq({"no", "earlier", "than"})) return set(c, "no earlier than", false);
    if (accept_seq({"not", "before"})) return set(c, "not before", false);
    if (accept_seq({"not", "until"})) return set(c, "not until", false);
    if (accept_seq({"no", "later", "than"})) return set(c, "no later than", true);
    if (accept("by")) return set(c, "by", true);
    for (std::string_view w : {"until", "till", "through"}) {
      if (accept(w)) {
        c = cue{std::string(w), false, false};
        return true;
      }
    }
    return false;
  }

  bool trailing_cue(cue& c) {
    if (accept_seq({"at", "the", "earliest"})) {
      c = cue{"at the earliest", true, false};
      return true;
    }
    if (accept_seq({"at", "the", "latest"})) {
      c = cue{"at the latest", true, true};
      return true;
    }
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
  static bool set(cue& c, const char* text, bool deadline) {
    c = cue{text, true, deadline};
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
    if (auto n = count_at(0); n && (word_at(1, "days") || (*n == 1 && word_at(1, "day"))) && word_at(2, "ago")) {
      if (*n > 100000) return false;
      pos_ += 3;
      return fixed_day(out, -static_cast<int>(*n), "N days ago: publication minus N days");
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
  if (!p.parse_term(t)) return {std::nullopt, p.reason.empty() ? why_not(tokens) : p.reason};
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
  if (!p.done()) return {std::nullopt, p.reason.empty() ? why_not(tokens) : p.reason};
  if (range_word && terms.size() < 2) {
    return {std::nullopt, "unresolved: open-ended (\"between\" or \"from\" with one date)"};
  }

  bool forward =
      !since && (options.tense == date_tense::future || (options.tense == date_tense::from_cues && c.forward));

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
  if (!c.text.empty()) {
    const char* kind = c.deadline ? "a deadline" : c.forward ? "an earliest date" : "an end point";
    if (used_direction && c.forward && !since && options.tense == date_tense::from_cues) {
      rule += "; forward-looking cue \"" + c.text + "\" (" + kind + ")";
    } else {
      rule += "; \"" + c.text + "\" marks " + kind;
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
/// last year" is 2024-09-01/2024-12-31, "as soon as July" is 2025-07.
///
/// Case does not matter; leading cue words ("on", "in", "since", "by", "as
/// soon as", "between") and a trailing "at the earliest" or "at the latest"
/// are understood. An expression that names no date fixed by the publication
/// date alone ("soon", "recently", "a month after the visit") comes back
/// without a value, its `rule` saying why: nothing is guessed. Any text, of
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
