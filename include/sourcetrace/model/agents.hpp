// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The built-in kinds of source: organization, person, outlet, anonymous.

#include <sourcetrace/model/source_kind.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace sourcetrace {

namespace detail {
// Joins the non-empty parts with ", ".
inline std::string join_nonempty(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}
}  // namespace detail

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
struct source_traits<organization> {
  static constexpr std::string_view name = "organization";
  static constexpr source_role role = source_role::either;
  static constexpr std::string_view prov_type = "prov:Organization";
  static std::string label(const organization& o) { return detail::join_nonempty({o.type, o.country}); }
  static attributes fields(const organization& o) { return {{"type", o.type}, {"country", o.country}}; }
  static organization from_fields(const attributes& a) { return {attribute(a, "type"), attribute(a, "country")}; }
};

/// Traits of `person`: first-hand or relay, a prov:Person.
template <>
struct source_traits<person> {
  static constexpr std::string_view name = "person";
  static constexpr source_role role = source_role::either;
  static constexpr std::string_view prov_type = "prov:Person";
  static std::string label(const person& p) { return detail::join_nonempty({p.role, p.affiliation}); }
  static attributes fields(const person& p) { return {{"role", p.role}, {"affiliation", p.affiliation}}; }
  static person from_fields(const attributes& a) { return {attribute(a, "role"), attribute(a, "affiliation")}; }
};

/// Traits of `outlet`: only relays, so a report that names no source is
/// unsourced, never a first-hand origin; a prov:Organization.
template <>
struct source_traits<outlet> {
  static constexpr std::string_view name = "outlet";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:Organization";
  static std::string label(const outlet& o) { return detail::join_nonempty({o.medium, o.country}); }
  static attributes fields(const outlet& o) { return {{"medium", o.medium}, {"country", o.country}}; }
  static outlet from_fields(const attributes& a) { return {attribute(a, "medium"), attribute(a, "country")}; }
};

/// Traits of `anonymous`: may speak first-hand; a plain prov:Agent.
template <>
struct source_traits<anonymous> {
  static constexpr std::string_view name = "anonymous";
  static constexpr source_role role = source_role::either;
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const anonymous& s) { return s.described_as; }
  static attributes fields(const anonymous& s) { return {{"described_as", s.described_as}}; }
  static anonymous from_fields(const attributes& a) { return {attribute(a, "described_as")}; }
};

}  // namespace sourcetrace
