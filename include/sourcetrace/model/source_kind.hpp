// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The source-kind concept and its traits: how a user adds a kind of source
/// (a Telegram channel, a satellite-imagery provider) without editing a
/// library header.

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace {

/// Whether sources of a kind say things first-hand, only relay what others
/// said, or may do either.
enum class source_role : std::uint8_t {
  first_hand,  ///< says what it saw or decided (an agency's own briefing)
  relay,       ///< only passes on what others said (an outlet)
  either,      ///< may do both (a lawmaker briefed by an agency)
};

/// Returns "first_hand", "relay" or "either".
inline std::string_view to_string(source_role r) noexcept {
  switch (r) {
    case source_role::first_hand: return "first_hand";
    case source_role::relay: return "relay";
    case source_role::either: return "either";
  }
  return "?";
}

/// A kind's own fields as name/value pairs, in the order the kind writes them.
/// Readers and writers of every format carry a kind's fields through this.
using attributes = std::vector<std::pair<std::string, std::string>>;

/// Returns the value of `name` in `a`, or an empty string if absent.
inline std::string attribute(const attributes& a, std::string_view name) {
  for (const auto& [key, value] : a) {
    if (key == name) return value;
  }
  return {};
}

/// Describes a source kind `T`; specialize it right after `T`, before first use.
///
/// There is deliberately no primary definition: a kind without traits fails
/// the `source_kind` concept at the call that uses it.
template <class T>
struct source_traits;

/// A type usable as a kind of source.
///
/// @code
/// source_traits<T>::name                  -> convertible to std::string_view  ("telegram_channel")
/// source_traits<T>::role                  -> convertible to source_role
/// source_traits<T>::prov_type             -> convertible to std::string_view  ("prov:Organization")
/// source_traits<T>::label(const T&)       -> convertible to std::string       (one line for reports)
/// source_traits<T>::fields(const T&)      -> convertible to attributes        (the kind's own fields)
/// source_traits<T>::from_fields(const attributes&) -> T                       (the inverse of fields)
/// @endcode
///
/// `T` must also be copyable and default-constructible.
template <class T>
concept source_kind = std::semiregular<T> && requires(const T& s, const attributes& a) {
  { source_traits<T>::name } -> std::convertible_to<std::string_view>;
  { source_traits<T>::role } -> std::convertible_to<source_role>;
  { source_traits<T>::prov_type } -> std::convertible_to<std::string_view>;
  { source_traits<T>::label(s) } -> std::convertible_to<std::string>;
  { source_traits<T>::fields(s) } -> std::convertible_to<attributes>;
  { source_traits<T>::from_fields(a) } -> std::same_as<T>;
};

}  // namespace sourcetrace
