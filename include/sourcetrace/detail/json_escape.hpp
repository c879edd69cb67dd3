// SPDX-License-Identifier: BSL-1.0
#pragma once

// The string escapes of every writer (JSON strings, DOT quoted strings) on
// one loop, and JSON numbers, kept here so no writer needs a JSON library and
// no writer hand-writes its own escaper.

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

// Appends `s` to `out`, copying well-formed UTF-8 sequences of two or more
// bytes as they are and handing every ASCII byte and every byte that is not
// UTF-8 to `escape(out, byte)`, which appends its escaped form and returns
// true, or returns false to have the byte copied. Every escaper below is this
// loop with its own rules.
template <class Escape>
void append_escaped(std::string& out, std::string_view s, Escape escape) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (len > 1) {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    if (!escape(out, c)) out += static_cast<char>(c);
    ++i;
  }
}

inline constexpr char lower_hex[] = "0123456789abcdef";
inline constexpr char upper_hex[] = "0123456789ABCDEF";

// Appends `s` as a quoted JSON string: `"` and `\` escaped, control
// characters (and DEL) as \u00XX, bytes that are not valid UTF-8 replaced by
// \ufffd so the output is always a valid JSON text.
inline void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  append_escaped(out, s, [](std::string& o, unsigned char c) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      o += "\\u00";
      o += lower_hex[c >> 4];
      o += lower_hex[c & 0xF];
    } else if (c >= 0x80) {
      o += "\\ufffd";
    } else {
      return false;
    }
    return true;
  });
  out += '"';
}

// Appends `s` to `out` for use inside a DOT double-quoted string. With
// `label` set the text is an escString (a label or tooltip): `\` and `"` are
// escaped, a newline becomes `\n`, other control characters are dropped (a
// tab becomes a space) and bytes that are not UTF-8 become U+FFFD, since
// graphviz reads UTF-8. Without it the text is a node name and must stay
// one-to-one with the statement id, so a byte that is not UTF-8 or a control
// character is written as `\xNN`, which no escaped `\` can imitate.
inline void append_dot_escaped(std::string& out, std::string_view s, bool label) {
  append_escaped(out, s, [label](std::string& o, unsigned char c) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c == '\n') {
      o += "\\n";
    } else if (c >= 0x20 && c < 0x7F) {
      return false;
    } else if (!label) {
      o += "\\x";
      o += upper_hex[c >> 4];
      o += upper_hex[c & 15];
    } else if (c >= 0x80) {
      o += "\xEF\xBF\xBD";
    } else if (c == '\t') {
      o += ' ';
    }
    return true;
  });
}

// Appends `s` with the five XML characters escaped, for a graphviz HTML-like
// label; control characters are dropped and bytes that are not UTF-8 become
// U+FFFD.
inline void append_dot_html(std::string& out, std::string_view s) {
  append_escaped(out, s, [](std::string& o, unsigned char c) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default:
        if (c >= 0x20 && c < 0x7F) return false;
        if (c >= 0x80) o += "\xEF\xBF\xBD";
        break;
    }
    return true;
  });
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
