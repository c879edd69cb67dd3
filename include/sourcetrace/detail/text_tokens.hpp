// SPDX-License-Identifier: BSL-1.0
#pragma once

// The one tokenizer of the text parsers (text/quantity.hpp and
// text/relative_date.hpp), with the word lists both read, so that the two
// agree on what a space, a letter, a dash or a month name is.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace::detail {

inline bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_alpha(unsigned char c) noexcept {
  const unsigned lower = c | 0x20u;
  return lower >= 'a' && lower <= 'z';
}

// Length of a space at `i`: ASCII white space, U+00A0, U+2000..U+200B, U+202F.
inline std::size_t space_length(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto at = [&](std::size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (c == 0xC2 && at(1) == 0xA0) return 2;
  if (c == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8B) || at(2) == 0xAF)) return 3;
  return 0;
}

struct text_symbol {
  std::size_t length;
  std::string_view canonical;
};

// Non-ASCII punctuation that matters to figures and dates, mapped to one
// spelling: dashes (ranges), the minus sign, quotes and apostrophes, currency
// signs.
inline text_symbol utf8_symbol(std::string_view s, std::size_t i) noexcept {
  auto at = [&](std::size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = at(0);
  if (c == 0xC2) {
    if (at(1) == 0xA3) return {2, "£"};
    if (at(1) == 0xAB || at(1) == 0xBB) return {2, "\""};
  }
  if (c == 0xE2 && at(1) == 0x80) {
    const unsigned d = at(2);
    if (d == 0x90 || d == 0x91) return {3, "-"};
    if (d >= 0x92 && d <= 0x95) return {3, "–"};
    if (d >= 0x98 && d <= 0x9B) return {3, "'"};
    if (d >= 0x9C && d <= 0x9F) return {3, "\""};
    if (d == 0xA6) return {3, "..."};
  }
  if (c == 0xE2 && at(1) == 0x82 && at(2) == 0xAC) return {3, "€"};
  if (c == 0xE2 && at(1) == 0x88 && at(2) == 0x92) return {3, "-"};
  if (c == 0xE2 && at(1) == 0x89 && at(2) == 0x88) return {3, "~"};
  return {0, {}};
}

// Letters are ASCII letters and any other non-ASCII byte, so words in other
// scripts (or broken UTF-8) stay words instead of becoming noise.
inline bool letter_at(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_alpha(c);
  return space_length(s, i) == 0 && utf8_symbol(s, i).length == 0;
}

enum class text_token_kind : std::uint8_t { word, number, punct };

struct text_token {
  text_token_kind kind = text_token_kind::punct;
  bool space_before = true;  // whitespace or the start of the text comes first
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string norm;  // word: ASCII lower case; number: as written; punct: a canonical symbol
};

// What joins the parts of one token. Figures want "long-range" and "10,000"
// whole; dates want "mid-June" and "2025-06-26" in parts.
enum class token_joins : std::uint8_t {
  none,         // a word is letters, a number is digits
  inner_marks,  // "-" and "'" between letters, "," and "." between digits, thousands groups after a space
};

// Reads tokens one at a time, so a caller with a limit stops reading there.
class text_scanner {
 public:
  text_scanner(std::string_view s, token_joins joins) noexcept : s_(s), joins_(joins) {}

  std::optional<text_token> next() {
    for (std::size_t w = 0; i_ < s_.size() && (w = space_length(s_, i_)) != 0; i_ += w) space_ = true;
    if (i_ == s_.size()) return std::nullopt;
    text_token t;
    t.space_before = space_;
    t.begin = i_;
    const auto c = static_cast<unsigned char>(s_[i_]);
    std::size_t j = i_ + 1;
    if (is_digit(c)) {
      // Separators join digits only between digits: "2024," ends at the comma.
      j = run_end(
          j, [&](std::size_t k) { return is_digit(static_cast<unsigned char>(s_[k])); },
          [](char m) { return m == ',' || m == '.'; });
      t.kind = text_token_kind::number;
      t.norm.assign(s_.substr(i_, j - i_));
      if (joins_ == token_joins::inner_marks && j - i_ <= 3 && t.norm.find_first_of(",.") == std::string::npos) {
        j = spaced_groups(j, t.norm);
      }
    } else if (letter_at(s_, i_)) {
      j = run_end(
          j, [&](std::size_t k) { return letter_at(s_, k); }, [](char m) { return m == '-' || m == '\''; });
      t.kind = text_token_kind::word;
      t.norm.assign(s_.substr(i_, j - i_));
      for (char& ch : t.norm) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
    } else if (const text_symbol sym = utf8_symbol(s_, i_); sym.length != 0) {
      j = i_ + sym.length;
      t.norm.assign(sym.canonical);
    } else {
      t.norm.assign(1, static_cast<char>(c));
    }
    t.end = j;
    space_ = false;
    i_ = j;
    return t;
  }

 private:
  // The end of the run of `part` bytes from `j`; joining inner marks, a
  // `mark` byte between two parts belongs to the run.
  template <class Part, class Mark>
  std::size_t run_end(std::size_t j, Part part, Mark mark) const {
    const bool marks = joins_ == token_joins::inner_marks;
    while (j < s_.size()) {
      if (part(j)) {
        ++j;
      } else if (marks && mark(s_[j]) && j + 1 < s_.size() && part(j + 1)) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  // Length of a thousands separator at `k` other than a comma: a space,
  // U+00A0 or U+202F. A tab or a line break separates, but never groups.
  std::size_t group_space_length(std::size_t k) const noexcept {
    auto at = [&](std::size_t d) -> unsigned { return k + d < s_.size() ? static_cast<unsigned char>(s_[k + d]) : 0u; };
    if (at(0) == ' ') return 1;
    if (at(0) == 0xC2 && at(1) == 0xA0) return 2;
    if (at(0) == 0xE2 && at(1) == 0x80 && at(2) == 0xAF) return 3;
    return 0;
  }

  // Extends the figure of 1-3 digits ending at `j` by the groups that follow
  // it after a space ("10 000", "1 234 567"), each of exactly three digits,
  // then a decimal part ("10 000.5"); returns its end. The groups go into
  // `norm` with commas, "10,000", so figures read them as they read commas.
  // "12 34" and a year before a count ("2024 500") stay apart; a group
  // followed by a comma and a digit ("1 000,5") is not taken, since that
  // comma may be a decimal comma or a second kind of separator.
  std::size_t spaced_groups(std::size_t j, std::string& norm) const {
    auto digit = [&](std::size_t k) { return k < s_.size() && is_digit(static_cast<unsigned char>(s_[k])); };
    const std::size_t first_end = j;
    for (;;) {
      const std::size_t w = group_space_length(j);
      const std::size_t g = j + w;
      if (w == 0) break;
      if (!digit(g) || !digit(g + 1) || !digit(g + 2) || digit(g + 3)) break;
      if (g + 3 < s_.size() && s_[g + 3] == ',' && digit(g + 4)) break;
      norm += ',';
      norm.append(s_.substr(g, 3));
      j = g + 3;
    }
    if (j != first_end && j < s_.size() && s_[j] == '.' && digit(j + 1)) {
      std::size_t e = j + 1;
      while (digit(e)) ++e;
      norm.append(s_.substr(j, e - j));
      j = e;
    }
    return j;
  }

  std::string_view s_;
  token_joins joins_;
  std::size_t i_ = 0;
  bool space_ = true;
};

inline std::vector<text_token> tokenize_text(std::string_view s, token_joins joins) {
  std::vector<text_token> out;
  text_scanner scan(s, joins);
  while (auto t = scan.next()) out.push_back(std::move(*t));
  return out;
}

struct named_value {
  std::string_view name;
  double value;
};

inline bool contains(std::span<const std::string_view> list, std::string_view w) noexcept {
  return std::find(list.begin(), list.end(), w) != list.end();
}

inline std::optional<double> lookup(std::span<const named_value> list, std::string_view w) noexcept {
  for (const auto& [name, value] : list) {
    if (name == w) return value;
  }
  return std::nullopt;
}

inline constexpr auto small_numbers = std::to_array<named_value>({
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
});

inline constexpr auto month_names = std::to_array<named_value>({
    {"january", 1},  {"jan", 1},    {"february", 2},  {"feb", 2},       {"march", 3},     {"mar", 3},
    {"april", 4},    {"apr", 4},    {"may", 5},       {"june", 6},      {"jun", 6},       {"july", 7},
    {"jul", 7},      {"august", 8}, {"aug", 8},       {"september", 9}, {"sept", 9},      {"sep", 9},
    {"october", 10}, {"oct", 10},   {"november", 11}, {"nov", 11},      {"december", 12}, {"dec", 12},
});

// The month a lower-case name or abbreviation names, 1 to 12, or 0.
inline int month_number(std::string_view w) noexcept {
  const auto m = lookup(month_names, w);
  return m ? static_cast<int>(*m) : 0;
}

}  // namespace sourcetrace::detail
