// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Trace: every attribution path from a statement back to its origins.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/graph.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sourcetrace {

/// One hop of an attribution path: `from` was taken from `to` by `kind`.
struct hop {
  statement_handle from = 0;                            ///< the later statement
  statement_handle to = 0;                              ///< the statement it was taken from
  derivation_kind kind = derivation_kind::cites;        ///< how
  derivation_basis basis = derivation_basis::unstated;  ///< what the annotator read it from
  friend bool operator==(const hop&, const hop&) = default;
};

/// How an attribution path ends.
enum class path_end : std::uint8_t {
  origin,  ///< at a statement that derives from nothing
  loop,    ///< where the next hop would return to a statement already on the path
  cycle,   ///< at a statement on a cycle of derivations, not walked (`trace_options::stop_at_cycles`)
};

/// Returns "origin", "loop" or "cycle".
inline std::string_view to_string(path_end e) noexcept {
  switch (e) {
    case path_end::origin: return "origin";
    case path_end::loop: return "loop";
    case path_end::cycle: return "cycle";
  }
  return "?";
}

/// One attribution path, from the traced statement to where it ends.
struct attribution_path {
  std::vector<hop> hops;            ///< in order; empty if the statement is itself an origin
  path_end end = path_end::origin;  ///< how it ends
  /// Returns the statement the path ends at (for a loop, the one it returns
  /// to; for a cycle, the statement on the cycle it reached).
  statement_handle last(statement_handle start) const noexcept { return hops.empty() ? start : hops.back().to; }
  /// Returns true if a hop of the path rests on an inference of the
  /// annotator's (`derivation_basis::inferred`), not on the text.
  bool rests_on_inference() const noexcept {
    for (const hop& h : hops) {
      if (h.basis == derivation_basis::inferred) return true;
    }
    return false;
  }
};

/// Settings of `trace`.
struct trace_options {
  /// Stop after this many paths: chained diamonds multiply paths, so a
  /// statement can have more paths than there are atoms to store them.
  std::size_t max_paths = 10000;
  /// Stop once the paths found hold this many hops in all: long chains of
  /// diamonds make few paths of huge length, and each path is stored whole.
  std::size_t max_hops = 10000000;
  /// When set (to `origins(g)`), a path stops at the first statement on a
  /// cycle of derivations it reaches, marked `path_end::cycle`, instead of
  /// walking the cycle; a statement on a cycle gives one empty path so
  /// marked. Tracing every statement of a cycle of n statements then costs n
  /// hops, not n squared: show each cycle once (`cycles(g)`) and refer to it.
  const origin_map* stop_at_cycles = nullptr;
};

/// The attribution paths of one statement.
struct trace_result {
  std::vector<attribution_path> paths;  ///< depth-first, each statement's derivations by the id of their source
  bool truncated = false;               ///< true if `max_paths` or `max_hops` stopped the search
};

/// Returns every attribution path from statement `v` to its origins, with the
/// kind of each hop. A path that would return to a statement already on it
/// ends there, marked `path_end::loop`, so cycles never loop; with
/// `options.stop_at_cycles` a path ends where it reaches a cycle. Iterative: a
/// chain of any length cannot overflow the call stack.
/// @throws error if `v` is not a statement of `g`.
template <source_kind... Kinds>
trace_result trace(const basic_provenance_graph<Kinds...>& g, statement_handle v, trace_options options = {}) {
  const auto& bgl = g.graph();
  if (v >= g.statement_count()) throw error("statement " + std::to_string(v) + " is not of this graph");
  // The derivations of every statement on the stack, each statement's sorted
  // by the id of their source, so that paths come in an order the corpus's
  // ids fix, not the order its records were read in.
  std::vector<hop> pending;
  struct frame {
    std::uint32_t vertex;
    std::size_t begin, next;  // its derivations start at pending[begin]; pending[next] is the next to walk
  };
  trace_result result;
  std::vector<frame> stack;
  std::vector<hop> path;
  // Statements on the current path; a hash set keeps one trace proportional to
  // what it visits, not to the size of the graph.
  std::unordered_set<std::uint32_t> on_path;
  auto push = [&](std::uint32_t u) {
    std::size_t begin = pending.size();
    for (auto [e, end] = boost::out_edges(u, bgl); e != end; ++e) {
      pending.push_back(hop{u, static_cast<std::uint32_t>(boost::target(*e, bgl)), bgl[*e].kind, bgl[*e].basis});
    }
    // No two derivations join the same pair of statements, so the order is total.
    std::sort(pending.begin() + static_cast<std::ptrdiff_t>(begin), pending.end(),
              [&g](const hop& a, const hop& b) { return g.id(a.to) < g.id(b.to); });
    stack.push_back({u, begin, begin});
    on_path.insert(u);
  };
  // The top frame's derivations end where `pending` ends.
  auto exhausted = [&](const frame& top) { return top.next == pending.size(); };
  std::size_t hops_stored = 0;
  auto emit = [&](path_end end) {
    if (result.paths.size() == options.max_paths || hops_stored + path.size() > options.max_hops) {
      result.truncated = true;
      return false;
    }
    hops_stored += path.size();
    result.paths.push_back({path, end});
    return true;
  };
  const origin_map* at_cycles = options.stop_at_cycles;
  if (at_cycles && at_cycles->size() != g.statement_count()) {
    throw error("trace: stop_at_cycles is the origin map of another graph");
  }
  if (at_cycles && at_cycles->on_cycle(v)) {
    emit(path_end::cycle);
    return result;
  }
  push(static_cast<std::uint32_t>(v));
  if (exhausted(stack.back())) {
    emit(path_end::origin);
    return result;
  }
  while (!stack.empty()) {
    frame& top = stack.back();
    if (exhausted(top)) {
      on_path.erase(top.vertex);
      pending.resize(top.begin);
      stack.pop_back();
      if (!path.empty()) path.pop_back();
      continue;
    }
    hop h = pending[top.next++];
    std::uint32_t to = h.to;
    path.push_back(h);
    if (on_path.contains(to)) {
      if (!emit(path_end::loop)) break;
      path.pop_back();
    } else if (at_cycles && at_cycles->on_cycle(to)) {
      if (!emit(path_end::cycle)) break;
      path.pop_back();
    } else {
      push(to);
      if (exhausted(stack.back()) && !emit(path_end::origin)) break;
    }
  }
  return result;
}

}  // namespace sourcetrace
