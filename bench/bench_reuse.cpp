// SPDX-License-Identifier: BSL-1.0
// Google Benchmark: finding text reuse (text/reuse.hpp) in synthetic
// articles of 600 words, in articles per second on one core, and the recall
// of the LSH stage against brute force. Figures and the command:
// docs/performance.md.
//
// The articles draw their words from a vocabulary of 50,000 with Zipf
// frequencies (s = 1), so common words and short phrases recur as in prose.
// One article in ten copies an earlier one: a third verbatim, a third with
// one word in twenty replaced, a third taking a run of 30 to 70% of it into
// words of its own.

#include <sourcetrace/text/reuse.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

namespace st = sourcetrace;

struct rng {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ull;
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

// Word i of the vocabulary: letters from its number, 2 to 10 of them.
std::string word_of(std::size_t i) {
  std::string w;
  std::size_t x = i + 1;
  do {
    w += static_cast<char>('a' + x % 26);
    x /= 26;
  } while (x);
  while (w.size() < 2 + i % 9) w += static_cast<char>('a' + (i * 7 + w.size()) % 26);
  return w;
}

// The articles, their words as vocabulary numbers.
std::vector<std::vector<std::uint32_t>> make_articles(std::size_t n, std::size_t words) {
  constexpr std::size_t vocabulary = 50000;
  // Zipf: the cumulative weights of 1/(i+1).
  std::vector<double> cumulative(vocabulary);
  double sum = 0;
  for (std::size_t i = 0; i < vocabulary; ++i) cumulative[i] = sum += 1.0 / static_cast<double>(i + 1);
  rng r{0x9e3779b97f4a7c15ull};
  auto draw = [&] {
    const double u = r.unit() * sum;
    return static_cast<std::uint32_t>(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
  };
  std::vector<std::vector<std::uint32_t>> out(n);
  for (std::size_t d = 0; d < n; ++d) {
    auto& w = out[d];
    w.resize(words);
    for (auto& x : w) x = draw();
    if (d < 10 || r.next() % 10 != 0) continue;
    const auto& src = out[r.next() % d];
    switch (r.next() % 3) {
      case 0: w = src; break;
      case 1:
        w = src;
        for (auto& x : w) {
          if (r.next() % 20 == 0) x = draw();
        }
        break;
      default: {
        const std::size_t len = words * (30 + r.next() % 41) / 100;
        const std::size_t from = r.next() % (words - len + 1), to = r.next() % (words - len + 1);
        std::copy(src.begin() + static_cast<std::ptrdiff_t>(from),
                  src.begin() + static_cast<std::ptrdiff_t>(from + len), w.begin() + static_cast<std::ptrdiff_t>(to));
      }
    }
  }
  return out;
}

// The texts: words with a sentence's capital and full stop every 12 to 20 words.
const std::vector<std::string>& texts(std::size_t n) {
  static std::vector<std::string> cache;
  if (cache.size() >= n) return cache;
  std::vector<std::string> vocab(50000);
  for (std::size_t i = 0; i < vocab.size(); ++i) vocab[i] = word_of(i);
  const auto arts = make_articles(n, 600);
  cache.clear();
  cache.reserve(n);
  for (const auto& a : arts) {
    std::string s;
    s.reserve(a.size() * 8);
    for (std::size_t i = 0; i < a.size(); ++i) {
      std::string w = vocab[a[i]];
      if (i % 16 == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
      s += w;
      s += i % 16 == 15 ? ". " : " ";
    }
    cache.push_back(std::move(s));
  }
  return cache;
}

// The whole search on n articles: signatures, candidates, verification.
void BM_reuse_find(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto& t = texts(n);
  std::size_t pairs = 0, candidates = 0;
  for (auto _ : state) {
    st::reuse_index idx;
    for (std::size_t i = 0; i < n; ++i) idx.add(t[i]);
    st::reuse_stats stats;
    const auto found = idx.find(&stats);
    pairs = found.size();
    candidates = stats.candidates;
    benchmark::DoNotOptimize(found.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["pairs"] = static_cast<double>(pairs);
}
BENCHMARK(BM_reuse_find)->Arg(2000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The LSH stage against brute force: of the pairs whose exact Jaccard
// reaches the plan's threshold, the share the stage proposes. Brute force
// compares all n (n - 1) / 2 pairs, so n stays in the thousands.
void BM_lsh_recall(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto& t = texts(n);
  double recall = 0;
  std::size_t truth = 0;
  for (auto _ : state) {
    st::reuse_index idx;
    for (std::size_t i = 0; i < n; ++i) idx.add(t[i]);
    const auto cand = idx.candidates();
    st::detail::reuse::folded_words scratch;
    std::vector<st::detail::reuse::shingle_set> sets;
    sets.reserve(n);
    for (std::size_t i = 0; i < n; ++i) sets.push_back(st::detail::reuse::shingles_of(t[i], 5, scratch));
    std::size_t proposed = 0;
    truth = 0;
    for (std::uint32_t a = 0; a < n; ++a) {
      for (std::uint32_t b = a + 1; b < n; ++b) {
        if (st::detail::reuse::exact_jaccard(sets[a], sets[b]) < idx.plan().threshold) continue;
        ++truth;
        proposed += std::binary_search(cand.begin(), cand.end(), std::make_pair(a, b));
      }
    }
    recall = truth ? static_cast<double>(proposed) / static_cast<double>(truth) : 1.0;
  }
  state.counters["pairs_at_threshold"] = static_cast<double>(truth);
  state.counters["lsh_recall"] = recall;
}
BENCHMARK(BM_lsh_recall)->Arg(2000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
