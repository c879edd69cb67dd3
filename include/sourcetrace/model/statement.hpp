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

/// What a derivation rests on, where the annotator says: the attribution is
/// in the sentence itself, in the sentences around it, or an inference.
enum class derivation_basis : std::uint8_t {
  unstated,  ///< not said (every corpus written before the basis could be given)
  text,      ///< the sentence itself attributes it ("Lee said, citing the NIS")
  context,   ///< nearby sentences do (a quote after "Lee said.")
  inferred,  ///< the annotator inferred it; the text does not say
};

/// Returns "unstated", "text", "context" or "inferred".
inline std::string_view to_string(derivation_basis b) noexcept {
  switch (b) {
    case derivation_basis::unstated: return "unstated";
    case derivation_basis::text: return "text";
    case derivation_basis::context: return "context";
    case derivation_basis::inferred: return "inferred";
  }
  return "?";
}

/// Parses the names `to_string(derivation_basis)` returns.
inline std::optional<derivation_basis> derivation_basis_from_string(std::string_view s) noexcept {
  for (auto b :
       {derivation_basis::unstated, derivation_basis::text, derivation_basis::context, derivation_basis::inferred}) {
    if (to_string(b) == s) return b;
  }
  return std::nullopt;
}

/// Where in its article a statement stands. A claim an article states in its
/// headline and again in its body is two statements of one report, so drift
/// between an article's headline and its body can be found and named.
enum class article_part : std::uint8_t {
  unknown,  ///< not said, or not an article
  headline,
  deck,  ///< the subheading under the headline
  lead,  ///< the opening paragraph
  body,
  caption,  ///< a picture's caption
  heading,  ///< a crosshead inside the body
};

/// Every article part, in the order of the enumeration.
inline constexpr article_part all_article_parts[] = {
    article_part::unknown, article_part::headline, article_part::deck,    article_part::lead,
    article_part::body,    article_part::caption,  article_part::heading,
};

/// Returns "unknown", "headline", "deck", "lead", "body", "caption" or "heading".
inline std::string_view to_string(article_part p) noexcept {
  switch (p) {
    case article_part::unknown: return "unknown";
    case article_part::headline: return "headline";
    case article_part::deck: return "deck";
    case article_part::lead: return "lead";
    case article_part::body: return "body";
    case article_part::caption: return "caption";
    case article_part::heading: return "heading";
  }
  return "?";
}

/// Parses the names `to_string(article_part)` returns.
inline std::optional<article_part> article_part_from_string(std::string_view s) noexcept {
  for (auto p : all_article_parts) {
    if (to_string(p) == s) return p;
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
  derivation_kind kind = derivation_kind::cites;        ///< how it was taken
  derivation_basis basis = derivation_basis::unstated;  ///< what the annotator read it from
};

}  // namespace sourcetrace
