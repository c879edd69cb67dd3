// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Undeclared text reuse: which articles of a set copy text from one
/// another, how much (Jaccard and containment of their word shingles), the
/// passages they share as character offsets in both, and who copied whom by
/// publication date. Word shingles over folded text, hashed with xxHash;
/// MinHash signatures; LSH banding whose bands and rows follow from the
/// threshold; every candidate pair verified exactly, with shingles common
/// to many documents of the set (site furniture) down-weighted. The method
/// and its formulas are in docs/reuse.md. Needs xxhash.h (libxxhash-dev),
/// used header-only.

#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/detail/text_tokens.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/text/span.hpp>
#include <sourcetrace/time/date.hpp>

#ifndef XXH_INLINE_ALL
#define XXH_INLINE_ALL
#define SOURCETRACE_DEFINED_XXH_INLINE_ALL
#endif
#include <xxhash.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#ifdef SOURCETRACE_DEFINED_XXH_INLINE_ALL
#undef XXH_INLINE_ALL
#undef SOURCETRACE_DEFINED_XXH_INLINE_ALL
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sourcetrace {

/// What `reuse_index` looks for, and how hard.
struct reuse_options {
  std::size_t shingle = 5;       ///< words per shingle
  double jaccard = 0.5;          ///< a pair whose weighted Jaccard reaches this is a copy
  double containment = 0.3;      ///< ... or whose weighted containment does
  double miss_rate = 0.01;       ///< the LSH stage misses at most this share of pairs at its threshold
  std::size_t max_values = 128;  ///< MinHash values per document at most
  /// An LSH bucket of more documents (one text printed that many times)
  /// pairs each with its earliest document only, not every two (counted).
  std::size_t max_bucket = 200;
  /// A shingle held by this many documents of one site (`reuse_index::add`)
  /// is that site's furniture and counts for nothing.
  std::size_t furniture_pages = 3;
};

/// The LSH stage as chosen from the options: `bands` bands of `rows`
/// MinHash values. A pair of Jaccard `s` shares a band with probability
/// 1 - (1 - s^rows)^bands; `rows` is the largest for which the bands needed
/// to keep the miss rate at `threshold` fit in `max_values`.
struct lsh_plan {
  double threshold = 0;  ///< the Jaccard the stage is tuned for: min(jaccard, c / (2 - c))
  std::size_t bands = 0;
  std::size_t rows = 0;
  /// The probability that a pair of Jaccard `s` becomes a candidate.
  double candidate_probability(double s) const {
    return 1 - std::pow(1 - std::pow(s, static_cast<double>(rows)), static_cast<double>(bands));
  }
};

/// Returns the plan for `o`: t = min(jaccard, containment / (2 - containment)),
/// the Jaccard of two texts of equal length at that containment; then for
/// r = 1, 2, ... the bands b(r) = ceil(ln(miss_rate) / ln(1 - t^r)), keeping
/// the largest r with b(r) * r <= max_values.
/// @throws std::invalid_argument on a threshold outside (0, 1], a miss rate
/// outside (0, 1), or too few values for one band.
inline lsh_plan plan_lsh(const reuse_options& o) {
  auto in_unit = [](double x) { return x > 0 && x <= 1; };
  if (!in_unit(o.jaccard)) throw std::invalid_argument("reuse: the Jaccard threshold must be in (0, 1]");
  if (!in_unit(o.containment)) throw std::invalid_argument("reuse: the containment threshold must be in (0, 1]");
  if (!(o.miss_rate > 0 && o.miss_rate < 1)) throw std::invalid_argument("reuse: the miss rate must be in (0, 1)");
  if (o.shingle == 0) throw std::invalid_argument("reuse: a shingle has at least one word");
  lsh_plan p;
  p.threshold = std::min(o.jaccard, o.containment / (2 - o.containment));
  const double ln_miss = std::log(o.miss_rate);
  for (std::size_t r = 1; r <= o.max_values; ++r) {
    const double hit = std::pow(p.threshold, static_cast<double>(r));
    const double b = hit >= 1 ? 1 : std::ceil(ln_miss / std::log1p(-hit));
    if (b * static_cast<double>(r) > static_cast<double>(o.max_values)) break;
    p.rows = r;
    p.bands = static_cast<std::size_t>(b);
    if (hit >= 1) break;
  }
  if (p.rows == 0)
    throw std::invalid_argument("reuse: thresholds this low need more than " + std::to_string(o.max_values) +
                                " MinHash values per document; raise the Jaccard or the containment threshold");
  return p;
}

/// Who copied whom, from the publication dates: the later copies the
/// earlier; on the same day, or with a date missing, it is undecided.
enum class reuse_direction : std::uint8_t { b_copies_a, a_copies_b, undecided };

/// Returns "b copies a", "a copies b" or "undecided".
inline std::string_view to_string(reuse_direction d) noexcept {
  switch (d) {
    case reuse_direction::b_copies_a: return "b copies a";
    case reuse_direction::a_copies_b: return "a copies b";
    case reuse_direction::undecided: return "undecided";
  }
  return "?";
}

/// Returns the direction for documents published on `a` and `b`.
inline reuse_direction direction_of(std::optional<greg::date> a, std::optional<greg::date> b) noexcept {
  if (!a || !b || *a == *b) return reuse_direction::undecided;
  return *a < *b ? reuse_direction::b_copies_a : reuse_direction::a_copies_b;
}

/// A passage two texts share, in characters of each.
struct shared_passage {
  char_span a;
  char_span b;
  friend bool operator==(const shared_passage&, const shared_passage&) = default;
};

/// A pair of documents found to share text. `a` < `b`, by the order they were added.
struct reuse_pair {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double jaccard = 0;          ///< weighted: |A ∩ B| / |A ∪ B|, each shingle weighted by how few documents hold it
  double containment = 0;      ///< weighted: |A ∩ B| / min(|A|, |B|)
  double raw_jaccard = 0;      ///< the same, every shingle counting 1
  double raw_containment = 0;  ///< the same, every shingle counting 1
  reuse_direction direction = reuse_direction::undecided;
  std::vector<shared_passage> shared;  ///< maximal shared passages, by their start in `a`
};

/// What a search did, for progress and for the doc's figures.
struct reuse_stats {
  std::size_t documents = 0;
  std::size_t candidates = 0;       ///< pairs the LSH stage proposed
  std::size_t pairs = 0;            ///< of those, verified as copies
  std::size_t skipped_buckets = 0;  ///< LSH buckets over `max_bucket` documents, paired with their earliest only
};

namespace detail::reuse {

/// A text's words, folded: ASCII letters lower-cased, apostrophes inside a
/// word dropped (straight or curly: "don't" and "don’t" are "dont"), every
/// other mark a separator (hyphens and dashes of every kind, quotes,
/// punctuation), so that typography never hides a copy. `folded` holds the
/// words, each followed by one space; `at[i]` is where word i starts in it;
/// `begin[i]`, `end[i]` are its bytes in the text.
struct folded_words {
  std::string folded;
  std::vector<std::uint32_t> at;     // the first `size()` hold the words; the rest is room
  std::vector<std::uint32_t> begin;  // idem
  std::vector<std::uint32_t> end;    // idem
  std::size_t words = 0;
  std::size_t size() const noexcept { return words; }
};

inline bool ascii_alnum(unsigned char c) noexcept { return is_digit(c) || is_alpha(c); }

// A byte that continues or starts a word: an ASCII letter or digit, or a
// non-ASCII byte that is neither a space nor one of the marks utf8_symbol folds.
inline bool word_byte(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return ascii_alnum(c);
  return space_length(s, i) == 0 && utf8_symbol(s, i).length == 0;
}

// The length of an apostrophe at `i` (' or U+2018..U+201B), or 0.
inline std::size_t apostrophe_length(std::string_view s, std::size_t i) noexcept {
  if (s[i] == '\'') return 1;
  const auto sym = utf8_symbol(s, i);
  return sym.canonical == "'" ? sym.length : 0;
}

// ASCII letters and digits folded (upper case to lower), every other ASCII byte 0.
inline constexpr std::array<char, 128> ascii_fold = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  }
  return t;
}();

inline void fold(std::string_view s, folded_words& out) {
  const std::size_t n = s.size();
  // Each word byte is copied once and each word ends in one space, which
  // stands for at least one byte of the text: never more than n + 1 bytes,
  // and never more than n / 2 + 1 words. One byte more of each, for the
  // stores made before it is known whether they count.
  out.folded.resize(n + 2 + 16);  // and 16 for the last 16-byte store of a chunk
  const std::size_t most = n / 2 + 2;
  if (out.at.size() < most) {
    out.at.resize(most);
    out.begin.resize(most);
    out.end.resize(most);
  }
  char* o = out.folded.data();
  std::uint32_t* at = out.at.data();
  std::uint32_t* first = out.begin.data();
  std::uint32_t* past = out.end.data();
  auto word_at = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(s[k]);
    return c < 0x80 ? ascii_fold[c] != 0 : word_byte(s, k);
  };
  // Byte by byte, with as few branches as the bytes allow: where a word
  // starts or ends is where a branch would be mispredicted, so the stores
  // are made every time and only the counts move.
  std::size_t len = 0, words = 0, i = 0, last = 0;
  bool in_word = false;
#if defined(__SSE2__)
  alignas(16) char chunk[32] = {};
#endif
  while (i < n) {
    std::size_t stop = n;
#if defined(__SSE2__)
    // Sixteen bytes of plain ASCII (no byte over 0x7F, no apostrophe) at a
    // time: letters and digits found and folded at once, and only the
    // starts and ends of words visited, one by one.
    if (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const bool plain = _mm_movemask_epi8(v) == 0 && _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\''))) == 0;
      if (plain) {
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const __m128i letter =
            _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        const __m128i digit =
            _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        _mm_store_si128(reinterpret_cast<__m128i*>(chunk),
                        _mm_or_si128(_mm_and_si128(letter, lower), _mm_and_si128(digit, v)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
        const unsigned before = (mask << 1 | static_cast<unsigned>(in_word)) & 0xFFFFu;
        const unsigned starts = mask & ~before, ends = ~mask & before & 0xFFFFu;
        unsigned from = 0;  // where the current word's bytes start in the chunk
        for (unsigned events = starts | ends; events != 0; events &= events - 1) {
          const auto j = static_cast<unsigned>(__builtin_ctz(events));
          if (starts >> j & 1u) {
            at[words] = static_cast<std::uint32_t>(len);
            first[words] = static_cast<std::uint32_t>(i + j);
            ++words;
            from = j;
          } else {
            std::memcpy(o + len, chunk + from, 16);
            len += j - from;
            past[words - 1] = static_cast<std::uint32_t>(i + j);
            o[len++] = ' ';
          }
        }
        in_word = (mask >> 15 & 1u) != 0;
        if (in_word) {
          std::memcpy(o + len, chunk + from, 16);
          len += 16 - from;
          last = i + 16;
        }
        i += 16;
        continue;
      }
    }
    stop = std::min(n, i + 16);
#endif
    while (i < stop) {
      const auto c = static_cast<unsigned char>(s[i]);
      std::size_t step = 1;
      char f = 0;
      bool join = false;
      if (c < 0x80) {
        f = ascii_fold[c];
        if (c == '\'') join = in_word && i + 1 < n && word_at(i + 1);
      } else if (word_byte(s, i)) {
        f = static_cast<char>(c);
      } else if (const std::size_t ap = apostrophe_length(s, i); ap != 0) {
        step = ap;
        join = in_word && i + ap < n && word_at(i + ap);
      } else {
        step = std::max<std::size_t>({1, space_length(s, i), utf8_symbol(s, i).length});
      }
      const bool letter = f != 0, part = letter || join;
      const bool starts = part && !in_word, ends = !part && in_word;
      past[words - ends] = static_cast<std::uint32_t>(last);  // only a word that ends keeps it
      o[len] = ' ';
      len += ends;
      at[words] = static_cast<std::uint32_t>(len);
      first[words] = static_cast<std::uint32_t>(i);
      words += starts;
      o[len] = f;
      len += letter;
      last = letter ? i + 1 : last;
      in_word = part;
      i += step;
    }
  }
  if (in_word) {
    past[words - 1] = static_cast<std::uint32_t>(last);
    o[len++] = ' ';
  }
  out.folded.resize(len);
  out.words = words;
}

/// The hash of shingle `i` (words i .. i + k - 1) of `w`: XXH3, 64 bits.
inline std::uint64_t shingle_hash(const folded_words& w, std::size_t i, std::size_t k) noexcept {
  const std::size_t from = w.at[i];
  const std::size_t to = i + k < w.size() ? w.at[i + k] - 1 : w.folded.size() - 1;
  return XXH3_64bits(w.folded.data() + from, to - from);
}

/// The number of shingles of `w`: none for a text shorter than one shingle.
inline std::size_t shingle_count(const folded_words& w, std::size_t k) noexcept {
  return w.size() >= k ? w.size() - k + 1 : 0;
}

/// A document's distinct shingles, sorted by hash, each with the word it
/// first starts at; and the words' bytes, for the shared passages.
struct shingle_set {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> shingles;
  std::vector<std::uint32_t> begin, end;  // each word's first character and the one past it
};

inline shingle_set shingles_of(std::string_view text, std::size_t k, folded_words& scratch) {
  fold(text, scratch);
  shingle_set s;
  const std::size_t n = shingle_count(scratch, k);
  s.shingles.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    s.shingles.emplace_back(shingle_hash(scratch, i, k), static_cast<std::uint32_t>(i));
  std::sort(s.shingles.begin(), s.shingles.end());
  s.shingles.erase(std::unique(s.shingles.begin(), s.shingles.end(),
                               [](const auto& x, const auto& y) { return x.first == y.first; }),
                   s.shingles.end());
  // Each word's start and end in characters (UTF-8 decoded), counted in one
  // pass over the text, as the words come in order.
  s.begin.resize(scratch.size());
  s.end.resize(scratch.size());
  std::size_t byte = 0, chars = 0;
  auto to = [&](std::size_t b) {
    for (; byte < b; ++byte) chars += (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
    return static_cast<std::uint32_t>(chars);
  };
  for (std::size_t w = 0; w < scratch.size(); ++w) {
    s.begin[w] = to(scratch.begin[w]);
    s.end[w] = to(scratch.end[w]);
  }
  return s;
}

/// The exact Jaccard of two shingle sets, every shingle counting 1.
inline double exact_jaccard(const shingle_set& a, const shingle_set& b) {
  std::size_t both = 0;
  auto i = a.shingles.begin(), j = b.shingles.begin();
  while (i != a.shingles.end() && j != b.shingles.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      ++both, ++i, ++j;
    }
  }
  const std::size_t either = a.shingles.size() + b.shingles.size() - both;
  return either == 0 ? 0 : static_cast<double>(both) / static_cast<double>(either);
}

/// The weight of a shingle held by `df` documents of the set: 1 for a
/// shingle of one or two documents, then 1 / (1 + log2(df / 2)): 0.5 at 4
/// documents, 0.33 at 8, 0.18 at 50. Text two articles share counts fully;
/// text many documents share counts less the more documents share it.
inline double weight_of(std::uint32_t df) noexcept {
  return df <= 2 ? 1.0 : 1.0 / (1.0 + std::log2(static_cast<double>(df) / 2.0));
}

/// Sorts (hash, value) pairs whose hashes are uniform: one counting pass
/// scatters them by their top bits into buckets of about 32, then each
/// bucket is sorted in the cache. Several times faster than std::sort on
/// millions of pairs.
inline void sort_by_hash(std::vector<std::pair<std::uint64_t, std::uint32_t>>& v) {
  if (v.size() < 4096) {
    std::sort(v.begin(), v.end());
    return;
  }
  unsigned bits = 1;
  while ((std::size_t{1} << bits) < v.size() / 32 && bits < 24) ++bits;
  const unsigned shift = 64 - bits;
  std::vector<std::uint32_t> start((std::size_t{1} << bits) + 1, 0);
  for (const auto& x : v) ++start[(x.first >> shift) + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<std::pair<std::uint64_t, std::uint32_t>> out(v.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& x : v) out[next[x.first >> shift]++] = x;
  for (std::size_t b = 0; b + 1 < start.size(); ++b) std::sort(out.begin() + start[b], out.begin() + start[b + 1]);
  v.swap(out);
}

/// The position of a 64-bit hash in a sorted vector of distinct ones, in
/// about two memory reads: a directory by the hash's top bits gives the
/// first key of its bucket, and the bucket (about 4 keys, as hashes are
/// uniform) is scanned. Built in one pass over the keys; the keys are not copied.
class sorted_index {
 public:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  explicit sorted_index(const std::vector<std::uint64_t>& keys) : keys_(keys) {
    while ((std::size_t{1} << bits_) < keys.size() / 4 + 1 && bits_ < 32) ++bits_;
    dir_.assign((std::size_t{1} << bits_) + 1, static_cast<std::uint32_t>(keys.size()));
    for (std::size_t i = keys.size(); i-- > 0;) dir_[bucket(keys[i])] = static_cast<std::uint32_t>(i);
    // An empty bucket starts where the next one does.
    for (std::size_t b = dir_.size() - 1; b-- > 0;) dir_[b] = std::min(dir_[b], dir_[b + 1]);
  }
  /// The position of `h` in the keys, or `none`.
  std::uint32_t find(std::uint64_t h) const noexcept {
    const std::size_t b = bucket(h);
    for (std::uint32_t i = dir_[b], end = dir_[b + 1]; i < end; ++i) {
      if (keys_[i] == h) return i;
      if (keys_[i] > h) break;
    }
    return none;
  }

 private:
  std::size_t bucket(std::uint64_t h) const noexcept {
    return bits_ == 0 ? 0 : static_cast<std::size_t>(h >> (64 - bits_));
  }
  const std::vector<std::uint64_t>& keys_;
  unsigned bits_ = 0;
  std::vector<std::uint32_t> dir_;
};

/// The MinHash signature of `w` in `n` values, by one-permutation hashing
/// (Li, Owen and Zhang 2012) with optimal densification (Shrivastava 2017):
/// the 64-bit hash of each shingle is its place in one random permutation;
/// its high 32 bits pick one of `n` bins, and each bin keeps the least low
/// 32 bits it receives. An empty bin (a short text) takes the value of the
/// first filled bin a fixed sequence of XXH64 draws for that bin meets, the
/// same sequence for every document, so that two documents agree on a bin
/// with probability their Jaccard, as with `n` separate permutations, at
/// the cost of one.
inline void signature(const folded_words& w, std::size_t k, std::uint32_t* sig, std::size_t n,
                      std::vector<unsigned char>& filled) {
  filled.assign(n, 0);
  std::fill(sig, sig + n, std::numeric_limits<std::uint32_t>::max());
  const std::size_t count = shingle_count(w, k);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t x = shingle_hash(w, i, k);
    const auto bin = static_cast<std::size_t>(((x >> 32) * n) >> 32);
    const auto v = static_cast<std::uint32_t>(x);
    sig[bin] = v < sig[bin] ? v : sig[bin];
    filled[bin] = 1;
  }
  if (count == 0) return;
  for (std::size_t j = 0; j < n; ++j) {
    if (filled[j]) continue;
    for (std::uint64_t attempt = 0;; ++attempt) {
      const std::uint64_t key[2] = {j, attempt};
      const std::uint64_t r = XXH64(key, sizeof key, 0x5eed0001u);
      const auto t = static_cast<std::size_t>(((r >> 32) * n) >> 32);
      if (filled[t]) {
        sig[j] = sig[t];
        break;
      }
    }
  }
}

}  // namespace detail::reuse

/// The documents of a set, each reduced to a MinHash signature as it is
/// added, and the search for the pairs among them that share text. The
/// texts are not copied: each must outlive the index.
class reuse_index {
 public:
  explicit reuse_index(reuse_options o = {}) : o_(o), plan_(plan_lsh(o)), n_(plan_.bands * plan_.rows) {}

  const reuse_options& options() const noexcept { return o_; }
  const lsh_plan& plan() const noexcept { return plan_; }
  std::size_t size() const noexcept { return texts_.size(); }

  /// Adds a document published on `published` (if known) by `site` (the
  /// host of its address, or its outlet; empty if unknown); returns its
  /// number, counting from 0.
  std::uint32_t add(std::string_view text, std::optional<greg::date> published = std::nullopt,
                    std::string_view site = {}) {
    if (texts_.size() >= std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("reuse: too many documents");
    // Word offsets are 32 bits: a text of 4 GiB or more is no article.
    if (text.size() >= std::numeric_limits<std::uint32_t>::max() / 2)
      throw std::length_error("reuse: a text of " + std::to_string(text.size()) +
                              " bytes is over the 2 GiB an article may have");
    const std::size_t at = signatures_.size();
    signatures_.resize(at + n_);
    detail::reuse::fold(text, scratch_);
    detail::reuse::signature(scratch_, o_.shingle, signatures_.data() + at, n_, filled_);
    empty_.push_back(detail::reuse::shingle_count(scratch_, o_.shingle) == 0);
    std::uint32_t site_id = no_site;
    if (!site.empty()) {
      site_id = static_cast<std::uint32_t>(site_ids_.size());
      site_id = site_ids_.try_emplace(std::string(site), site_id).first->second;
    }
    sites_.push_back(site_id);
    texts_.push_back(text);
    dates_.push_back(published);
    return static_cast<std::uint32_t>(texts_.size() - 1);
  }

  /// The pairs the LSH stage proposes: documents that agree on all the
  /// MinHash values of at least one band; sorted, each once, a < b.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates(reuse_stats* stats = nullptr) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    const std::size_t n = n_, docs = texts_.size();
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    keys.reserve(docs);
    std::size_t skipped = 0;
    for (std::size_t band = 0; band < plan_.bands; ++band) {
      keys.clear();
      for (std::size_t d = 0; d < docs; ++d) {
        if (empty_[d]) continue;
        const std::uint32_t* row = signatures_.data() + d * n + band * plan_.rows;
        keys.emplace_back(XXH3_64bits_withSeed(row, plan_.rows * sizeof(std::uint32_t), band),
                          static_cast<std::uint32_t>(d));
      }
      std::sort(keys.begin(), keys.end());
      for (std::size_t i = 0; i < keys.size();) {
        std::size_t j = i + 1;
        while (j < keys.size() && keys[j].first == keys[i].first) ++j;
        if (j - i > o_.max_bucket) {
          // Pairs with its earliest document only: linear, and every copy still joins the group.
          ++skipped;
          std::size_t head = i;
          for (std::size_t x = i + 1; x < j; ++x) {
            if (earlier(keys[x].second, keys[head].second)) head = x;
          }
          for (std::size_t x = i; x < j; ++x) {
            if (x == head) continue;
            const auto [lo, hi] = std::minmax(keys[x].second, keys[head].second);
            out.emplace_back(lo, hi);
          }
        } else {
          for (std::size_t x = i; x < j; ++x)
            for (std::size_t y = x + 1; y < j; ++y) out.emplace_back(keys[x].second, keys[y].second);
        }
        i = j;
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (stats) {
      stats->documents = docs;
      stats->candidates = out.size();
      stats->skipped_buckets = skipped;
    }
    return out;
  }

  /// Every pair of documents that shares text: the candidates, each
  /// verified on its exact shingles, kept when its weighted Jaccard or
  /// containment reaches the options' thresholds. Sorted by (a, b).
  /// `progress(done, total)`, if given, is called as candidates are verified.
  std::vector<reuse_pair> find(reuse_stats* stats = nullptr,
                               const std::function<void(std::size_t, std::size_t)>& progress = {}) const {
    reuse_stats local;
    reuse_stats& st = stats ? *stats : local;
    const auto cand = candidates(&st);
    std::vector<reuse_pair> out;
    if (cand.empty()) return out;
    // The shingles of every document in a candidate pair, built once, and
    // the weight of each from the whole set's document frequencies.
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> slot(texts_.size(), none);
    std::vector<std::uint32_t> members;  // the documents in some candidate pair, by slot
    std::vector<detail::reuse::shingle_set> sets;
    detail::reuse::folded_words scratch;
    for (const auto& [a, b] : cand) {
      for (std::uint32_t d : {a, b}) {
        if (slot[d] != none) continue;
        slot[d] = static_cast<std::uint32_t>(sets.size());
        members.push_back(d);
        sets.push_back(detail::reuse::shingles_of(texts_[d], o_.shingle, scratch));
      }
    }
    std::vector<unsigned char> furniture;
    const std::vector<double> weight = weights(sets, members, slot, furniture);
    std::vector<std::size_t> first(sets.size() + 1, 0);  // set s's weights start at first[s]
    for (std::size_t k = 0; k < sets.size(); ++k) first[k + 1] = first[k] + sets[k].shingles.size();
    // Each set's weight, and its weight against a page of its own site (its site's furniture left out).
    std::vector<double> total(sets.size(), 0), total_on_site(sets.size(), 0);
    for (std::size_t k = 0; k < sets.size(); ++k) {
      for (std::size_t x = first[k]; x < first[k + 1]; ++x) {
        total[k] += weight[x];
        if (!furniture[x]) total_on_site[k] += weight[x];
      }
    }
    std::size_t done = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> matches;
    for (const auto& [a, b] : cand) {
      if (progress && ++done % 1024 == 0) progress(done, cand.size());
      const auto& sa = sets[slot[a]];
      const auto& sb = sets[slot[b]];
      const double* wa_of = weight.data() + first[slot[a]];
      const unsigned char* furniture_of_a = furniture.data() + first[slot[a]];
      const bool one_site = sites_[a] != no_site && sites_[a] == sites_[b];
      matches.clear();
      double both = 0;
      for (std::size_t i = 0, j = 0; i < sa.shingles.size() && j < sb.shingles.size();) {
        if (sa.shingles[i].first < sb.shingles[j].first) {
          ++i;
        } else if (sb.shingles[j].first < sa.shingles[i].first) {
          ++j;
        } else {
          if (!(one_site && furniture_of_a[i])) both += wa_of[i];
          matches.emplace_back(sa.shingles[i].second, sb.shingles[j].second);
          ++i, ++j;
        }
      }
      const double wa = one_site ? total_on_site[slot[a]] : total[slot[a]];
      const double wb = one_site ? total_on_site[slot[b]] : total[slot[b]];
      reuse_pair p;
      p.a = a;
      p.b = b;
      p.jaccard = ratio(both, wa + wb - both);
      p.containment = ratio(both, std::min(wa, wb));
      const auto raw_both = static_cast<double>(matches.size());
      const auto na = static_cast<double>(sa.shingles.size()), nb = static_cast<double>(sb.shingles.size());
      p.raw_jaccard = ratio(raw_both, na + nb - raw_both);
      p.raw_containment = ratio(raw_both, std::min(na, nb));
      if (p.jaccard < o_.jaccard && p.containment < o_.containment) continue;
      p.direction = direction_of(dates_[a], dates_[b]);
      p.shared = passages(matches, sa, sb);
      out.push_back(std::move(p));
    }
    if (progress) progress(cand.size(), cand.size());
    st.pairs = out.size();
    return out;
  }

 private:
  static double ratio(double x, double y) noexcept { return y > 0 ? std::min(1.0, x / y) : 0; }

  // Document x comes before y: by date (an undated one last), then as added.
  bool earlier(std::uint32_t x, std::uint32_t y) const {
    const auto &dx = dates_[x], &dy = dates_[y];
    if (dx && dy && *dx != *dy) return *dx < *dy;
    if (dx.has_value() != dy.has_value()) return dx.has_value();
    return x < y;
  }

  // The weight of every shingle of `sets` (set after set, each in its
  // order), from how many documents of the whole set hold it: the sets'
  // own shingles count for their documents; every other document is folded
  // and hashed again, and its shingles looked up (in a bitmap of the
  // vocabulary first, so that most look-ups stop there). A shingle that
  // `furniture_pages` or more documents of one site hold is that site's
  // navigation, sign-up or copyright text: `own_furniture` marks it in the
  // sets of that site's documents, and it weighs 0 between two of them.
  std::vector<double> weights(const std::vector<detail::reuse::shingle_set>& sets,
                              const std::vector<std::uint32_t>& members, const std::vector<std::uint32_t>& slot,
                              std::vector<unsigned char>& own_furniture) const {
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    // Every shingle of the sets with its place in the output, sorted by
    // hash: a run of one hash is the candidate documents holding it.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> placed;
    for (const auto& st : sets)
      for (const auto& sh : st.shingles) placed.emplace_back(sh.first, static_cast<std::uint32_t>(placed.size()));
    detail::reuse::sort_by_hash(placed);
    std::vector<std::uint64_t> vocab;
    std::vector<std::uint32_t> df;
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (i == 0 || placed[i].first != placed[i - 1].first) {
        vocab.push_back(placed[i].first);
        df.push_back(0);
      }
      ++df.back();
    }
    const detail::reuse::sorted_index index(vocab);
    std::size_t bits = 64;
    while (bits < vocab.size() * 16) bits *= 2;
    std::vector<std::uint64_t> bitmap(bits / 64, 0);
    const std::uint64_t mask = bits - 1;
    for (std::uint64_t h : vocab) bitmap[(h & mask) >> 6] |= std::uint64_t{1} << (h & 63);
    // furniture[k]: the site whose furniture shingle k is, `several`, or `none`.
    constexpr std::uint32_t several = none - 1;
    std::vector<std::uint32_t> furniture(site_ids_.empty() ? 0 : vocab.size(), none);
    std::unordered_map<std::uint64_t, std::uint32_t> per_site;  // (shingle << 32 | site) -> documents
    auto on_site = [&](std::size_t d, std::uint32_t k) {
      const std::uint32_t site = sites_[d];
      if (site == no_site || ++per_site[std::uint64_t{k} << 32 | site] < o_.furniture_pages) return;
      furniture[k] = furniture[k] == none || furniture[k] == site ? site : several;
    };
    std::vector<std::uint32_t> owner;  // the document of each place, where sites are known
    if (!site_ids_.empty()) {
      owner.resize(placed.size());
      for (std::size_t k = 0, at = 0; k < sets.size(); ++k)
        for (std::size_t x = 0; x < sets[k].shingles.size(); ++x) owner[at++] = members[k];
      for (std::size_t i = 0, k = 0; i < placed.size(); ++i) {
        if (i > 0 && placed[i].first != placed[i - 1].first) ++k;
        on_site(owner[placed[i].second], static_cast<std::uint32_t>(k));
      }
    }
    std::vector<std::uint32_t> hits;
    detail::reuse::folded_words scratch;
    std::vector<std::uint64_t> hashes;
    for (std::size_t d = 0; d < texts_.size(); ++d) {
      if (empty_[d] || slot[d] != none) continue;
      detail::reuse::fold(texts_[d], scratch);
      hits.clear();
      // All the document's hashes first, then their bits: the reads of a
      // bitmap larger than the cache then overlap instead of waiting in turn.
      const std::size_t n = detail::reuse::shingle_count(scratch, o_.shingle);
      hashes.resize(n);
      for (std::size_t i = 0; i < n; ++i) hashes[i] = detail::reuse::shingle_hash(scratch, i, o_.shingle);
      for (const std::uint64_t h : hashes) {
        if (!(bitmap[(h & mask) >> 6] >> (h & 63) & 1)) continue;
        if (const std::uint32_t k = index.find(h); k != none) hits.push_back(k);
      }
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
      for (std::uint32_t k : hits) {
        ++df[k];
        on_site(d, k);
      }
    }
    std::vector<double> out(placed.size());
    own_furniture.assign(placed.size(), 0);
    for (std::size_t i = 0, k = 0; i < placed.size(); ++i) {
      if (i > 0 && placed[i].first != placed[i - 1].first) ++k;
      const std::uint32_t at = placed[i].second;
      out[at] = detail::reuse::weight_of(df[k]);
      if (!furniture.empty() && furniture[k] != none) {
        const std::uint32_t site = sites_[owner[at]];
        own_furniture[at] = furniture[k] == several || furniture[k] == site;
      }
    }
    return out;
  }

  // The shared passages of a pair from its matching shingles (word of a,
  // word of b): runs of matches on one diagonal whose shingles overlap or
  // touch become one passage of words in each text; passages that overlap
  // in both texts, going forward in both, merge. In characters, by their
  // start in a.
  std::vector<shared_passage> passages(std::vector<std::pair<std::uint32_t, std::uint32_t>>& matches,
                                       const detail::reuse::shingle_set& sa,
                                       const detail::reuse::shingle_set& sb) const {
    const auto k = static_cast<std::int64_t>(o_.shingle);
    // By diagonal (word of a minus word of b), then by word of a.
    std::sort(matches.begin(), matches.end(), [](const auto& x, const auto& y) {
      const auto dx = static_cast<std::int64_t>(x.first) - x.second, dy = static_cast<std::int64_t>(y.first) - y.second;
      return dx != dy ? dx < dy : x.first < y.first;
    });
    struct words {
      std::int64_t a0, a1, b0, b1;  // first and last word in each text
    };
    std::vector<words> runs;
    for (const auto& [wa, wb] : matches) {
      const auto ia = static_cast<std::int64_t>(wa), ib = static_cast<std::int64_t>(wb);
      if (!runs.empty() && runs.back().a0 - runs.back().b0 == ia - ib && ia <= runs.back().a1 + 1) {
        runs.back().a1 = std::max(runs.back().a1, ia + k - 1);
        runs.back().b1 = std::max(runs.back().b1, ib + k - 1);
      } else {
        runs.push_back({ia, ia + k - 1, ib, ib + k - 1});
      }
    }
    std::sort(runs.begin(), runs.end(),
              [](const words& x, const words& y) { return x.a0 != y.a0 ? x.a0 < y.a0 : x.b0 < y.b0; });
    std::vector<words> merged;
    for (const words& r : runs) {
      if (!merged.empty()) {
        words& m = merged.back();
        // Overlapping in both texts, and going forward in both: the two runs
        // read as one passage in each.
        if (r.a0 <= m.a1 && r.b0 >= m.b0 && r.b0 <= m.b1 && r.b1 >= m.b1) {
          m.a1 = std::max(m.a1, r.a1);
          m.b1 = r.b1;
          continue;
        }
      }
      merged.push_back(r);
    }
    std::vector<shared_passage> out;
    out.reserve(merged.size());
    for (const words& m : merged) {
      auto span_of = [](const detail::reuse::shingle_set& s, std::int64_t w0, std::int64_t w1) {
        return char_span{s.begin[static_cast<std::size_t>(w0)], s.end[static_cast<std::size_t>(w1)]};
      };
      out.push_back({span_of(sa, m.a0, m.a1), span_of(sb, m.b0, m.b1)});
    }
    return out;
  }

  reuse_options o_;
  lsh_plan plan_;
  std::size_t n_;                          // MinHash values per document: bands * rows
  std::vector<std::uint32_t> signatures_;  // bands * rows values per document
  std::vector<bool> empty_;                // no shingle at all: never a candidate
  std::vector<std::string_view> texts_;
  std::vector<std::optional<greg::date>> dates_;
  static constexpr std::uint32_t no_site = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> sites_;                         // per document: its site, or no_site
  std::unordered_map<std::string, std::uint32_t> site_ids_;  // the sites seen, numbered
  detail::reuse::folded_words scratch_;
  std::vector<unsigned char> filled_;
};

/// The evidence of a copy as the graph keeps it: the figures to three
/// decimals, as `sourcetrace reuse` prints them.
inline copy_evidence evidence_of(const reuse_pair& p, bool undecided) {
  auto r3 = [](double x) { return std::round(x * 1000) / 1000; };
  return {r3(p.jaccard), r3(p.containment), undecided};
}

/// What `add_copies` added to a graph.
struct copies_added {
  std::size_t on_claims = 0;    ///< pairs joined through the claims both articles state
  std::size_t on_text = 0;      ///< pairs joined through a claim standing for their shared text
  std::size_t declared = 0;     ///< pairs whose every link was already there, by another kind (not in on_claims)
  std::size_t derivations = 0;  ///< `copies` derivations in the graph for the pairs (new or given again)
};

/// Adds the pairs `reuse_index::find` found to `g` as `copies` derivations
/// with their similarity (`copy_evidence`), document `d` being the article
/// `article[d]` (a publication event with a host). For each pair the later
/// article copies the earlier, by the events' dates (an undated article
/// counting as the latest), then by document number; an undecided pair is
/// oriented by the same order and marked undecided, so that copies close no
/// cycle. Where the two articles state claims in common, each
/// mention of such a claim in the copy derives from the earlier article's
/// first mention of it (by id); a mention already joined to it by another
/// kind (a declared attribution) is left as it is. Where they share no
/// claim, the articles joined by such pairs form groups, and each group has
/// one claim, `text/EVENT` after its earliest article (in the same order),
/// standing for the text they share, or the `text/` claim a member already
/// states; each article states it, and the copies derive from each other as
/// above. Adding the same pairs again changes nothing.
/// @throws error if a document's event is not a publication with a host.
template <source_kind... Kinds>
copies_added add_copies(basic_provenance_graph<Kinds...>& g, std::span<const event_handle> article,
                        std::span<const reuse_pair> pairs) {
  for (std::size_t d = 0; d < article.size(); ++d) {
    const event& e = g[article[d]];
    if (!e.kind.traits().publication || !e.host.valid())
      throw error("add_copies: event \"" + e.id + "\" is not a publication with a host outlet");
  }
  // Each article's mentions: (claim, statement), by claim then statement id.
  std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, statement_handle>>> mentions;
  for (event_handle e : article) mentions.try_emplace(e.index);
  for (statement_handle v = 0; v < g.statement_count(); ++v) {
    const statement& st = g[v];
    if (!st.event.valid() || !is_report(g, v)) continue;
    auto it = mentions.find(st.event.index);
    if (it != mentions.end()) it->second.emplace_back(st.claim.index, v);
  }
  for (auto& [e, list] : mentions) {
    std::sort(list.begin(), list.end(), [&](const auto& x, const auto& y) {
      return x.first != y.first ? x.first < y.first : g.id(x.second) < g.id(y.second);
    });
  }
  copies_added out;
  // Joins every mention of claim c in `copy` to the first mention of c in `source`.
  auto join = [&](std::uint32_t copy, std::uint32_t source, const reuse_pair& p, bool undecided) {
    const auto& from = mentions[article[copy].index];
    const auto& to = mentions[article[source].index];
    bool any = false, added = false;
    for (std::size_t i = 0, j = 0; i < from.size() && j < to.size();) {
      if (from[i].first < to[j].first) {
        ++i;
      } else if (to[j].first < from[i].first) {
        ++j;
      } else {
        const std::uint32_t c = from[i].first;
        const statement_handle target = to[j].second;
        for (; i < from.size() && from[i].first == c; ++i) {
          any = true;
          const statement_handle v = from[i].second;
          if (auto [e, exists] = boost::edge(v, target, g.graph());
              exists && g.graph()[e].kind != derivation_kind::copies)
            continue;
          g.add_derivation(v, target, derivation_kind::copies);
          g.set_copy(v, target, evidence_of(p, undecided));
          ++out.derivations;
          added = true;
        }
        while (j < to.size() && to[j].first == c) ++j;
      }
    }
    if (any && !added) ++out.declared;
    return any;
  };
  // Every pair runs from the later article to the earlier in one order: by
  // date (an undated article last), then by number. A pair whose direction
  // is undecided is oriented by the same order, so that copies never close
  // a cycle of their own.
  auto earlier = [&](std::uint32_t x, std::uint32_t y) {
    const auto& dx = g[article[x]].date;
    const auto& dy = g[article[y]].date;
    if (dx && dy && dx->first() != dy->first()) return dx->first() < dy->first();
    if (dx.has_value() != dy.has_value()) return dx.has_value();
    return x < y;
  };
  auto oriented = [&](const reuse_pair& p) {
    // (copy, source, undecided)
    const bool undecided = p.direction == reuse_direction::undecided;
    return earlier(p.a, p.b) ? std::tuple{p.b, p.a, undecided} : std::tuple{p.a, p.b, undecided};
  };
  std::vector<const reuse_pair*> on_text;
  for (const reuse_pair& p : pairs) {
    auto [copy, source, undecided] = oriented(p);
    const std::size_t declared = out.declared;
    if (join(copy, source, p, undecided)) {
      if (out.declared == declared) ++out.on_claims;
    } else {
      on_text.push_back(&p);
    }
  }
  if (on_text.empty()) return out;
  // Groups of articles joined through their text alone.
  std::vector<std::uint32_t> parent(article.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const reuse_pair* p : on_text) {
    std::uint32_t x = find(p->a), y = find(p->b);
    if (x == y) continue;
    if (earlier(y, x)) std::swap(x, y);
    parent[y] = x;  // the root stays the group's earliest article
  }
  std::map<std::uint32_t, claim_handle> claim_of;  // root -> its text claim
  for (const reuse_pair* p : on_text) {
    const std::uint32_t root = find(p->a);
    auto it = claim_of.find(root);
    if (it == claim_of.end()) {
      const event& first = g[article[root]];
      const std::string id = "text/" + first.id;
      claim_handle c;
      // A text claim a member of the group already states (from an earlier
      // run on fewer articles) is the group's, so the text keeps one claim.
      std::optional<claim_handle> stated;
      for (std::uint32_t d = 0; d < article.size() && !stated; ++d) {
        if (find(d) != root) continue;
        for (const auto& [claim, v] : mentions[article[d].index]) {
          if (g[claim_handle{claim}].id.starts_with("text/")) {
            stated = claim_handle{claim};
            break;
          }
        }
      }
      if (stated) {
        c = *stated;
      } else if (auto existing = g.find_claim(id)) {
        c = *existing;
      } else {
        const std::string title = first.info.title.empty() ? first.id : first.info.title;
        c = g.add_claim(id, "the text of \"" + title + "\", which its copies repeat");
      }
      it = claim_of.emplace(root, c).first;
    }
    auto [copy, source, undecided] = oriented(*p);
    const statement_handle from = g.report(article[copy], it->second).head();
    const statement_handle to = g.report(article[source], it->second).head();
    for (statement_handle v : {from, to}) {
      auto& list = mentions[g[v].event.index];
      const std::pair<std::uint32_t, statement_handle> entry{it->second.index, v};
      if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
    }
    g.add_derivation(from, to, derivation_kind::copies);
    g.set_copy(from, to, evidence_of(*p, undecided));
    ++out.derivations;
    ++out.on_text;
  }
  return out;
}

}  // namespace sourcetrace
