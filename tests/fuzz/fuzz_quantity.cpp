// SPDX-License-Identifier: BSL-1.0
// Fuzzes the quantity parser. Property: every figure parse_quantity and
// find_quantities read has no NaN bound and a lower bound not above its upper.
// Both are documented to throw nothing but std::bad_alloc.

#include <sourcetrace/error.hpp>
#include <sourcetrace/model/quantity.hpp>
#include <sourcetrace/text/quantity.hpp>

#include "fuzz_check.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string_view>
#include <vector>

using sourcetrace_fuzz::fail;

namespace {

void check(const sourcetrace::quantity& q) {
  if ((q.lower && std::isnan(*q.lower)) || (q.upper && std::isnan(*q.upper))) {
    fail("a quantity has a NaN bound", sourcetrace::to_json(q));
  }
  if (q.lower && q.upper && *q.lower > *q.upper) {
    fail("a quantity's lower bound is above its upper", sourcetrace::to_json(q));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<sourcetrace::quantity> first;
  std::vector<sourcetrace::quantity> all;
  try {
    first = sourcetrace::parse_quantity(text);
    all = sourcetrace::find_quantities(text);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const sourcetrace::error&) {
    return 0;  // rejected input: expected
  } catch (const std::exception& e) {
    fail("parse_quantity or find_quantities threw an exception that is not a sourcetrace::error", e.what());
  }
  if (first) check(*first);
  for (const auto& q : all) check(q);
  return 0;
}
