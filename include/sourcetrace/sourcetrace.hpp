// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The umbrella header: includes every public header of sourcetrace except
/// four readers and writers, which `sourcetrace/json.hpp` adds:
/// io/corpus.hpp, io/prov_json.hpp and io/prov_file.hpp need the compiled
/// Boost.JSON (link `sourcetrace::json`), and io/prov_n.hpp compiles a
/// Boost.Spirit grammar, which is slow enough that only its users should pay
/// for it. text/reuse.hpp is left out too: it needs xxhash.h (libxxhash-dev).

#include <sourcetrace/error.hpp>
#include <sourcetrace/time/date.hpp>

#include <sourcetrace/model/agents.hpp>
#include <sourcetrace/model/claim.hpp>
#include <sourcetrace/model/event.hpp>
#include <sourcetrace/model/handle.hpp>
#include <sourcetrace/model/quantity.hpp>
#include <sourcetrace/model/source_kind.hpp>
#include <sourcetrace/model/statement.hpp>

#include <sourcetrace/graph.hpp>

#include <sourcetrace/analysis/credibility.hpp>
#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/analysis/trace.hpp>

#include <sourcetrace/io/atomic_file.hpp>
#include <sourcetrace/io/dot.hpp>
#include <sourcetrace/io/graphml.hpp>
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/report.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <sourcetrace/text/attribution.hpp>
#include <sourcetrace/text/extract.hpp>
#include <sourcetrace/text/quantity.hpp>
#include <sourcetrace/text/relative_date.hpp>
#include <sourcetrace/text/sentences.hpp>
#include <sourcetrace/text/span.hpp>
