// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The provenance picture: a GraphViz DOT document written with Boost.Graph's
/// `write_graphviz`, ready for `dot -Tsvg`. Statements are boxes filled by
/// their agent's kind, grouped by claim; arrows point from a statement to the
/// statement it was taken from, labelled with the kind of derivation.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/graph.hpp>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <locale>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// Settings of `write_dot`.
struct dot_options {
  /// Draw only the statements of this claim; all statements when empty.
  std::optional<claim_handle> claim;
  /// Draw each claim's statements inside a box titled with the claim's id and text.
  bool group_by_claim = true;
  /// Add a key to the colours, borders and arrows, as the graph's own label
  /// (it adds no node to the picture).
  bool legend = true;
  /// With `group_by_claim`, lay the claim boxes out in this many columns, in
  /// claim order down each column.
  std::size_t columns = 2;
  /// Wrap claim titles at about this many characters (0: never wrap).
  std::size_t title_width = 56;
};

/// Returns the fill colour `write_dot` gives statements of agents of kind `k`
/// ("#rrggbb"): the colour its traits give (`source_traits<K>::color`; each
/// built-in kind has one), or, when they give none, a light colour derived
/// from a hash of the kind's name, the same on every run and platform.
inline std::string dot_fill_color(const source_kind_info& k) {
  if (!k.color.empty()) return std::string(k.color);
  const std::string_view kind = k.name;
  // FNV-1a, 32 bits: fixed by its definition, unlike std::hash.
  std::uint32_t h = 2166136261u;
  for (char c : kind) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  // A hue from the hash, at a fixed light saturation and value: HSV to RGB in integers.
  const std::uint32_t hue = h % 360;
  const std::uint32_t v = 248, s_percent = 26;
  const std::uint32_t lo = v * (100 - s_percent) / 100;
  const std::uint32_t sector = hue / 60, within = hue % 60;
  const std::uint32_t rise = lo + (v - lo) * within / 60;
  const std::uint32_t fall = v - (v - lo) * within / 60;
  std::uint32_t r = 0, g = 0, b = 0;
  switch (sector) {
    case 0: r = v, g = rise, b = lo; break;
    case 1: r = fall, g = v, b = lo; break;
    case 2: r = lo, g = v, b = rise; break;
    case 3: r = lo, g = fall, b = v; break;
    case 4: r = rise, g = lo, b = v; break;
    default: r = v, g = lo, b = fall; break;
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "#";
  for (std::uint32_t c : {r, g, b}) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

namespace detail {

// Returns `s` as a DOT double-quoted string.
inline std::string dot_quoted(std::string_view s, bool label) {
  std::string out = "\"";
  append_dot_escaped(out, s, label);
  out += '"';
  return out;
}

// Breaks `text` into lines of about `width` characters at white space, each
// ended by `\l` (left-justified in graphviz); `text` is escaped as an escString.
inline std::string dot_wrapped(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  while (!text.empty()) {
    auto space = text.find_first_of(" \t\r\n");
    std::string_view word = text.substr(0, space);
    if (line > 0 && width > 0 && line + 1 + word.size() > width) {
      out += "\\l";
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    append_dot_escaped(out, word, true);
    line += word.size();
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out + "\\l";
}

// A node name for write_graphviz. Boost names each node through an unqualified
// call to escape_dot_string, which finds the overload below by argument-dependent
// lookup: Boost's own leaves `\` unescaped (so an id ending in `\` breaks the
// file) and leaves DOT keywords such as `node` unquoted. The type has no
// operator<<, so were Boost to stop finding this overload the build would fail
// rather than write a broken file.
struct dot_node_name {
  std::string_view id;
};

// Always quoted, escaped one-to-one; see dot_node_name.
inline std::string escape_dot_string(const dot_node_name& n) { return dot_quoted(n.id, false); }

// Keeps the statements of one claim, or all; default-constructible as
// boost::filtered_graph's iterators require.
template <class Graph>
struct dot_claim_filter {
  const Graph* graph = nullptr;
  std::optional<claim_handle> claim;
  bool operator()(typename boost::graph_traits<Graph>::vertex_descriptor v) const {
    return !claim || (*graph)[v].claim == *claim;
  }
};

// The line style of each derivation kind: {style, penwidth, colour}.
struct dot_edge_style {
  const char* style;
  const char* penwidth;
  const char* color;
};
inline dot_edge_style dot_style_of(derivation_kind k) noexcept {
  switch (k) {
    case derivation_kind::quotes: return {"solid", "1.8", "#2b4c7e"};
    case derivation_kind::paraphrases: return {"dashed", "1.2", "#4d4d4d"};
    case derivation_kind::cites: return {"solid", "1.0", "#4d4d4d"};
    case derivation_kind::copies: return {"dotted", "1.8", "#7b3294"};
  }
  return {"solid", "1.0", "#4d4d4d"};
}

inline constexpr const char* dot_alert_color = "#c0392b";

}  // namespace detail

/// Writes `g` as a GraphViz DOT digraph, through Boost.Graph's `write_graphviz`.
///
/// Each statement is a node named by its statement id, labelled with its
/// agent's name and its event's date where known (with the kind of event when
/// it is not a publication: "briefing 2025-06-26"), and filled with the colour
/// of its agent's kind (`dot_fill_color`); its tooltip holds its id, the
/// claim's text, and the agent's kind with the kind's own fields. With `group_by_claim` each claim's statements sit in
/// a box titled with the claim's id and text; without it each label names the claim id too. Borders mark what `origins`
/// found: a double border for an origin (it derives from nothing), a dashed red
/// double border for an unsourced origin (an origin whose agent only relays),
/// a thick red border for a statement on a cycle. Each derivation is an arrow
/// from a statement to the one it was taken from, labelled `quotes`,
/// `paraphrases`, `cites` or `copies`, styled by kind, and red when it lies on
/// a cycle. The output depends only on `g` and `options`: the same bytes on
/// every run.
/// @throws error if `options.claim` is not a claim of `g`.
template <source_kind... Kinds>
void write_dot(std::ostream& out, const basic_provenance_graph<Kinds...>& g, dot_options options = {}) {
  using graph_type = typename basic_provenance_graph<Kinds...>::graph_type;
  using vertex = typename boost::graph_traits<graph_type>::vertex_descriptor;
  using edge = typename boost::graph_traits<graph_type>::edge_descriptor;
  if (options.claim && options.claim->index >= g.claim_count()) {
    throw error("write_dot: claim handle " + std::to_string(options.claim->index) + " is not of this graph");
  }
  const graph_type& bgl = g.graph();
  const origin_map map = origins(g);
  // Numbers are written through `out`: keep a caller's locale from grouping their digits.
  struct classic_locale {
    std::ostream& os;
    std::locale old = os.imbue(std::locale::classic());
    ~classic_locale() { os.imbue(old); }
  } restore{out};

  detail::dot_claim_filter<graph_type> keep{&bgl, options.claim};
  boost::filtered_graph<graph_type, boost::keep_all, detail::dot_claim_filter<graph_type>> shown(bgl, boost::keep_all{},
                                                                                                 keep);

  // Which claims and kinds appear, in graph order, for the boxes and the key.
  std::vector<std::vector<vertex>> by_claim(g.claim_count());
  std::array<bool, sizeof...(Kinds)> kind_used{};
  bool any_origin = false, any_unsourced = false, any_cycle = false;
  for (vertex v = 0; v < boost::num_vertices(bgl); ++v) {
    if (!keep(v)) continue;
    by_claim[bgl[v].claim.index].push_back(v);
    kind_used[g[bgl[v].agent].kind.index()] = true;
    any_origin |= map.is_origin(v) && !map.is_unsourced(v);
    any_unsourced |= map.is_unsourced(v);
    any_cycle |= map.on_cycle(v);
  }

  auto graph_writer = [&](std::ostream& os) {
    os << "rankdir=LR;\n"
       << "newrank=true;\n"
       << "nodesep=0.18;\n"
       << "ranksep=0.45;\n"
       << "fontname=\"Helvetica\";\n"
       << "fontsize=11;\n"
       << "node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, color=\"#5a5a5a\", "
          "margin=\"0.10,0.05\"];\n"
       << "edge [fontname=\"Helvetica\", fontsize=8, fontcolor=\"#5a5a5a\", arrowsize=0.7];\n";
    if (options.legend) {
      std::string key =
          "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\"><TR><TD><B>Key</B></TD>";
      for (std::size_t k = 0; k < kind_used.size(); ++k) {
        if (!kind_used[k]) continue;
        const source_kind_info& info = basic_provenance_graph<Kinds...>::kinds[k];
        key += "<TD BGCOLOR=\"" + dot_fill_color(info) + "\" BORDER=\"1\" COLOR=\"#5a5a5a\">";
        detail::append_dot_html(key, info.name);
        key += "</TD>";
      }
      if (any_origin) key += "<TD BORDER=\"1\">double border: origin</TD>";
      if (any_unsourced) {
        key += std::string("<TD BORDER=\"1\" COLOR=\"") + detail::dot_alert_color +
               "\" STYLE=\"dashed\"><FONT COLOR=\"" + detail::dot_alert_color +
               "\">red dashed: unsourced origin</FONT></TD>";
      }
      if (any_cycle) {
        key += std::string("<TD BORDER=\"2\" COLOR=\"") + detail::dot_alert_color + "\"><FONT COLOR=\"" +
               detail::dot_alert_color + "\">thick red: on a cycle</FONT></TD>";
      }
      key += "<TD>arrow: taken from</TD></TR></TABLE>>";
      os << "labelloc=b;\n"
         << "labeljust=l;\n"
         << "label=" << key << ";\n";
    }
    if (!options.group_by_claim) return;
    // graphviz stacks the boxes of a left-to-right graph bottom-up, so they are
    // written last claim first to put the first claim at the top.
    std::vector<std::size_t> drawn;  // claims with statements, in claim order
    for (std::size_t c = 0; c < by_claim.size(); ++c) {
      if (!by_claim[c].empty()) drawn.push_back(c);
    }
    // NOLINTNEXTLINE(modernize-loop-convert): clang 14 cannot compile std::views::reverse of libstdc++ 12.
    for (auto c = drawn.rbegin(); c != drawn.rend(); ++c) {
      const claim& cl = g[claim_handle{static_cast<std::uint32_t>(*c)}];
      os << "subgraph cluster_" << std::to_string(*c) << " {\n"
         << "label=\"" << detail::dot_wrapped(cl.id + ": " + cl.text, options.title_width) << "\";\n"
         << "labeljust=l;\nlabelloc=t;\nfontsize=10;\nstyle=\"rounded,filled\";\nfillcolor=\"#f6f6f6\";\n"
            "color=\"#c8c8c8\";\n";
      for (vertex v : by_claim[*c]) os << detail::dot_quoted(g.id(v), false) << ";\n";
      os << "}\n";
    }
    // Columns: an invisible arrow from the end of a chain in one column to the
    // start of the box beside it in the next, so the boxes tile instead of
    // forming one tall stack.
    const std::size_t columns = std::max<std::size_t>(options.columns, 1);
    const std::size_t rows = (drawn.size() + columns - 1) / columns;
    for (std::size_t j = rows; j < drawn.size(); ++j) {
      const auto& left = by_claim[drawn[j - rows]];
      const auto& right = by_claim[drawn[j]];
      vertex sink = left.back(), start = right.front();
      for (vertex v : left) {
        if (boost::out_degree(v, bgl) == 0) sink = v;
      }
      for (auto v = right.rbegin(); v != right.rend(); ++v) {
        if (boost::in_degree(*v, bgl) == 0) start = *v;
      }
      os << detail::dot_quoted(g.id(sink), false) << "->" << detail::dot_quoted(g.id(start), false)
         << " [style=invis];\n";
    }
  };

  auto vertex_writer = [&](std::ostream& os, vertex v) {
    const statement& s = bgl[v];
    std::string label;
    detail::append_dot_escaped(label, g[s.agent].name, true);
    if (!options.group_by_claim) {
      label += "\\n";
      detail::append_dot_escaped(label, g[s.claim].id, true);
    }
    // When: the date, and what kind of occasion unless it is the usual one, an article.
    std::string when;
    if (s.event.valid() && !g[s.event].kind.traits().publication) {
      for (char c : to_string(g[s.event].kind)) when += c == '_' ? ' ' : c;
    }
    if (auto d = g.date(v)) when += (when.empty() ? "" : " ") + d->to_string();
    if (g.part(v) != article_part::unknown) {
      when += when.empty() ? "" : ", ";
      when += to_string(g.part(v));
    }
    if (!when.empty()) label += "\\n" + when;
    std::string tip;
    detail::append_dot_escaped(tip, g.id(v), true);
    tip += "\\n";
    detail::append_dot_escaped(tip, g[s.claim].text, true);
    // The agent's kind and its own fields: "person: role=lawmaker, affiliation=...".
    std::string fields;
    for (const auto& [name, value] : g.kind_fields(s.agent)) {
      std::string text = to_text(value);
      if (text.empty()) continue;
      fields += (fields.empty() ? "" : ", ") + name + "=" + text;
    }
    tip += "\\n";
    detail::append_dot_escaped(tip, std::string(g.kind_name(s.agent)) + (fields.empty() ? "" : ": " + fields), true);
    os << " [label=\"" << label << "\", tooltip=\"" << tip << "\", fillcolor=\"" << dot_fill_color(g.kind(s.agent))
       << "\"";
    if (map.on_cycle(v)) {
      os << ", color=\"" << detail::dot_alert_color << "\", penwidth=2.5";
    } else if (map.is_unsourced(v)) {
      os << ", style=\"filled,dashed\", peripheries=2, color=\"" << detail::dot_alert_color << "\", penwidth=1.5";
    } else if (map.is_origin(v)) {
      os << ", style=\"filled\", peripheries=2";
    }
    os << "]";
  };

  auto edge_writer = [&](std::ostream& os, edge e) {
    const auto from = boost::source(e, bgl), to = boost::target(e, bgl);
    const derivation_kind kind = bgl[e].kind;
    const auto style = detail::dot_style_of(kind);
    const bool cyclic = map.on_cycle(from) && map.component(from) == map.component(to);
    std::string similarity;
    if (const copy_evidence* c = g.copy_of(from, to)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " J %.2f C %.2f%s", c->jaccard, c->containment,
                    c->undecided ? " (undecided)" : "");
      similarity = buf;
    }
    os << "[label=\"" << to_string(kind) << similarity
       << (bgl[e].basis == derivation_basis::inferred ? " (inferred)" : "") << "\", style=" << style.style
       << ", penwidth=" << (cyclic ? "2.2" : style.penwidth) << ", color=\""
       << (cyclic ? detail::dot_alert_color : style.color) << "\"]";
  };

  auto name_of = [&g](vertex v) { return detail::dot_node_name{g.id(v)}; };
  boost::write_graphviz(out, shown, vertex_writer, edge_writer, graph_writer,
                        boost::make_function_property_map<vertex>(name_of));
}

}  // namespace sourcetrace
