// SPDX-License-Identifier: BSL-1.0
// Fuzzes the corpus reader on JSON Lines. Property: a corpus that loads is
// the same graph after a round trip through either spelling: written with
// write_corpus_lines (or write_corpus) and read again, it writes with
// write_corpus to the same bytes. Only sourcetrace::error may be thrown, and
// only by the reads of the input. A corpus that is rejected is rejected the same way
// with a bound of two problems described: the same count, and the first two
// problems of the full list, in order (checked when the full list was
// described whole: 100 problems or fewer). Reading with simdjson and with
// Boost.JSON alone (`read_options::fast_lines`) gives the same graph or the
// same problems.

#include <sourcetrace/io/corpus.hpp>

#include "fuzz_check.hpp"

#include <algorithm>
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

// Reads `text` again describing at most two problems, and checks that this
// keeps the first two of `all` (every problem, when all were described).
void check_bounded(std::string_view text, const sourcetrace::corpus_error& all) {
  if (all.total() != all.problems().size()) return;
  sourcetrace::read_options options{corpus_format::json_lines, {}};
  options.limits.max_errors = 2;
  try {
    (void)sourcetrace::read_corpus(text, "fuzz.jsonl", options);
  } catch (const sourcetrace::corpus_error& bounded) {
    const auto& kept = bounded.problems();
    bool same = bounded.total() == all.total() && kept.size() == std::min<std::size_t>(2, all.total());
    for (std::size_t i = 0; same && i < kept.size(); ++i) {
      same = std::string_view(kept[i].what()) == all.problems()[i].what();
    }
    if (same && all.total() > 2) same = bounded.first_omitted_line() == all.problems()[2].line();
    if (!same)
      fail("with max_errors 2, the problems kept are not the first two of the full list", all.what(), bounded.what());
    return;
  } catch (const std::exception& e) {
    fail("with max_errors 2, read_corpus threw something else", all.what(), e.what());
  }
  fail("with max_errors 2, a rejected corpus loaded", all.what());
}

// What reading `text` gives: the corpus written back, or the problems.
std::string outcome(std::string_view text, bool fast) {
  sourcetrace::read_options options{corpus_format::json_lines, {}};
  options.fast_lines = fast;
  try {
    return written(sourcetrace::read_corpus(text, "fuzz.jsonl", options));
  } catch (const sourcetrace::error& e) {
    return std::string("error: ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (std::string fast = outcome(text, true), boost_only = outcome(text, false); fast != boost_only) {
    fail("simdjson and Boost.JSON alone read the corpus differently", fast, boost_only);
  }
  sourcetrace::provenance_graph g;
  try {
    g = sourcetrace::read_corpus(text, "fuzz.jsonl", {corpus_format::json_lines, {}});
  } catch (const sourcetrace::corpus_error& e) {
    check_bounded(text, e);
    return 0;  // rejected input: expected
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
