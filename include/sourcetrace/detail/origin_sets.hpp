// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace sourcetrace::detail {

// Strong components of any Boost.Graph whose vertices are 0..n-1. Boost's
// Tarjan runs on an explicit stack, so long chains cannot overflow the call
// stack, and numbers components in the order it finishes them: every edge
// leaving a component leads to a component with a smaller number.
struct components {
  std::vector<std::uint32_t> of;      // component of each vertex
  std::vector<std::uint32_t> start;   // members of component c: member[start[c] .. start[c+1])
  std::vector<std::uint32_t> member;  // vertices grouped by component, ascending within each
  std::vector<std::uint8_t> cyclic;   // 1 if the component holds a cycle (2+ members or a self-loop)

  std::size_t count() const noexcept { return start.empty() ? 0 : start.size() - 1; }
  std::span<const std::uint32_t> members(std::uint32_t c) const noexcept {
    return {member.data() + start[c], member.data() + start[c + 1]};
  }
};

template <class Graph>
components strong_components_of(const Graph& g) {
  components out;
  auto n = static_cast<std::size_t>(num_vertices(g));
  out.of.resize(n);
  std::size_t count = n == 0 ? 0
                             : static_cast<std::size_t>(boost::strong_components(
                                   g, boost::make_iterator_property_map(out.of.begin(), get(boost::vertex_index, g))));
  // Counting sort of vertices by component.
  out.start.assign(count + 1, 0);
  for (std::size_t v = 0; v < n; ++v) ++out.start[out.of[v] + 1];
  for (std::size_t c = 0; c < count; ++c) out.start[c + 1] += out.start[c];
  out.member.resize(n);
  std::vector<std::uint32_t> fill(out.start.begin(), out.start.end() - 1);
  for (std::size_t v = 0; v < n; ++v) out.member[fill[out.of[v]]++] = static_cast<std::uint32_t>(v);
  out.cyclic.assign(count, 0);
  for (std::size_t c = 0; c < count; ++c) {
    if (out.start[c + 1] - out.start[c] > 1) out.cyclic[c] = 1;
  }
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  for (std::size_t v = 0; v < n; ++v) {
    for (auto [e, end] = out_edges(static_cast<vertex>(v), g); e != end; ++e) {
      if (static_cast<std::size_t>(target(*e, g)) == v) out.cyclic[out.of[v]] = 1;
    }
  }
  return out;
}

// Sorted sets of vertex numbers, each distinct set stored once. Set 0 is the
// empty set.
class set_pool {
 public:
  set_pool() : offsets_{0, 0}, hashes_{hash({})} {}

  std::size_t size() const noexcept { return offsets_.size() - 1; }
  std::span<const std::uint32_t> operator[](std::uint32_t s) const noexcept {
    return {items_.data() + offsets_[s], items_.data() + offsets_[s + 1]};
  }

  // Returns the number of the set holding exactly `sorted` (sorted, no repeats).
  std::uint32_t intern(std::span<const std::uint32_t> sorted) {
    if (sorted.empty()) return 0;
    if ((size() + 1) * 4 >= table_.size() * 3) rehash(table_.empty() ? 64 : table_.size() * 2);
    std::size_t h = hash(sorted);
    std::size_t mask = table_.size() - 1;
    std::size_t slot = h & mask;
    for (;; slot = (slot + 1) & mask) {
      std::uint32_t s = table_[slot];
      if (s == empty_slot) break;
      if (hashes_[s] == h && std::ranges::equal((*this)[s], sorted)) return s;
    }
    auto s = static_cast<std::uint32_t>(size());
    items_.insert(items_.end(), sorted.begin(), sorted.end());
    offsets_.push_back(items_.size());
    hashes_.push_back(h);
    table_[slot] = s;
    return s;
  }

  std::size_t item_count() const noexcept { return items_.size(); }

 private:
  static constexpr std::uint32_t empty_slot = UINT32_MAX;

  static std::size_t hash(std::span<const std::uint32_t> s) noexcept {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
    for (std::uint32_t x : s) {
      h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    }
    return static_cast<std::size_t>(h * 0xff51afd7ed558ccdULL);
  }

  void rehash(std::size_t buckets) {
    table_.assign(buckets, empty_slot);
    std::size_t mask = buckets - 1;
    for (std::uint32_t s = 1; s < size(); ++s) {
      std::size_t slot = hashes_[s] & mask;
      while (table_[slot] != empty_slot) slot = (slot + 1) & mask;
      table_[slot] = s;
    }
  }

  std::vector<std::uint32_t> items_;
  std::vector<std::size_t> offsets_;
  std::vector<std::size_t> hashes_;
  std::vector<std::uint32_t> table_;
};

// The origin set of every vertex in one pass: components in the order Tarjan
// finished them (successors first); a component without exits is its own
// origin if it is a single vertex without a self-loop, and rests on nothing if
// it is a closed cycle; any other component takes the union of its
// successors' sets. A component with one successor set shares it, not a copy.
struct origin_sets {
  components comps;
  std::vector<std::uint32_t> set_of_component;
  set_pool sets;

  std::span<const std::uint32_t> of(std::size_t v) const noexcept { return sets[set_of_component[comps.of[v]]]; }
};

template <class Graph>
origin_sets compute_origin_sets(const Graph& g) {
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  origin_sets out;
  out.comps = strong_components_of(g);
  const components& cs = out.comps;
  out.set_of_component.assign(cs.count(), 0);
  std::vector<std::uint32_t> successor_sets;
  std::vector<std::uint32_t> merged;
  for (std::uint32_t c = 0; c < cs.count(); ++c) {
    successor_sets.clear();
    for (std::uint32_t v : cs.members(c)) {
      for (auto [e, end] = out_edges(static_cast<vertex>(v), g); e != end; ++e) {
        std::uint32_t to = cs.of[static_cast<std::size_t>(target(*e, g))];
        if (to == c) continue;
        std::uint32_t s = out.set_of_component[to];
        if (s != 0 && (successor_sets.empty() || successor_sets.back() != s)) successor_sets.push_back(s);
      }
    }
    if (successor_sets.empty()) {
      // No exit: a root, or a closed cycle resting on nothing it names.
      bool has_exit = false;
      for (std::uint32_t v : cs.members(c)) {
        for (auto [e, end] = out_edges(static_cast<vertex>(v), g); e != end && !has_exit; ++e) {
          has_exit = cs.of[static_cast<std::size_t>(target(*e, g))] != c;
        }
      }
      if (!cs.cyclic[c] && !has_exit) {
        std::uint32_t v = cs.members(c)[0];
        out.set_of_component[c] = out.sets.intern(std::span<const std::uint32_t>(&v, 1));
      }
      continue;
    }
    std::ranges::sort(successor_sets);
    auto last = std::unique(successor_sets.begin(), successor_sets.end());
    successor_sets.erase(last, successor_sets.end());
    if (successor_sets.size() == 1) {
      out.set_of_component[c] = successor_sets[0];
      continue;
    }
    merged.clear();
    for (std::uint32_t s : successor_sets) {
      auto items = out.sets[s];
      merged.insert(merged.end(), items.begin(), items.end());
    }
    std::ranges::sort(merged);
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    out.set_of_component[c] = out.sets.intern(merged);
  }
  return out;
}

}  // namespace sourcetrace::detail
