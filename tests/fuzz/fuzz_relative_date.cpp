// SPDX-License-Identifier: BSL-1.0
// Fuzzes the date resolver: the input is the expression, read against a fixed
// publication date in each of the three tenses. Property: a resolved date's
// first day is a calendar day not after its last, and an unresolved one says
// why. resolve_date is documented to give a result for any text.

#include <sourcetrace/text/relative_date.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

using sourcetrace::date_tense;
using sourcetrace_fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view expression(reinterpret_cast<const char*>(data), size);
  // The publication date of seed article 000, a Friday.
  static const sourcetrace::greg::date published(2025, 6, 27);
  for (auto tense : {date_tense::from_cues, date_tense::past, date_tense::future}) {
    sourcetrace::date_resolution r;
    try {
      r = sourcetrace::resolve_date(expression, published, {tense});
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
  }
  return 0;
}
