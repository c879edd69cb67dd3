// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// PROV-JSON (W3C Member Submission, 24 April 2013): a writer with sorted keys,
/// so equal documents give equal bytes, and a reader for PROV-JSON written by
/// any tool: bundles, blank ids, several records under one id (a JSON array),
/// typed literals, language-tagged strings, and the three spellings of
/// qualified-name values (xsd:QName, prov:QualifiedName, prov:QUALIFIED_NAME).
/// Needs Boost.JSON: link `sourcetrace::json`.

#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/detail/prov_json_dom.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <cstddef>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace {

namespace detail {

inline std::string prov_json_value(const prov_value& v) {
  switch (v.kind) {
    case prov_value_kind::string: return json_string(v.text);
    case prov_value_kind::lang_string:
      return "{\"$\": " + json_string(v.text) + ", \"lang\": " + json_string(v.lang) + "}";
    case prov_value_kind::typed:
      return "{\"$\": " + json_string(v.text) + ", \"type\": " + json_string(v.datatype) + "}";
    case prov_value_kind::qualified_name:
      return "{\"$\": " + json_string(v.text) + ", \"type\": \"prov:QUALIFIED_NAME\"}";
  }
  return "null";
}

inline void write_prov_json_object(std::string& out, const std::map<std::string, std::vector<std::string>>& members,
                                   const std::string& indent) {
  if (members.empty()) {
    out += "{}";
    return;
  }
  out += "{\n";
  bool first = true;
  for (const auto& [key, values] : members) {
    if (!first) out += ",\n";
    first = false;
    out += indent + "  " + json_string(key) + ": ";
    if (values.size() == 1) {
      out += values[0];
    } else {
      out += "[";
      for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
      out += "]";
    }
  }
  out += "\n" + indent + "}";
}

inline std::string prov_json_record(const prov_record& r, const std::string& indent) {
  std::map<std::string, std::vector<std::string>> members;
  auto formals = prov_formal_arguments(r.type);
  for (std::size_t i = 0; i < formals.size() && i < r.args.size(); ++i) {
    if (!r.args[i].empty()) members[std::string(formals[i].name)].push_back(json_string(r.args[i]));
  }
  for (const auto& a : r.attributes) members[a.name].push_back(prov_json_value(a.value));
  std::string out;
  write_prov_json_object(out, members, indent);
  return out;
}

inline void write_prov_json_container(std::string& out, const prov_container& c,
                                      const std::vector<prov_bundle>* bundles, const std::string& indent) {
  // key → its text, already formatted
  std::map<std::string, std::string> top;
  if (!c.prefixes.empty() || !c.default_namespace.empty()) {
    std::map<std::string, std::vector<std::string>> prefixes;
    for (const auto& [p, uri] : c.prefixes) prefixes[p].push_back(json_string(uri));
    if (!c.default_namespace.empty()) prefixes["default"].push_back(json_string(c.default_namespace));
    std::string text;
    write_prov_json_object(text, prefixes, indent + "  ");
    top["prefix"] = std::move(text);
  }
  // Relations without an id get blank ids _:id1, _:id2, ... not used by another record here.
  std::set<std::string> used;
  for (const auto& r : c.records) used.insert(r.id);
  std::size_t next = 0;
  std::map<std::string, std::map<std::string, std::vector<std::string>>> by_type;
  const std::string record_indent = indent + "    ";
  for (const auto& r : c.records) {
    std::string id = r.id;
    if (id.empty()) {
      do id = "_:id" + std::to_string(++next);
      while (used.contains(id));
    }
    by_type[std::string(r.name())][id].push_back(prov_json_record(r, record_indent));
  }
  for (const auto& [type, records] : by_type) {
    std::string text;
    text += "{\n";
    bool first = true;
    for (const auto& [id, bodies] : records) {
      if (!first) text += ",\n";
      first = false;
      text += indent + "    " + json_string(id) + ": ";
      if (bodies.size() == 1) {
        text += bodies[0];
      } else {
        text += "[";
        for (std::size_t i = 0; i < bodies.size(); ++i) text += (i ? ", " : "") + bodies[i];
        text += "]";
      }
    }
    text += "\n" + indent + "  }";
    top[type] = std::move(text);
  }
  if (bundles && !bundles->empty()) {
    std::map<std::string, std::string> sorted;
    for (const auto& b : *bundles) {
      std::string text;
      write_prov_json_container(text, b, nullptr, indent + "    ");
      sorted[b.id] = std::move(text);
    }
    std::string text = "{\n";
    bool first = true;
    for (const auto& [id, body] : sorted) {
      if (!first) text += ",\n";
      first = false;
      text += indent + "    " + json_string(id) + ": " + body;
    }
    text += "\n" + indent + "  }";
    top["bundle"] = std::move(text);
  }
  if (top.empty()) {
    out += "{}";
    return;
  }
  out += "{\n";
  bool first = true;
  for (const auto& [key, body] : top) {
    if (!first) out += ",\n";
    first = false;
    out += indent + "  " + json_string(key) + ": " + body;
  }
  out += "\n" + indent + "}";
}

// Returns true if `s` is an xsd:dateTime: [-]YYYY-MM-DDThh:mm:ss[.s+][Z|(+|-)hh:mm].
inline bool is_xsd_datetime(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k, ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  auto lit = [&](char c) { return i < s.size() && s[i++] == c; };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digits(4)) return false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (!(lit('-') && digits(2) && lit('-') && digits(2) && lit('T') && digits(2) && lit(':') && digits(2) && lit(':') &&
        digits(2))) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  ++i;
  return digits(2) && lit(':') && digits(2) && i == s.size();
}

// Reads PROV-JSON from the position-tracking tree; every error names its place.
class prov_json_reader {
 public:
  prov_json_reader(std::string_view text, std::string_view file_name, const read_limits& limits = {})
      : text_(text), file_(file_name), limits_(limits) {}

  prov_document read() {
    if (text_.size() > limits_.max_bytes) fail(0, bytes_over_limit(text_.size(), limits_.max_bytes));
    json_node root = parse_json_with_positions(text_, file_, limits_);
    if (root.type != json_node::kind::object) {
      fail(root.offset, "expected a JSON object holding a PROV document, got " + describe_json(root));
    }
    prov_document doc;
    check_keys(root);
    read_container(root, doc, nullptr);
    for (const auto& m : root.members) {
      if (m.key != "bundle") continue;
      if (m.value.type != json_node::kind::object) {
        fail(m.value.offset, "\"bundle\": expected an object of bundles keyed by id, got " + describe_json(m.value));
      }
      check_keys(m.value);
      for (const auto& b : m.value.members) {
        count_record(b.key_offset);
        prov_bundle bundle;
        bundle.id = b.key;
        bundle.where = where(b.key_offset);
        check_qname(b.key, doc, nullptr, b.key_offset, "bundle \"" + b.key + "\": ");
        if (b.value.type != json_node::kind::object) {
          fail(b.value.offset, "bundle \"" + b.key + "\": expected an object holding the bundle's records, got " +
                                   describe_json(b.value));
        }
        check_keys(b.value);
        for (const auto& inner : b.value.members) {
          if (inner.key == "bundle") fail(inner.key_offset, "bundle \"" + b.key + "\": bundles cannot nest");
        }
        read_container(b.value, bundle, &doc);
        doc.bundles.push_back(std::move(bundle));
      }
    }
    return doc;
  }

 private:
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    auto [line, column] = line_column(text_, offset);
    throw parse_error(std::string(file_), line, column, message);
  }

  prov_location where(std::size_t offset) const {
    auto [line, column] = lines_.locate(offset);
    return {line, column};
  }

  void check_keys(const json_node& obj) const {
    std::set<std::string_view> seen;
    for (const auto& m : obj.members) {
      if (!seen.insert(m.key).second) {
        fail(m.key_offset, "duplicate key \"" + m.key + "\": a JSON object names each key once");
      }
    }
  }

  // Checks that qualified name `q` can be resolved in `c` (within `document` for a bundle).
  void check_qname(std::string_view q, const prov_container& c, const prov_container* document, std::size_t offset,
                   const std::string& context) const {
    if (q.empty()) fail(offset, context + "expected a qualified name, got \"\"");
    if (q.starts_with("_:")) return;
    auto colon = q.find(':');
    if (colon == std::string_view::npos) {
      if (c.default_namespace.empty() && (!document || document->default_namespace.empty())) {
        fail(offset,
             context + "qualified name \"" + std::string(q) + "\" has no prefix, and no default namespace is declared");
      }
      return;
    }
    if (!prov_namespace_of(q.substr(0, colon), c, document)) {
      fail(offset, context + "unknown prefix \"" + std::string(q.substr(0, colon)) + "\" in qualified name \"" +
                       std::string(q) + "\": declare it under \"prefix\"");
    }
  }

  void read_container(const json_node& obj, prov_container& c, const prov_container* document) {
    for (const auto& m : obj.members) {
      if (m.key != "prefix") continue;
      if (m.value.type != json_node::kind::object) {
        fail(m.value.offset,
             "\"prefix\": expected an object mapping prefixes to namespace URIs, got " + describe_json(m.value));
      }
      check_keys(m.value);
      for (const auto& p : m.value.members) {
        if (p.value.type != json_node::kind::string) {
          fail(p.value.offset,
               "prefix \"" + p.key + "\": expected a namespace URI string, got " + describe_json(p.value));
        }
        if (p.key == "default") {
          c.default_namespace = p.value.text;
        } else {
          c.prefixes[p.key] = p.value.text;
        }
      }
    }
    for (const auto& m : obj.members) {
      if (m.key == "prefix" || m.key == "bundle") continue;
      auto type = prov_record_type_from_string(m.key);
      // A key of no PROV type that holds no records is an extension: skipped, and kept to be reported.
      if (!type && (m.value.type != json_node::kind::object || m.value.members.empty())) {
        c.unknown_keys.push_back({m.key, where(m.key_offset)});
        continue;
      }
      if (m.value.type != json_node::kind::object) {
        fail(m.value.offset,
             "\"" + m.key + "\": expected an object of records keyed by id, got " + describe_json(m.value));
      }
      check_keys(m.value);
      for (const auto& rec : m.value.members) {
        const std::string context = m.key + " \"" + rec.key + "\": ";
        if (!rec.key.starts_with("_:") || (type && is_prov_element(*type))) {
          check_qname(rec.key, c, document, rec.key_offset, context);
        }
        if (rec.value.type == json_node::kind::object) {
          read_record(m.key, type, rec.key, rec.value, c, document, context);
        } else if (rec.value.type == json_node::kind::array && !rec.value.items.empty()) {
          for (const auto& item : rec.value.items) {
            if (item.type != json_node::kind::object) {
              fail(item.offset, context + "expected an object of attributes, or an array of such objects, got " +
                                    describe_json(item));
            }
            read_record(m.key, type, rec.key, item, c, document, context);
          }
        } else {
          fail(rec.value.offset, context + "expected an object of attributes, or an array of such objects, got " +
                                     describe_json(rec.value));
        }
      }
    }
  }

  void read_record(const std::string& type_name, std::optional<prov_record_type> type, const std::string& id,
                   const json_node& body, prov_container& c, const prov_container* document,
                   const std::string& context) {
    check_keys(body);
    prov_record r;
    if (type) {
      r = make_prov_record(*type);
    } else {
      r.type = prov_record_type::other;
      r.type_name = type_name;
    }
    // A blank id on a relation is only a JSON key: the relation has no id.
    r.id = id;
    r.where = where(body.offset);
    auto formals = prov_formal_arguments(r.type);
    std::vector<std::string> extra_members;  // hadMember with several entities
    for (const auto& m : body.members) {
      std::size_t f = formals.size();
      for (std::size_t i = 0; i < formals.size(); ++i) {
        if (formals[i].name == m.key) f = i;
      }
      if (f < formals.size()) {
        const json_node* v = &m.value;
        const std::string arg_context = context + "\"" + m.key + "\": ";
        if (v->type == json_node::kind::array) {
          if (r.type == prov_record_type::membership && m.key == "prov:entity" && !v->items.empty()) {
            for (std::size_t k = 1; k < v->items.size(); ++k) {
              const json_node& item = v->items[k];
              if (item.type != json_node::kind::string) {
                fail(item.offset, arg_context + "expected a qualified name, got " + describe_json(item));
              }
              check_qname(item.text, c, document, item.offset, arg_context);
              extra_members.push_back(item.text);
            }
            v = v->items.data();
          } else if (v->items.size() == 1) {
            v = v->items.data();
          } else {
            fail(v->offset, arg_context + "expected one value, got an array of " + std::to_string(v->items.size()));
          }
        }
        if (formals[f].is_time) {
          if (v->type != json_node::kind::string || !is_xsd_datetime(v->text)) {
            fail(v->offset,
                 arg_context + "expected an xsd:dateTime such as 2025-06-26T09:30:00, got " + describe_json(*v));
          }
        } else {
          if (v->type != json_node::kind::string) {
            fail(v->offset, arg_context + "expected a qualified name, got " + describe_json(*v));
          }
          check_qname(v->text, c, document, v->offset, arg_context);
        }
        r.args[f] = v->text;
        continue;
      }
      check_qname(m.key, c, document, m.key_offset, context);
      const std::string attr_context = context + "attribute \"" + m.key + "\": ";
      if (m.value.type == json_node::kind::array) {
        for (const auto& item : m.value.items) r.add(m.key, value(item, c, document, attr_context));
      } else {
        r.add(m.key, value(m.value, c, document, attr_context));
      }
    }
    for (std::size_t i = 0; i < formals.size(); ++i) {
      if (formals[i].required && r.args[i].empty()) {
        fail(body.offset, context + "missing \"" + std::string(formals[i].name) + "\"");
      }
    }
    std::string collection = r.args.empty() ? std::string() : r.args[0];
    prov_location at = r.where;
    count_record(body.offset);
    c.records.push_back(std::move(r));
    for (auto& e : extra_members) {
      count_record(body.offset);
      prov_record more = make_prov_record(prov_record_type::membership);
      more.args = {collection, std::move(e)};
      more.where = at;
      c.records.push_back(std::move(more));
    }
  }

  prov_value value(const json_node& v, const prov_container& c, const prov_container* document,
                   const std::string& context) const {
    switch (v.type) {
      case json_node::kind::string: return prov_value::make_string(v.text);
      case json_node::kind::boolean: return prov_value::make_typed(v.text, "xsd:boolean");
      case json_node::kind::number:
        return prov_value::make_typed(v.text,
                                      v.integral ? (v.text.size() < 10 ? "xsd:int" : "xsd:long") : "xsd:double");
      case json_node::kind::object: break;
      default:
        fail(v.offset, context + "expected a string, number, boolean or {\"$\": ...} object, got " + describe_json(v));
    }
    check_keys(v);
    const json_node* dollar = nullptr;
    const json_node* type = nullptr;
    const json_node* lang = nullptr;
    for (const auto& m : v.members) {
      if (m.key == "$") {
        dollar = &m.value;
      } else if (m.key == "type") {
        type = &m.value;
      } else if (m.key == "lang") {
        lang = &m.value;
      } else {
        fail(m.key_offset,
             context + "unexpected key \"" + m.key + "\" in a typed value: expected \"$\", \"type\" or \"lang\"");
      }
    }
    if (!dollar) fail(v.offset, context + "expected \"$\" in a typed or language-tagged value");
    if (dollar->type != json_node::kind::string && dollar->type != json_node::kind::number &&
        dollar->type != json_node::kind::boolean) {
      fail(dollar->offset, context + "\"$\": expected a string, number or boolean, got " + describe_json(*dollar));
    }
    for (const json_node* n : {type, lang}) {
      if (n && n->type != json_node::kind::string) {
        fail(n->offset,
             context + "\"" + (n == type ? "type" : "lang") + "\": expected a string, got " + describe_json(*n));
      }
    }
    if (lang) {
      if (type && type->text != "prov:InternationalizedString") {
        fail(type->offset, context +
                               "a language-tagged value has no \"type\" but prov:InternationalizedString, got \"" +
                               type->text + "\"");
      }
      return prov_value::make_lang_string(dollar->text, lang->text);
    }
    if (!type) return prov_value::make_string(dollar->text);
    check_qname(type->text, c, document, type->offset, context + "\"type\": ");
    if (is_qualified_name_datatype(type->text)) {
      if (dollar->type != json_node::kind::string) {
        fail(dollar->offset, context + "expected a qualified name, got " + describe_json(*dollar));
      }
      check_qname(dollar->text, c, document, dollar->offset, context);
      return prov_value::make_qualified_name(dollar->text);
    }
    return prov_value::make_typed(dollar->text, type->text);
  }

  // Counts a record or bundle; one past `max_records` is an error at byte `offset`.
  void count_record(std::size_t offset) {
    if (++records_ > limits_.max_records) fail(offset, records_over_limit(records_, limits_.max_records));
  }

  std::string_view text_;
  mutable line_index lines_{text_};
  std::string_view file_;
  read_limits limits_;
  std::size_t records_ = 0;
};

}  // namespace detail

/// Writes `doc` as PROV-JSON: keys sorted at every level, two-space indents,
/// one trailing newline, so equal documents give equal bytes. Relations
/// without an id get blank ids `_:id1`, `_:id2`, ...; several records under
/// one id are written as a JSON array; qualified-name values as
/// `{"$": "prov:Person", "type": "prov:QUALIFIED_NAME"}`, the form python-prov and
/// ProvToolbox read.
/// @throws std::ios_base::failure if the stream throws.
inline void write_prov_json(std::ostream& os, const prov_document& doc) {
  std::string out;
  detail::write_prov_json_container(out, doc, &doc.bundles, "");
  out += "\n";
  os << out;
}

/// Writes graph `g` as PROV-JSON: `write_prov_json(os, to_prov(g))`.
/// @throws std::ios_base::failure if the stream throws.
template <source_kind... Kinds>
void write_prov_json(std::ostream& os, const basic_provenance_graph<Kinds...>& g) {
  write_prov_json(os, to_prov(g));
}

/// Reads a PROV-JSON document written by any tool.
///
/// Keeps every record: types this library does not know are kept as
/// `prov_record_type::other` under their own name, with all their members as
/// attributes. A member whose key names no PROV type and that holds no
/// records (`"notarealtype": {}`, `"comment": "..."`) is skipped and listed
/// in `unknown_keys` of its document or bundle. Blank ids (`_:...`) are kept as written; they are scoped by
/// their bundle when imported.
/// Plain JSON numbers become xsd:int, xsd:long or xsd:double literals, and
/// booleans xsd:boolean; `{"$": ..., "type": ...}` typed literals and
/// `{"$": ..., "lang": ...}` language-tagged strings keep their type, and the
/// three spellings of the qualified-name datatype all give qualified names.
/// @throws parse_error naming `file_name`, the line and column (in characters)
/// and what was expected and found: malformed JSON, invalid UTF-8 (at its
/// first byte, naming the key or string that holds it), a member of the wrong JSON
/// type, a duplicate key, an undeclared prefix, a malformed xsd:dateTime in a
/// time argument, a missing required argument, a nested bundle.
/// Input over one of `limits` (bytes, records and bundles, nesting, string
/// length) is an error that names the limit.
inline prov_document read_prov_json(std::string_view text, std::string_view file_name, const read_limits& limits = {}) {
  return detail::prov_json_reader(text, file_name, limits).read();
}

}  // namespace sourcetrace
