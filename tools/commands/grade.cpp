// SPDX-License-Identifier: BSL-1.0
// sourcetrace grade: a credibility grade per claim.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/credibility.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct grade_options {
  corpus_input in;
  std::string claim;
  bool json = false;
};

int run_grade(const grade_options& o) {
  auto g = load(o.in);
  auto grades = st::grade(g);
  auto claim = claim_of(g, o.claim);
  if (o.json) {
    st::write_grade_json(std::cout, g, grades, {.claim = claim});
    return exit_ok;
  }
  output out;
  for (auto c : claims_by_id(g)) {
    const auto& cg = grades[c];
    if (claim && cg.claim != *claim) continue;
    out.buffer() += g[cg.claim].id + ": " + std::to_string(static_cast<int>(cg.grade)) + " (" +
                    std::string(st::to_string(cg.grade)) + ") " + cg.reason + "\n";
  }
  return exit_ok;
}

}  // namespace

void add_grade(CLI::App& app) {
  auto o = std::make_shared<grade_options>();
  auto* sub = app.add_subcommand("grade", "a credibility grade per claim (1 confirmed .. 6 cannot be judged)");
  add_corpus_input(*sub, o->in);
  sub->add_option("--claim", o->claim, "only this claim");
  sub->add_flag("--json", o->json, "JSON output (sorted, deterministic)");
  sub->callback([o] { finish(run_grade(*o)); });
}

}  // namespace sourcetrace_cli
