// SPDX-License-Identifier: BSL-1.0
// sourcetrace check: validate a corpus and print its problems.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/io/corpus.hpp>

#include <cstdio>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct check_options {
  corpus_input in;
  bool fail_on_cycles = false;
};

int run_check(const check_options& o) {
  const char* file = o.in.file.c_str();
  try {
    auto g = load(o.in);
    auto loops = st::cycles(g);
    std::printf("%s: valid: %zu agents, %zu events, %zu claims, %zu statements, %zu derivations, %zu cycles\n", file,
                g.agent_count(), g.event_count(), g.claim_count(), g.statement_count(), g.derivation_count(),
                loops.size());
    return o.fail_on_cycles && !loops.empty() ? exit_found : exit_ok;
  } catch (const st::corpus_error& e) {
    for (const auto& p : e.problems()) std::printf("%s\n", p.what());
    if (auto note = e.omitted_note(); !note.empty()) std::printf("%s\n", note.c_str());
    std::printf("%s: invalid: %zu %s, nothing loaded\n", file, e.total(), e.total() == 1 ? "problem" : "problems");
    return exit_bad_input;
  }
}

}  // namespace

void add_check(CLI::App& app) {
  auto o = std::make_shared<check_options>();
  auto* sub = app.add_subcommand(
      "check", "validate a corpus and print its problems, up to --max-errors, and their count (exit 2 if any)");
  add_corpus_input(*sub, o->in);
  sub->add_flag("--fail-on-cycles", o->fail_on_cycles, "exit 1 if the corpus has circular reporting");
  sub->callback([o] { finish(run_check(*o)); });
}

}  // namespace sourcetrace_cli
