// SPDX-License-Identifier: BSL-1.0
#pragma once

// The subcommands of `sourcetrace`, one file each. Each function adds its
// subcommand to `app`: its options struct, its flags and the callback that
// runs it (docs/cli.md).

#include <CLI/CLI.hpp>

namespace sourcetrace_cli {

void add_check(CLI::App& app);
void add_trace(CLI::App& app);
void add_origins(CLI::App& app);
void add_duplicates(CLI::App& app);
void add_report(CLI::App& app);
void add_timeline(CLI::App& app);
void add_drift(CLI::App& app);
void add_grade(CLI::App& app);
void add_export(CLI::App& app);
void add_import(CLI::App& app);
void add_render(CLI::App& app);
void add_when(CLI::App& app);
void add_quantity(CLI::App& app);
void add_extract(CLI::App& app);
void add_reuse(CLI::App& app);

}  // namespace sourcetrace_cli
