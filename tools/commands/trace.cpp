// SPDX-License-Identifier: BSL-1.0
// sourcetrace trace: every attribution path of each report back to its origins.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct trace_command_options {
  corpus_input in;
  std::string claim;
  bool all = false;
  bool json = false;
  std::size_t max_paths = 1000;
};

void print_paths(output& out, const st::provenance_graph& g, std::uint32_t v, const st::trace_result& t,
                 std::size_t max_paths) {
  std::string& s = out.buffer();
  s += g.id(v);
  s += "\n";
  for (const auto& p : t.paths) {
    s += "  ";
    if (p.hops.empty()) s += "(names no source)";
    for (const auto& h : p.hops) {
      s += (&h == &p.hops.front() ? "-" : " -") + std::string(st::to_string(h.kind)) + "-> ";
      s += g.id(h.to);
    }
    if (p.end == st::path_end::loop) s += " (loops back: circular reporting)";
    s += "\n";
  }
  if (t.truncated) s += "  ... stopped after " + std::to_string(max_paths) + " paths (--max-paths)\n";
  out.flush_if_large();
}

int run_trace(const trace_command_options& o) {
  auto g = load(o.in);
  auto claim = claim_of(g, o.claim);
  st::trace_options limits{.max_paths = o.max_paths};
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
  output out;
  for (auto v : sorted_by_id(g, std::move(statements))) print_paths(out, g, v, st::trace(g, v, limits), o.max_paths);
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
