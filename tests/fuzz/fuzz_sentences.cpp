// SPDX-License-Identifier: BSL-1.0
// Fuzzes the sentence splitter on any bytes. Property: the sentences come in
// order, each non-empty and inside the text, none overlapping the next; each
// begins off a space and, in valid UTF-8, on a character boundary, as it
// ends; and what lies
// between them (and before the first and after the last) is only space, so
// no word of the text is lost. split_sentences is documented to take any text.

#include <sourcetrace/detail/utf8.hpp>
#include <sourcetrace/text/sentences.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using sourcetrace_fuzz::fail;

namespace {
bool continuation(std::string_view text, std::size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0u) == 0x80u;
}

// True if text[from, to) is only space, as the splitter reads space.
bool only_space(std::string_view text, std::size_t from, std::size_t to) {
  while (from < to) {
    const std::size_t n = sourcetrace::detail::space_length(text, from);
    if (n == 0) return false;
    from += n;
  }
  return from == to;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto sentences = sourcetrace::split_sentences(text);
  const bool valid = sourcetrace::detail::invalid_utf8_at(text) == std::string_view::npos;
  std::size_t at = 0;
  for (const auto& s : sentences) {
    if (s.begin >= s.end || s.end > text.size()) fail("a sentence is empty or runs past the text", text);
    if (s.begin < at) fail("sentences overlap or come out of order", text);
    if (!only_space(text, at, s.begin)) fail("text between sentences was dropped", text);
    if (sourcetrace::detail::space_length(text, s.begin) > 0) fail("a sentence begins with a space", text);
    if (valid && (continuation(text, s.begin) || continuation(text, s.end))) fail("a sentence cuts a character", text);
    at = s.end;
  }
  if (!only_space(text, at, text.size())) fail("text after the last sentence was dropped", text);
  return 0;
}
