// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The built-in kinds of source: organization, person, outlet, anonymous.

#include <sourcetrace/model/source_kind.hpp>

#include <string>
#include <string_view>
#include <tuple>

namespace sourcetrace {

/// An agency, ministry, army, government or think tank.
struct organization {
  std::string type;     ///< "intelligence agency", "ministry", "think tank", ...
  std::string country;  ///< where it is based, as the reports name it
  friend bool operator==(const organization&, const organization&) = default;
};

/// A named person: a lawmaker, official or expert.
struct person {
  std::string role;         ///< "lawmaker", "minister", "analyst", ...
  std::string affiliation;  ///< party, office or employer
  friend bool operator==(const person&, const person&) = default;
};

/// A newspaper, wire service, broadcaster, site or blog.
struct outlet {
  std::string medium;   ///< "newspaper", "wire", "broadcaster", "website", ...
  std::string country;  ///< where it is based
  friend bool operator==(const outlet&, const outlet&) = default;
};

/// A source a report does not name ("unidentified military sources").
struct anonymous {
  std::string described_as;  ///< how the report describes the source
  friend bool operator==(const anonymous&, const anonymous&) = default;
};

/// Traits of `organization`: first-hand or relay, a prov:Organization.
template <>
struct source_traits<organization> : source_traits_base<organization> {
  static constexpr std::string_view name = "organization";
  static constexpr std::string_view prov_type = "prov:Organization";
  static constexpr std::string_view color = "#c6dbef";
  static constexpr std::tuple members{field{"type", &organization::type}, field{"country", &organization::country}};
};

/// Traits of `person`: first-hand or relay, a prov:Person.
template <>
struct source_traits<person> : source_traits_base<person> {
  static constexpr std::string_view name = "person";
  static constexpr std::string_view prov_type = "prov:Person";
  static constexpr std::string_view color = "#c7e9c0";
  static constexpr std::tuple members{field{"role", &person::role}, field{"affiliation", &person::affiliation}};
};

/// Traits of `outlet`: only relays, so a report that names no source is
/// unsourced, never a first-hand origin; a prov:Organization.
template <>
struct source_traits<outlet> : source_traits_base<outlet> {
  static constexpr std::string_view name = "outlet";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:Organization";
  static constexpr std::string_view color = "#fdd8b0";
  static constexpr std::tuple members{field{"medium", &outlet::medium}, field{"country", &outlet::country}};
};

/// Traits of `anonymous`: an unnamed source, which may speak first-hand; a plain prov:Agent.
template <>
struct source_traits<anonymous> : source_traits_base<anonymous> {
  static constexpr std::string_view name = "anonymous";
  static constexpr bool named = false;
  static constexpr std::string_view color = "#dadada";
  static constexpr std::tuple members{field{"described_as", &anonymous::described_as}};
};

}  // namespace sourcetrace
