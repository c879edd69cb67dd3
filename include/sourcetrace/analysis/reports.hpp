// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Reports: the statements a reader meets, grouped by claim.

#include <sourcetrace/graph.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace sourcetrace {

/// Returns true if statement `v` is a report: made at a publication, or, where
/// no publication is known, a statement that nothing else derives from.
template <source_kind... Kinds>
bool is_report(const basic_provenance_graph<Kinds...>& g, statement_handle v) {
  const auto& s = g[v];
  if (s.event.valid() && g[s.event].kind == event_kind::publication) return true;
  return boost::in_degree(v, g.graph()) == 0;
}

/// The reports of every claim, grouped in one pass.
class claim_reports {
 public:
  /// Returns the reports of claim `c`, ascending by vertex number.
  std::span<const statement_handle> operator[](claim_handle c) const noexcept {
    return {reports_.data() + start_[c.index], reports_.data() + start_[c.index + 1]};
  }
  /// Returns the number of claims.
  std::size_t claim_count() const noexcept { return start_.size() - 1; }

  /// Groups the reports of `g` by claim.
  template <source_kind... Kinds>
  explicit claim_reports(const basic_provenance_graph<Kinds...>& g) : start_(g.claim_count() + 1, 0) {
    std::size_t n = g.statement_count();
    for (std::size_t v = 0; v < n; ++v) {
      if (is_report(g, v)) ++start_[g[v].claim.index + 1];
    }
    for (std::size_t c = 0; c + 1 < start_.size(); ++c) start_[c + 1] += start_[c];
    reports_.resize(start_.back());
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (std::size_t v = 0; v < n; ++v) {
      if (is_report(g, v)) reports_[fill[g[v].claim.index]++] = static_cast<std::uint32_t>(v);
    }
  }

 private:
  std::vector<std::uint32_t> start_;
  std::vector<std::uint32_t> reports_;
};

}  // namespace sourcetrace
