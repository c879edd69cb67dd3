// SPDX-License-Identifier: BSL-1.0
// sourcetrace origins: the origins of every statement, the unsourced, and cycles.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct origins_options {
  corpus_input in;
  bool json = false;
  bool fail_on_cycles = false;
};

void print_origins(const st::provenance_graph& g, const st::origin_map& m, const std::vector<st::cycle>& loops) {
  output out;
  std::string& s = out.buffer();
  const st::id_order order(g);
  // Each distinct origin set is sorted and written once.
  st::detail::set_texts texts(m.distinct_sets());
  std::vector<std::uint32_t> set;
  for (auto v : order.sorted()) {
    s += g.id(v);
    s += ":";
    s += texts.of(m.set_id(v), [&](std::string& text) {
      set.assign(m.of(v).begin(), m.of(v).end());
      order.sort(set);
      if (set.empty()) text += " (no origin: rests on a closed cycle)";
      for (auto o : set) {
        text += " ";
        text += g.id(o);
        if (m.is_unsourced(o)) text += " [unsourced]";
      }
    });
    s += "\n";
    out.flush_if_large();
  }
  const auto cycles_sorted = st::cycles_by_id(g, loops);
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, PR 105651) on "literal" + std::string&&.
  s.append("cycles: ").append(std::to_string(cycles_sorted.size())).append("\n");
  for (const auto& c : cycles_sorted) {
    s += " ";
    for (auto v : c) s.append(" ").append(g.id(v));
    s += "\n";
  }
}

int run_origins(const origins_options& o) {
  auto g = load(o.in);
  auto m = st::origins(g);
  auto loops = st::cycles(m);  // the strong components origins(g) found
  if (o.json)
    st::write_origins_json(std::cout, g, m, loops);
  else
    print_origins(g, m, loops);
  return o.fail_on_cycles && !loops.empty() ? exit_found : exit_ok;
}

}  // namespace

void add_origins(CLI::App& app) {
  auto o = std::make_shared<origins_options>();
  auto* sub = app.add_subcommand("origins", "print the origins of every statement, the unsourced, and cycles");
  add_corpus_input(*sub, o->in);
  sub->add_flag("--json", o->json, "JSON output: {\"cycles\", \"origins\", \"unsourced\"}, keys and ids sorted");
  sub->add_flag("--fail-on-cycles", o->fail_on_cycles, "exit 1 if the corpus has circular reporting");
  sub->callback([o] { finish(run_origins(*o)); });
}

}  // namespace sourcetrace_cli
