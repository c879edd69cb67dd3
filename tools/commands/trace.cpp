// SPDX-License-Identifier: BSL-1.0
// sourcetrace trace: every attribution path of each report back to its origins.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace_cli {
namespace {

struct trace_command_options {
  corpus_input in;
  std::string claim;
  bool all = false;
  bool json = false;
  std::size_t max_paths = 1000;
};

// "the cycle at X" for the cycle statement `v` lies on; each name was found once, in `index`.
void append_cycle_text(std::string& s, const st::cycle_index& index, std::uint32_t v) {
  s += "the cycle at ";
  s += index.name_of(v);
}

void print_paths(output& out, const st::provenance_graph& g, std::uint32_t v, const st::trace_result& t,
                 std::size_t max_paths, const st::cycle_index& index) {
  std::string& s = out.buffer();
  s += g.id(v);
  s += "\n";
  for (const auto& p : t.paths) {
    s += "  ";
    if (p.hops.empty() && p.end == st::path_end::cycle) {
      s += "(on ";
      append_cycle_text(s, index, v);
      s += ": circular reporting, shown below)\n";
      continue;
    }
    if (p.hops.empty()) s += "(names no source)";
    for (const auto& h : p.hops) {
      s += (&h == &p.hops.front() ? "-" : " -") + std::string(st::to_string(h.kind)) + "-> ";
      s += g.id(h.to);
    }
    if (p.end == st::path_end::loop) s += " (loops back: circular reporting)";
    if (p.end == st::path_end::cycle) {
      s += " (enters ";
      append_cycle_text(s, index, p.last(v));
      s += ": circular reporting, shown below)";
    }
    if (p.rests_on_inference()) s += " (rests on an inference)";
    s += "\n";
  }
  if (t.truncated) s += "  ... stopped after " + std::to_string(max_paths) + " paths (--max-paths)\n";
  out.flush_if_large();
}

// Each cycle once, with the derivations inside it and those that leave it.
void print_cycles(output& out, const st::provenance_graph& g, const st::cycle_index& index,
                  const std::vector<std::uint32_t>& shown) {
  std::string& s = out.buffer();
  if (shown.empty()) return;
  s += "cycles (circular reporting):\n";
  for (std::uint32_t i : shown) {
    const st::cycle& c = index.loops[i];
    auto d = st::derivations_of(g, c);
    s += "the cycle at ";
    s += index.names[i];
    s += ": " + std::to_string(c.size()) + (c.size() == 1 ? " statement" : " statements") +
         (d.leaving.empty() ? ", closed: what rests on it rests on no origin\n" : "\n");
    auto hop_line = [&](const st::hop& h, std::string_view prefix) {
      s += prefix;
      s += g.id(h.from);
      s += " -" + std::string(st::to_string(h.kind)) + "-> ";
      s += g.id(h.to);
      s += "\n";
    };
    for (const auto& h : d.inside) hop_line(h, "  ");
    for (const auto& h : d.leaving) hop_line(h, "  leaves it: ");
    out.flush_if_large();
  }
}

int run_trace(const trace_command_options& o) {
  auto g = load(o.in);
  auto claim = claim_of(g, o.claim);
  // A statement on a cycle is traced to the cycle, and each cycle shown once:
  // tracing all n statements of a cycle walks n hops, not n squared.
  auto map = st::origins(g);
  st::trace_options limits{.max_paths = o.max_paths, .stop_at_cycles = &map};
  if (o.json) {
    st::write_trace_json(std::cout, g, {.claim = claim, .all_statements = o.all, .trace = limits});
    return exit_ok;
  }
  std::vector<std::uint32_t> statements;
  for (std::uint32_t v = 0; v < g.statement_count(); ++v) {
    if (claim && g[v].claim != *claim) continue;
    if (!o.all && !st::is_report(g, v)) continue;
    statements.push_back(v);
  }
  auto index = st::index_cycles(g);
  // Every cycle of the claims traced, even one no report reaches.
  auto shown = st::cycles_by_name(g, index, claim);
  output out;
  for (auto v : sorted_by_id(g, std::move(statements))) {
    print_paths(out, g, v, st::trace(g, v, limits), o.max_paths, index);
  }
  print_cycles(out, g, index, shown);
  return exit_ok;
}

}  // namespace

void add_trace(CLI::App& app) {
  auto o = std::make_shared<trace_command_options>();
  auto* sub = app.add_subcommand("trace", "print every attribution path of each report back to its origins");
  add_corpus_input(*sub, o->in);
  sub->add_option("--claim", o->claim, "only the statements of this claim");
  sub->add_flag("--all", o->all, "every statement, not only reports");
  sub->add_flag("--json", o->json, "JSON output (sorted, deterministic)");
  sub->add_option("--max-paths", o->max_paths, "stop after this many paths per statement")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  sub->callback([o] { finish(run_trace(*o)); });
}

}  // namespace sourcetrace_cli
