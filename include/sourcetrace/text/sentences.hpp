// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Sentence splitting for news text: the first step of reading an article.
/// It survives titles and abbreviations ("Rep.", "Gen.", "U.S."), initials,
/// decimal numbers and quotations that span sentences, and keeps a
/// headline, byline or dateline line apart from the body. docs/extraction.md
/// states the rules.

#include <sourcetrace/detail/text_tokens.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// One sentence of a text, as byte offsets into it.
struct sentence {
  std::size_t begin = 0;  ///< its first byte (never a space)
  std::size_t end = 0;    ///< one past its last byte: closing quotes and brackets included, trailing space not
  /// True for a sentence with no end punctuation, ended by a line break or by
  /// the end of the text: a headline, a byline or a dateline line.
  bool line = false;
  /// True when it begins inside a quotation an earlier sentence opened, as
  /// the second sentence of `"They will go. More will follow," he said.`
  bool in_quote = false;
  friend bool operator==(const sentence&, const sentence&) = default;
};

namespace detail::sentences {

inline bool is_upper(unsigned char c) noexcept { return c >= 'A' && c <= 'Z'; }

// Words after which a period never ends a sentence: titles and the like,
// which a name follows ("Rep. Lee", "Gen. Park", "No. 3").
inline bool is_title(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 27> titles{
      "Adm", "Amb", "Capt", "Col",  "Cmdr", "Dr",   "Gen", "Gov", "Hon",  "Lt",  "Maj", "Mr", "Mrs", "Ms",
      "No",  "Nos", "Pres", "Prof", "Rep",  "Reps", "Rev", "Sen", "Sens", "Sgt", "Sr",  "Jr", "St"};
  return std::find(titles.begin(), titles.end(), w) != titles.end();
}

// Abbreviations that may end a sentence as well as sit inside one ("the
// U.S.", "Oct.", "a.m."): the period ends the sentence only when a word that
// usually starts one follows.
inline bool is_abbreviation(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 17> words{"Jan", "Feb", "Mar",  "Apr",  "Jun", "Jul",
                                                          "Aug", "Sep", "Sept", "Oct",  "Nov", "Dec",
                                                          "etc", "vs",  "Inc",  "Corp", "Ltd"};
  if (std::find(words.begin(), words.end(), w) != words.end()) return true;
  // Dotted initials: "U.S", "U.N", "e.g", "a.m".
  return w.size() >= 3 && w.find('.') != std::string_view::npos;
}

// Words that usually begin a sentence: after an abbreviation that can end
// one, such a word says it did ("...to the U.S. The talks...").
inline bool starts_sentence(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 36> words{
      "A",     "According", "After", "An",      "And",   "As",   "At",   "But",   "Earlier",
      "He",    "Her",       "His",   "However", "I",     "If",   "In",   "It",    "Its",
      "Later", "Meanwhile", "On",    "Our",     "She",   "Some", "That", "The",   "Their",
      "There", "These",     "They",  "This",    "Those", "We",   "When", "While", "Yet"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

// The length of a quotation mark at `i` and whether it opens (1), closes
// (-1) or toggles (0, the straight double quote); 0 length if none.
struct quote_mark {
  std::size_t length = 0;
  int sense = 0;
};
inline quote_mark quote_at(std::string_view s, std::size_t i) noexcept {
  if (s[i] == '"') return {1, 0};
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x9C) return {3, 1};   // left double quotation mark
    if (c == 0x9D) return {3, -1};  // right double quotation mark
  }
  return {};
}

// The length of a closer that may follow end punctuation at `i`: a quotation
// mark, an apostrophe or a closing bracket.
inline std::size_t closer_at(std::string_view s, std::size_t i) noexcept {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(c) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x9D || d == 0x99) return 3;  // right double or single quotation mark
  }
  return 0;
}

// No title or abbreviation is longer: scans stop there, so that a run of
// dotted letters with no space cannot make splitting quadratic.
inline constexpr std::size_t longest_word = 16;

// The word of letters (and inner dots) that ends just before the period at
// `dot`; empty if it is longer than `longest_word`.
inline std::string_view word_before(std::string_view s, std::size_t dot) noexcept {
  std::size_t b = dot;
  while (b > 0 && dot - b <= longest_word && (is_alpha(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.')) --b;
  return dot - b > longest_word ? std::string_view{} : s.substr(b, dot - b);
}

// The word of letters that starts at `i`, up to `longest_word` letters.
inline std::string_view word_at(std::string_view s, std::size_t i) noexcept {
  std::size_t e = i;
  while (e < s.size() && e - i <= longest_word && is_alpha(static_cast<unsigned char>(s[e]))) ++e;
  return s.substr(i, e - i);
}

inline std::size_t skip_spaces(std::string_view s, std::size_t i, bool stop_at_newline) noexcept {
  while (i < s.size()) {
    if (stop_at_newline && s[i] == '\n') return i;
    const std::size_t n = space_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return i;
}

}  // namespace detail::sentences

/// Splits `text` into sentences, in order. A sentence ends at `.`, `!` or
/// `?` (with the quotation marks and brackets that close after it) followed
/// by a space and then a capital letter, a digit or an opening quotation
/// mark, or by the end of the text; not after a title ("Rep.", "Gen."), a
/// single initial ("J."), or, unless a word that usually begins a sentence
/// follows, an abbreviation that may end one ("U.S.", "Oct."). After end
/// punctuation a line break counts as a space. A line
/// without end punctuation ends at its line break, as a `line` (a headline,
/// byline or dateline), when a blank line or a line that begins with a
/// capital letter, a digit or a quotation mark follows; otherwise the
/// sentence goes on (text wrapped at a fixed width). A quotation never runs
/// past a blank line. Linear in the size of the text.
inline std::vector<sentence> split_sentences(std::string_view text) {
  namespace d = detail::sentences;
  std::vector<sentence> out;
  bool quoted = false;  // inside a quotation at the current position
  std::size_t i = d::skip_spaces(text, 0, false);
  std::size_t begin = i;
  bool begin_quoted = false;
  auto finish = [&](std::size_t end, bool line) {
    while (end > begin && detail::space_length(text, end - 1) == 1) --end;
    if (end > begin) out.push_back({begin, end, line, begin_quoted});
  };
  auto start_at = [&](std::size_t at) {
    begin = d::skip_spaces(text, at, false);
    // A paragraph break ends any quotation: news marks a quote that runs on
    // by opening it again in the next paragraph, without closing it.
    if (std::count(text.begin() + static_cast<std::ptrdiff_t>(at), text.begin() + static_cast<std::ptrdiff_t>(begin),
                   '\n') >= 2) {
      quoted = false;
    }
    begin_quoted = quoted;
  };
  auto opens_next = [&](std::size_t at) {
    if (at >= text.size()) return true;
    const auto c = static_cast<unsigned char>(text[at]);
    return d::is_upper(c) || detail::is_digit(c) || d::quote_at(text, at).length > 0 || c == '(' || c == '[' ||
           c >= 0x80;  // a letter outside ASCII: take it as a capital
  };
  while (i < text.size()) {
    const char c = text[i];
    if (auto q = d::quote_at(text, i); q.length) {
      quoted = q.sense > 0 ? true : q.sense < 0 ? false : !quoted;
      i += q.length;
      continue;
    }
    if (c == '\n') {
      const std::size_t next = d::skip_spaces(text, i + 1, true);
      const bool blank = next >= text.size() || text[next] == '\n';
      if (blank || opens_next(next)) {
        // Text that ends with end punctuation ended at it already; what is
        // left here has none: a line of its own.
        finish(i, true);
        start_at(i);
        i = begin;  // past the whole run of space, once
      } else {
        ++i;
      }
      continue;
    }
    if (c != '.' && c != '!' && c != '?') {
      ++i;
      continue;
    }
    // End punctuation, then the closers after it.
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
    for (std::size_t n; end < text.size() && (n = d::closer_at(text, end)) > 0; end += n) {
      if (auto q = d::quote_at(text, end); q.length) quoted = q.sense > 0 ? true : q.sense < 0 ? false : !quoted;
    }
    const std::size_t after = d::skip_spaces(text, end, false);
    const bool spaced = after > end || after >= text.size();
    bool ends = spaced && opens_next(after);
    if (ends && c == '.') {
      const std::string_view w = d::word_before(text, i);
      const bool initial = w.size() == 1 && d::is_upper(static_cast<unsigned char>(w[0]));
      if (d::is_title(w) || initial) {
        ends = false;
      } else if (d::is_abbreviation(w) && after < text.size()) {
        ends = d::starts_sentence(d::word_at(text, after));
      }
    }
    if (ends) {
      finish(end, false);
      start_at(end);
      i = begin;
    } else {
      i = end;
    }
  }
  finish(text.size(), true);  // anything left has no end punctuation
  return out;
}

}  // namespace sourcetrace
