// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// W3C PROV: an in-memory PROV document (namespaces, records of every PROV-DM
/// type, attributes that keep their datatype, bundles), the mapping of a
/// provenance graph to PROV (`to_prov`), and the mapping of any PROV document
/// back to a provenance graph (`import_prov`). The PROV-JSON and PROV-N
/// readers and writers (`io/prov_json.hpp`, `io/prov_n.hpp`) work on this
/// model. docs/prov.md describes the mapping both ways.

#include <sourcetrace/error.hpp>
#include <sourcetrace/graph.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
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

/// Namespace declarations and records: what a document and each of its bundles hold.
struct prov_container {
  std::map<std::string, std::string> prefixes;  ///< prefix → namespace URI, as declared here
  std::string default_namespace;                ///< the default namespace URI, or empty
  std::vector<prov_record> records;             ///< records in document order

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

// ---- graph → PROV ---------------------------------------------------------------

namespace detail {
template <class G>
inline constexpr bool is_provenance_graph = false;
template <source_kind... Kinds>
inline constexpr bool is_provenance_graph<basic_provenance_graph<Kinds...>> = true;

// Formats a day as an xsd:dateTime at `time`.
inline std::string prov_datetime(greg::date d, std::string_view time) { return to_iso(d) + "T" + std::string(time); }

inline void add_details(prov_record& r, const claim_details& d) {
  if (!d.subject.empty()) r.add("st:subject", prov_value::make_string(d.subject));
  if (!d.quantity.empty()) r.add("st:quantity", prov_value::make_string(d.quantity));
  if (d.when) r.add("st:when", prov_value::make_string(d.when->to_string()));
  if (d.mode) r.add("st:mode", prov_value::make_string(std::string(to_string(*d.mode))));
}
}  // namespace detail

/// A provenance graph type: some `basic_provenance_graph<Kinds...>`.
template <class G>
concept provenance_graph_type = detail::is_provenance_graph<G>;

/// Returns the PROV document for graph `g` (docs/prov.md gives the mapping).
///
/// Ids become qualified names under prefix `stid` (`st_id_namespace_uri`);
/// sourcetrace's own types and attributes live under prefix `st`
/// (`st_namespace_uri`). Agents become `agent` records typed with their
/// kind's PROV type and `st:<kind name>`, their kind's fields as `st:<field>`
/// attributes; events become `activity` records (start and end times when
/// the date is a day or a period) associated with their host; claims become
/// entities of type `st:Claim`; statements entities of type `st:Statement`,
/// attributed to their agent and generated by their event; derivations
/// `wasDerivedFrom`, typed `prov:Quotation` for quotes and
/// `prov:PrimarySource` when they lead to a first-hand origin.
/// @throws nothing but std::bad_alloc.
template <source_kind... Kinds>
prov_document to_prov(const basic_provenance_graph<Kinds...>& g) {
  using detail::add_details;
  prov_document doc;
  doc.prefixes["st"] = std::string(st_namespace_uri);
  doc.prefixes["stid"] = std::string(st_id_namespace_uri);
  auto qid = [](std::string_view id) { return "stid:" + std::string(id); };
  auto qn = [](std::string q) { return prov_value::make_qualified_name(std::move(q)); };
  auto str = [](std::string s) { return prov_value::make_string(std::move(s)); };

  for (std::uint32_t i = 0; i < g.agent_count(); ++i) {
    agent_handle a{i};
    const auto& ag = g[a];
    auto r = make_prov_record(prov_record_type::agent, qid(ag.id));
    r.add("prov:type", qn(std::string(g.kind_prov_type(a))));
    r.add("prov:type", qn("st:" + std::string(g.kind_name(a))));
    r.add("prov:label", str(ag.name));
    for (auto& [field, value] : g.kind_fields(a)) r.add("st:" + field, str(value));
    doc.records.push_back(std::move(r));
  }
  for (std::uint32_t i = 0; i < g.event_count(); ++i) {
    const auto& ev = g[event_handle{i}];
    auto r = make_prov_record(prov_record_type::activity, qid(ev.id));
    if (ev.date && ev.date->precision() != date_precision::month && ev.date->precision() != date_precision::year) {
      r.args[0] = detail::prov_datetime(ev.date->first(), "00:00:00");
      r.args[1] = detail::prov_datetime(ev.date->last(), "23:59:59");
    }
    r.add("prov:type", qn("st:" + std::string(to_string(ev.kind))));
    if (ev.date) r.add("st:date", str(ev.date->to_string()));
    if (!ev.info.title.empty()) r.add("st:title", str(ev.info.title));
    if (!ev.info.byline.empty()) r.add("st:byline", str(ev.info.byline));
    if (!ev.info.url.empty()) r.add("st:url", prov_value::make_typed(ev.info.url, "xsd:anyURI"));
    if (!ev.info.place.empty()) r.add("st:place", str(ev.info.place));
    if (!ev.info.note.empty()) r.add("st:note", str(ev.info.note));
    doc.records.push_back(std::move(r));
    if (ev.host.valid()) {
      auto assoc = make_prov_record(prov_record_type::association);
      assoc.args[0] = qid(ev.id);
      assoc.args[1] = qid(g[ev.host].id);
      assoc.add("prov:role", qn("st:host"));
      doc.records.push_back(std::move(assoc));
    }
  }
  for (std::uint32_t i = 0; i < g.claim_count(); ++i) {
    const auto& c = g[claim_handle{i}];
    auto r = make_prov_record(prov_record_type::entity, qid(c.id));
    r.add("prov:type", qn("st:Claim"));
    r.add("prov:label", str(c.text));
    add_details(r, c.details);
    doc.records.push_back(std::move(r));
  }
  const auto& bgl = g.graph();
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    const statement& s = bgl[v];
    auto r = make_prov_record(prov_record_type::entity, qid(g.id(v)));
    r.add("prov:type", qn("st:Statement"));
    r.add("st:claim", qn(qid(g[s.claim].id)));
    if (const claim_details* d = g.stated(v)) add_details(r, *d);
    doc.records.push_back(std::move(r));
    auto attr = make_prov_record(prov_record_type::attribution);
    attr.args[0] = qid(g.id(v));
    attr.args[1] = qid(g[s.agent].id);
    doc.records.push_back(std::move(attr));
    if (s.event.valid()) {
      auto gen = make_prov_record(prov_record_type::generation);
      gen.args[0] = qid(g.id(v));
      gen.args[1] = qid(g[s.event].id);
      doc.records.push_back(std::move(gen));
    }
  }
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    for (auto [e, e_end] = boost::out_edges(v, bgl); e != e_end; ++e) {
      auto to = boost::target(*e, bgl);
      auto kind = bgl[*e].kind;
      auto r = make_prov_record(prov_record_type::derivation);
      r.args[0] = qid(g.id(v));
      r.args[1] = qid(g.id(to));
      if (kind == derivation_kind::quotes) r.add("prov:type", qn("prov:Quotation"));
      if (boost::out_degree(to, bgl) == 0 && g.role(bgl[to].agent) != source_role::relay) {
        r.add("prov:type", qn("prov:PrimarySource"));
      }
      r.add("st:kind", str(std::string(to_string(kind))));
      doc.records.push_back(std::move(r));
    }
  }
  return doc;
}

// ---- PROV → graph ---------------------------------------------------------------

/// A record `import_prov` could not map into the graph, or mapped only in part.
struct prov_issue {
  prov_location where;  ///< where the record was read from (0:0 when built in memory)
  std::string message;  ///< what was not mapped and why, naming the record
  friend bool operator==(const prov_issue&, const prov_issue&) = default;
};

/// The graph `import_prov` built, and every record it could not map.
template <class G>
struct prov_import_result {
  G graph;                         ///< the imported graph
  std::vector<prov_issue> issues;  ///< records not mapped (or mapped in part), in document order
};

namespace detail {

// One record and the namespaces (and blank-id scope) it was read in.
struct prov_scoped_record {
  const prov_record* record;
  const prov_container* scope;
  const prov_container* document;  // null for top-level records
  std::string_view bundle;         // bundle id, empty at top level
};

inline std::string describe(const prov_record& r) {
  std::string out(r.name());
  if (!r.id.empty()) out += " \"" + r.id + "\"";
  return out;
}

// Maps any PROV document onto a provenance graph; see docs/prov.md.
template <class G>
class prov_importer {
 public:
  explicit prov_importer(const prov_document& doc) : doc_(doc) {}

  prov_import_result<G> run() {
    collect();
    classify_relations();
    add_agents();
    add_events();
    add_claims();
    add_statements();
    add_derivations();
    std::stable_sort(result_.issues.begin(), result_.issues.end(), [](const prov_issue& a, const prov_issue& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(result_);
  }

 private:
  enum class role : std::uint8_t { agent, activity, claim, statement };

  struct element {
    std::string id;  // graph id
    role what;
    std::vector<prov_scoped_record> records;  // every record given for this id (merged)
    bool implicit = false;                    // referenced but never declared
    // for statements
    std::string agent, activity, claim;  // graph ids
    std::size_t group = 0;
  };

  // ---- names ----------------------------------------------------------------------

  // The graph id for qualified name `q` read in `s`: the local part for ids in
  // sourcetrace's id namespace, blank ids scoped by their bundle, else `q` as written.
  std::string graph_id(std::string_view q, const prov_scoped_record& s) const {
    if (q.starts_with("_:")) return s.bundle.empty() ? std::string(q) : std::string(s.bundle) + "/" + std::string(q);
    if (auto iri = prov_expand(q, *s.scope, s.document); iri && iri->starts_with(st_id_namespace_uri)) {
      return iri->substr(st_id_namespace_uri.size());
    }
    return std::string(q);
  }

  // True if qualified name `q` (read in `s`) stands for `ns` + `local`.
  static bool names(std::string_view q, const prov_scoped_record& s, std::string_view ns, std::string_view local) {
    auto iri = prov_expand(q, *s.scope, s.document);
    return iri && iri->size() == ns.size() + local.size() && iri->starts_with(ns) && iri->ends_with(local);
  }

  // The local part of `q` if it lies in namespace `ns`.
  static std::optional<std::string> local_in(std::string_view q, const prov_scoped_record& s, std::string_view ns) {
    auto iri = prov_expand(q, *s.scope, s.document);
    if (!iri || !iri->starts_with(ns)) return std::nullopt;
    return iri->substr(ns.size());
  }

  // True if the element has a prov:type value naming `ns` + `local`.
  static bool has_type(const element& e, std::string_view ns, std::string_view local) {
    for (const auto& s : e.records) {
      for (const prov_value* v : s.record->values("prov:type")) {
        if (v->kind == prov_value_kind::qualified_name && names(v->text, s, ns, local)) return true;
      }
    }
    return false;
  }

  // The first value of an attribute named `ns` + `local` on the element, as text.
  static std::optional<std::string> attribute_text(const element& e, std::string_view ns, std::string_view local) {
    for (const auto& s : e.records) {
      for (const auto& a : s.record->attributes) {
        if (names(a.name, s, ns, local)) return a.value.text;
      }
    }
    return std::nullopt;
  }

  void issue(const prov_record& r, std::string message) {
    result_.issues.push_back(prov_issue{r.where, describe(r) + ": " + std::move(message)});
  }

  // ---- passes ---------------------------------------------------------------------

  void collect() {
    auto scan = [&](const prov_container& c, const prov_container* document, std::string_view bundle) {
      for (const auto& r : c.records) {
        prov_scoped_record s{&r, &c, document, bundle};
        if (is_prov_element(r.type)) {
          declare(s);
        } else {
          relations_.push_back(s);
        }
      }
    };
    scan(doc_, nullptr, {});
    for (const auto& b : doc_.bundles) scan(b, &doc_, b.id);
  }

  void declare(const prov_scoped_record& s) {
    const prov_record& r = *s.record;
    std::string id = graph_id(r.id, s);
    role what = r.type == prov_record_type::agent      ? role::agent
                : r.type == prov_record_type::activity ? role::activity
                                                       : role::statement;
    if (auto i = index_.find(id); i != index_.end()) {
      element& e = elements_[i->second];
      bool same = (e.what == what) || (what == role::statement && e.what == role::claim);
      if (!same) {
        issue(r, "not mapped: id \"" + id + "\" already names " + std::string(to_string_role(e.what)));
        return;
      }
      if (e.implicit) {
        e.implicit = false;
        e.what = what;
      }
      e.records.push_back(s);
      if (what == role::statement && has_type(e, st_namespace_uri, "Claim")) e.what = role::claim;
      return;
    }
    index_.emplace(id, elements_.size());
    elements_.push_back(element{id, what, {s}});
    if (what == role::statement && has_type(elements_.back(), st_namespace_uri, "Claim")) {
      elements_.back().what = role::claim;
    }
  }

  static std::string_view to_string_role(role r) {
    switch (r) {
      case role::agent: return "an agent";
      case role::activity: return "an activity";
      case role::claim: return "a claim";
      case role::statement: return "an entity";
    }
    return "?";
  }

  // Returns the element `ref` (read in `s`) names, declaring it implicitly as
  // `what` if it was never declared; nullptr if it names an element of another kind.
  element* ref(std::string_view q, const prov_scoped_record& s, role what) {
    std::string id = graph_id(q, s);
    if (auto i = index_.find(id); i != index_.end()) {
      element& e = elements_[i->second];
      if (e.what == what || (what == role::statement && e.what == role::claim)) return &e;
      return nullptr;
    }
    index_.emplace(id, elements_.size());
    elements_.push_back(element{id, what, {}, true});
    return &elements_.back();
  }

  void classify_relations() {
    for (const auto& s : relations_) {
      const prov_record& r = *s.record;
      switch (r.type) {
        case prov_record_type::attribution: {
          element* ent = ref(r.arg("prov:entity"), s, role::statement);
          element* ag = ref(r.arg("prov:agent"), s, role::agent);
          if (!ent || !ag) {
            issue(r, "not mapped: it does not join an entity to an agent");
          } else if (ent->what == role::claim) {
            issue(r, "not mapped: a claim is attributed to no one; its statements are");
          } else if (!ent->agent.empty() && ent->agent != ag->id) {
            issue(r, "not mapped: entity \"" + ent->id + "\" is already attributed to \"" + ent->agent +
                         "\" and a statement has one agent");
          } else {
            ent->agent = ag->id;
          }
          break;
        }
        case prov_record_type::generation: {
          auto act = r.arg("prov:activity");
          element* ent = ref(r.arg("prov:entity"), s, role::statement);
          if (act.empty()) {
            issue(r, "not mapped: no activity is named");
            break;
          }
          element* ac = ref(act, s, role::activity);
          if (!ent || !ac) {
            issue(r, "not mapped: it does not join an entity to an activity");
          } else if (ent->what == role::claim) {
            issue(r, "not mapped: a claim is generated by no event; its statements are");
          } else if (!ent->activity.empty() && ent->activity != ac->id) {
            issue(r, "not mapped: entity \"" + ent->id + "\" is already generated by \"" + ent->activity +
                         "\" and a statement has one event");
          } else {
            ent->activity = ac->id;
          }
          break;
        }
        case prov_record_type::association: {
          auto agent_ref = r.arg("prov:agent");
          element* ac = ref(r.arg("prov:activity"), s, role::activity);
          if (agent_ref.empty()) {
            issue(r, "not mapped: no agent is named");
            break;
          }
          element* ag = ref(agent_ref, s, role::agent);
          if (!ac || !ag) {
            issue(r, "not mapped: it does not join an activity to an agent");
          } else if (!ac->agent.empty() && ac->agent != ag->id) {
            issue(r, "not mapped: activity \"" + ac->id + "\" already has host \"" + ac->agent +
                         "\" and an event has one host");
          } else {
            ac->agent = ag->id;
            if (!r.arg("prov:plan").empty()) issue(r, "mapped in part: the plan is not kept");
          }
          break;
        }
        case prov_record_type::derivation: {
          element* from = ref(r.arg("prov:generatedEntity"), s, role::statement);
          element* to = ref(r.arg("prov:usedEntity"), s, role::statement);
          if (!from || !to) {
            issue(r, "not mapped: it does not join two entities");
          } else if (from->what == role::claim || to->what == role::claim) {
            issue(r, "not mapped: it joins a claim; derivations join statements");
          } else {
            derivations_.push_back({&s, from->id, to->id});
          }
          break;
        }
        case prov_record_type::other: issue(r, "not mapped: unknown record type \"" + r.type_name + "\""); break;
        default: issue(r, "not mapped: sourcetrace has no counterpart of " + std::string(r.name())); break;
      }
    }
  }

  element& at(const std::string& id) { return elements_[index_.at(id)]; }

  template <class Kind>
  bool add_agent_as(const element& e, std::string_view kind_name, const attributes& fields, const std::string& name) {
    if (source_traits<Kind>::name != kind_name) return false;
    result_.graph.add_agent(e.id, name, source_traits<Kind>::from_fields(fields));
    return true;
  }

  template <source_kind... Kinds>
  void add_agent(const element& e, std::string_view kind_name, const attributes& fields, const std::string& name,
                 std::type_identity<basic_provenance_graph<Kinds...>>) {
    (add_agent_as<Kinds>(e, kind_name, fields, name) || ...);
  }

  template <source_kind... Kinds>
  static std::vector<std::pair<std::string_view, std::string_view>> kinds(
      std::type_identity<basic_provenance_graph<Kinds...>>) {
    return {{source_traits<Kinds>::name, source_traits<Kinds>::prov_type}...};
  }

  // The kind for an agent with no st: kind: the first whose PROV type the
  // agent has, else the first that is a plain prov:Agent, else the first kind.
  std::string_view fallback_kind(const element& e) const {
    auto all = kinds(std::type_identity<G>{});
    for (auto [name, prov_type] : all) {
      if (prov_type.starts_with("prov:") && prov_type != "prov:Agent" &&
          has_type(e, prov_namespace_uri, prov_type.substr(5))) {
        return name;
      }
    }
    return anonymous_kind();
  }

  std::string_view anonymous_kind() const {
    auto all = kinds(std::type_identity<G>{});
    for (auto [name, prov_type] : all) {
      if (name == "anonymous") return name;
    }
    for (auto [name, prov_type] : all) {
      if (prov_type == "prov:Agent") return name;
    }
    return all.front().first;
  }

  void add_agents() {
    auto all = kinds(std::type_identity<G>{});
    for (const element& e : elements_) {
      if (e.what != role::agent) continue;
      std::string_view kind;
      for (auto [name, prov_type] : all) {
        if (has_type(e, st_namespace_uri, name)) {
          kind = name;
          break;
        }
      }
      attributes fields;
      if (kind.empty()) {
        kind = fallback_kind(e);
        for (const auto& s : e.records) {
          for (const prov_value* v : s.record->values("prov:type")) {
            if (v->kind != prov_value_kind::qualified_name) continue;
            if (auto local = local_in(v->text, s, st_namespace_uri)) {
              issue(*s.record, "mapped in part: kind \"" + *local + "\" is not a kind of this graph; read as " +
                                   std::string(kind) + " without its fields");
            }
          }
        }
      } else {
        for (const auto& s : e.records) {
          for (const auto& a : s.record->attributes) {
            if (auto local = local_in(a.name, s, st_namespace_uri)) fields.emplace_back(*local, a.value.text);
          }
        }
      }
      std::string name = attribute_text(e, prov_namespace_uri, "label").value_or(e.id);
      add_agent(e, kind, fields, name, std::type_identity<G>{});
    }
  }

  // The date of an activity: st:date, else the days of its start and end times.
  std::optional<partial_date> activity_date(const element& e) {
    if (auto text = attribute_text(e, st_namespace_uri, "date")) {
      std::string why;
      if (auto d = partial_date::try_parse(*text, &why)) return d;
      issue(*e.records.front().record,
            std::string("mapped in part: st:date ") + error::invalid_date(*text, why).what());
      return std::nullopt;
    }
    for (const auto& s : e.records) {
      auto start = s.record->arg("prov:startTime");
      auto end = s.record->arg("prov:endTime");
      if (start.empty() && end.empty()) continue;
      if (start.empty()) start = end;
      if (end.empty()) end = start;
      auto a = partial_date::try_parse(start.substr(0, 10));
      auto b = partial_date::try_parse(end.substr(0, 10));
      if (!a || !b || b->last() < a->first()) {
        issue(*s.record, "mapped in part: its times give no date sourcetrace can hold");
        return std::nullopt;
      }
      if (*a == *b) return a;
      return partial_date::between(*a, *b);
    }
    return std::nullopt;
  }

  void add_events() {
    for (element& e : elements_) {
      if (e.what != role::activity) continue;
      event_kind kind = event_kind::statement;
      for (auto k :
           {event_kind::briefing, event_kind::statement, event_kind::press_conference, event_kind::publication}) {
        if (has_type(e, st_namespace_uri, to_string(k))) kind = k;
      }
      std::optional<partial_date> date;
      if (!e.records.empty()) date = activity_date(e);
      event_info info;
      info.title = attribute_text(e, st_namespace_uri, "title")
                       .value_or(attribute_text(e, prov_namespace_uri, "label").value_or(""));
      info.byline = attribute_text(e, st_namespace_uri, "byline").value_or("");
      info.url = attribute_text(e, st_namespace_uri, "url").value_or("");
      info.place = attribute_text(e, st_namespace_uri, "place")
                       .value_or(attribute_text(e, prov_namespace_uri, "location").value_or(""));
      info.note = attribute_text(e, st_namespace_uri, "note").value_or("");
      agent_handle host;
      if (!e.agent.empty()) host = result_.graph.agent_id(e.agent);
      result_.graph.add_event(e.id, kind, date, host, std::move(info));
    }
  }

  claim_details details_of(const element& e) {
    claim_details d;
    d.subject = attribute_text(e, st_namespace_uri, "subject").value_or("");
    d.quantity = attribute_text(e, st_namespace_uri, "quantity").value_or("");
    if (auto when = attribute_text(e, st_namespace_uri, "when")) {
      std::string why;
      d.when = partial_date::try_parse(*when, &why);
      if (!d.when)
        issue(*e.records.front().record,
              std::string("mapped in part: st:when ") + error::invalid_date(*when, why).what());
    }
    if (auto mode = attribute_text(e, st_namespace_uri, "mode")) {
      d.mode = modality_from_string(*mode);
      if (!d.mode) issue(*e.records.front().record, "mapped in part: unknown st:mode \"" + *mode + "\"");
    }
    return d;
  }

  void add_claims() {
    for (element& e : elements_) {
      if (e.what != role::claim) continue;
      std::string text = attribute_text(e, prov_namespace_uri, "label").value_or(e.id);
      result_.graph.add_claim(e.id, std::move(text), details_of(e));
    }
  }

  std::size_t find_group(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // A claim id not yet taken, built from `base`.
  std::string fresh_id(const std::string& base) {
    std::string id = base;
    for (int n = 2; index_.contains(id) || taken_.contains(id); ++n) id = base + "#" + std::to_string(n);
    taken_.emplace(id, 0);
    return id;
  }

  void add_statements() {
    // Weakly connected groups of statements under derivation share a claim.
    parent_.resize(elements_.size());
    for (std::size_t i = 0; i < parent_.size(); ++i) parent_[i] = i;
    for (const auto& d : derivations_) {
      auto a = find_group(index_.at(d.from));
      auto b = find_group(index_.at(d.to));
      if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }
    std::vector<bool> derives(elements_.size(), false);
    for (const auto& d : derivations_) derives[index_.at(d.from)] = true;
    std::unordered_map<std::size_t, std::string> group_claim;
    // A group takes the st:claim of its statements, if any names one.
    for (std::size_t i = 0; i < elements_.size(); ++i) {
      element& e = elements_[i];
      if (e.what != role::statement) continue;
      for (const auto& s : e.records) {
        for (const prov_value* v : s.record->values("st:claim")) {
          std::string c = graph_id(v->text, s);
          if (auto f = index_.find(c); f != index_.end() && elements_[f->second].what == role::claim) {
            e.claim = c;
          } else {
            issue(*s.record, "mapped in part: st:claim \"" + v->text + "\" names no claim");
          }
          break;
        }
        if (!e.claim.empty()) break;
      }
      if (!e.claim.empty()) group_claim.emplace(find_group(i), e.claim);
    }
    // Other groups get a new claim, named and labelled after the group's first origin.
    for (std::size_t i = 0; i < elements_.size(); ++i) {
      if (elements_[i].what != role::statement || derives[i]) continue;
      auto root = find_group(i);
      if (group_claim.contains(root)) continue;
      const element& origin = elements_[i];
      std::string id = fresh_id("claim:" + origin.id);
      std::string text = attribute_text(origin, prov_namespace_uri, "label").value_or(origin.id);
      result_.graph.add_claim(id, std::move(text));
      group_claim.emplace(root, id);
    }
    for (std::size_t i = 0; i < elements_.size(); ++i) {
      element& e = elements_[i];
      if (e.what != role::statement) continue;
      auto root = find_group(i);
      if (!group_claim.contains(root)) {  // a group on a closed cycle has no origin
        std::string id = fresh_id("claim:" + e.id);
        result_.graph.add_claim(id, attribute_text(e, prov_namespace_uri, "label").value_or(e.id));
        group_claim.emplace(root, id);
      }
      std::string claim = e.claim.empty() ? group_claim.at(root) : e.claim;
      std::string agent = e.agent;
      if (agent.empty() && !e.activity.empty()) agent = at(e.activity).agent;
      agent_handle a = agent.empty() ? unattributed() : result_.graph.agent_id(agent);
      event_handle ev = e.activity.empty() ? event_handle{} : result_.graph.event_id(e.activity);
      result_.graph.add_statement(e.id, a, result_.graph.claim_id(claim), ev, details_of(e));
    }
  }

  template <class Kind>
  bool add_unattributed_as(std::string_view kind_name, const std::string& id) {
    if (source_traits<Kind>::name != kind_name) return false;
    unattributed_ = result_.graph.add_agent(id, "unattributed", Kind{});
    return true;
  }
  template <source_kind... Kinds>
  void add_unattributed(std::string_view kind_name, const std::string& id,
                        std::type_identity<basic_provenance_graph<Kinds...>>) {
    (add_unattributed_as<Kinds>(kind_name, id) || ...);
  }

  // The agent of entities attributed to no one, added on first use.
  agent_handle unattributed() {
    if (!unattributed_.valid()) {
      std::string id = fresh_id("unattributed");
      add_unattributed(anonymous_kind(), id, std::type_identity<G>{});
    }
    return unattributed_;
  }

  void add_derivations() {
    for (const auto& d : derivations_) {
      const prov_scoped_record& s = *d.record;
      const prov_record& r = *s.record;
      derivation_kind kind = derivation_kind::cites;
      bool named = false;
      for (const auto& a : r.attributes) {
        if (names(a.name, s, st_namespace_uri, "kind")) {
          if (auto k = derivation_kind_from_string(a.value.text)) {
            kind = *k;
            named = true;
          } else {
            issue(r, "mapped in part: unknown st:kind \"" + a.value.text + "\", read as cites");
          }
        }
      }
      if (!named) {
        for (const prov_value* v : r.values("prov:type")) {
          if (v->kind == prov_value_kind::qualified_name && names(v->text, s, prov_namespace_uri, "Quotation")) {
            kind = derivation_kind::quotes;
          }
        }
      }
      try {
        result_.graph.add_derivation(result_.graph.statement_id(d.from), result_.graph.statement_id(d.to), kind);
      } catch (const error& x) {
        issue(r, std::string("not mapped: ") + x.what());
      }
    }
  }

  struct derivation_ref {
    const prov_scoped_record* record;
    std::string from, to;
  };

  const prov_document& doc_;
  prov_import_result<G> result_;
  // A deque: ref() adds elements while pointers to others are held, and a
  // vector would move them (a use-after-free found in review).
  std::deque<element> elements_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, int> taken_;
  std::vector<prov_scoped_record> relations_;
  std::vector<derivation_ref> derivations_;
  std::vector<std::size_t> parent_;
  agent_handle unattributed_;
};

}  // namespace detail

/// Returns the graph a PROV document describes, and every record that could not be mapped.
///
/// A document written by `to_prov` round-trips: the same agents (kinds and
/// fields through `source_traits<K>::from_fields`, keyed by `st:<kind name>`),
/// events, claims, statements and derivations. Any other document maps so
/// that `origins` and `trace` answer which primary sources each entity
/// rests on: every entity becomes a statement, attributed to its
/// `wasAttributedTo` agent (else its generating activity's associated agent,
/// else one agent "unattributed" of the anonymous kind); every weakly
/// connected group of entities joined by `wasDerivedFrom` asserts one claim;
/// activities become events. Records with no counterpart (used,
/// wasInformedBy, ..., unknown types) are listed in `issues`, never dropped
/// silently. docs/prov.md gives the whole mapping.
/// @throws error if an agent kind's `from_fields` throws it.
template <class G = provenance_graph>
requires provenance_graph_type<G> prov_import_result<G> import_prov(const prov_document& doc) {
  return detail::prov_importer<G>(doc).run();
}

}  // namespace sourcetrace
