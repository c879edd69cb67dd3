// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// W3C PROV in memory: namespaces, records of every PROV-DM type, attributes
/// that keep their datatype, and bundles. The PROV-JSON and PROV-N readers
/// and writers (`io/prov_json.hpp`, `io/prov_n.hpp`) work on this model;
/// `io/to_prov.hpp` and `io/prov_import.hpp` map it to and from a provenance
/// graph. docs/prov.md describes it.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace {

/// The PROV namespace, bound to the predefined prefix `prov`.
inline constexpr std::string_view prov_namespace_uri = "http://www.w3.org/ns/prov#";
/// The XML Schema namespace, bound to the predefined prefix `xsd`.
inline constexpr std::string_view xsd_namespace_uri = "http://www.w3.org/2001/XMLSchema#";
/// sourcetrace's vocabulary (types and attributes), declared as prefix `st` by `to_prov`.
inline constexpr std::string_view st_namespace_uri = "https://sourcetrace.dev/ns#";
/// The namespace of the ids of a graph's records, declared as prefix `stid` by `to_prov`.
inline constexpr std::string_view st_id_namespace_uri = "https://sourcetrace.dev/id/";

/// The type of a PROV record, named as in PROV-N and PROV-JSON by `to_string`.
enum class prov_record_type : std::uint8_t {
  entity,          ///< entity
  activity,        ///< activity
  agent,           ///< agent
  generation,      ///< wasGeneratedBy
  usage,           ///< used
  communication,   ///< wasInformedBy
  start,           ///< wasStartedBy
  end,             ///< wasEndedBy
  invalidation,    ///< wasInvalidatedBy
  derivation,      ///< wasDerivedFrom (also revision, quotation, primary source through prov:type)
  attribution,     ///< wasAttributedTo
  association,     ///< wasAssociatedWith
  delegation,      ///< actedOnBehalfOf
  influence,       ///< wasInfluencedBy
  specialization,  ///< specializationOf
  alternate,       ///< alternateOf
  membership,      ///< hadMember
  mention,         ///< mentionOf (PROV-Links)
  other,           ///< a record type this library does not know, kept under its own name
};

namespace detail {
inline constexpr std::array<std::string_view, 18> prov_record_names = {
    "entity",          "activity",          "agent",           "wasGeneratedBy",   "used",
    "wasInformedBy",   "wasStartedBy",      "wasEndedBy",      "wasInvalidatedBy", "wasDerivedFrom",
    "wasAttributedTo", "wasAssociatedWith", "actedOnBehalfOf", "wasInfluencedBy",  "specializationOf",
    "alternateOf",     "hadMember",         "mentionOf"};
}  // namespace detail

/// Returns the PROV-N and PROV-JSON name of `t` ("wasGeneratedBy"), or "other".
inline std::string_view to_string(prov_record_type t) noexcept {
  auto i = static_cast<std::size_t>(t);
  return i < detail::prov_record_names.size() ? detail::prov_record_names[i] : std::string_view("other");
}

/// Parses the names `to_string(prov_record_type)` returns, except "other".
inline std::optional<prov_record_type> prov_record_type_from_string(std::string_view s) noexcept {
  for (std::size_t i = 0; i < detail::prov_record_names.size(); ++i) {
    if (detail::prov_record_names[i] == s) return static_cast<prov_record_type>(i);
  }
  return std::nullopt;
}

/// Returns true for the three element types: entity, activity and agent.
inline bool is_prov_element(prov_record_type t) noexcept {
  return t == prov_record_type::entity || t == prov_record_type::activity || t == prov_record_type::agent;
}

/// One formal argument of a PROV record type, in PROV-N order.
struct prov_formal {
  std::string_view name;  ///< its PROV-JSON key ("prov:entity")
  bool required;          ///< true if PROV-N has no marker for it
  bool is_time;           ///< true for xsd:dateTime arguments, false for qualified names
};

/// Returns the formal arguments of `t` after its id, in PROV-N order; empty for
/// entity, agent and `other`.
inline std::span<const prov_formal> prov_formal_arguments(prov_record_type t) noexcept {
  using f = prov_formal;
  static constexpr f activity[] = {{"prov:startTime", false, true}, {"prov:endTime", false, true}};
  static constexpr f generation[] = {
      {"prov:entity", true, false}, {"prov:activity", false, false}, {"prov:time", false, true}};
  static constexpr f usage[] = {
      {"prov:activity", true, false}, {"prov:entity", false, false}, {"prov:time", false, true}};
  static constexpr f communication[] = {{"prov:informed", true, false}, {"prov:informant", true, false}};
  static constexpr f start[] = {{"prov:activity", true, false},
                                {"prov:trigger", false, false},
                                {"prov:starter", false, false},
                                {"prov:time", false, true}};
  static constexpr f end[] = {{"prov:activity", true, false},
                              {"prov:trigger", false, false},
                              {"prov:ender", false, false},
                              {"prov:time", false, true}};
  static constexpr f derivation[] = {{"prov:generatedEntity", true, false},
                                     {"prov:usedEntity", true, false},
                                     {"prov:activity", false, false},
                                     {"prov:generation", false, false},
                                     {"prov:usage", false, false}};
  static constexpr f attribution[] = {{"prov:entity", true, false}, {"prov:agent", true, false}};
  static constexpr f association[] = {
      {"prov:activity", true, false}, {"prov:agent", false, false}, {"prov:plan", false, false}};
  static constexpr f delegation[] = {
      {"prov:delegate", true, false}, {"prov:responsible", true, false}, {"prov:activity", false, false}};
  static constexpr f influence[] = {{"prov:influencee", true, false}, {"prov:influencer", true, false}};
  static constexpr f specialization[] = {{"prov:specificEntity", true, false}, {"prov:generalEntity", true, false}};
  static constexpr f alternate[] = {{"prov:alternate1", true, false}, {"prov:alternate2", true, false}};
  static constexpr f membership[] = {{"prov:collection", true, false}, {"prov:entity", true, false}};
  static constexpr f mention[] = {
      {"prov:specificEntity", true, false}, {"prov:generalEntity", true, false}, {"prov:bundle", true, false}};
  switch (t) {
    case prov_record_type::activity: return activity;
    case prov_record_type::generation: return generation;
    case prov_record_type::usage: return usage;
    case prov_record_type::communication: return communication;
    case prov_record_type::start: return start;
    case prov_record_type::end: return end;
    case prov_record_type::invalidation: return generation;
    case prov_record_type::derivation: return derivation;
    case prov_record_type::attribution: return attribution;
    case prov_record_type::association: return association;
    case prov_record_type::delegation: return delegation;
    case prov_record_type::influence: return influence;
    case prov_record_type::specialization: return specialization;
    case prov_record_type::alternate: return alternate;
    case prov_record_type::membership: return membership;
    case prov_record_type::mention: return mention;
    default: return {};
  }
}

/// What kind of value a PROV attribute holds.
enum class prov_value_kind : std::uint8_t {
  string,          ///< a plain string
  lang_string,     ///< a string with a language tag ("Seoul"@en)
  typed,           ///< a literal with a datatype ("11000" %% xsd:int)
  qualified_name,  ///< a qualified name ('prov:Person')
};

/// A PROV attribute value that keeps its type.
struct prov_value {
  prov_value_kind kind = prov_value_kind::string;  ///< which of the four kinds
  std::string text;                                ///< the lexical form; for a qualified name, "prefix:local"
  std::string datatype;                            ///< the datatype's qualified name ("xsd:int") when `typed`
  std::string lang;                                ///< the language tag ("en") when `lang_string`

  /// Returns a plain string.
  static prov_value make_string(std::string s) { return {prov_value_kind::string, std::move(s), {}, {}}; }
  /// Returns a string tagged with language `tag`.
  static prov_value make_lang_string(std::string s, std::string tag) {
    return {prov_value_kind::lang_string, std::move(s), {}, std::move(tag)};
  }
  /// Returns a literal of datatype `type` (a qualified name such as "xsd:dateTime").
  static prov_value make_typed(std::string s, std::string type) {
    return {prov_value_kind::typed, std::move(s), std::move(type), {}};
  }
  /// Returns a qualified-name value.
  static prov_value make_qualified_name(std::string q) {
    return {prov_value_kind::qualified_name, std::move(q), {}, {}};
  }

  friend bool operator==(const prov_value&, const prov_value&) = default;
};

/// Returns true if `datatype` is one of the three spellings of the
/// qualified-name datatype: xsd:QName, prov:QualifiedName, prov:QUALIFIED_NAME.
inline bool is_qualified_name_datatype(std::string_view datatype) noexcept {
  return datatype == "xsd:QName" || datatype == "prov:QualifiedName" || datatype == "prov:QUALIFIED_NAME";
}

/// One attribute of a record: a qualified name and a value. A name may occur
/// several times in one record (several prov:type values).
struct prov_attribute {
  std::string name;  ///< its qualified name ("prov:type", "st:country")
  prov_value value;  ///< its value
  friend bool operator==(const prov_attribute&, const prov_attribute&) = default;
};

/// Where a record was read from: line and column count from 1; 0 when the
/// record was built in memory.
struct prov_location {
  std::size_t line = 0;    ///< line, from 1
  std::size_t column = 0;  ///< column in characters, from 1
  friend bool operator==(const prov_location&, const prov_location&) = default;
};

/// One PROV record: an element (entity, activity, agent) or a relation.
struct prov_record {
  prov_record_type type = prov_record_type::entity;  ///< what kind of record
  std::string type_name;                             ///< the name it was read under when `type` is `other`
  std::string id;                          ///< its qualified name; may be empty for a relation ("_:..." is a blank id)
  std::vector<std::string> args;           ///< formal arguments, one per `prov_formal_arguments(type)`, "" when absent
  std::vector<prov_attribute> attributes;  ///< the other attributes, in order
  prov_location where;                     ///< where it was read from

  /// Returns the name of its type: `to_string(type)`, or `type_name` for `other`.
  std::string_view name() const noexcept { return type == prov_record_type::other ? type_name : to_string(type); }

  /// Returns the formal argument called `formal` ("prov:entity"), or "" if absent or not a formal argument of this
  /// type.
  std::string_view arg(std::string_view formal) const noexcept {
    auto formals = prov_formal_arguments(type);
    for (std::size_t i = 0; i < formals.size() && i < args.size(); ++i) {
      if (formals[i].name == formal) return args[i];
    }
    return {};
  }

  /// Returns every value of attribute `attribute_name`, in order.
  std::vector<const prov_value*> values(std::string_view attribute_name) const {
    std::vector<const prov_value*> out;
    for (const auto& a : attributes) {
      if (a.name == attribute_name) out.push_back(&a.value);
    }
    return out;
  }

  /// Appends attribute `n` = `v`; returns `*this`.
  prov_record& add(std::string n, prov_value v) {
    attributes.push_back(prov_attribute{std::move(n), std::move(v)});
    return *this;
  }
};

/// Returns a record of type `t` (not `other`) with its formal arguments all absent.
inline prov_record make_prov_record(prov_record_type t, std::string id = {}) {
  prov_record r;
  r.type = t;
  r.id = std::move(id);
  r.args.resize(prov_formal_arguments(t).size());
  return r;
}

/// A PROV-JSON member that names no PROV record type and holds no records
/// (`"notarealtype": {}`, `"comment": "..."`): the reader skips it, as
/// PROV-JSON's extensibility allows, and keeps its key here so that
/// `import_prov` reports it.
struct prov_unknown_key {
  std::string key;      ///< the key as written
  prov_location where;  ///< where the key was read from
  friend bool operator==(const prov_unknown_key&, const prov_unknown_key&) = default;
};

/// Namespace declarations and records: what a document and each of its bundles hold.
struct prov_container {
  std::map<std::string, std::string> prefixes;  ///< prefix → namespace URI, as declared here
  std::string default_namespace;                ///< the default namespace URI, or empty
  std::vector<prov_record> records;             ///< records in document order
  std::vector<prov_unknown_key> unknown_keys;   ///< PROV-JSON members skipped by the reader, in document order

  /// Returns the number of records of type `t` held here.
  std::size_t count(prov_record_type t) const noexcept {
    return static_cast<std::size_t>(
        std::count_if(records.begin(), records.end(), [t](const prov_record& r) { return r.type == t; }));
  }
};

/// A named bundle: a set of records with its own namespace declarations and
/// its own scope for blank ids.
struct prov_bundle : prov_container {
  std::string id;       ///< its qualified name
  prov_location where;  ///< where it was read from
};

/// A PROV document: top-level declarations and records, and its bundles.
/// Bundles see the document's prefixes unless they declare their own.
struct prov_document : prov_container {
  std::vector<prov_bundle> bundles;  ///< bundles in document order

  /// Returns the number of records of type `t` in the document and all its bundles.
  std::size_t count_all(prov_record_type t) const noexcept {
    std::size_t n = count(t);
    for (const auto& b : bundles) n += b.count(t);
    return n;
  }
};

/// Returns the namespace URI bound to `prefix` in `c` (within `document`, if
/// given, for a bundle), including the predefined `prov` and `xsd`.
inline std::optional<std::string> prov_namespace_of(std::string_view prefix, const prov_container& c,
                                                    const prov_container* document = nullptr) {
  if (auto i = c.prefixes.find(std::string(prefix)); i != c.prefixes.end()) return i->second;
  if (document) {
    if (auto i = document->prefixes.find(std::string(prefix)); i != document->prefixes.end()) return i->second;
  }
  if (prefix == "prov") return std::string(prov_namespace_uri);
  if (prefix == "xsd") return std::string(xsd_namespace_uri);
  return std::nullopt;
}

/// Returns the IRI a qualified name stands for in `c` (and `document` for a
/// bundle): the namespace of its prefix, or the default namespace if it has
/// none, followed by its local part. Returns nothing if the prefix is not declared.
inline std::optional<std::string> prov_expand(std::string_view qname, const prov_container& c,
                                              const prov_container* document = nullptr) {
  auto colon = qname.find(':');
  if (colon == std::string_view::npos) {
    const std::string& def =
        !c.default_namespace.empty() || !document ? c.default_namespace : document->default_namespace;
    if (def.empty()) return std::nullopt;
    return def + std::string(qname);
  }
  auto ns = prov_namespace_of(qname.substr(0, colon), c, document);
  if (!ns) return std::nullopt;
  return *ns + std::string(qname.substr(colon + 1));
}

}  // namespace sourcetrace
