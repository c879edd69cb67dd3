// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// W3C PROV: the in-memory document (`io/prov_model.hpp`), the mapping of a
/// provenance graph to PROV (`to_prov`, `io/to_prov.hpp`), and the mapping of
/// any PROV document back to a graph (`import_prov`, `io/prov_import.hpp`).
/// The PROV-JSON and PROV-N readers and writers (`io/prov_json.hpp`,
/// `io/prov_n.hpp`) work on this model. docs/prov.md describes the mapping
/// both ways.

#include <sourcetrace/io/prov_import.hpp>
#include <sourcetrace/io/prov_model.hpp>
#include <sourcetrace/io/to_prov.hpp>
