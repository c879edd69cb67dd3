// SPDX-License-Identifier: BSL-1.0
#pragma once

// What every fuzz target shares: how a broken property is reported. libFuzzer
// saves the input of any crash, so a failed check prints what differed and
// aborts.

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace sourcetrace_fuzz {

// Prints `what` and the texts that show it (`first`, `second`, may be empty),
// then aborts so that libFuzzer records the input.
[[noreturn]] inline void fail(std::string_view what, std::string_view first = {}, std::string_view second = {}) {
  std::fprintf(stderr, "\n*** property failed: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!first.empty()) std::fprintf(stderr, "--- first:\n%.*s\n", static_cast<int>(first.size()), first.data());
  if (!second.empty()) std::fprintf(stderr, "--- second:\n%.*s\n", static_cast<int>(second.size()), second.data());
  std::abort();
}

}  // namespace sourcetrace_fuzz
