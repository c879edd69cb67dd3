// SPDX-License-Identifier: BSL-1.0
// sourcetrace timeline: per claim, origin date, first and last report, delays.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct timeline_options {
  corpus_input in;
  std::string claim;
  bool json = false;
};

std::string date_or_undated(const std::optional<st::partial_date>& d) { return d ? d->to_string() : "undated"; }

void print_timeline(output& out, const st::provenance_graph& g, const st::claim_timeline& t) {
  std::string& s = out.buffer();
  s += g[t.claim].id + ": origin " + date_or_undated(t.origin_date) + ", first report " +
       date_or_undated(t.first_report) + ", last report " + date_or_undated(t.last_report) + "\n";
  for (const auto& rt : t.reports) {
    s += "  " + date_or_undated(rt.date) + "  ";
    s += rt.delay ? st::describe_delay(*rt.delay) : std::string("delay unknown");
    s += "  " + std::string(g.id(rt.report)) + "\n";
  }
  out.flush_if_large();
}

int run_timeline(const timeline_options& o) {
  auto g = load(o.in);
  auto times = st::timeline(g, st::origins(g));
  auto claim = claim_of(g, o.claim);
  if (o.json) {
    st::write_timeline_json(std::cout, g, times, {.claim = claim});
    return exit_ok;
  }
  output out;
  for (auto c : claims_by_id(g)) {
    if (!claim || c == claim->index) print_timeline(out, g, times[c]);
  }
  return exit_ok;
}

}  // namespace

void add_timeline(CLI::App& app) {
  auto o = std::make_shared<timeline_options>();
  auto* sub = app.add_subcommand("timeline", "per claim: origin date, first and last report, delay to each");
  add_corpus_input(*sub, o->in);
  sub->add_option("--claim", o->claim, "only this claim");
  sub->add_flag("--json", o->json, "JSON output (sorted, deterministic)");
  sub->callback([o] { finish(run_timeline(*o)); });
}

}  // namespace sourcetrace_cli
