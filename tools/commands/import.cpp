// SPDX-License-Identifier: BSL-1.0
// sourcetrace import: read W3C PROV (PROV-JSON or PROV-N) and write a corpus.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/prov_file.hpp>

#include <cstdio>
#include <memory>
#include <sstream>

namespace sourcetrace_cli {
namespace {

struct import_options {
  std::string file;
  std::string from;
  std::string output_path;
  bool strict = false;
  st::read_limits limits;
};

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_import(const import_options& o) {
  std::string name = o.file == "-" ? "<stdin>" : o.file;
  st::prov_read_options options;
  if (o.from == "prov-json") options.format = st::prov_format::json;
  if (o.from == "prov-n") options.format = st::prov_format::n;
  options.limits = effective(o.limits);
  auto result = st::import_prov(st::read_prov_file(o.file, options));
  for (const auto& issue : result.issues) {
    std::fprintf(stderr, "%s:%zu:%zu: not imported: %s\n", name.c_str(), issue.where.line, issue.where.column,
                 issue.message.c_str());
  }
  std::ostringstream out;
  // JSON Lines for a file named so; a JSON document otherwise.
  if (o.output_path.ends_with(".jsonl") || o.output_path.ends_with(".ndjson"))
    st::write_corpus_lines(out, result.graph);
  else
    st::write_corpus(out, result.graph);
  write_out(o.output_path, out.str());
  std::fprintf(stderr, "%s: imported %s, %s; %s not imported\n", name.c_str(),
               count(result.graph.statement_count(), "statement", "statements").c_str(),
               count(result.graph.derivation_count(), "derivation", "derivations").c_str(),
               count(result.issues.size(), "record", "records").c_str());
  if (!result.implied.empty()) {
    std::string ids;
    for (std::size_t i = 0; i < result.implied.size() && i < 5; ++i) {
      if (i) ids += ", ";
      ids += result.implied[i];
    }
    if (result.implied.size() > 5) ids += ", ...";
    std::fprintf(stderr, "%s: %s implied by relations (not declared): %s\n", name.c_str(),
                 count(result.implied.size(), "element", "elements").c_str(), ids.c_str());
  }
  return o.strict && !result.issues.empty() ? exit_found : exit_ok;
}

}  // namespace

void add_import(CLI::App& app) {
  auto o = std::make_shared<import_options>();
  auto* sub = app.add_subcommand("import", "read W3C PROV (PROV-JSON or PROV-N) and write a corpus");
  sub->add_option("FILE", o->file, "a PROV-JSON or PROV-N file, or - for standard input")->required();
  sub->add_option("--from", o->from, "prov-json or prov-n; default: from the extension or the text")
      ->check(CLI::IsMember({"prov-json", "prov-n"}));
  sub->add_option("-o,--output", o->output_path,
                  "the corpus to write, JSON Lines if it ends in .jsonl or .ndjson; default: standard output");
  sub->add_flag("--strict", o->strict, "exit 1 if any record could not be imported");
  add_limit_flags(*sub, o->limits, false);
  sub->callback([o] { finish(run_import(*o)); });
}

}  // namespace sourcetrace_cli
