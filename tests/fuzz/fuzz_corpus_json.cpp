// SPDX-License-Identifier: BSL-1.0
// Fuzzes the corpus reader on JSON documents. Property: a corpus that loads,
// written with write_corpus and read again, is the same graph: the two
// write_corpus outputs are equal byte for byte. Only sourcetrace::error may
// be thrown, and only by the first read.

#include <sourcetrace/io/corpus.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <sstream>
#include <string>
#include <string_view>

using sourcetrace_fuzz::fail;

namespace {

std::string written(const sourcetrace::provenance_graph& g) {
  std::ostringstream out;
  sourcetrace::write_corpus(out, g);
  return std::move(out).str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sourcetrace::read_options json{sourcetrace::corpus_format::json, {}};
  sourcetrace::provenance_graph g;
  try {
    g = sourcetrace::read_corpus(text, "fuzz.json", json);
  } catch (const sourcetrace::error&) {
    return 0;  // rejected input: expected
  } catch (const std::exception& e) {
    fail("read_corpus threw an exception that is not a sourcetrace::error", e.what());
  }
  const std::string first = written(g);
  std::string second;
  try {
    second = written(sourcetrace::read_corpus(first, "written.json", json));
  } catch (const std::exception& e) {
    fail("the corpus write_corpus wrote does not read back", e.what(), first);
  }
  if (first != second) fail("write_corpus, read_corpus, write_corpus changed the corpus", first, second);
  return 0;
}
