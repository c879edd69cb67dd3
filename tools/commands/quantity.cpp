// SPDX-License-Identifier: BSL-1.0
// sourcetrace quantity: parse figures as news states them.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/io/results_json.hpp>
#include <sourcetrace/text/quantity.hpp>

#include <iostream>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct quantity_options {
  std::vector<std::string> expressions;
};

int run_quantity(const quantity_options& o) {
  for (const auto& e : o.expressions) {
    st::write_quantity_json(std::cout, e, st::parse_quantity(e));
    std::cout.put('\n');
  }
  return exit_ok;
}

}  // namespace

void add_quantity(CLI::App& app) {
  auto o = std::make_shared<quantity_options>();
  auto* sub = app.add_subcommand("quantity", "parse figures as news states them; one JSON object per line");
  sub->add_option("EXPR", o->expressions, "expressions such as \"more than 10 million\"")->required();
  sub->callback([o] { finish(run_quantity(*o)); });
}

}  // namespace sourcetrace_cli
