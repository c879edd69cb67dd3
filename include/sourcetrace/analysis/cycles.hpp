// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Circular reporting: cycles of derivation, found with Boost.Graph's strong
/// components.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/detail/origin_sets.hpp>
#include <sourcetrace/graph.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// One cycle of derivations: the statements of one strong component that
/// holds a cycle, ascending by vertex number.
using cycle = std::vector<statement_handle>;

namespace detail {
inline std::vector<cycle> cycles_of(const components& cs) {
  std::vector<cycle> out;
  for (std::uint32_t c = 0; c < cs.count(); ++c) {
    if (!cs.cyclic[c]) continue;
    auto m = cs.members(c);
    out.emplace_back(m.begin(), m.end());
  }
  std::ranges::sort(out, [](const cycle& a, const cycle& b) { return a.front() < b.front(); });
  return out;
}
}  // namespace detail

/// Returns every cycle of derivations in `g` (circular reporting: A cites B and
/// B cites A, or longer loops), ordered by their first statement. Runs in time
/// linear in the size of the graph, without recursion.
template <source_kind... Kinds>
std::vector<cycle> cycles(const basic_provenance_graph<Kinds...>& g) {
  return detail::cycles_of(detail::strong_components_of(g.graph()));
}

/// Returns every cycle of the graph `m` was computed on, as `cycles(g)`
/// does, from the strong components `origins(g)` already found: no second
/// pass over the graph.
inline std::vector<cycle> cycles(const origin_map& m) { return detail::cycles_of(m.strong_components()); }

/// The derivations of one cycle: those between its statements, and those
/// that lead out of it (a cycle with none is closed: what rests on it rests on
/// no origin).
struct cycle_derivations {
  std::vector<hop> inside;   ///< between statements of the cycle, by the ids of `from`, then `to`
  std::vector<hop> leaving;  ///< from a statement of the cycle to one outside it, in the same order
};

/// Returns the derivations of cycle `c` of `g` (one of `cycles(g)`), in time
/// proportional to the derivations of its statements.
template <source_kind... Kinds>
cycle_derivations derivations_of(const basic_provenance_graph<Kinds...>& g, const cycle& c) {
  cycle_derivations out;
  const auto& bgl = g.graph();
  for (statement_handle v : c) {
    for (auto [e, end] = boost::out_edges(v, bgl); e != end; ++e) {
      auto to = static_cast<statement_handle>(boost::target(*e, bgl));
      hop h{v, to, bgl[*e].kind, bgl[*e].basis};
      (std::binary_search(c.begin(), c.end(), to) ? out.inside : out.leaving).push_back(h);
    }
  }
  auto by_ids = [&g](const hop& a, const hop& b) {
    if (a.from != b.from) return g.id(a.from) < g.id(b.from);
    return g.id(a.to) < g.id(b.to);
  };
  std::ranges::sort(out.inside, by_ids);
  std::ranges::sort(out.leaving, by_ids);
  return out;
}

/// Returns the cycles `loops` (from `cycles(g)`) as the outputs list them:
/// each cycle's statements by id, and the cycles by their first id, so that
/// the list is the same whatever order the records were read in.
template <source_kind... Kinds>
std::vector<std::vector<statement_handle>> cycles_by_id(const basic_provenance_graph<Kinds...>& g,
                                                        const std::vector<cycle>& loops) {
  std::vector<std::vector<statement_handle>> out;
  out.reserve(loops.size());
  for (const cycle& c : loops) {
    out.emplace_back(c.begin(), c.end());
    sort_by_id(g, std::span<statement_handle>(out.back()));
  }
  std::ranges::sort(out, [&g](const auto& a, const auto& b) { return g.id(a.front()) < g.id(b.front()); });
  return out;
}

/// Returns the id that names cycle `c` in reports: the smallest id of its statements.
template <source_kind... Kinds>
std::string_view cycle_name(const basic_provenance_graph<Kinds...>& g, const cycle& c) {
  std::string_view name = g.id(c.front());
  for (statement_handle v : c) name = std::min(name, g.id(v));
  return name;
}

/// The cycles of a graph, indexed: the cycle each statement lies on and each
/// cycle's name, found once, so that a listing that names the cycle of every
/// statement stays linear however long the cycle.
struct cycle_index {
  /// Marks a statement on no cycle in `of`.
  static constexpr std::uint32_t none = UINT32_MAX;
  std::vector<cycle> loops;             ///< `cycles(g)`
  std::vector<std::uint32_t> of;        ///< per statement, its cycle's index in `loops`, or `none`
  std::vector<std::string_view> names;  ///< per cycle, `cycle_name`: views into the graph's ids

  /// Returns the name of the cycle statement `v` lies on; `v` must lie on one.
  std::string_view name_of(statement_handle v) const { return names[of[v]]; }
};

/// Returns the cycles of `g` indexed, in time linear in the size of the graph.
template <source_kind... Kinds>
cycle_index index_cycles(const basic_provenance_graph<Kinds...>& g) {
  cycle_index out;
  out.loops = cycles(g);
  out.of.assign(g.statement_count(), cycle_index::none);
  out.names.reserve(out.loops.size());
  for (std::uint32_t i = 0; i < out.loops.size(); ++i) {
    for (statement_handle v : out.loops[i]) out.of[v] = i;
    out.names.push_back(cycle_name(g, out.loops[i]));
  }
  return out;
}

/// Returns the indexes (into `index.loops`) of the cycles of claim `claim`,
/// or of every claim, sorted by name.
template <source_kind... Kinds>
std::vector<std::uint32_t> cycles_by_name(const basic_provenance_graph<Kinds...>& g, const cycle_index& index,
                                          std::optional<claim_handle> claim = std::nullopt) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < index.loops.size(); ++i) {
    if (!claim || g[index.loops[i].front()].claim == *claim) out.push_back(i);
  }
  std::ranges::sort(out, [&](std::uint32_t a, std::uint32_t b) { return index.names[a] < index.names[b]; });
  return out;
}

}  // namespace sourcetrace
