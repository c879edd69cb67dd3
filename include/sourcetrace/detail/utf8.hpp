// SPDX-License-Identifier: BSL-1.0
#pragma once

// One UTF-8 check for every reader. It uses the sequence rule the writers
// escape by (`utf8_sequence_length`, json_escape.hpp), so that what a reader
// accepts a writer copies unchanged: a byte a reader let through would be
// written as U+FFFD, and two ids that differ only there would become one.

#include <sourcetrace/detail/json_escape.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sourcetrace::detail {

// Offset of the first byte of `s` that does not start a well-formed UTF-8
// sequence (a stray continuation byte, an overlong form, a surrogate, a code
// point past U+10FFFF, a sequence cut short), or npos when `s` is all UTF-8.
inline std::size_t invalid_utf8_at(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

// `s` as an error message can show it: UTF-8 kept, every other byte written
// \xFF (so the message itself stays UTF-8), and "..." after `limit` bytes.
inline std::string utf8_for_message(std::string_view s, std::size_t limit = 40) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (out.size() >= limit) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (n == 0) {
      out += "\\x";
      out += upper_hex[c >> 4];
      out += upper_hex[c & 0xF];
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace sourcetrace::detail
