// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Any W3C PROV document as a provenance graph: `import_prov`, with every
/// record it could not map reported. docs/prov.md gives the mapping.

#include <sourcetrace/error.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/io/prov_model.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sourcetrace {

/// A record `import_prov` could not map into the graph, or mapped only in part.
struct prov_issue {
  prov_location where;  ///< where the record was read from (0:0 when built in memory)
  std::string message;  ///< what was not mapped and why, naming the record
  friend bool operator==(const prov_issue&, const prov_issue&) = default;
};

/// The graph `import_prov` built, every record it could not map, and the
/// elements it added because relations named them without declaring them.
template <class G>
struct prov_import_result {
  G graph;                         ///< the imported graph
  std::vector<prov_issue> issues;  ///< records not mapped (or mapped in part), in document order
  /// Graph ids of the elements no record declares but a mapped relation
  /// names, which PROV-DM implies (an entity for wasDerivedFrom's arguments,
  /// an agent for wasAttributedTo's, an activity for wasGeneratedBy's), in
  /// the order first named. They are in `graph`; they are not issues.
  std::vector<std::string> implied;
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
    for (const element& e : elements_) {
      if (e.implicit) result_.implied.push_back(e.id);
    }
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
    // for activities: the agents associated in role st:audience, in document order
    std::vector<std::string> audience;
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
    auto skipped = [&](const prov_container& c) {
      for (const auto& k : c.unknown_keys) {
        std::string message = "unknown PROV-JSON key \"";
        message += k.key;
        message += "\": not a PROV type or relation; skipped";
        result_.issues.push_back(prov_issue{k.where, std::move(message)});
      }
    };
    skipped(doc_);
    for (const auto& b : doc_.bundles) skipped(b);
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
          bool audience = false;
          for (const prov_value* v : r.values("prov:role")) {
            audience = audience ||
                       (v->kind == prov_value_kind::qualified_name && names(v->text, s, st_namespace_uri, "audience"));
          }
          if (!ac || !ag) {
            issue(r, "not mapped: it does not join an activity to an agent");
          } else if (audience) {
            // Held for this agent, not by it: the event's audience (add_audience drops repeats).
            ac->audience.push_back(ag->id);
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

  // The kind for an agent with no st: kind the graph knows: the first whose
  // PROV type the agent has, else the kind for unnamed sources.
  std::size_t fallback_kind(const element& e) const {
    for (std::size_t i = 0; i < G::kinds.size(); ++i) {
      std::string_view prov_type = G::kinds[i].prov_type;
      if (prov_type.starts_with("prov:") && prov_type != "prov:Agent" &&
          has_type(e, prov_namespace_uri, prov_type.substr(5))) {
        return i;
      }
    }
    return unnamed_kind();
  }

  // The kind of agents PROV says nothing about: the first unnamed kind, else
  // the first that is a plain prov:Agent, else the first kind.
  static std::size_t unnamed_kind() {
    for (std::size_t i = 0; i < G::kinds.size(); ++i) {
      if (!G::kinds[i].named) return i;
    }
    for (std::size_t i = 0; i < G::kinds.size(); ++i) {
      if (G::kinds[i].prov_type == "prov:Agent") return i;
    }
    return 0;
  }

  // A PROV value as a kind's field: typed literals of XML Schema's numeric
  // and boolean types keep their type.
  static field_value field_of(const prov_value& v) {
    if (v.kind == prov_value_kind::typed) {
      std::string_view t = v.datatype;
      if (t == "xsd:long" || t == "xsd:int" || t == "xsd:integer" || t == "xsd:short" || t == "xsd:byte" ||
          t == "xsd:nonNegativeInteger" || t == "xsd:unsignedInt" || t == "xsd:unsignedLong") {
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
        if (ec == std::errc() && end == v.text.data() + v.text.size()) return n;
      } else if (t == "xsd:double" || t == "xsd:float" || t == "xsd:decimal") {
        double d = 0;
        auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
        if (ec == std::errc() && end == v.text.data() + v.text.size()) return d;
      } else if (t == "xsd:boolean" && (v.text == "true" || v.text == "false")) {
        return v.text == "true";
      }
    }
    return v.text;
  }

  void add_agents() {
    for (const element& e : elements_) {
      if (e.what != role::agent) continue;
      std::optional<std::size_t> kind;
      for (std::size_t i = 0; i < G::kinds.size() && !kind; ++i) {
        if (has_type(e, st_namespace_uri, G::kinds[i].name)) kind = i;
      }
      attributes fields;
      if (!kind) {
        kind = fallback_kind(e);
        for (const auto& s : e.records) {
          for (const prov_value* v : s.record->values("prov:type")) {
            if (v->kind != prov_value_kind::qualified_name) continue;
            if (auto local = local_in(v->text, s, st_namespace_uri)) {
              issue(*s.record, "mapped in part: kind \"" + *local + "\" is not a kind of this graph; read as " +
                                   std::string(G::kinds[*kind].name) + " without its fields");
            }
          }
        }
      } else {
        for (const auto& s : e.records) {
          for (const auto& a : s.record->attributes) {
            if (auto local = local_in(a.name, s, st_namespace_uri)) fields.emplace_back(*local, field_of(a.value));
          }
        }
      }
      std::string name = attribute_text(e, prov_namespace_uri, "label").value_or(e.id);
      typename G::kind_variant k;
      try {
        k = G::make_kind(*kind, fields);
      } catch (const std::exception& x) {
        // A field the kind cannot hold, or a user's from_fields refusing: keep the agent, drop its fields.
        issue(*e.records.front().record, "mapped in part: kind " + std::string(G::kinds[*kind].name) + ": " + x.what() +
                                             "; read without its fields");
        k = G::make_kind(*kind, {});
      }
      result_.graph.add_agent(e.id, name, std::move(k));
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
      for (auto k : event_kinds()) {
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
      auto ev = result_.graph.add_event(e.id, kind, date, host, std::move(info));
      std::vector<agent_handle> audience;
      for (const auto& member : e.audience) audience.push_back(result_.graph.agent_id(member));
      result_.graph.add_audience(ev, audience);
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
      article_part part = article_part::unknown;
      if (auto text = attribute_text(e, st_namespace_uri, "part")) {
        auto p = article_part_from_string(*text);
        if (p) {
          part = *p;
        } else {
          issue(*e.records.front().record, "mapped in part: unknown st:part \"" + *text + "\"");
        }
      }
      result_.graph.add_statement(e.id, a, result_.graph.claim_id(claim), ev, details_of(e), part);
    }
  }

  // The agent of entities attributed to no one, added on first use.
  agent_handle unattributed() {
    if (!unattributed_.valid()) {
      std::string id = fresh_id("unattributed");
      unattributed_ = result_.graph.add_agent(id, "unattributed", G::make_kind(unnamed_kind(), {}));
    }
    return unattributed_;
  }

  void add_derivations() {
    for (const auto& d : derivations_) {
      const prov_scoped_record& s = *d.record;
      const prov_record& r = *s.record;
      derivation_kind kind = derivation_kind::cites;
      derivation_basis basis = derivation_basis::unstated;
      bool named = false;
      for (const auto& a : r.attributes) {
        if (names(a.name, s, st_namespace_uri, "basis")) {
          auto b = derivation_basis_from_string(a.value.text);
          if (b && *b != derivation_basis::unstated) {
            basis = *b;
          } else {
            issue(r, "mapped in part: unknown st:basis \"" + a.value.text + "\", not kept");
          }
        }
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
        result_.graph.add_derivation(result_.graph.statement_id(d.from), result_.graph.statement_id(d.to), kind, basis);
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
/// else one agent "unattributed" of the graph's kind for unnamed sources);
/// every weakly connected group of entities joined by `wasDerivedFrom`
/// asserts one claim; activities become events. An agent whose `st:` kind
/// the graph lacks takes the kind whose PROV type it has, else the kind for
/// unnamed sources, without its fields. Records with no counterpart (used,
/// wasInformedBy, ..., unknown types), kinds the graph lacks and fields a
/// kind refuses are listed in `issues`, never dropped silently, and so are
/// the PROV-JSON keys the reader skipped (`prov_container::unknown_keys`).
/// A relation may name an element no record declares: as PROV-DM says, the
/// element is implied, of the type the relation's role gives, imported like
/// a declared one, and listed in `implied`.
/// docs/prov.md gives the whole mapping.
/// @throws nothing but std::bad_alloc: a kind's `from_fields` that throws is reported in `issues`.
template <class G = provenance_graph>
requires provenance_graph_type<G> prov_import_result<G> import_prov(const prov_document& doc) {
  return detail::prov_importer<G>(doc).run();
}

}  // namespace sourcetrace
