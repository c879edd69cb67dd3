// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The umbrella header for programs that read or write files, the main way
/// in: everything `sourcetrace.hpp` includes, plus the readers and writers
/// it leaves out: the corpus (io/corpus.hpp), PROV-JSON (io/prov_json.hpp),
/// PROV-N (io/prov_n.hpp) and PROV of either spelling (io/prov_file.hpp).
/// Boost.JSON is compiled: link `sourcetrace::json`.

#include <sourcetrace/sourcetrace.hpp>

#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/extract_inputs.hpp>
#include <sourcetrace/io/prov_file.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>
#include <sourcetrace/io/results_json.hpp>
