// SPDX-License-Identifier: BSL-1.0
// sourcetrace when: resolve date expressions against a publication date.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/text/relative_date.hpp>
#include <sourcetrace/time/date.hpp>

#include <cstdio>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct when_options {
  std::string published;
  std::vector<std::string> expressions;
  bool explain = false;
};

int run_when(const when_options& o) {
  auto d = st::partial_date::parse(o.published);
  if (!d.is_day()) throw st::error::invalid_date(o.published, "--published must be a day, YYYY-MM-DD");
  for (const auto& e : o.expressions) {
    auto r = st::resolve_date(e, d.first());
    std::string line = r.value ? r.value->to_string() : "unresolved";
    if (o.explain) line += "\t" + e + "\t" + r.rule;
    std::printf("%s\n", line.c_str());
  }
  return exit_ok;
}

}  // namespace

void add_when(CLI::App& app) {
  auto o = std::make_shared<when_options>();
  auto* sub = app.add_subcommand("when", "resolve date expressions against a publication date");
  sub->add_option("--published", o->published, "the document's publication date, YYYY-MM-DD")->required();
  sub->add_option("EXPR", o->expressions, "expressions such as \"last Thursday\"")->required();
  sub->add_flag("--explain", o->explain, "also print the expression and the rule applied, tab-separated");
  sub->callback([o] { finish(run_when(*o)); });
}

}  // namespace sourcetrace_cli
