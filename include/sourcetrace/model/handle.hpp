// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Typed handles to the agents, events and claims of a graph, and the
/// handle of a statement.

#include <compare>
#include <cstdint>
#include <limits>

namespace sourcetrace {

/// A dense index into one table of a graph, typed by `Tag` so that an agent
/// handle cannot be passed where an event handle is expected.
template <class Tag>
struct handle {
  std::uint32_t index = std::numeric_limits<std::uint32_t>::max();  ///< position in its table
  /// Returns true if the handle refers to something.
  constexpr bool valid() const noexcept { return index != std::numeric_limits<std::uint32_t>::max(); }
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>.
  friend constexpr auto operator<=>(handle, handle) = default;
};

struct agent_tag;
struct event_tag;
struct claim_tag;
/// Refers to an agent of a graph.
using agent_handle = handle<agent_tag>;
/// Refers to an event of a graph.
using event_handle = handle<event_tag>;
/// Refers to a claim of a graph.
using claim_handle = handle<claim_tag>;

/// Refers to a statement of a graph: its vertex number, `0 .. statement_count() - 1`.
///
/// Every function that takes or gives a statement uses this type: the graph,
/// every analysis (`origins`, `trace`, `duplicates`, ...) and every result. It
/// is a plain number, not a typed handle like the others, because it is also
/// the vertex descriptor that Boost.Graph algorithms and property maps on
/// `graph()` take, and the index of per-statement results such as `origin_map`.
using statement_handle = std::uint32_t;

}  // namespace sourcetrace
