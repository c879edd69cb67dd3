// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Circular reporting: cycles of derivation, found with Boost.Graph's strong
/// components.

#include <sourcetrace/detail/origin_sets.hpp>
#include <sourcetrace/graph.hpp>

#include <cstdint>
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

}  // namespace sourcetrace
