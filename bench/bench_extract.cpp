// SPDX-License-Identifier: BSL-1.0
// Google Benchmark: reading raw articles (text/extract.hpp), in articles of
// about 600 words per second on one core. The articles are the project's
// labelled ones (tests/data/extraction/), three joined into one, so the
// text is real news prose; claims are grouped over the whole batch, as
// `sourcetrace extract` does. Figures and the command: docs/performance.md.

#include <sourcetrace/io/extract_inputs.hpp>
#include <sourcetrace/text/extract.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef SOURCETRACE_EXTRACTION_DATA_DIR
#error "SOURCETRACE_EXTRACTION_DATA_DIR names tests/data/extraction"
#endif

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t words(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

// Articles of about 600 words: three labelled articles, one after another,
// the later two without their headline line.
const std::vector<std::string>& articles() {
  static const std::vector<std::string> out = [] {
    std::vector<std::filesystem::path> files;
    for (const char* set : {"dev", "heldout"}) {
      for (const auto& e :
           std::filesystem::directory_iterator(std::filesystem::path(SOURCETRACE_EXTRACTION_DATA_DIR) / set))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::string t = read(files[i]);
      for (std::size_t k = 1; k < 3; ++k) {
        const std::string next = read(files[(i + k) % files.size()]);
        t += "\n\n" + next.substr(std::min(next.size(), next.find('\n')));
      }
      texts.push_back(std::move(t));
    }
    return texts;
  }();
  return out;
}

// Reads `state.range(0)` articles with the seed gazetteer and groups their claims.
void BM_extract(benchmark::State& state) {
  const auto& texts = articles();
  const auto gz = sourcetrace::read_gazetteer_file(std::string(SOURCETRACE_EXAMPLE_DATA_DIR) + "/gazetteer.json");
  const auto n = static_cast<std::size_t>(state.range(0));
  std::size_t total_words = 0;
  for (std::size_t i = 0; i < n; ++i) total_words += words(texts[i % texts.size()]);
  for (auto _ : state) {
    sourcetrace::extractor ex(gz);
    for (std::size_t i = 0; i < n; ++i) {
      ex.add({"a" + std::to_string(i) + ".txt", texts[i % texts.size()], "Outlet " + std::to_string(i % 7),
              boost::gregorian::date(2025, 6, 27), ""});
    }
    ex.finish();
    benchmark::DoNotOptimize(ex.claims().size());
  }
  const double iters = static_cast<double>(state.iterations());
  state.counters["articles_per_second"] =
      benchmark::Counter(static_cast<double>(n) * iters, benchmark::Counter::kIsRate);
  state.counters["words_per_article"] = static_cast<double>(total_words) / static_cast<double>(n);
  state.counters["words_per_second"] =
      benchmark::Counter(static_cast<double>(total_words) * iters, benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_extract)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
