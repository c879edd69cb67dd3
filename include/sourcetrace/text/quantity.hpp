// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Figures as news states them ("an estimated 11,000 troops", "more than
/// 10 million artillery shells", "up to half") read into a `quantity`
/// (model/quantity.hpp): an interval with a qualifier, a unit and a rate. The
/// rules are listed in docs/quantities.md.

#include <sourcetrace/detail/text_tokens.hpp>
#include <sourcetrace/model/quantity.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace sourcetrace {

namespace detail::qty {

using token = text_token;
using token_kind = text_token_kind;

inline std::vector<token> tokenize(std::string_view s) { return tokenize_text(s, token_joins::inner_marks); }

// Words that end a unit phrase: function words, hedges and reporting verbs.
// Sorted, for binary search.
// clang-format off
inline constexpr auto stop_words = std::to_array<std::string_view>({
    "a", "about", "above", "according", "across", "additional", "after", "against", "ago", "all", "allegedly",
    "almost", "along", "alongside", "already", "also", "although", "am", "among", "an", "and", "another",
    "any", "appear", "appears", "approx", "approximately", "are", "around", "as", "at", "be", "because",
    "become", "becomes", "been", "before", "began", "behind", "being", "below", "beneath", "between",
    "beyond", "both", "but", "by", "came", "can", "cent", "circa", "come", "comes", "could", "did", "do",
    "does", "during", "each", "earlier", "early", "either", "else", "even", "every", "except", "extra", "few",
    "fewer", "fled", "for", "fought", "from", "further", "gave", "get", "gets", "go", "goes", "got", "had",
    "has", "have", "he", "her", "here", "him", "his", "how", "however", "i", "if", "in", "including",
    "inside", "into", "is", "it", "its", "itself", "just", "last", "late", "later", "least", "left", "less",
    "like", "likely", "made", "make", "makes", "many", "may", "me", "met", "might", "more", "most", "much",
    "must", "my", "near", "nearly", "neither", "next", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "onto", "or", "our", "out", "outside", "over", "per", "percent", "perhaps", "plus", "possibly",
    "probably", "rather", "remain", "remains", "reportedly", "respectively", "roughly", "said", "say", "says",
    "seem", "seems", "sent", "several", "shall", "she", "should", "since", "so", "some", "stay", "stays",
    "still", "such", "take", "takes", "than", "that", "the", "their", "them", "themselves", "then", "there",
    "these", "they", "this", "those", "though", "through", "throughout", "thus", "till", "to", "told", "too",
    "took", "toward", "towards", "under", "until", "up", "upon", "us", "via", "was", "we", "went", "were",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "yet", "you", "your",
});
// clang-format on
static_assert(std::ranges::is_sorted(stop_words));

inline constexpr auto tens_numbers = std::to_array<named_value>({
    {"twenty", 20},
    {"thirty", 30},
    {"forty", 40},
    {"fifty", 50},
    {"sixty", 60},
    {"seventy", 70},
    {"eighty", 80},
    {"ninety", 90},
});
inline constexpr auto big_scales = std::to_array<named_value>({
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
});
// Multipliers that may follow a figure: "10 million", "12 hundred", "two dozen".
inline constexpr auto multipliers = std::to_array<named_value>({
    {"hundred", 1e2},
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
    {"dozen", 12},
});
// Suffixes fused to digits: "10m", "1.5bn", "20k".
inline constexpr auto fused_suffixes = std::to_array<named_value>({
    {"k", 1e3},
    {"m", 1e6},
    {"mn", 1e6},
    {"bn", 1e9},
    {"tn", 1e12},
});
// "thousands" means at least two thousand: the value is twice the magnitude.
inline constexpr auto plural_magnitudes = std::to_array<named_value>({
    {"dozens", 12},
    {"hundreds", 1e2},
    {"thousands", 1e3},
    {"millions", 1e6},
    {"billions", 1e9},
    {"trillions", 1e12},
});
inline constexpr auto singular_magnitudes = std::to_array<named_value>({
    {"dozen", 12},
    {"hundred", 1e2},
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
});
inline constexpr auto numerators = std::to_array<named_value>({
    {"a", 1},
    {"an", 1},
    {"one", 1},
    {"two", 2},
    {"three", 3},
    {"four", 4},
    {"five", 5},
    {"six", 6},
    {"seven", 7},
    {"eight", 8},
    {"nine", 9},
});
inline constexpr auto denominators = std::to_array<named_value>({
    {"half", 2},    {"halves", 2},  {"third", 3},  {"thirds", 3}, {"quarter", 4}, {"quarters", 4}, {"fourth", 4},
    {"fourths", 4}, {"fifth", 5},   {"fifths", 5}, {"sixth", 6},  {"sixths", 6},  {"seventh", 7},  {"sevenths", 7},
    {"eighth", 8},  {"eighths", 8}, {"ninth", 9},  {"ninths", 9}, {"tenth", 10},  {"tenths", 10},
});
inline constexpr auto rate_periods = std::to_array<std::string_view>({"hour", "day", "week", "month", "year"});

struct phrase_qualifier {
  std::string_view phrase;
  quantity_qualifier qualifier;
};
inline constexpr auto prefix_phrases = std::to_array<phrase_qualifier>({
    {"no fewer than", quantity_qualifier::at_least}, {"no less than", quantity_qualifier::at_least},
    {"not less than", quantity_qualifier::at_least}, {"in excess of", quantity_qualifier::at_least},
    {"upwards of", quantity_qualifier::at_least},    {"more than", quantity_qualifier::at_least},
    {"greater than", quantity_qualifier::at_least},  {"at least", quantity_qualifier::at_least},
    {"a minimum of", quantity_qualifier::at_least},  {"as few as", quantity_qualifier::at_least},
    {"as little as", quantity_qualifier::at_least},  {"just over", quantity_qualifier::at_least},
    {"well over", quantity_qualifier::at_least},     {"over", quantity_qualifier::at_least},
    {"above", quantity_qualifier::at_least},         {"exceeding", quantity_qualifier::at_least},
    {"no more than", quantity_qualifier::at_most},   {"not more than", quantity_qualifier::at_most},
    {"a maximum of", quantity_qualifier::at_most},   {"as many as", quantity_qualifier::at_most},
    {"as much as", quantity_qualifier::at_most},     {"as high as", quantity_qualifier::at_most},
    {"at the most", quantity_qualifier::at_most},    {"at most", quantity_qualifier::at_most},
    {"up to", quantity_qualifier::at_most},          {"fewer than", quantity_qualifier::at_most},
    {"less than", quantity_qualifier::at_most},      {"just under", quantity_qualifier::at_most},
    {"under", quantity_qualifier::at_most},          {"below", quantity_qualifier::at_most},
    {"reaching", quantity_qualifier::at_most},       {"an estimated", quantity_qualifier::approximate},
    {"estimated", quantity_qualifier::approximate},  {"approximately", quantity_qualifier::approximate},
    {"about", quantity_qualifier::approximate},      {"around", quantity_qualifier::approximate},
    {"roughly", quantity_qualifier::approximate},    {"some", quantity_qualifier::approximate},
    {"nearly", quantity_qualifier::approximate},     {"almost", quantity_qualifier::approximate},
    {"close to", quantity_qualifier::approximate},   {"circa", quantity_qualifier::approximate},
    {"approx", quantity_qualifier::approximate},
});
inline constexpr auto suffix_phrases = std::to_array<phrase_qualifier>({
    {"or more", quantity_qualifier::at_least},
    {"or above", quantity_qualifier::at_least},
    {"or higher", quantity_qualifier::at_least},
    {"or over", quantity_qualifier::at_least},
    {"plus", quantity_qualifier::at_least},
    {"or fewer", quantity_qualifier::at_most},
    {"or less", quantity_qualifier::at_most},
    {"or lower", quantity_qualifier::at_most},
    {"or under", quantity_qualifier::at_most},
    {"or so", quantity_qualifier::approximate},
});
inline constexpr auto increment_phrases = std::to_array<std::string_view>({
    "an additional",
    "a further",
    "an extra",
    "additional",
    "another",
    "further",
    "extra",
});
// After a figure, these say "more of the same" and belong to no unit.
inline constexpr auto increment_words = std::to_array<std::string_view>({"more", "additional", "extra", "further"});
inline constexpr auto determiners =
    std::to_array<std::string_view>({"the", "its", "their", "his", "her", "our", "these", "those"});

// Reads digits, optionally grouped by commas in threes, with an optional
// decimal part; nullopt for malformed grouping ("1,00") or overflow ("1e400"
// never reaches here: its "e" makes it a designation, not a figure).
inline std::optional<double> digits_value(std::string_view raw) {
  const std::size_t dot = raw.find('.');
  if (dot != std::string_view::npos && raw.find('.', dot + 1) != std::string_view::npos) return std::nullopt;
  const std::string_view whole = raw.substr(0, dot);
  if (dot != std::string_view::npos && raw.substr(dot).find(',') != std::string_view::npos) return std::nullopt;
  if (const std::size_t comma = whole.find(','); comma != std::string_view::npos) {
    if (comma == 0 || comma > 3) return std::nullopt;
    for (std::size_t g = comma; g < whole.size(); g += 4) {
      if (whole[g] != ',' || g + 4 > whole.size()) return std::nullopt;
      for (std::size_t k = g + 1; k < g + 4; ++k) {
        if (!is_digit(static_cast<unsigned char>(whole[k]))) return std::nullopt;
      }
    }
  }
  std::string plain;
  plain.reserve(raw.size());
  for (char ch : raw) {
    if (ch != ',') plain += ch;
  }
  double v = 0;
  const auto r = std::from_chars(plain.data(), plain.data() + plain.size(), v, std::chars_format::fixed);
  if (r.ec != std::errc{} || r.ptr != plain.data() + plain.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct value_read {
  double value = 0;
  double scale = 1;  // what the trailing multipliers contributed: 1e6 for "25 million"
  bool scaled = false;
  bool percent = false;
  bool plus = false;      // "10,000+"
  bool vague = false;     // "thousands", "tens of thousands"
  bool compound = false;  // "12-day": fused to a word, so no unit is read
  std::string_view currency;
  std::size_t next = 0;  // first token after the value
  std::size_t last = 0;  // last token of the value
};

struct found {
  quantity value;
  std::size_t next = 0;
};

class reader {
 public:
  reader(std::string_view text, const std::vector<token>& tokens) : src_(text), toks_(tokens) {}

  // Reads a figure starting exactly at token `i`, qualifier words included.
  std::optional<found> read_at(std::size_t i) const {
    std::size_t j = i;
    auto q = quantity_qualifier::exact;
    bool has_prefix = false;
    bool increment = false;
    bool opener = false;
    bool between = false;
    for (int round = 0; round < 3; ++round) {
      if (!increment) {
        if (const std::size_t len = match_any(j, increment_phrases); len != 0) {
          j += len;
          increment = true;
          continue;
        }
      }
      if (!has_prefix && !opener) {
        if (punct_is(j, "~")) {
          q = quantity_qualifier::approximate;
          has_prefix = true;
          ++j;
          continue;
        }
        if (auto m = match_prefix(j)) {
          q = m->first;
          j += m->second;
          has_prefix = true;
          continue;
        }
        if (word_is(j, "between") || word_is(j, "from")) {
          between = word_is(j, "between");
          opener = true;
          ++j;
          continue;
        }
      }
      break;
    }

    const auto first = read_value(j, has_prefix);
    if (!first) return std::nullopt;
    double lo = first->value;
    double hi = first->value;
    bool percent = first->percent;
    bool compound = first->compound;
    std::string_view currency = first->currency;
    std::size_t k = first->next;
    std::size_t last = first->last;
    bool ranged = false;

    if (first->vague) {
      q = quantity_qualifier::vague;
    } else {
      if (first->plus) q = quantity_qualifier::at_least;
      const bool connector =
          between ? word_is(k, "and") : (word_is(k, "to") || word_is(k, "or") || punct_is(k, "-") || punct_is(k, "–"));
      if (!compound && connector) {
        auto second = read_value(k + 1, true);
        // "5-7.jpg": a dash fused to both figures joins them; if the second
        // is no figure, neither is the first.
        if (!second && (punct_is(k, "-") || punct_is(k, "–")) && !spaced(k) && is_number(k + 1) && !spaced(k + 1)) {
          return std::nullopt;
        }
        if (second && !second->vague) {
          if (!first->scaled && second->scaled && lo * second->scale <= second->value) lo *= second->scale;
          hi = second->value;
          if (lo > hi) std::swap(lo, hi);
          percent = percent || second->percent;
          if (currency.empty()) currency = second->currency;
          compound = second->compound;
          q = quantity_qualifier::range;
          k = second->next;
          last = second->last;
          ranged = true;
        }
      }
    }
    if (opener && !ranged) return std::nullopt;

    bool tailed = false;
    auto read_tail = [&] {
      if (tailed || q == quantity_qualifier::range || q == quantity_qualifier::vague) return;
      for (const auto& [phrase, qual] : suffix_phrases) {
        if (const std::size_t len = match_phrase(k, phrase); len != 0) {
          q = qual;
          k += len;
          last = k - 1;
          tailed = true;
          return;
        }
      }
    };
    read_tail();

    quantity out;
    if (percent) {
      out.unit = "percent";
    } else if (!currency.empty()) {
      out.unit = currency == "$" ? "dollars" : currency == "€" ? "euros" : "pounds";
    } else if (!compound) {
      read_unit(k, last, out.unit);
      read_tail();
    }
    read_rate(k, last, out.rate);

    if (!std::isfinite(lo) || !std::isfinite(hi)) return std::nullopt;
    switch (q) {
      case quantity_qualifier::exact:
      case quantity_qualifier::approximate:
      case quantity_qualifier::range:
        out.lower = lo;
        out.upper = hi;
        break;
      case quantity_qualifier::at_least:
      case quantity_qualifier::vague: out.lower = lo; break;
      case quantity_qualifier::at_most: out.upper = hi; break;
    }
    out.qualifier = q;
    out.text.assign(src_.substr(toks_[i].begin, toks_[last].end - toks_[i].begin));
    return found{std::move(out), k};
  }

 private:
  std::size_t size() const noexcept { return toks_.size(); }
  bool is_word(std::size_t i) const noexcept { return i < size() && toks_[i].kind == token_kind::word; }
  bool is_number(std::size_t i) const noexcept { return i < size() && toks_[i].kind == token_kind::number; }
  bool word_is(std::size_t i, std::string_view w) const noexcept { return is_word(i) && toks_[i].norm == w; }
  bool punct_is(std::size_t i, std::string_view p) const noexcept {
    return i < size() && toks_[i].kind == token_kind::punct && toks_[i].norm == p;
  }
  bool spaced(std::size_t i) const noexcept { return i < size() && toks_[i].space_before; }
  bool word_in(std::size_t i, std::span<const std::string_view> list) const noexcept {
    return is_word(i) && contains(list, toks_[i].norm);
  }
  std::optional<double> word_value(std::size_t i, std::span<const named_value> list) const noexcept {
    if (!is_word(i)) return std::nullopt;
    return lookup(list, toks_[i].norm);
  }
  bool is_month(std::size_t i) const noexcept {
    return is_word(i) && month_number(toks_[i].norm) != 0 && src_[toks_[i].begin] >= 'A' && src_[toks_[i].begin] <= 'Z';
  }

  // Number of tokens matching the space-separated words of `phrase` at `j`, or 0.
  std::size_t match_phrase(std::size_t j, std::string_view phrase) const noexcept {
    std::size_t n = 0;
    while (!phrase.empty()) {
      const std::size_t cut = phrase.find(' ');
      if (!word_is(j + n, phrase.substr(0, cut))) return 0;
      ++n;
      phrase = cut == std::string_view::npos ? std::string_view{} : phrase.substr(cut + 1);
    }
    return n;
  }
  std::size_t match_any(std::size_t j, std::span<const std::string_view> phrases) const noexcept {
    for (auto p : phrases) {
      if (const std::size_t n = match_phrase(j, p); n != 0) return n;
    }
    return 0;
  }
  std::optional<std::pair<quantity_qualifier, std::size_t>> match_prefix(std::size_t j) const noexcept {
    for (const auto& [phrase, qual] : prefix_phrases) {
      if (const std::size_t n = match_phrase(j, phrase); n != 0) return std::pair{qual, n};
    }
    return std::nullopt;
  }

  // Reads one value at `k`: digits or number words, multipliers, a percent
  // sign. `exempt` lets a bare year-like number count (after "about", etc.).
  std::optional<value_read> read_value(std::size_t k, bool exempt) const {
    if (k >= size()) return std::nullopt;
    value_read v;
    if ((punct_is(k, "$") || punct_is(k, "€") || punct_is(k, "£")) && is_number(k + 1) && !spaced(k + 1)) {
      v.currency = toks_[k].norm;
      ++k;
    }
    bool negative = false;
    if (v.currency.empty() && punct_is(k, "-") && is_number(k + 1) && !spaced(k + 1) &&
        (k == 0 || spaced(k) || punct_is(k - 1, "(") || punct_is(k - 1, "\""))) {
      negative = true;
      ++k;
    }
    std::optional<value_read> r;
    if (is_number(k)) {
      r = read_digits(k, v, negative || !v.currency.empty(), exempt);
      if (r && negative) r->value = -r->value;
    } else if (is_word(k) && !negative && v.currency.empty()) {
      r = read_words(k);
    }
    if (!r) return std::nullopt;
    std::size_t e = r->next;
    if (!r->vague && !r->compound) {
      if (punct_is(e, "%")) {
        r->percent = true;
        ++e;
      } else if (word_is(e, "percent") || word_is(e, "pct")) {
        r->percent = true;
        ++e;
      } else if (word_is(e, "per") && word_is(e + 1, "cent")) {
        r->percent = true;
        e += 2;
      }
      if (punct_is(e, "+") && !spaced(e)) {
        r->plus = true;
        ++e;
      }
    }
    r->next = e;
    r->last = e - 1;
    if (!std::isfinite(r->value)) return std::nullopt;
    return r;
  }

  std::optional<value_read> read_digits(std::size_t k, value_read v, bool signed_or_currency, bool exempt) const {
    const std::string& raw = toks_[k].norm;
    auto parsed = digits_value(raw);
    if (!parsed) return std::nullopt;
    double value = *parsed;
    // Glued on the left to a word or a name: "B52", "S-400", "COVID-19", "10:30", "9/11".
    if (!signed_or_currency && k > 0 && !spaced(k)) {
      const token& prev = toks_[k - 1];
      if (prev.kind == token_kind::word) return std::nullopt;
      if (prev.kind == token_kind::punct) {
        static constexpr std::array<std::string_view, 8> glue{":", "/", ".", "#", "@", "_", "&", "\\"};
        if (contains(glue, prev.norm)) return std::nullopt;
        if (prev.norm == "-" && k >= 2 && !spaced(k - 1) && is_word(k - 2)) return std::nullopt;
      }
    }
    std::size_t e = k + 1;
    if (e < size() && !spaced(e)) {
      if (is_word(e)) {
        // Only the news suffixes "10m", "1.5bn", "20k"; "11th", "5G", "1e400", "10km" are not figures.
        auto mult = lookup(fused_suffixes, toks_[e].norm);
        if (!mult) return std::nullopt;
        value *= *mult;
        v.scale = *mult;
        v.scaled = true;
        ++e;
        if (e < size() && !spaced(e) && (is_word(e) || is_number(e))) return std::nullopt;
      } else if ((punct_is(e, ":") || punct_is(e, "/")) && is_number(e + 1) && !spaced(e + 1)) {
        return std::nullopt;
      } else if (punct_is(e, ".") && is_word(e + 1) && !spaced(e + 1)) {
        return std::nullopt;  // a file or host name: "5-7.jpg", "1.example"
      } else if (punct_is(e, "-") && is_word(e + 1) && !spaced(e + 1)) {
        v.compound = true;
        e += 2;
      }
    }
    const bool bare = raw.find_first_of(",.") == std::string::npos;
    if (bare && !exempt && !signed_or_currency && !v.scaled && raw.size() == 4 && value >= 1900 && value <= 2099) {
      return std::nullopt;  // a year
    }
    if (bare && raw.size() <= 2 && value >= 1 && value <= 31) {
      const std::size_t before = punct_is(k - 1, ".") && k >= 2 ? k - 2 : k - 1;
      if ((k > 0 && is_month(before)) || (!v.compound && is_month(e))) return std::nullopt;  // "June 26", "26 June"
    }
    if (!v.compound && !v.scaled) {
      for (int count = 0; count < 3; ++count) {
        auto mult = word_value(e, multipliers);
        if (!mult) break;
        value *= *mult;
        v.scale = count == 0 ? *mult : v.scale * *mult;
        v.scaled = true;
        ++e;
      }
    }
    v.value = value;
    v.next = e;
    return v;
  }

  std::optional<value_read> read_words(std::size_t k) const {
    value_read v;
    const std::string& w = toks_[k].norm;

    // "several thousand", "a few hundred", "many thousands": vague.
    std::size_t m = k;
    if (w == "several" || w == "many" || w == "few") {
      m = k + 1;
    } else if (w == "a" && word_is(k + 1, "few")) {
      m = k + 2;
    }
    if (m != k) {
      auto mag = word_value(m, singular_magnitudes);
      if (!mag) mag = word_value(m, plural_magnitudes);
      if (!mag) return std::nullopt;
      v.value = 2 * *mag;
      v.vague = true;
      v.next = m + 1;
      return v;
    }

    // "thousands", "millions", "tens of thousands", "hundreds of thousands".
    if (auto mag = lookup(plural_magnitudes, w); mag || w == "tens") {
      const double base = mag ? *mag : 10;
      std::size_t e = k + 1;
      double value = 2 * base;
      if (w != "thousands" && w != "millions" && w != "billions" && w != "trillions" && word_is(e, "of")) {
        if (auto outer = word_value(e + 1, plural_magnitudes); outer && *outer >= 1e3) {
          value = 2 * base * *outer;
          e += 2;
        } else if (w == "tens") {
          return std::nullopt;
        }
      } else if (w == "tens") {
        return std::nullopt;
      }
      v.value = value;
      v.vague = true;
      v.next = e;
      return v;
    }

    // The words from `k` on, split at hyphens: "twenty-five" is two parts.
    struct part {
      std::string_view text;
      std::size_t token;
      bool ends_token;
    };
    std::array<part, 16> parts{};
    std::size_t count = 0;
    for (std::size_t t = k; t < size() && count < parts.size() && is_word(t) && (t == k || spaced(t)); ++t) {
      std::string_view rest = toks_[t].norm;
      while (count < parts.size()) {
        const std::size_t cut = rest.find('-');
        parts[count++] = {rest.substr(0, cut), t, cut == std::string_view::npos};
        if (cut == std::string_view::npos) break;
        rest = rest.substr(cut + 1);
      }
    }
    auto part_is = [&](std::size_t p, std::span<const named_value> list) {
      return p < count && lookup(list, parts[p].text).has_value();
    };
    auto part_value = [&](std::size_t p, std::span<const named_value> list) {
      return p < count ? lookup(list, parts[p].text) : std::nullopt;
    };
    auto finish = [&](double value, std::size_t used, bool percent) -> std::optional<value_read> {
      const part& lastp = parts[used - 1];
      v.value = value;
      v.percent = percent;
      v.compound = !lastp.ends_token;
      v.next = lastp.token + 1;
      return v;
    };

    // Fractions, as percent: "half", "a third", "two-thirds".
    if (parts[0].text == "half") {
      static constexpr std::array<std::string_view, 4> ordinal{"first", "second", "other", "latter"};
      if (k > 0 && word_in(k - 1, ordinal)) return std::nullopt;
      if (count >= 3 && parts[1].text == "a" && parts[0].ends_token && parts[1].ends_token) {
        if (auto mag = part_value(2, singular_magnitudes)) {  // "half a million"
          v.scale = *mag;
          v.scaled = true;
          return finish(0.5 * *mag, 3, false);
        }
      }
      return finish(50, 1, true);
    }
    if (auto num = part_value(0, numerators)) {
      if (auto den = part_value(1, denominators)) {
        // A spaced fraction must be followed by "of" or nothing wordlike:
        // "a third of the force", but not "a third deployment".
        const bool hyphenated = !parts[0].ends_token;
        const std::size_t after = parts[1].token + 1;
        if (hyphenated || !is_word(after) || word_is(after, "of")) {
          return finish(100 * *num / *den, 2, true);
        }
        return std::nullopt;
      }
    }

    // Number words: "twelve", "four thousand", "one hundred and twenty", "a dozen".
    enum class prev_kind { none, unit, teen, tens, hundred, big, conj, dozen };
    prev_kind prev = prev_kind::none;
    double total = 0;
    double current = 0;
    double last_big = std::numeric_limits<double>::infinity();
    double scale = 1;
    bool scaled = false;
    std::size_t used = 0;
    while (used < count) {
      const std::string_view p = parts[used].text;
      const bool open =
          prev == prev_kind::none || prev == prev_kind::hundred || prev == prev_kind::big || prev == prev_kind::conj;
      if ((p == "a" || p == "an") && used == 0) {
        if (!part_is(1, singular_magnitudes)) break;
        current = 1;
        prev = prev_kind::unit;
      } else if (auto small = lookup(small_numbers, p)) {
        if (open) {
          current += *small;
          prev = *small < 10 ? prev_kind::unit : prev_kind::teen;
        } else if (prev == prev_kind::tens && *small >= 1 && *small <= 9) {
          current += *small;
          prev = prev_kind::unit;
        } else {
          break;
        }
      } else if (auto ten = lookup(tens_numbers, p)) {
        if (!open) break;
        current += *ten;
        prev = prev_kind::tens;
      } else if (p == "hundred") {
        if (prev != prev_kind::unit && prev != prev_kind::teen && prev != prev_kind::tens) break;
        if (current >= 100) break;
        current *= 100;
        scale = 100;
        scaled = true;
        prev = prev_kind::hundred;
      } else if (auto big = lookup(big_scales, p)) {
        if (prev == prev_kind::none || prev == prev_kind::conj || prev == prev_kind::big || *big >= last_big) break;
        total += current * *big;
        current = 0;
        last_big = *big;
        scale = *big;
        scaled = true;
        prev = prev_kind::big;
      } else if (p == "dozen") {
        if (prev != prev_kind::unit && prev != prev_kind::teen) break;
        current *= 12;
        scale = 12;
        scaled = true;
        prev = prev_kind::dozen;
      } else if (p == "and") {
        if ((prev != prev_kind::hundred && prev != prev_kind::big) ||
            !(part_is(used + 1, small_numbers) || part_is(used + 1, tens_numbers))) {
          break;
        }
        prev = prev_kind::conj;
      } else {
        break;
      }
      ++used;
      if (prev == prev_kind::dozen) break;
    }
    if (used == 0) return std::nullopt;
    // "a" alone was consumed only before a magnitude, so `used` never ends on it.
    if (used == 1 && parts[0].text == "one" && parts[0].ends_token) {
      static constexpr std::array<std::string_view, 8> pronoun_before{"no",  "any",  "every", "each",
                                                                      "the", "this", "that",  "which"};
      static constexpr std::array<std::string_view, 3> pronoun_after{"another", "of", "by"};
      if ((k > 0 && word_in(k - 1, pronoun_before)) || word_in(k + 1, pronoun_after)) return std::nullopt;
    }
    v.scale = scale;
    v.scaled = scaled;
    return finish(total + current, used, false);
  }

  // Reads the unit phrase after a figure: increment words are skipped, "of"
  // and a determiner may come first, then up to four content words; trailing
  // "-ed"/"-ing" words are verbs, not units, and are dropped.
  void read_unit(std::size_t& k, std::size_t& last, std::string& unit) const {
    std::size_t m = k;
    while (spaced(m) && word_in(m, increment_words) && !word_is(m + 1, "than")) {
      last = m;
      ++m;
    }
    std::size_t u = m;
    if (word_is(u, "of")) {
      std::size_t w = u + 1;
      if (word_in(w, determiners)) ++w;
      if (unit_word(w)) u = w;
    }
    std::size_t end = u;
    while (end < u + 4 && unit_word(end)) ++end;
    while (end > u) {
      const std::string& w = toks_[end - 1].norm;
      const bool verb = (w.size() > 4 && w.ends_with("ed")) || (w.size() > 5 && w.ends_with("ing"));
      if (!verb) break;
      --end;
    }
    k = m;
    if (end == u) return;
    for (std::size_t t = u; t < end; ++t) {
      if (t != u) unit += ' ';
      unit.append(src_.substr(toks_[t].begin, toks_[t].end - toks_[t].begin));
    }
    last = end - 1;
    k = end;
  }

  bool unit_word(std::size_t i) const noexcept {
    if (!is_word(i) || !spaced(i) || is_month(i)) return false;
    const std::string& word = toks_[i].norm;
    if (std::ranges::binary_search(stop_words, std::string_view{word})) return false;
    // "one-half", "twenty-five": a figure of its own, not a unit.
    const std::string_view w = std::string_view{word}.substr(0, word.find('-'));
    for (auto list : {std::span<const named_value>(small_numbers), std::span<const named_value>(tens_numbers),
                      std::span<const named_value>(multipliers), std::span<const named_value>(plural_magnitudes),
                      std::span<const named_value>(denominators)}) {
      if (lookup(list, w)) return false;
    }
    return true;
  }

  // Reads "a day", "per week", "each month" (but not "a month after").
  void read_rate(std::size_t& k, std::size_t& last, std::string& rate) const {
    static constexpr std::array<std::string_view, 5> per{"a", "an", "per", "each", "every"};
    static constexpr std::array<std::string_view, 6> not_rate{"after", "before", "ago", "later", "earlier", "of"};
    if (!word_in(k, per) || !word_in(k + 1, rate_periods) || word_in(k + 2, not_rate)) return;
    rate = toks_[k + 1].norm;
    last = k + 1;
    k += 2;
  }

  std::string_view src_;
  const std::vector<token>& toks_;
};

}  // namespace detail::qty

/// Returns every figure in `text`, in order, each read as `parse_quantity`
/// reads the first; empty when there is none. Never fails on malformed text.
/// @throws std::bad_alloc only when memory runs out.
inline std::vector<quantity> find_quantities(std::string_view text) {
  const auto tokens = detail::qty::tokenize(text);
  const detail::qty::reader r(text, tokens);
  std::vector<quantity> out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (auto f = r.read_at(i)) {
      out.push_back(std::move(f->value));
      i = std::max(f->next, i + 1);
    } else {
      ++i;
    }
  }
  return out;
}

/// Returns the first figure stated in `text` ("about 92 casualties a day",
/// or a whole sentence), or nullopt when it states none ("several", "soon",
/// "", a lone year). Never fails on malformed text; the rules are in
/// docs/quantities.md.
/// @throws std::bad_alloc only when memory runs out.
inline std::optional<quantity> parse_quantity(std::string_view text) {
  const auto tokens = detail::qty::tokenize(text);
  const detail::qty::reader r(text, tokens);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (auto f = r.read_at(i)) return std::move(f->value);
  }
  return std::nullopt;
}

}  // namespace sourcetrace
