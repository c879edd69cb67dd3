// SPDX-License-Identifier: BSL-1.0
// With odr_io_test_b.cpp: every header, the readers and writers the umbrella
// leaves out included, from two translation units. <iomanip> comes first on
// purpose: it once made std::quoted hijack an unqualified call in corpus.hpp.
#include <iomanip>

#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>
#include <sourcetrace/sourcetrace.hpp>

#include "catch.hpp"

#include <sstream>

std::string odr_io_b_corpus();

TEST_CASE("the readers and writers link from two translation units") {
  auto g = sourcetrace::read_corpus(odr_io_b_corpus(), "b.json");
  std::ostringstream out;
  sourcetrace::write_corpus(out, g);
  CHECK(out.str() == odr_io_b_corpus());
}
