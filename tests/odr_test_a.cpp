// SPDX-License-Identifier: BSL-1.0
// With odr_test_b.cpp: two translation units including the umbrella header
// link into one program only if every non-template function is inline.
#include <sourcetrace/sourcetrace.hpp>

#include "catch.hpp"

std::string odr_b_date();

TEST_CASE("the umbrella header links from two translation units") {
  CHECK(sourcetrace::partial_date::parse("2025-06").to_string() == odr_b_date());
}
