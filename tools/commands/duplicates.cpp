// SPDX-License-Identifier: BSL-1.0
// sourcetrace duplicates: per claim, reports grouped by shared origin.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/io/report.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct duplicates_options {
  corpus_input in;
  std::string claim;
  bool json = false;
};

void print_reporting(output& out, const st::provenance_graph& g, const st::origin_map& m,
                     const st::claim_reporting& r) {
  std::string& s = out.buffer();
  s += g[r.claim].id + ": " + st::summary(r) + "\n";
  for (std::size_t j = 0; j < r.clusters.size(); ++j) {
    const auto& c = r.clusters[j];
    s += "  cluster " + std::to_string(j + 1) + ":";
    for (auto v : sorted_by_id(g, c.mentions)) s += " " + std::string(g.id(v));
    s += "\n    rests on:";
    for (auto o : sorted_by_id(g, c.origins)) {
      s += " " + std::string(g.id(o));
      if (m.is_unsourced(o)) s += " [unsourced]";
    }
    s += "\n";
  }
  if (!r.circular.empty()) {
    s += "  on a closed cycle:";
    for (auto v : sorted_by_id(g, r.circular)) s += " " + std::string(g.id(v));
    s += "\n";
  }
  out.flush_if_large();
}

int run_duplicates(const duplicates_options& o) {
  auto g = load(o.in);
  auto claim = claim_of(g, o.claim);
  auto m = st::origins(g);
  auto all = st::duplicates(g, m);
  if (o.json) {
    st::write_duplicates_json(std::cout, g, all, {.claim = claim});
    return exit_ok;
  }
  output out;
  for (auto c : claims_by_id(g)) {
    if (!claim || c == claim->index) print_reporting(out, g, m, all[c]);
  }
  return exit_ok;
}

}  // namespace

void add_duplicates(CLI::App& app) {
  auto o = std::make_shared<duplicates_options>();
  auto* sub = app.add_subcommand("duplicates", "per claim: reports grouped by shared origin, independent origins");
  add_corpus_input(*sub, o->in);
  sub->add_option("--claim", o->claim, "only this claim");
  sub->add_flag("--json", o->json, "JSON output (sorted, deterministic)");
  sub->callback([o] { finish(run_duplicates(*o)); });
}

}  // namespace sourcetrace_cli
