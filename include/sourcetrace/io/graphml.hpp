// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// GraphML output through Boost.Graph's `write_graphml`, for NetworkX, igraph,
/// Gephi, yEd and other graph tools. Only the writer is used: it is
/// header-only, so nothing links against compiled Boost.Graph.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/graph.hpp>

#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <cstddef>
#include <cstdint>
#include <locale>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace {

namespace detail {

// Returns `s` with every byte that may not appear in an XML 1.0 document (a
// control character other than tab, newline and carriage return, a byte that
// is not UTF-8, U+FFFE or U+FFFF) replaced by U+FFFD. write_graphml escapes
// the five XML characters but passes everything else through, so a stray
// byte from scraped text would otherwise make the whole file unreadable.
inline std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    const std::size_t n = control ? 0 : utf8_sequence_length(s, i);
    const bool nonchar = n == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                         static_cast<unsigned char>(s[i + 2]) >= 0xBE;
    if (n == 0 || nonchar) {
      out += "\xEF\xBF\xBD";
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace detail

/// Writes `g` as GraphML through Boost.Graph's `write_graphml`.
///
/// Nodes are statements, in vertex order, with the ids `n0`, `n1`, ... that
/// `write_graphml` gives them (declared `parse.nodeids="canonical"`); the
/// statement's own id is the `id` attribute. Node attributes, all strings
/// unless noted:
/// - `id`: the statement id; `claim`: the claim id;
/// - `agent`, `agent_name`, `agent_kind`: the agent's id, display name and
///   kind name (`source_traits<K>::name`);
/// - `event`: the event id, empty when unknown; `date`: the event's ISO 8601
///   date (`2025-06-26`, `2025-06`, `2025`, `2025-06-26/2025-06-30`), empty
///   when unknown;
/// - `origin`, `unsourced`, `on_cycle` (boolean, written `1` or `0`): as
///   `origins(g)` finds them;
/// - `agent_field_NAME`, one key per field name of any kind in the graph
///   (`source_traits<K>::fields`): the value of that field of the statement's
///   agent as text, empty when its kind has no such field.
///
/// - `part`, only when some statement of the graph has one: where in its
///   article the statement stands (`headline`, `body`, ...), empty when unknown.
///
/// Edges are derivations, from a statement to the statement it was taken from,
/// with the attribute `kind` (`quotes`, `paraphrases`, `cites` or `copies`)
/// and, only when some derivation of the graph has one, `basis` (`text`,
/// `context` or `inferred`; empty when not stated).
/// Keys are declared in name order. Text that could not stand in an XML
/// document (control characters, bytes that are not UTF-8) is written as
/// U+FFFD. The output depends only on `g`: the same bytes on every run.
/// @throws nothing of its own; what the stream throws, if it throws.
template <source_kind... Kinds>
void write_graphml(std::ostream& out, const basic_provenance_graph<Kinds...>& g) {
  using graph_type = typename basic_provenance_graph<Kinds...>::graph_type;
  using vertex = typename boost::graph_traits<graph_type>::vertex_descriptor;
  using edge = typename boost::graph_traits<graph_type>::edge_descriptor;
  const graph_type& bgl = g.graph();
  const origin_map map = origins(g);

  // A string attribute of each statement, made safe for XML.
  auto text = [](auto field) {
    return boost::make_function_property_map<vertex>([field](vertex v) { return detail::xml_text(field(v)); });
  };
  auto flag = [&map](bool (origin_map::*test)(statement_handle) const noexcept) {
    return boost::make_function_property_map<vertex>([&map, test](vertex v) { return (map.*test)(v); });
  };

  boost::dynamic_properties dp;
  dp.property("id", text([&g](vertex v) { return g.id(v); }));
  dp.property("claim", text([&](vertex v) { return std::string_view(g[bgl[v].claim].id); }));
  dp.property("agent", text([&](vertex v) { return std::string_view(g[bgl[v].agent].id); }));
  dp.property("agent_name", text([&](vertex v) { return std::string_view(g[bgl[v].agent].name); }));
  dp.property("agent_kind", text([&](vertex v) { return g.kind_name(bgl[v].agent); }));
  dp.property("event", text([&](vertex v) {
                const event_handle e = bgl[v].event;
                return e.valid() ? std::string_view(g[e].id) : std::string_view();
              }));
  dp.property("date", text([&g](vertex v) {
                auto date = g.date(v);
                return date ? date->to_string() : std::string();
              }));
  // The agents' own fields, computed once per agent; one key per field name.
  std::vector<attributes> fields(g.agent_count());
  std::set<std::string> field_names;
  for (std::uint32_t a = 0; a < g.agent_count(); ++a) {
    fields[a] = g.kind_fields(agent_handle{a});
    for (const auto& f : fields[a]) field_names.insert(f.first);
  }
  for (const std::string& name : field_names) {
    dp.property("agent_field_" + name, text([&fields, &bgl, name](vertex v) {
                  const field_value* value = find_field(fields[bgl[v].agent.index], name);
                  return value ? to_text(*value) : std::string();
                }));
  }
  dp.property("origin", flag(&origin_map::is_origin));
  dp.property("unsourced", flag(&origin_map::is_unsourced));
  dp.property("on_cycle", flag(&origin_map::on_cycle));
  dp.property("kind",
              boost::make_function_property_map<edge>([&bgl](edge e) { return std::string(to_string(bgl[e].kind)); }));
  // Declared only where the graph has them, so graphs annotated without them write as before.
  if (g.has_parts()) {
    dp.property("part", text([&g](vertex v) {
                  auto p = g.part(v);
                  return p == article_part::unknown ? std::string_view() : to_string(p);
                }));
  }
  bool any_basis = false;
  for (auto [e, end] = boost::edges(bgl); e != end && !any_basis; ++e) {
    any_basis = bgl[*e].basis != derivation_basis::unstated;
  }
  if (any_basis) {
    dp.property("basis", boost::make_function_property_map<edge>([&bgl](edge e) {
                  auto b = bgl[e].basis;
                  return b == derivation_basis::unstated ? std::string() : std::string(to_string(b));
                }));
  }

  // write_graphml writes node numbers through `out`: keep a caller's locale from grouping their digits.
  struct classic_locale {
    std::ostream& os;
    std::locale old = os.imbue(std::locale::classic());
    ~classic_locale() { os.imbue(old); }
  } restore{out};
  boost::write_graphml(out, bgl, dp, true);
}

}  // namespace sourcetrace
