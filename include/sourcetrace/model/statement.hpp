// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Statements and derivations: the vertices and edges of a provenance graph.

#include <sourcetrace/model/handle.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace sourcetrace {

/// How a statement was taken from the statement it derives from.
enum class derivation_kind : std::uint8_t {
  quotes,       ///< direct quotation
  paraphrases,  ///< restated in other words
  cites,        ///< attributed ("according to")
  copies,       ///< text reuse found in the text, not declared by the writer
};

/// Returns "quotes", "paraphrases", "cites" or "copies".
inline std::string_view to_string(derivation_kind k) noexcept {
  switch (k) {
    case derivation_kind::quotes: return "quotes";
    case derivation_kind::paraphrases: return "paraphrases";
    case derivation_kind::cites: return "cites";
    case derivation_kind::copies: return "copies";
  }
  return "?";
}

/// Parses the names `to_string(derivation_kind)` returns.
inline std::optional<derivation_kind> derivation_kind_from_string(std::string_view s) noexcept {
  for (auto k :
       {derivation_kind::quotes, derivation_kind::paraphrases, derivation_kind::cites, derivation_kind::copies}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

/// The bundled vertex property: one agent asserting one claim at one event.
///
/// Kept to five 32-bit fields so that archives of tens of millions of
/// statements fit in memory; the id's text lives in the graph's interner.
struct statement {
  std::uint32_t id = 0;  ///< interned id; `basic_provenance_graph::id(v)` gives its text
  claim_handle claim;    ///< what is asserted
  agent_handle agent;    ///< who asserts it
  event_handle event;    ///< where and when; invalid if unknown
  std::uint32_t details = std::numeric_limits<std::uint32_t>::max();  ///< index of its stated details, if any
};

/// The bundled edge property: the source statement derives from the target.
struct derivation {
  derivation_kind kind = derivation_kind::cites;  ///< how it was taken
};

}  // namespace sourcetrace
