// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Claims: the propositions that reports share.

#include <sourcetrace/model/quantity.hpp>
#include <sourcetrace/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sourcetrace {

/// How firmly a claim or a statement of it is put.
enum class modality : std::uint8_t {
  asserted,   ///< stated as fact
  estimated,  ///< an estimate ("an estimated 11,000")
  believed,   ///< believed or thought ("the agency believes")
  possible,   ///< possible or likely ("may send", "could occur")
  denied,     ///< denied
};

/// Returns "asserted", "estimated", "believed", "possible" or "denied".
inline std::string_view to_string(modality m) noexcept {
  switch (m) {
    case modality::asserted: return "asserted";
    case modality::estimated: return "estimated";
    case modality::believed: return "believed";
    case modality::possible: return "possible";
    case modality::denied: return "denied";
  }
  return "?";
}

/// Parses the names `to_string(modality)` returns.
inline std::optional<modality> modality_from_string(std::string_view s) noexcept {
  for (auto m : {modality::asserted, modality::estimated, modality::believed, modality::possible, modality::denied}) {
    if (to_string(m) == s) return m;
  }
  return std::nullopt;
}

/// What a claim, or one statement of it, says in structured form. Every field
/// is optional; a statement's details say how that statement put the claim,
/// which may differ from other statements of it (drift).
struct claim_details {
  std::string subject;   ///< what the claim is about ("troops to Russia")
  std::string quantity;  ///< the figure as stated ("more than 10 million")
  /// The figure `quantity` states, read by `parse_quantity` when the details
  /// enter a graph (`add_claim`, `add_statement`, the builder, and so every
  /// reader); empty when `quantity` states no figure or the details are not
  /// in a graph. The graph replaces any value given here.
  std::optional<::sourcetrace::quantity> amount;
  std::optional<partial_date> when;  ///< the date or period the claim is about
  std::optional<modality> mode;      ///< how firmly it is put

  /// Returns true when the stated fields are equal; `amount` is read from
  /// `quantity`, so it is not compared.
  friend bool operator==(const claim_details& a, const claim_details& b) noexcept {
    return a.subject == b.subject && a.quantity == b.quantity && a.when == b.when && a.mode == b.mode;
  }
  /// Returns true if no field is set.
  bool empty() const noexcept { return subject.empty() && quantity.empty() && !when && !mode; }
};

/// A proposition shared by every report of it.
struct claim {
  std::string id;         ///< unique id within its graph
  std::string text;       ///< the proposition in one sentence
  claim_details details;  ///< its structure, where known
};

}  // namespace sourcetrace
