// SPDX-License-Identifier: BSL-1.0
// Fuzzes the PROV-N reader. Property: a document that reads, written with
// write_prov_n and read again, writes to the same bytes; and import_prov,
// documented to throw nothing but std::bad_alloc, does not throw on it. Only
// sourcetrace::error may be thrown, and only by the first read.

#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/prov_n.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <string_view>

using sourcetrace_fuzz::fail;

namespace {

std::string written(const sourcetrace::prov_document& doc) {
  std::ostringstream out;
  sourcetrace::write_prov_n(out, doc);
  return std::move(out).str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sourcetrace::prov_document doc;
  try {
    doc = sourcetrace::read_prov_n(text, "fuzz.provn");
  } catch (const sourcetrace::error&) {
    return 0;  // rejected input: expected
  } catch (const std::exception& e) {
    fail("read_prov_n threw an exception that is not a sourcetrace::error", e.what());
  }
  const std::string first = written(doc);
  std::string second;
  try {
    second = written(sourcetrace::read_prov_n(first, "written.provn"));
  } catch (const std::exception& e) {
    fail("the document write_prov_n wrote does not read back", e.what(), first);
  }
  if (first != second) fail("write_prov_n, read_prov_n, write_prov_n changed the document", first, second);
  try {
    (void)sourcetrace::import_prov(doc);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    fail("import_prov threw", e.what(), first);
  }
  return 0;
}
