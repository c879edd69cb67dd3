// SPDX-License-Identifier: BSL-1.0
#pragma once

// JSON string and number output shared by the writers, kept here so no
// writer needs a JSON library.

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace sourcetrace::detail {

// Length of the well-formed UTF-8 sequence starting at `i`, or 0. Checked
// strictly (no overlong forms, no surrogates, nothing past U+10FFFF) because
// a JSON document must be valid UTF-8 and news text often is not.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  auto byte = [&](std::size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = byte(0);
  if (c < 0x80) return 1;
  auto cont = [&](std::size_t k, unsigned lo, unsigned hi) {
    const unsigned b = byte(k);
    return i + k < s.size() && b >= lo && b <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// Appends `s` as a quoted JSON string: `"` and `\` escaped, control
// characters (and DEL) as \u00XX, bytes that are not valid UTF-8 replaced by
// \ufffd so the output is always a valid JSON text.
inline void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else if (const std::size_t len = utf8_sequence_length(s, i); len != 0) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\\ufffd";
      ++i;
    }
  }
  out += '"';
}

// Returns `s` as a quoted JSON string; see append_json_string.
inline std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

// Appends `v` as a JSON number: integral values below 1e15 without a
// fraction or exponent (11000, not 11000.0), others in the shortest form that
// reads back to the same double; NaN and infinities, which JSON cannot
// express, as null.
inline void append_json_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[64];
  std::to_chars_result r{};
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
  } else {
    r = std::to_chars(buf, buf + sizeof buf, v);
  }
  if (r.ec != std::errc{}) {
    out += "null";
    return;
  }
  out.append(buf, r.ptr);
}

}  // namespace sourcetrace::detail
