// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Reports: the articles a reader meets, and the statements of each claim in
/// them (its mentions), grouped by claim. docs/model.md states the definition.

#include <sourcetrace/graph.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sourcetrace {

/// Returns true if statement `v` is a mention: a statement a reader meets in
/// the corpus. That is a statement made at a publication, or, where no
/// publication is known, a statement that nothing else derives from. A
/// statement that another derives from and that sits at an event of another
/// kind, or at none, is a relay on the path (an outlet cited only upstream, as
/// "Russian media" in another outlet's article), not a mention.
template <source_kind... Kinds>
bool is_report(const basic_provenance_graph<Kinds...>& g, statement_handle v) {
  const auto& s = g[v];
  if (s.event.valid() && g[s.event].kind.traits().publication) return true;
  return boost::in_degree(v, g.graph()) == 0;
}

/// Returns the report that mention `v` belongs to, as a number: the index of
/// its publication event, or, for a mention at no publication, the
/// statement's own number offset past every event, so that it is a report on
/// its own. Two mentions are in the same report exactly when the numbers are equal.
template <source_kind... Kinds>
std::uint64_t report_key(const basic_provenance_graph<Kinds...>& g, statement_handle v) {
  const auto& s = g[v];
  if (s.event.valid() && g[s.event].kind.traits().publication) return s.event.index;
  return std::uint64_t{g.event_count()} + v;
}

/// Returns the number of distinct reports (articles) the mentions `vs` are
/// in: one article that mentions a claim in its headline, its lead and its
/// body is one report with three mentions.
template <source_kind... Kinds>
std::size_t count_reports(const basic_provenance_graph<Kinds...>& g, std::span<const statement_handle> vs) {
  std::vector<std::uint64_t> keys;
  keys.reserve(vs.size());
  for (statement_handle v : vs) keys.push_back(report_key(g, v));
  std::ranges::sort(keys);
  return static_cast<std::size_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
}

/// One report of a claim: an article and the claim's mentions in it.
struct report_group {
  event_handle article;                    ///< the publication; invalid for a mention at no publication
  std::vector<statement_handle> mentions;  ///< in the order of `vs` given to `group_by_report`
};

/// Returns the reports the mentions `vs` make, in the order of their first
/// mention in `vs`, each with its mentions in that order. Given a claim's
/// mentions by id (`claim_reports`), the reports come by the id of their
/// first mention.
template <source_kind... Kinds>
std::vector<report_group> group_by_report(const basic_provenance_graph<Kinds...>& g,
                                          std::span<const statement_handle> vs) {
  // (report, position in vs): sorting groups each report's mentions and keeps them in order.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  keyed.reserve(vs.size());
  for (std::uint32_t i = 0; i < vs.size(); ++i) keyed.emplace_back(report_key(g, vs[i]), i);
  std::ranges::sort(keyed);
  std::vector<std::pair<std::uint32_t, report_group>> out;  // (first position, report)
  for (std::size_t i = 0; i < keyed.size();) {
    report_group r;
    statement_handle first = vs[keyed[i].second];
    if (g[first].event.valid() && g[g[first].event].kind.traits().publication) r.article = g[first].event;
    std::size_t j = i;
    for (; j < keyed.size() && keyed[j].first == keyed[i].first; ++j) r.mentions.push_back(vs[keyed[j].second]);
    out.emplace_back(keyed[i].second, std::move(r));
    i = j;
  }
  std::ranges::sort(out, [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<report_group> groups;
  groups.reserve(out.size());
  for (auto& [position, r] : out) groups.push_back(std::move(r));
  return groups;
}

/// The mentions of every claim, grouped in one pass.
class claim_reports {
 public:
  /// Returns the mentions of claim `c`, by id (`sort_by_id`).
  std::span<const statement_handle> operator[](claim_handle c) const noexcept {
    return {reports_.data() + start_[c.index], reports_.data() + start_[c.index + 1]};
  }
  /// Returns the number of claims.
  std::size_t claim_count() const noexcept { return start_.size() - 1; }

  /// Groups the mentions of `g` by claim, each claim's by id.
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
    for (std::size_t c = 0; c + 1 < start_.size(); ++c) {
      sort_by_id(g, std::span<statement_handle>(reports_.data() + start_[c], reports_.data() + start_[c + 1]));
    }
  }

 private:
  std::vector<std::uint32_t> start_;
  std::vector<std::uint32_t> reports_;
};

}  // namespace sourcetrace
