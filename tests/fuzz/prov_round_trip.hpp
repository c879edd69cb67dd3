// SPDX-License-Identifier: BSL-1.0
#pragma once

// The property both PROV fuzz targets check, whatever the spelling: a
// document that reads, written and read again, writes to the same bytes; and
// import_prov, documented to throw nothing but std::bad_alloc, does not throw
// on it. Only sourcetrace::error may be thrown, and only by the first read.

#include <sourcetrace/io/prov.hpp>

#include "fuzz_check.hpp"

#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <string_view>

namespace sourcetrace_fuzz {

// Checks the property on `text` with `read(text, name)` and `write(os, doc)`,
// naming the spelling `format` ("PROV-JSON") in what it reports.
template <class Read, class Write>
void check_prov_round_trip(std::string_view text, std::string_view format, Read read, Write write) {
  auto written = [&](const sourcetrace::prov_document& doc) {
    std::ostringstream out;
    write(out, doc);
    return std::move(out).str();
  };
  const std::string f(format);
  sourcetrace::prov_document doc;
  try {
    doc = read(text, "fuzz");
  } catch (const sourcetrace::error&) {
    return;  // rejected input: expected
  } catch (const std::exception& e) {
    fail("the " + f + " reader threw an exception that is not a sourcetrace::error", e.what());
  }
  const std::string first = written(doc);
  std::string second;
  try {
    second = written(read(first, "written"));
  } catch (const std::exception& e) {
    fail("the " + f + " document the writer wrote does not read back", e.what(), first);
  }
  if (first != second) fail("writing " + f + ", reading and writing it again changed the document", first, second);
  try {
    (void)sourcetrace::import_prov(doc);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    fail("import_prov threw", e.what(), first);
  }
}

}  // namespace sourcetrace_fuzz
