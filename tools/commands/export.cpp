// SPDX-License-Identifier: BSL-1.0
// sourcetrace export: the corpus as PROV-JSON, PROV-N, GraphML, DOT or a corpus.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/dot.hpp>
#include <sourcetrace/io/graphml.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>

#include <functional>
#include <map>
#include <memory>
#include <sstream>

namespace sourcetrace_cli {
namespace {

using writer = std::function<void(std::ostream&, const st::provenance_graph&)>;

// The formats `--to` names, and how each is written.
const std::map<std::string, writer>& writers() {
  static const std::map<std::string, writer> table{
      {"prov-json", [](std::ostream& out, const st::provenance_graph& g) { st::write_prov_json(out, g); }},
      {"prov-n", [](std::ostream& out, const st::provenance_graph& g) { st::write_prov_n(out, g); }},
      {"graphml", [](std::ostream& out, const st::provenance_graph& g) { st::write_graphml(out, g); }},
      {"dot", [](std::ostream& out, const st::provenance_graph& g) { st::write_dot(out, g); }},
      {"corpus", [](std::ostream& out, const st::provenance_graph& g) { st::write_corpus(out, g); }},
      {"corpus-jsonl", [](std::ostream& out, const st::provenance_graph& g) { st::write_corpus_lines(out, g); }},
  };
  return table;
}

struct export_options {
  corpus_input in;
  std::string to;
  std::string output_path;
};

int run_export(const export_options& o) {
  auto g = load(o.in);
  std::ostringstream out;
  writers().at(o.to)(out, g);
  write_out(o.output_path, out.str());
  return exit_ok;
}

}  // namespace

void add_export(CLI::App& app) {
  auto o = std::make_shared<export_options>();
  auto* sub = app.add_subcommand("export", "write the corpus as PROV-JSON, PROV-N, GraphML, DOT or a corpus");
  add_corpus_input(*sub, o->in);
  sub->add_option("--to", o->to, "the format to write")
      ->required()
      ->check(CLI::IsMember({"prov-json", "prov-n", "graphml", "dot", "corpus", "corpus-jsonl"}));
  sub->add_option("-o,--output", o->output_path, "output file; default: standard output");
  sub->callback([o] { finish(run_export(*o)); });
}

}  // namespace sourcetrace_cli
