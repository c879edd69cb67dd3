// SPDX-License-Identifier: BSL-1.0
// Fuzzes the corpus reader on JSON Lines. Property: a corpus that loads is
// the same graph after a round trip through either spelling: written with
// write_corpus_lines (or write_corpus) and read again, it writes with
// write_corpus to the same bytes. Only sourcetrace::error may be thrown, and
// only by the first read.

#include <sourcetrace/io/corpus.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <sstream>
#include <string>
#include <string_view>

using sourcetrace::corpus_format;
using sourcetrace_fuzz::fail;

namespace {

std::string written(const sourcetrace::provenance_graph& g) {
  std::ostringstream out;
  sourcetrace::write_corpus(out, g);
  return std::move(out).str();
}

std::string written_lines(const sourcetrace::provenance_graph& g) {
  std::ostringstream out;
  sourcetrace::write_corpus_lines(out, g);
  return std::move(out).str();
}

// Reads `text`, written by the library, as `format` and writes it as a JSON document.
std::string again(const std::string& text, corpus_format format, const std::string& first) {
  try {
    return written(sourcetrace::read_corpus(text, "written", {format, {}}));
  } catch (const std::exception& e) {
    fail(format == corpus_format::json ? "the corpus write_corpus wrote does not read back"
                                       : "the corpus write_corpus_lines wrote does not read back",
         e.what(), text.empty() ? first : text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sourcetrace::provenance_graph g;
  try {
    g = sourcetrace::read_corpus(text, "fuzz.jsonl", {corpus_format::json_lines, {}});
  } catch (const sourcetrace::error&) {
    return 0;  // rejected input: expected
  } catch (const std::exception& e) {
    fail("read_corpus threw an exception that is not a sourcetrace::error", e.what());
  }
  const std::string first = written(g);
  const std::string lines = written_lines(g);
  if (std::string second = again(lines, corpus_format::json_lines, first); second != first) {
    fail("write_corpus_lines, read_corpus, write_corpus changed the corpus", first, second);
  }
  if (std::string second = again(first, corpus_format::json, first); second != first) {
    fail("write_corpus, read_corpus, write_corpus changed the corpus", first, second);
  }
  return 0;
}
