// SPDX-License-Identifier: BSL-1.0
// sourcetrace at archive scale, with Google Benchmark, on the synthetic
// archive of bench/synthetic.hpp (the graph bench/generate_corpus writes).
//
//   bench_origins [--sizes=100k,1M] [Google Benchmark flags]
//
// Sizes come from --sizes or the environment variable SOURCETRACE_BENCH_SIZES
// (numbers, with k or M allowed: "100k,1M,10M"); the default is 100k and 1M.
// For each size it measures:
//   build          the provenance graph through the plain API (add_agent,
//                  add_event, add_claim, add_statement, add_derivation)
//   origins        origins(g): the origin set of every statement
//   duplicates     duplicates(g, origins(g)): every claim's reports grouped
//   cycles         cycles(g)
//   move_graph     provenance_graph(std::move(g)): constant time since the graph holds its adjacency_list by pointer
//   csr_build      a boost::compressed_sparse_row_graph of the same edges
//   csr_origins    detail::compute_origin_sets on that CSR graph
//   read_corpus    read_corpus on the JSON Lines text generate_corpus writes
// and prototypes of what would close the gap between the two (proto_*):
//   proto_frozen_origins          origins through a CSR snapshot of g
//   proto_adjacency_list_edges    the library's adjacency_list alone (no ids)
//   proto_adjacency_vector_edges  the same with EdgeListS = vecS
//   proto_intern_ids              the statement ids alone, in detail::interner
//   proto_tagged_intern_ids       the same in bench/proto_interner.hpp
// read_corpus runs last for each size, after the cached graph is dropped.
// Counters: statements_per_second, and memory: peak_rss is the process's
// VmHWM after the run, peak_delta the growth of the peak over the resident
// size before it (the benchmark's own memory, the cached graph excluded).
// origins and read_corpus check their answer against the CSR program's
// (an origin-set checksum) and fail if they differ.

#include "proto_interner.hpp"
#include "synthetic.hpp"

#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/detail/interner.hpp>
#include <sourcetrace/io/corpus.hpp>

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace sourcetrace;
using bench::synthetic_corpus;

// One size's archive, and what the benchmarks computed on it, kept between
// benchmarks of the same size and dropped when the size changes.
struct fixture {
  std::size_t size = 0;
  synthetic_corpus corpus;
  // Held by pointer and built in place, so that fixtures never move graphs
  // while other benchmarks time them.
  std::unique_ptr<provenance_graph> graph;
  std::optional<origin_map> map;
  std::optional<bench::csr_graph> csr;
  std::optional<bench::origin_summary> expected;  // from the CSR program
};

std::unique_ptr<fixture> current;

fixture& fixture_for(std::size_t n) {
  if (!current || current->size != n) {
    current.reset();
    malloc_trim(0);
    current = std::make_unique<fixture>();
    current->size = n;
    current->corpus = bench::make_synthetic(n);
  }
  return *current;
}

provenance_graph& graph_of(fixture& f) {
  if (!f.graph) f.graph.reset(new provenance_graph(bench::build_graph(f.corpus)));
  return *f.graph;
}
origin_map& map_of(fixture& f) {
  if (!f.map) f.map.emplace(origins(graph_of(f)));
  return *f.map;
}
bench::csr_graph& csr_of(fixture& f) {
  if (!f.csr) f.csr.emplace(bench::build_csr(f.corpus.statements(), f.corpus.edge_from, f.corpus.edge_to));
  return *f.csr;
}
const bench::origin_summary& expected_of(fixture& f) {
  if (!f.expected) {
    auto sets = detail::compute_origin_sets(csr_of(f));
    f.expected = bench::summarize(sets, f.corpus.statements(), sets.sets.size() - 1);
  }
  return *f.expected;
}
bool same(const bench::origin_summary& a, const bench::origin_summary& b) {
  return a.statements == b.statements && a.distinct_sets == b.distinct_sets && a.total_origins == b.total_origins &&
         a.empty == b.empty && a.checksum == b.checksum;
}

// Measures the memory a benchmark's loop adds: the peak is reset to the
// resident size first, after handing freed memory back to the system.
class memory_probe {
 public:
  memory_probe() {
    malloc_trim(0);
    bench::reset_peak_rss();
    before_ = bench::current_rss();
  }
  void report(benchmark::State& state) const {
    auto peak = bench::peak_rss();
    state.counters["peak_rss"] =
        benchmark::Counter(static_cast<double>(peak), benchmark::Counter::kDefaults, benchmark::Counter::kIs1024);
    state.counters["peak_delta"] = benchmark::Counter(static_cast<double>(peak > before_ ? peak - before_ : 0),
                                                      benchmark::Counter::kDefaults, benchmark::Counter::kIs1024);
  }

 private:
  std::size_t before_ = 0;
};

void rate(benchmark::State& state, std::size_t statements) {
  state.counters["statements_per_second"] =
      benchmark::Counter(static_cast<double>(statements), benchmark::Counter::kIsIterationInvariantRate);
}

void bm_build(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  f.map.reset();
  f.graph.reset();
  memory_probe probe;
  std::unique_ptr<provenance_graph> g;
  for (auto _ : state) {
    state.PauseTiming();
    g.reset();
    state.ResumeTiming();
    g.reset(new provenance_graph(bench::build_graph(f.corpus)));  // built in place, never moved
  }
  probe.report(state);
  rate(state, n);
  state.counters["derivations"] = static_cast<double>(g->derivation_count());
  f.graph = std::move(g);
}

void bm_origins(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  const provenance_graph& g = graph_of(f);
  f.map.reset();
  memory_probe probe;
  std::optional<origin_map> m;
  for (auto _ : state) {
    state.PauseTiming();
    m.reset();
    state.ResumeTiming();
    m.emplace(origins(g));
  }
  probe.report(state);
  rate(state, n);
  state.counters["distinct_sets"] = static_cast<double>(m->distinct_sets());
  if (!same(bench::summarize(*m, n, m->distinct_sets() - 1), expected_of(f))) {
    state.SkipWithError("origins(g) differs from the CSR program's origin sets");
  }
  f.map = std::move(m);
}

void bm_duplicates(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  const provenance_graph& g = graph_of(f);
  const origin_map& m = map_of(f);
  memory_probe probe;
  std::size_t reports = 0;
  for (auto _ : state) {
    auto d = duplicates(g, m);
    state.PauseTiming();
    reports = 0;
    for (const auto& r : d) reports += r.mentions.size();
    benchmark::DoNotOptimize(d);
    d = {};
    state.ResumeTiming();
  }
  probe.report(state);
  rate(state, n);
  state.counters["reports"] = static_cast<double>(reports);
}

void bm_cycles(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  const provenance_graph& g = graph_of(f);
  memory_probe probe;
  std::size_t count = 0;
  for (auto _ : state) {
    auto c = cycles(g);
    count = c.size();
    benchmark::DoNotOptimize(c);
  }
  probe.report(state);
  rate(state, n);
  state.counters["cycles"] = static_cast<double>(count);
}

// Moving a graph: boost::adjacency_list has no move constructor and its swap
// copies, so basic_provenance_graph holds it by pointer; this measures that a
// move stays constant-time (it once copied every vertex and edge).
void bm_move_graph(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  graph_of(f);
  memory_probe probe;
  for (auto _ : state) {
    auto moved = std::make_unique<provenance_graph>(std::move(*f.graph));
    state.PauseTiming();
    f.graph = std::move(moved);  // the pointer, not the graph
    state.ResumeTiming();
  }
  probe.report(state);
  rate(state, n);
}

void bm_csr_build(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  f.csr.reset();
  memory_probe probe;
  std::optional<bench::csr_graph> g;
  for (auto _ : state) {
    state.PauseTiming();
    g.reset();
    state.ResumeTiming();
    g.emplace(bench::build_csr(n, f.corpus.edge_from, f.corpus.edge_to));
  }
  probe.report(state);
  rate(state, n);
  f.csr = std::move(g);
}

void bm_csr_origins(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  const bench::csr_graph& g = csr_of(f);
  memory_probe probe;
  for (auto _ : state) {
    auto sets = detail::compute_origin_sets(g);
    benchmark::DoNotOptimize(sets);
    state.PauseTiming();
    sets = {};
    state.ResumeTiming();
  }
  probe.report(state);
  rate(state, n);
}

// ---- prototypes: what would close the gap to the CSR program ----------------

// The graph type of basic_provenance_graph, and the same with the edges in a
// vector instead of a std::list (EdgeListS = vecS): no allocation per edge.
using list_edges_graph = provenance_graph::graph_type;
using vector_edges_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, statement, derivation,
                                                 boost::no_property, boost::vecS>;

template <class Graph>
void bm_proto_adjacency(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  memory_probe probe;
  std::unique_ptr<Graph> g;
  for (auto _ : state) {
    state.PauseTiming();
    g.reset();
    state.ResumeTiming();
    g = std::make_unique<Graph>();
    for (std::size_t v = 0; v < n; ++v) boost::add_vertex(statement{}, *g);
    for (std::size_t i = 0; i < f.corpus.derivations(); ++i) {
      boost::add_edge(f.corpus.edge_from[i], f.corpus.edge_to[i], derivation{f.corpus.edge_kind[i]}, *g);
    }
  }
  probe.report(state);
  rate(state, n);
}

// Only the statement ids: "s0" .. "s<n-1>" into an interner, reserved:
// detail::interner, or the prototype that keeps hash bits in its table.
template <class Interner>
void bm_proto_intern_ids(benchmark::State& state, std::size_t n) {
  memory_probe probe;
  std::unique_ptr<Interner> ids;
  for (auto _ : state) {
    state.PauseTiming();
    ids.reset();
    state.ResumeTiming();
    ids = std::make_unique<Interner>();
    ids->reserve(n, n * 8);
    char id[16] = {'s'};
    for (std::size_t v = 0; v < n; ++v) {
      ids->intern(std::string_view(id, static_cast<std::size_t>(std::to_chars(id + 1, id + sizeof id, v).ptr - id)));
    }
  }
  probe.report(state);
  rate(state, n);
}

// origins(g) through a frozen snapshot: copy g's derivations into a 32-bit
// CSR graph (one pass over the out-edges), then the same origin-set pass.
void bm_proto_frozen_origins(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  const auto& g = graph_of(f).graph();
  memory_probe probe;
  for (auto _ : state) {
    std::vector<std::uint32_t> from, to;
    from.reserve(boost::num_edges(g));
    to.reserve(boost::num_edges(g));
    for (std::size_t v = 0; v < n; ++v) {
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
        from.push_back(static_cast<std::uint32_t>(v));
        to.push_back(static_cast<std::uint32_t>(boost::target(*e, g)));
      }
    }
    auto csr = bench::build_csr(n, from, to);
    from = {};
    to = {};
    auto sets = detail::compute_origin_sets(csr);
    benchmark::DoNotOptimize(sets);
    state.PauseTiming();
    sets = {};
    state.ResumeTiming();
  }
  probe.report(state);
  rate(state, n);
}

void bm_read_corpus(benchmark::State& state, std::size_t n) {
  fixture& f = fixture_for(n);
  const bench::origin_summary expected = expected_of(f);
  // Only the text and the graph read from it stay in memory.
  f.map.reset();
  f.graph.reset();
  f.csr.reset();
  std::string text;
  {
    bench::chunk_writer w(nullptr, n * 190);
    bench::write_jsonl(f.corpus, w);
    text = w.take();
  }
  memory_probe probe;
  std::unique_ptr<provenance_graph> g;
  for (auto _ : state) {
    state.PauseTiming();
    g.reset();
    state.ResumeTiming();
    g.reset(new provenance_graph(read_corpus<provenance_graph>(text, "synthetic.jsonl")));
  }
  probe.report(state);
  rate(state, n);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["text_bytes"] =
      benchmark::Counter(static_cast<double>(text.size()), benchmark::Counter::kDefaults, benchmark::Counter::kIs1024);
  text = {};
  auto m = origins(*g);
  if (!same(bench::summarize(m, n, m.distinct_sets() - 1), expected)) {
    state.SkipWithError("the graph read from JSON Lines differs from the synthetic graph");
  }
}

std::optional<std::size_t> parse_size(std::string_view s) {
  std::size_t scale = 1;
  if (!s.empty() && (s.back() == 'k' || s.back() == 'K')) scale = 1000, s.remove_suffix(1);
  if (!s.empty() && s.back() == 'M') scale = 1000000, s.remove_suffix(1);
  std::size_t x = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), x);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || x == 0) return std::nullopt;
  return x * scale;
}

std::optional<std::vector<std::size_t>> parse_sizes(std::string_view list) {
  std::vector<std::size_t> out;
  while (!list.empty()) {
    auto comma = list.find(',');
    auto item = list.substr(0, comma);
    auto n = parse_size(item);
    if (!n) return std::nullopt;
    out.push_back(*n);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string size_name(std::size_t n) {
  if (n % 1000000 == 0) return std::to_string(n / 1000000) + "M";
  if (n % 1000 == 0) return std::to_string(n / 1000) + "k";
  return std::to_string(n);
}

}  // namespace

int main(int argc, char** argv) {
  std::string_view list = "100k,1M";
  if (const char* env = std::getenv("SOURCETRACE_BENCH_SIZES"); env && *env) list = env;
  // Take --sizes out of argv before Google Benchmark sees it.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.starts_with("--sizes=")) {
      list = a.substr(8);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  auto sizes = parse_sizes(list);
  if (!sizes) {
    std::fprintf(stderr, "bench_origins: --sizes: expected sizes such as 100k,1M,10M, got \"%.*s\"\n",
                 static_cast<int>(list.size()), list.data());
    return 2;
  }
  struct entry {
    const char* name;
    void (*run)(benchmark::State&, std::size_t);
  };
  const entry entries[] = {{"build", bm_build},
                           {"origins", bm_origins},
                           {"duplicates", bm_duplicates},
                           {"cycles", bm_cycles},
                           {"move_graph", bm_move_graph},
                           {"csr_build", bm_csr_build},
                           {"csr_origins", bm_csr_origins},
                           {"proto_frozen_origins", bm_proto_frozen_origins},
                           {"proto_adjacency_list_edges", bm_proto_adjacency<list_edges_graph>},
                           {"proto_adjacency_vector_edges", bm_proto_adjacency<vector_edges_graph>},
                           {"proto_intern_ids", bm_proto_intern_ids<detail::interner>},
                           {"proto_tagged_intern_ids", bm_proto_intern_ids<bench::tagged_interner>},
                           {"read_corpus", bm_read_corpus}};
  for (std::size_t n : *sizes) {
    for (const entry& e : entries) {
      benchmark::RegisterBenchmark((std::string(e.name) + "/" + size_name(n)).c_str(), e.run, n)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  current.reset();
  return 0;
}
