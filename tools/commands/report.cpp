// SPDX-License-Identifier: BSL-1.0
// sourcetrace report: the full report a person reads.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/io/report.hpp>

#include <cstdio>
#include <memory>
#include <sstream>

namespace sourcetrace_cli {
namespace {

struct report_options {
  corpus_input in;
};

int run_report(const report_options& o) {
  auto g = load(o.in);
  std::ostringstream text;
  st::write_report(text, g);
  std::fputs(text.str().c_str(), stdout);
  return exit_ok;
}

}  // namespace

void add_report(CLI::App& app) {
  auto o = std::make_shared<report_options>();
  auto* sub = app.add_subcommand("report", "the full report a person reads: claims, paths, origins, timeline");
  add_corpus_input(*sub, o->in);
  sub->callback([o] { finish(run_report(*o)); });
}

}  // namespace sourcetrace_cli
