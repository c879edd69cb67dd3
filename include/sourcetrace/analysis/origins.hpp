// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Origins: the root statements every statement derives from, computed for
/// all statements in one pass.

#include <sourcetrace/detail/origin_sets.hpp>
#include <sourcetrace/graph.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sourcetrace {

/// The origins of every statement of a graph, as `origins(g)` computed them.
///
/// An origin is a statement that derives from nothing further. An origin whose
/// agent's kind can only relay (an outlet naming no source) is *unsourced*: it
/// is still listed among the origins, and `is_unsourced` tells it apart from a
/// first-hand origin. Statements on a closed cycle, with no way out of it,
/// rest on no origin at all. Statements are numbered as vertices of the graph.
class origin_map {
 public:
  /// Returns the origins of statement `v`, ascending; empty if `v` rests only on a closed cycle.
  std::span<const statement_handle> of(statement_handle v) const noexcept { return sets_.of(v); }
  /// Returns true if statement `v` derives from nothing.
  bool is_origin(statement_handle v) const noexcept { return flags_[v] & origin_flag; }
  /// Returns true if `v` is an origin whose agent can only relay.
  bool is_unsourced(statement_handle v) const noexcept { return flags_[v] & unsourced_flag; }
  /// Returns true if `v` lies on a cycle of derivations (circular reporting).
  bool on_cycle(statement_handle v) const noexcept { return sets_.comps.cyclic[sets_.comps.of[v]]; }
  /// Returns the number of statements.
  std::size_t size() const noexcept { return flags_.size(); }
  /// Returns the number of distinct origin sets, counting the empty set.
  std::size_t distinct_sets() const noexcept { return sets_.sets.size(); }
  /// Returns a number shared by exactly the statements with the same origin set (0: the empty set).
  std::uint32_t set_id(statement_handle v) const noexcept { return sets_.set_of_component[sets_.comps.of[v]]; }
  /// Returns a number shared by exactly the statements on one strong component.
  std::uint32_t component(statement_handle v) const noexcept { return sets_.comps.of[v]; }
  /// Returns the strong components of the graph, as the pass found them (`cycles(m)` lists those with a cycle).
  const detail::components& strong_components() const noexcept { return sets_.comps; }

  /// Builds the map from origin sets and a role per statement's agent. Called by `origins(g)`.
  origin_map(detail::origin_sets sets, std::vector<std::uint8_t> relay_only) : sets_(std::move(sets)) {
    flags_ = std::move(relay_only);
    for (std::size_t v = 0; v < flags_.size(); ++v) {
      bool origin = false;
      if (!sets_.comps.cyclic[sets_.comps.of[v]]) {
        auto set = sets_.of(v);
        origin = set.size() == 1 && set[0] == v;
      }
      flags_[v] = origin ? static_cast<std::uint8_t>(origin_flag | (flags_[v] ? unsourced_flag : 0)) : 0;
    }
  }

 private:
  static constexpr std::uint8_t origin_flag = 1;
  static constexpr std::uint8_t unsourced_flag = 2;
  detail::origin_sets sets_;
  std::vector<std::uint8_t> flags_;
};

/// Returns the origins of every statement of `g`, in time linear in the size
/// of the graph plus the size of the distinct origin sets.
template <source_kind... Kinds>
origin_map origins(const basic_provenance_graph<Kinds...>& g) {
  const auto& bgl = g.graph();
  std::vector<std::uint8_t> relay_only(g.statement_count());
  for (std::size_t v = 0; v < relay_only.size(); ++v) {
    relay_only[v] = g.role(bgl[v].agent) == source_role::relay;
  }
  return origin_map(detail::compute_origin_sets(bgl), std::move(relay_only));
}

/// Returns true if statements `a` and `b` are independent: each rests on at
/// least one origin, they share no origin, and they are not on one cycle.
inline bool independent(const origin_map& m, statement_handle a, statement_handle b) {
  if (a == b) return false;
  if (m.on_cycle(a) && m.component(a) == m.component(b)) return false;
  auto x = m.of(a);
  auto y = m.of(b);
  if (x.empty() || y.empty()) return false;
  auto i = x.begin();
  auto j = y.begin();
  while (i != x.end() && j != y.end()) {
    if (*i == *j) return false;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return true;
}

}  // namespace sourcetrace
