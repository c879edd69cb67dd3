// SPDX-License-Identifier: BSL-1.0
// The origin set of every statement of a plain edge list (as
// `generate_corpus --edges` writes it), computed the way the Python scripts
// compute it, so that whole programs can be compared under /usr/bin/time -v:
//
//   origins_from_edges EDGES [--impl sourcetrace|csr]
//
// sourcetrace: a provenance_graph built through the plain API (one agent, one
//              claim, statements "s<v>"), then origins(g);
// csr:         a boost::compressed_sparse_row_graph of the same edges, then
//              detail::compute_origin_sets, as a plain Boost.Graph program would.
// Prints the load, build and origins times, the peak resident size (VmHWM),
// and the origin-set checksum the Python scripts also print.

#include "synthetic.hpp"

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/detail/origin_sets.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) { return std::chrono::duration<double>(clock_type::now() - t).count(); }

struct edge_list {
  std::size_t statements = 0;
  std::vector<std::uint32_t> from, to;
};

edge_list read_edges(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path);
  std::string text;
  char buf[1 << 16];
  for (std::size_t got; (got = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, got);
  std::fclose(f);
  edge_list out;
  const char* p = text.data();
  const char* end = p + text.size();
  auto number = [&](auto& x) {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r')) ++p;
    auto r = std::from_chars(p, end, x);
    if (r.ec != std::errc())
      throw std::runtime_error(path + ": expected a number at byte " + std::to_string(p - text.data()));
    p = r.ptr;
  };
  std::size_t m = 0;
  number(out.statements);
  number(m);
  out.from.resize(m);
  out.to.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    number(out.from[i]);
    number(out.to[i]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace sourcetrace;
  if (argc < 2) {
    std::fputs("usage: origins_from_edges EDGES [--impl sourcetrace|csr]\n", stderr);
    return 2;
  }
  std::string impl = "sourcetrace";
  if (argc == 4 && std::string_view(argv[2]) == "--impl") impl = argv[3];
  if (impl != "sourcetrace" && impl != "csr") {
    std::fputs("origins_from_edges: --impl is sourcetrace or csr\n", stderr);
    return 2;
  }

  auto t0 = clock_type::now();
  edge_list el = read_edges(argv[1]);
  double load = seconds_since(t0);
  double build = 0, compute = 0;
  bench::origin_summary s;
  if (impl == "csr") {
    auto t1 = clock_type::now();
    auto g = bench::build_csr(el.statements, el.from, el.to);
    build = seconds_since(t1);
    auto t2 = clock_type::now();
    auto sets = detail::compute_origin_sets(g);
    compute = seconds_since(t2);
    s = bench::summarize(sets, el.statements, sets.sets.size() - 1);
  } else {
    auto t1 = clock_type::now();
    provenance_graph g;
    auto a = g.add_agent("a", "agent", organization{});
    auto c = g.add_claim("c", "every statement");
    g.reserve(el.statements, el.statements * 9);
    char id[16] = {'s'};
    for (std::size_t v = 0; v < el.statements; ++v) {
      auto n = static_cast<std::size_t>(std::to_chars(id + 1, id + sizeof id, v).ptr - id);
      g.add_statement(std::string_view(id, n), a, c);
    }
    for (std::size_t i = 0; i < el.from.size(); ++i) g.add_derivation(el.from[i], el.to[i]);
    build = seconds_since(t1);
    auto t2 = clock_type::now();
    auto m = origins(g);
    compute = seconds_since(t2);
    std::size_t nonempty = m.distinct_sets() - 1;
    s = bench::summarize(m, el.statements, nonempty);
  }
  std::printf("impl=%s load=%.3fs build=%.3fs origins=%.3fs peak=%.1fMiB\n", impl.c_str(), load, build, compute,
              static_cast<double>(bench::peak_rss()) / (1 << 20));
  bench::print_summary(stdout, s);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "origins_from_edges: %s\n", e.what());
  return 1;
}
