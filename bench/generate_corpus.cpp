// SPDX-License-Identifier: BSL-1.0
// Writes the synthetic archive of bench/synthetic.hpp as a JSON Lines corpus.
//
//   generate_corpus STATEMENTS [OUTPUT] [--edges PATH] [--seed N] [--stats]
//
// OUTPUT is a file, or "-" (the default) for standard output. --edges also
// writes the derivations as a plain edge list ("statements derivations", then
// "from to" per line) for bench/compare_networkx.py and bench/compare_igraph.py.
// --stats prints the model's figures (origins, derivations and origin sets
// per statement, cycles) and the origin-set checksum to standard error. The
// same arguments give byte-identical output.

#include "synthetic.hpp"

#include <sourcetrace/detail/origin_sets.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

int usage() {
  std::fputs("usage: generate_corpus STATEMENTS [OUTPUT|-] [--edges PATH] [--seed N] [--stats]\n", stderr);
  return 2;
}

void write_file(const std::string& path, auto&& write) {
  std::FILE* f = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot open " + path);
  {
    sourcetrace::bench::chunk_writer w(f);
    write(w);
  }
  if (f != stdout ? std::fclose(f) != 0 : std::fflush(f) != 0) throw std::runtime_error("cannot write " + path);
}

void print_stats(const sourcetrace::bench::synthetic_corpus& c) {
  using namespace sourcetrace;
  auto csr = bench::build_csr(c.statements(), c.edge_from, c.edge_to);
  auto sets = detail::compute_origin_sets(csr);
  auto n = static_cast<double>(c.statements());
  std::size_t origins = 0, cyclic = 0, cycles = 0;
  for (std::uint32_t v = 0; v < c.statements(); ++v) {
    if (boost::out_degree(v, csr) == 0) ++origins;
    if (sets.comps.cyclic[sets.comps.of[v]]) ++cyclic;
  }
  for (std::size_t k = 0; k < sets.comps.count(); ++k) cycles += sets.comps.cyclic[k];
  auto s = bench::summarize(sets, c.statements(), sets.sets.size() - 1);
  std::fprintf(stderr,
               "stories=%zu statements=%zu derivations=%zu (%.3f per statement)\n"
               "origins=%zu (%.2f%%) mean origin set=%.3f distinct sets=%llu (one per %.2f statements)\n"
               "cycles=%zu statements on cycles=%zu resting on no origin=%llu\n",
               c.stories(), c.statements(), c.derivations(), static_cast<double>(c.derivations()) / n, origins,
               100.0 * static_cast<double>(origins) / n, static_cast<double>(s.total_origins) / n,
               static_cast<unsigned long long>(s.distinct_sets), n / static_cast<double>(s.distinct_sets), cycles,
               cyclic, static_cast<unsigned long long>(s.empty));
  bench::print_summary(stderr, s);
}

}  // namespace

int main(int argc, char** argv) try {
  std::string output = "-", edges;
  std::uint64_t seed = sourcetrace::bench::default_seed;
  bool stats = false;
  std::size_t statements = 0;
  bool have_count = false, have_output = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--edges" && i + 1 < argc) {
      edges = argv[++i];
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--stats") {
      stats = true;
    } else if (!have_count && !a.empty() && a[0] != '-') {
      statements = std::strtoull(argv[i], nullptr, 10);
      have_count = true;
    } else if (have_count && !have_output) {
      output = argv[i];
      have_output = true;
    } else {
      return usage();
    }
  }
  if (!have_count || statements == 0) return usage();

  auto t0 = std::chrono::steady_clock::now();
  auto corpus = sourcetrace::bench::make_synthetic(statements, seed);
  auto t1 = std::chrono::steady_clock::now();
  write_file(output, [&](auto& w) { write_jsonl(corpus, w); });
  if (!edges.empty()) write_file(edges, [&](auto& w) { write_edge_list(corpus, w); });
  auto t2 = std::chrono::steady_clock::now();
  if (stats) {
    std::fprintf(stderr, "generated in %.2f s, written in %.2f s\n", std::chrono::duration<double>(t1 - t0).count(),
                 std::chrono::duration<double>(t2 - t1).count());
    print_stats(corpus);
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "generate_corpus: %s\n", e.what());
  return 1;
}
