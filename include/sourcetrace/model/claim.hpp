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

/// How firmly a claim or a statement of it is put, and on what footing: the
/// evidential scale of news reporting. `evidential_rank` orders it; the
/// order is in docs/credibility.md.
enum class modality : std::uint8_t {
  asserted,   ///< stated as fact
  estimated,  ///< an estimate ("an estimated 11,000")
  believed,   ///< believed or assessed ("the agency believes")
  possible,   ///< possible ("may send", "could occur", "is considering")
  denied,     ///< denied
  reported,   ///< passed on without being vouched for ("reportedly", "is said to")
  appears,    ///< inferred from signs ("appears", "seems")
  expected,   ///< forecast ("is expected to")
  planned,    ///< intended ("plans to", "is preparing to")
  likely,     ///< probable ("likely", "probably")
  announced,  ///< declared officially by the one who acts ("announced")
  confirmed,  ///< confirmed: stated as verified ("confirmed", "confirms")
};

/// Every modality, in the order of the enumeration.
inline constexpr modality all_modalities[] = {
    modality::asserted, modality::estimated, modality::believed,  modality::possible,
    modality::denied,   modality::reported,  modality::appears,   modality::expected,
    modality::planned,  modality::likely,    modality::announced, modality::confirmed,
};

/// Returns the name of `m`: "asserted", "estimated", "believed", "possible",
/// "denied", "reported", "appears", "expected", "planned", "likely",
/// "announced" or "confirmed".
inline std::string_view to_string(modality m) noexcept {
  switch (m) {
    case modality::asserted: return "asserted";
    case modality::estimated: return "estimated";
    case modality::believed: return "believed";
    case modality::possible: return "possible";
    case modality::denied: return "denied";
    case modality::reported: return "reported";
    case modality::appears: return "appears";
    case modality::expected: return "expected";
    case modality::planned: return "planned";
    case modality::likely: return "likely";
    case modality::announced: return "announced";
    case modality::confirmed: return "confirmed";
  }
  return "?";
}

/// Parses the names `to_string(modality)` returns.
inline std::optional<modality> modality_from_string(std::string_view s) noexcept {
  for (auto m : all_modalities) {
    if (to_string(m) == s) return m;
  }
  return std::nullopt;
}

/// Returns how firmly `m` puts a claim, from 1 to 7; `denied` stands apart
/// with 0. Hardening is a move up the scale, softening a move down; two
/// modalities of one rank are equally firm:
///  1. possible;
///  2. reported (hearsay: passed on, not vouched for);
///  3. appears (an inference from signs);
///  4. likely, expected, planned (a forecast or intention);
///  5. believed, estimated (an assessment);
///  6. asserted, announced (stated as fact; declared);
///  7. confirmed (stated as verified).
inline constexpr int evidential_rank(modality m) noexcept {
  switch (m) {
    case modality::denied: return 0;
    case modality::possible: return 1;
    case modality::reported: return 2;
    case modality::appears: return 3;
    case modality::likely:
    case modality::expected:
    case modality::planned: return 4;
    case modality::believed:
    case modality::estimated: return 5;
    case modality::asserted:
    case modality::announced: return 6;
    case modality::confirmed: return 7;
  }
  return 0;
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
