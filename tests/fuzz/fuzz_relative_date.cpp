// SPDX-License-Identifier: BSL-1.0
// Fuzzes the date resolver: the input is the expression, read against a fixed
// publication date in each of the three tenses, without an anchor event and
// with a day, a month and an open-ended date as anchor. Property: a resolved
// date's known days are calendar days, the first not after the last; an open
// side stands at the calendar's end and never both sides are open; its text
// reads back to the same date; an unresolved one says why. resolve_date is
// documented to give a result for any text.

#include <sourcetrace/text/relative_date.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

using sourcetrace::date_tense;
using sourcetrace_fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view expression(reinterpret_cast<const char*>(data), size);
  // The publication date of seed article 000, a Friday.
  static const sourcetrace::greg::date published(2025, 6, 27);
  static const std::optional<sourcetrace::date_anchor> anchors[] = {
      std::nullopt, sourcetrace::date_anchor{sourcetrace::partial_date::day(2025, 6, 17), "visit"},
      sourcetrace::date_anchor{sourcetrace::partial_date::month(2024, 10), "deployment"},
      sourcetrace::date_anchor{sourcetrace::partial_date::parse("../2025-08-31"), "deadline"}};
  for (std::size_t i = 0; i < 3 * std::size(anchors); ++i) {
    const auto tense = static_cast<date_tense>(i % 3);
    sourcetrace::date_resolution r;
    try {
      r = sourcetrace::resolve_date(expression, published, {tense, anchors[i / 3]});
    } catch (const sourcetrace::error&) {
      return 0;  // rejected input: expected
    } catch (const std::exception& e) {
      fail("resolve_date threw an exception that is not a sourcetrace::error", e.what());
    }
    if (!r.value) {
      if (!r.rule.starts_with("unresolved")) fail("an unresolved date's rule does not say why", r.rule);
      continue;
    }
    const auto first = r.value->first();
    const auto last = r.value->last();
    if (first.is_special() || last.is_special()) fail("a resolved date is not a calendar day", r.value->to_string());
    if (first > last) fail("a resolved date's first day is after its last", r.value->to_string(), r.rule);
    if (r.value->open_start() && r.value->open_end()) fail("a resolved date is open at both ends", r.rule);
    if (r.value->open_start() && first != sourcetrace::greg::date(1400, 1, 1))
      fail("an open start is not the calendar's first day", r.value->to_string());
    if (r.value->open_end() && last != sourcetrace::greg::date(9999, 12, 31))
      fail("an open end is not the calendar's last day", r.value->to_string());
    if (sourcetrace::partial_date::parse(r.value->to_string()) != *r.value)
      fail("a resolved date does not read back from its text", r.value->to_string());
  }
  return 0;
}
