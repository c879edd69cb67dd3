// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Spans of a text: as byte offsets (what the parsers work in) and as
/// character offsets (what evidence and reuse output give, so that a reader
/// counting characters finds the same words).

#include <sourcetrace/model/evidence.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// A span of a text as byte offsets, `begin` included, `end` not.
struct text_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const noexcept { return end <= begin; }
  friend bool operator==(const text_span&, const text_span&) = default;
};

/// Character offsets (UTF-8 decoded) of a text's byte offsets: what the
/// evidence of an extracted statement gives, so that a reader counting
/// characters finds the same words.
class char_offsets {
 public:
  explicit char_offsets(std::string_view s) : at_(s.size() + 1) {
    // A continuation byte belongs to the character its lead byte began.
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
      at_[i] = lead || n == 0 ? n : n - 1;
      n += lead;
    }
    at_[s.size()] = n;
  }
  /// The character at byte `byte` (at most the text's size).
  std::size_t operator[](std::size_t byte) const { return at_[byte]; }
  /// The span of bytes `b` in characters.
  char_span operator()(text_span b) const { return {at_[b.begin], at_[b.end]}; }

 private:
  std::vector<std::size_t> at_;
};

}  // namespace sourcetrace
