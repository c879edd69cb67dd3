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
#ifdef SOURCETRACE_DEFINED_XXH_INLINE_ALL
#undef XXH_INLINE_ALL
#undef SOURCETRACE_DEFINED_XXH_INLINE_ALL
#endif

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
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
  std::size_t shingle = 5;             ///< words per shingle
  double jaccard = 0.5;                ///< a pair whose weighted Jaccard reaches this is a copy
  double containment = 0.3;            ///< ... or whose weighted containment does
  double miss_rate = 0.01;             ///< the LSH stage misses at most this share of pairs at its threshold
  std::size_t max_permutations = 128;  ///< MinHash values per document at most
  std::size_t max_bucket = 2000;       ///< an LSH bucket of more documents yields no pairs (counted)
  /// A shingle held by this many documents of one site (`reuse_index::add`)
  /// is that site's furniture and counts for nothing.
  std::size_t furniture_pages = 3;
};

/// The LSH stage as chosen from the options: `bands` bands of `rows`
/// MinHash values. A pair of Jaccard `s` shares a band with probability
/// 1 - (1 - s^rows)^bands; `rows` is the largest for which the bands needed
/// to keep the miss rate at `threshold` fit in `max_permutations`.
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
/// the largest r with b(r) * r <= max_permutations.
/// @throws std::invalid_argument on a threshold outside (0, 1], a miss rate
/// outside (0, 1), or too few permutations for one band.
inline lsh_plan plan_lsh(const reuse_options& o) {
  auto in_unit = [](double x) { return x > 0 && x <= 1; };
  if (!in_unit(o.jaccard)) throw std::invalid_argument("reuse: the Jaccard threshold must be in (0, 1]");
  if (!in_unit(o.containment)) throw std::invalid_argument("reuse: the containment threshold must be in (0, 1]");
  if (!(o.miss_rate > 0 && o.miss_rate < 1)) throw std::invalid_argument("reuse: the miss rate must be in (0, 1)");
  if (o.shingle == 0) throw std::invalid_argument("reuse: a shingle has at least one word");
  lsh_plan p;
  p.threshold = std::min(o.jaccard, o.containment / (2 - o.containment));
  const double ln_miss = std::log(o.miss_rate);
  for (std::size_t r = 1; r <= o.max_permutations; ++r) {
    const double hit = std::pow(p.threshold, static_cast<double>(r));
    const double b = hit >= 1 ? 1 : std::ceil(ln_miss / std::log1p(-hit));
    if (b * static_cast<double>(r) > static_cast<double>(o.max_permutations)) break;
    p.rows = r;
    p.bands = static_cast<std::size_t>(b);
    if (hit >= 1) break;
  }
  if (p.rows == 0)
    throw std::invalid_argument("reuse: " + std::to_string(o.max_permutations) +
                                " permutations cannot reach the miss rate at this threshold");
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
  std::size_t skipped_buckets = 0;  ///< LSH buckets over `max_bucket` documents, which proposed nothing
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
  std::vector<std::uint32_t> at;
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> end;
  void clear() {
    folded.clear();
    at.clear();
    begin.clear();
    end.clear();
  }
  std::size_t size() const noexcept { return at.size(); }
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

inline void fold(std::string_view s, folded_words& out) {
  out.clear();
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (!word_byte(s, i)) {
      const auto c = static_cast<unsigned char>(s[i]);
      std::size_t w = 1;
      if (c >= 0x80) w = std::max<std::size_t>({1, space_length(s, i), utf8_symbol(s, i).length});
      i += w;
      continue;
    }
    out.at.push_back(static_cast<std::uint32_t>(out.folded.size()));
    out.begin.push_back(static_cast<std::uint32_t>(i));
    std::size_t last = i;
    while (i < n) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80 && ascii_alnum(c)) {
        out.folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        last = ++i;
      } else if (c >= 0x80 && word_byte(s, i)) {
        out.folded.push_back(static_cast<char>(c));
        last = ++i;
      } else if (const std::size_t ap = apostrophe_length(s, i); ap != 0 && i + ap < n && word_byte(s, i + ap)) {
        i += ap;
      } else {
        break;
      }
    }
    out.end.push_back(static_cast<std::uint32_t>(last));
    out.folded.push_back(' ');
  }
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
  std::vector<std::uint32_t> begin, end;  // bytes of each word
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
  s.begin = scratch.begin;
  s.end = scratch.end;
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

/// The MinHash permutations: h_k(x) = (a_k x + b_k) >> 32 over the 64-bit
/// shingle hash x (multiply-add-shift, a_k odd), a_k and b_k drawn from
/// XXH64 of k under two fixed seeds, so every run uses the same ones.
struct permutations {
  std::vector<std::uint64_t> a, b;
  explicit permutations(std::size_t n) : a(n), b(n) {
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint64_t key = k;
      a[k] = XXH64(&key, sizeof key, 0x5eed0001u) | 1u;
      b[k] = XXH64(&key, sizeof key, 0x5eed0002u);
    }
  }
};

}  // namespace detail::reuse

/// The documents of a set, each reduced to a MinHash signature as it is
/// added, and the search for the pairs among them that share text. The
/// texts are not copied: each must outlive the index.
class reuse_index {
 public:
  explicit reuse_index(reuse_options o = {}) : o_(o), plan_(plan_lsh(o)), perm_(plan_.bands * plan_.rows) {}

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
    const std::size_t n = perm_.a.size();
    const std::size_t at = signatures_.size();
    signatures_.resize(at + n, std::numeric_limits<std::uint32_t>::max());
    detail::reuse::fold(text, scratch_);
    const std::size_t count = detail::reuse::shingle_count(scratch_, o_.shingle);
    std::uint32_t* sig = signatures_.data() + at;
    const std::uint64_t* pa = perm_.a.data();
    const std::uint64_t* pb = perm_.b.data();
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t x = detail::reuse::shingle_hash(scratch_, i, o_.shingle);
      for (std::size_t k = 0; k < n; ++k) {
        const auto v = static_cast<std::uint32_t>((pa[k] * x + pb[k]) >> 32);
        sig[k] = v < sig[k] ? v : sig[k];
      }
    }
    empty_.push_back(count == 0);
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
    const std::size_t n = perm_.a.size(), docs = texts_.size();
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
          ++skipped;
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
    // The shingles of every document in a candidate pair, built once.
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> slot(texts_.size(), none);
    std::vector<detail::reuse::shingle_set> sets;
    detail::reuse::folded_words scratch;
    for (const auto& [a, b] : cand) {
      for (std::uint32_t d : {a, b}) {
        if (slot[d] != none) continue;
        slot[d] = static_cast<std::uint32_t>(sets.size());
        sets.push_back(detail::reuse::shingles_of(texts_[d], o_.shingle, scratch));
      }
    }
    const std::vector<std::uint64_t> vocab = vocabulary(sets);
    std::vector<bool> furniture;
    const std::vector<std::uint32_t> df = document_frequency(vocab, furniture);
    auto weight = [&](std::uint64_t h) {
      const auto k = static_cast<std::size_t>(std::lower_bound(vocab.begin(), vocab.end(), h) - vocab.begin());
      return furniture[k] ? 0.0 : detail::reuse::weight_of(df[k]);
    };
    std::vector<double> total(sets.size(), 0);
    for (std::size_t s = 0; s < sets.size(); ++s) {
      for (const auto& sh : sets[s].shingles) total[s] += weight(sh.first);
    }
    std::size_t done = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> matches;
    for (const auto& [a, b] : cand) {
      if (progress && ++done % 1024 == 0) progress(done, cand.size());
      const auto& sa = sets[slot[a]];
      const auto& sb = sets[slot[b]];
      matches.clear();
      double both = 0;
      auto i = sa.shingles.begin(), j = sb.shingles.begin();
      while (i != sa.shingles.end() && j != sb.shingles.end()) {
        if (i->first < j->first) {
          ++i;
        } else if (j->first < i->first) {
          ++j;
        } else {
          both += weight(i->first);
          matches.emplace_back(i->second, j->second);
          ++i, ++j;
        }
      }
      const double wa = total[slot[a]], wb = total[slot[b]];
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
      p.shared = passages(matches, sa, sb, texts_[a], texts_[b]);
      out.push_back(std::move(p));
    }
    if (progress) progress(cand.size(), cand.size());
    st.pairs = out.size();
    return out;
  }

 private:
  static double ratio(double x, double y) noexcept { return y > 0 ? std::min(1.0, x / y) : 0; }

  static std::vector<std::uint64_t> vocabulary(const std::vector<detail::reuse::shingle_set>& sets) {
    std::vector<std::uint64_t> v;
    for (const auto& s : sets)
      for (const auto& sh : s.shingles) v.push_back(sh.first);
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  }

  // How many documents of the whole set hold each shingle of `vocab`: every
  // document is folded and hashed again, and its shingles looked up (a
  // bitmap of the vocabulary's hashes first, so most look-ups stop there).
  // `furniture[k]` is set when `furniture_pages` or more documents of one
  // site hold shingle k: that site's navigation, sign-up and copyright text.
  std::vector<std::uint32_t> document_frequency(const std::vector<std::uint64_t>& vocab,
                                                std::vector<bool>& furniture) const {
    std::vector<std::uint32_t> df(vocab.size(), 0);
    furniture.assign(vocab.size(), false);
    std::unordered_map<std::uint64_t, std::uint32_t> per_site;  // (shingle << 32 | site) -> documents
    std::size_t bits = 64;
    while (bits < vocab.size() * 16) bits *= 2;
    std::vector<std::uint64_t> bitmap(bits / 64, 0);
    const std::uint64_t mask = bits - 1;
    for (std::uint64_t h : vocab) bitmap[(h & mask) >> 6] |= std::uint64_t{1} << (h & 63);
    detail::reuse::folded_words scratch;
    std::vector<std::uint32_t> hits;
    for (std::size_t d = 0; d < texts_.size(); ++d) {
      if (empty_[d]) continue;
      detail::reuse::fold(texts_[d], scratch);
      hits.clear();
      const std::size_t count = detail::reuse::shingle_count(scratch, o_.shingle);
      for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t h = detail::reuse::shingle_hash(scratch, i, o_.shingle);
        if (!(bitmap[(h & mask) >> 6] >> (h & 63) & 1)) continue;
        const auto it = std::lower_bound(vocab.begin(), vocab.end(), h);
        if (it != vocab.end() && *it == h) hits.push_back(static_cast<std::uint32_t>(it - vocab.begin()));
      }
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
      for (std::uint32_t k : hits) {
        ++df[k];
        if (sites_[d] == no_site) continue;
        if (++per_site[std::uint64_t{k} << 32 | sites_[d]] >= o_.furniture_pages) furniture[k] = true;
      }
    }
    return df;
  }

  // The shared passages of a pair from its matching shingles (word of a,
  // word of b): runs of matches on one diagonal whose shingles overlap or
  // touch become one passage of words in each text; passages that overlap
  // in both texts, going forward in both, merge. In characters, by their
  // start in a.
  std::vector<shared_passage> passages(std::vector<std::pair<std::uint32_t, std::uint32_t>>& matches,
                                       const detail::reuse::shingle_set& sa, const detail::reuse::shingle_set& sb,
                                       std::string_view ta, std::string_view tb) const {
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
    const char_offsets ca(ta), cb(tb);
    std::vector<shared_passage> out;
    out.reserve(merged.size());
    for (const words& m : merged) {
      auto span_of = [](const char_offsets& c, const detail::reuse::shingle_set& s, std::int64_t w0, std::int64_t w1) {
        return c(text_span{s.begin[static_cast<std::size_t>(w0)], s.end[static_cast<std::size_t>(w1)]});
      };
      out.push_back({span_of(ca, sa, m.a0, m.a1), span_of(cb, sb, m.b0, m.b1)});
    }
    return out;
  }

  reuse_options o_;
  lsh_plan plan_;
  detail::reuse::permutations perm_;
  std::vector<std::uint32_t> signatures_;  // bands * rows values per document
  std::vector<bool> empty_;                // no shingle at all: never a candidate
  std::vector<std::string_view> texts_;
  std::vector<std::optional<greg::date>> dates_;
  static constexpr std::uint32_t no_site = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> sites_;                         // per document: its site, or no_site
  std::unordered_map<std::string, std::uint32_t> site_ids_;  // the sites seen, numbered
  detail::reuse::folded_words scratch_;
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
  std::size_t declared = 0;     ///< pairs whose every link was already there, by another kind
  std::size_t derivations = 0;  ///< `copies` derivations in the graph for the pairs (new or given again)
};

/// Adds the pairs `reuse_index::find` found to `g` as `copies` derivations
/// with their similarity (`copy_evidence`), document `d` being the article
/// `article[d]` (a publication event with a host). For each pair the later
/// article copies the earlier; an undecided pair is stored from `b` to `a`,
/// marked undecided. Where the two articles state claims in common, each
/// mention of such a claim in the copy derives from the earlier article's
/// first mention of it (by id); a mention already joined to it by another
/// kind (a declared attribution) is left as it is. Where they share no
/// claim, the articles joined by such pairs form groups, and each group has
/// one claim, `text/EVENT` after its earliest article (by date, then id),
/// standing for the text they share; each article states it, and the copies
/// derive from each other as above. Adding the same pairs again changes nothing.
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
  auto oriented = [](const reuse_pair& p) {
    // (copy, source, undecided)
    if (p.direction == reuse_direction::a_copies_b) return std::tuple{p.a, p.b, false};
    return std::tuple{p.b, p.a, p.direction == reuse_direction::undecided};
  };
  std::vector<const reuse_pair*> on_text;
  for (const reuse_pair& p : pairs) {
    auto [copy, source, undecided] = oriented(p);
    if (join(copy, source, p, undecided)) {
      ++out.on_claims;
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
  auto earlier = [&](std::uint32_t x, std::uint32_t y) {
    const auto& ex = g[article[x]];
    const auto& ey = g[article[y]];
    if (ex.date && ey.date && ex.date->first() != ey.date->first()) return ex.date->first() < ey.date->first();
    if (ex.date.has_value() != ey.date.has_value()) return ex.date.has_value();
    return ex.id < ey.id;
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
      if (auto existing = g.find_claim(id)) {
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
