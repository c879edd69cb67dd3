// SPDX-License-Identifier: BSL-1.0
// sourcetrace drift: where reports of a claim disagree, and where it entered.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct drift_command_options {
  corpus_input in;
  std::string claim;
  bool json = false;
};

std::string hops_text(const st::provenance_graph& g, const std::vector<st::hop>& hs) {
  std::string h;
  for (std::size_t i = 0; i < hs.size(); ++i) {
    h += (i ? ", " : "") + std::string(g.id(hs[i].from)) + " -" + std::string(st::to_string(hs[i].kind)) + "-> " +
         std::string(g.id(hs[i].to));
  }
  return h;
}

// A version as the text output names it: what was stated, in quotes, or
// unquoted "no figure" / "no date" for the statements that give none.
std::string label(const st::drift_version& v) { return v.given ? "\"" + v.value + "\"" : v.value; }

void print_finding(std::string& s, const st::provenance_graph& g, const st::drift_finding& f) {
  s += g[f.claim].id + ": " + std::string(st::to_string(f.aspect)) + " " + std::string(st::to_string(f.kind)) + ": " +
       f.a.value + " vs " + f.b.value + "\n";
  s.append("  ").append(label(f.a)).append(":");
  for (auto v : sorted_by_id(g, f.a.statements)) s += " " + std::string(g.id(v));
  s.append("\n  ").append(label(f.b)).append(":");
  for (auto v : sorted_by_id(g, f.b.statements)) s += " " + std::string(g.id(v));
  s += "\n";
  if (f.article.valid()) s += "  within one article: " + g[f.article].id + "\n";
  if (f.along_chain) {
    s += "  changed between: " + hops_text(g, f.a.entry) + "\n";
  } else if (f.meet) {
    s += "  both rest on " + std::string(g.id(*f.meet)) + "\n  " + label(f.a) + " enters at " +
         hops_text(g, f.a.entry) + "\n  " + label(f.b) + " enters at " + hops_text(g, f.b.entry) + "\n";
  } else {
    s += "  from independent origins\n";
  }
}

int run_drift(const drift_command_options& o) {
  auto g = load(o.in);
  auto findings = st::drift(g, st::origins(g));
  auto claim = claim_of(g, o.claim);
  if (o.json) {
    st::write_drift_json(std::cout, g, findings, {.claim = claim});
    return exit_ok;
  }
  std::vector<const st::drift_finding*> chosen;
  for (const auto& per_claim : findings) {
    if (claim && per_claim.claim != *claim) continue;
    for (const auto& f : per_claim.findings) chosen.push_back(&f);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](auto a, auto b) { return g[a->claim].id < g[b->claim].id; });
  output out;
  for (const auto* f : chosen) print_finding(out.buffer(), g, *f);
  if (chosen.empty()) out.buffer() += "no drift\n";
  return exit_ok;
}

}  // namespace

void add_drift(CLI::App& app) {
  auto o = std::make_shared<drift_command_options>();
  auto* sub = app.add_subcommand("drift", "where reports of a claim disagree, and the hop where it entered");
  add_corpus_input(*sub, o->in);
  sub->add_option("--claim", o->claim, "only this claim");
  sub->add_flag("--json", o->json, "JSON output (sorted, deterministic)");
  sub->callback([o] { finish(run_drift(*o)); });
}

}  // namespace sourcetrace_cli
