// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The umbrella header: includes every public header of sourcetrace that
/// needs only Boost's headers. The readers and writers of JSON formats
/// (io/corpus.hpp, io/prov_json.hpp) need the compiled Boost.JSON, so they
/// are included one by one, with `sourcetrace::json` linked.

#include <sourcetrace/error.hpp>
#include <sourcetrace/time/date.hpp>
#include <sourcetrace/time/relative_date.hpp>

#include <sourcetrace/model/agents.hpp>
#include <sourcetrace/model/claim.hpp>
#include <sourcetrace/model/event.hpp>
#include <sourcetrace/model/handle.hpp>
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

#include <sourcetrace/io/report.hpp>

#include <sourcetrace/text/quantity.hpp>
