// SPDX-License-Identifier: BSL-1.0
//
// The `sourcetrace` command: check, report, trace, origins, duplicates,
// timeline, drift, grade, export, import, render, when, quantity, extract,
// reuse, one file each under commands/. Documented in docs/cli.md. Exit codes: 0 success, 1
// an analysis found what a flag asked to fail on, 2 bad input or usage.

#include "commands/commands.hpp"
#include "common.hpp"

#include <sourcetrace/io/corpus.hpp>

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

namespace {

using namespace sourcetrace_cli;

// Parses the command line and runs the subcommand it names, whose callback
// reports its exit code as CLI::RuntimeError.
int run(int argc, char** argv) {
  CLI::App app{"sourcetrace: trace news claims to their origins; find duplicated and circular reporting"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sourcetrace 0.1.0");
  for (auto add : {add_check, add_trace, add_origins, add_duplicates, add_report, add_timeline, add_drift, add_grade,
                   add_export, add_import, add_render, add_when, add_quantity, add_extract, add_reuse}) {
    add(app);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_bad_input;
  } catch (const st::corpus_error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sourcetrace: %s\n", e.what());
    return exit_bad_input;
  }
  return exit_ok;
}

}  // namespace

// Runs the command; output that could not be written is an error, not a success.
int main(int argc, char** argv) {
  int rc = run(argc, argv);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "sourcetrace: cannot write the output: %s\n", std::strerror(errno));
    return exit_bad_input;
  }
  return rc;
}
