// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// A stated figure as a value: the interval it allows, what it counts and how
/// it was qualified, with the interval operations that tell whether two
/// reports of one claim agree. text/quantity.hpp reads these from text.

#include <sourcetrace/detail/json_escape.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sourcetrace {

/// How a stated figure bounds the true number.
enum class quantity_qualifier : std::uint8_t {
  exact,        ///< "11,000": lower = upper = the figure.
  approximate,  ///< "about 10,000": lower = upper = the figure, stated as approximate.
  at_least,     ///< "more than 10 million": lower bound only.
  at_most,      ///< "as many as 12,000": upper bound only.
  range,        ///< "20,000 to 25,000": both bounds.
  vague,        ///< "millions of": an implied lower bound only.
};

/// Returns "exact", "approximate", "at_least", "at_most", "range" or "vague".
inline std::string_view to_string(quantity_qualifier q) noexcept {
  switch (q) {
    case quantity_qualifier::exact: return "exact";
    case quantity_qualifier::approximate: return "approximate";
    case quantity_qualifier::at_least: return "at_least";
    case quantity_qualifier::at_most: return "at_most";
    case quantity_qualifier::range: return "range";
    case quantity_qualifier::vague: return "vague";
  }
  return "?";
}

/// Returns the qualifier that `to_string` spells `name`, or nullopt for any
/// other text.
inline std::optional<quantity_qualifier> parse_quantity_qualifier(std::string_view name) noexcept {
  for (auto q : {quantity_qualifier::exact, quantity_qualifier::approximate, quantity_qualifier::at_least,
                 quantity_qualifier::at_most, quantity_qualifier::range, quantity_qualifier::vague}) {
    if (to_string(q) == name) return q;
  }
  return std::nullopt;
}

/// A figure read from text: the closed interval [lower, upper] it allows, what
/// it counts, and how it was qualified.
///
/// An absent bound is open: "more than 10 million" has no upper bound. Bounds
/// are inclusive even where the words are strict ("more than 1,000" gives
/// lower = 1000).
struct quantity {
  /// The least value the text allows; absent when open below.
  std::optional<double> lower;
  /// The greatest value the text allows; absent when open above.
  std::optional<double> upper;
  /// What is counted, as written ("troops", "artillery shells"), or "percent";
  /// empty when the text names nothing.
  std::string unit;
  /// The period of a rate, singular ("day" for "92 casualties a day"); empty
  /// when the figure is not a rate.
  std::string rate;
  /// How the figure bounds the true number.
  quantity_qualifier qualifier = quantity_qualifier::exact;
  /// The words the figure was read from, as written in the input.
  std::string text;

  /// Returns true when every member is equal.
  friend bool operator==(const quantity&, const quantity&) = default;
};

namespace detail::qty {

inline double low_end(const quantity& q) noexcept {
  return q.lower ? *q.lower : -std::numeric_limits<double>::infinity();
}
inline double high_end(const quantity& q) noexcept {
  return q.upper ? *q.upper : std::numeric_limits<double>::infinity();
}
inline int vagueness(quantity_qualifier q) noexcept {
  switch (q) {
    case quantity_qualifier::exact:
    case quantity_qualifier::range: return 0;
    case quantity_qualifier::approximate:
    case quantity_qualifier::at_least:
    case quantity_qualifier::at_most: return 1;
    case quantity_qualifier::vague: return 2;
  }
  return 2;
}

}  // namespace detail::qty

/// Returns `q` as one JSON object on one line, keys in the order text, lower,
/// upper, unit, qualifier; an open bound and an empty unit are null, and a
/// rate is folded into the unit ("casualties per day").
/// @throws std::bad_alloc only when memory runs out.
inline std::string to_json(const quantity& q) {
  std::string out = "{\"text\": ";
  detail::append_json_string(out, q.text);
  out += ", \"lower\": ";
  if (q.lower) {
    detail::append_json_number(out, *q.lower);
  } else {
    out += "null";
  }
  out += ", \"upper\": ";
  if (q.upper) {
    detail::append_json_number(out, *q.upper);
  } else {
    out += "null";
  }
  out += ", \"unit\": ";
  std::string unit = q.unit;
  if (!q.rate.empty()) unit += (unit.empty() ? "per " : " per ") + q.rate;
  if (unit.empty()) {
    out += "null";
  } else {
    detail::append_json_string(out, unit);
  }
  out += ", \"qualifier\": \"";
  out += to_string(q.qualifier);
  out += "\"}";
  return out;
}

/// Options for `overlaps`.
struct overlap_options {
  /// Widens an approximate figure by this fraction of its value on each side
  /// before comparing: 0.1 lets "about 10,000" meet "11,000". 0 compares the
  /// intervals as stated.
  double approximate_tolerance = 0.0;
};

/// Returns true when some real number lies in both intervals: both figures
/// could be true of one count. An open bound extends to infinity; units and
/// rates are not compared.
inline bool overlaps(const quantity& a, const quantity& b, const overlap_options& options = {}) noexcept {
  auto widened = [&](const quantity& q) {
    double lo = detail::qty::low_end(q);
    double hi = detail::qty::high_end(q);
    if (q.qualifier == quantity_qualifier::approximate && options.approximate_tolerance > 0) {
      lo -= std::fabs(lo) * options.approximate_tolerance;
      hi += std::fabs(hi) * options.approximate_tolerance;
    }
    return std::pair{lo, hi};
  };
  const auto [alo, ahi] = widened(a);
  const auto [blo, bhi] = widened(b);
  return alo <= bhi && blo <= ahi;
}

/// Returns true when `a` says more than `b`: its interval is narrower (an open
/// interval is infinitely wide), or equally wide and less hedged (exact and
/// range before approximate, at_least and at_most; those before vague). This
/// is a strict weak order, so it can sort reports from most to least precise.
inline bool more_precise(const quantity& a, const quantity& b) noexcept {
  const double wa = detail::qty::high_end(a) - detail::qty::low_end(a);
  const double wb = detail::qty::high_end(b) - detail::qty::low_end(b);
  if (wa != wb) return wa < wb;
  return detail::qty::vagueness(a.qualifier) < detail::qty::vagueness(b.qualifier);
}

}  // namespace sourcetrace