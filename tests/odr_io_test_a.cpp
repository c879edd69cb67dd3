// SPDX-License-Identifier: BSL-1.0
// With odr_io_test_b.cpp: every header, through the umbrella <sourcetrace/json.hpp>
// that adds the readers and writers <sourcetrace/sourcetrace.hpp> leaves out,
// from two translation units. <iomanip> comes first on
// purpose: it once made std::quoted hijack an unqualified call in corpus.hpp.
#include <iomanip>

#include <sourcetrace/json.hpp>

#include "catch.hpp"

#include <sstream>

std::string odr_io_b_corpus();

TEST_CASE("the readers and writers link from two translation units") {
  auto g = sourcetrace::read_corpus(odr_io_b_corpus(), "b.json");
  std::ostringstream out;
  sourcetrace::write_corpus(out, g);
  CHECK(out.str() == odr_io_b_corpus());
}
