// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Duplicated reporting: each claim's reports grouped by the origins they
/// share, with the count of independent origins ("3 reports, 1 independent
/// origin"). A report is an article: the count of reports is the count of
/// distinct articles holding a mention of the claim (`report_key`).

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/graph.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

namespace sourcetrace {

/// Mentions of one claim that share origins, directly or through one another.
struct echo_cluster {
  std::vector<statement_handle> mentions;  ///< by id
  std::size_t report_count = 0;            ///< the distinct reports (articles) those mentions are in
  std::vector<statement_handle> origins;   ///< every origin of those mentions, by id
};

/// How one claim was reported.
struct claim_reporting {
  claim_handle claim;                      ///< the claim
  std::size_t report_count = 0;            ///< its reports: distinct articles holding a mention (`count_reports`)
  std::vector<statement_handle> mentions;  ///< its mentions (`is_report`), by id
  std::vector<echo_cluster> clusters;      ///< mentions grouped by shared origins, by the id of their first mention
  std::vector<statement_handle> origins;   ///< every origin of its mentions, by id
  std::size_t independent_origins = 0;     ///< first-hand origins: distinct statements that derive from nothing
  std::size_t unsourced_origins = 0;       ///< origins whose agent only relays (an outlet naming no source)
  std::vector<statement_handle> circular;  ///< mentions that rest on a closed cycle and no origin, by id
};

/// Returns, for every claim of `g` in the order claims were added, its
/// mentions grouped by shared origins. One pass over the mentions and their
/// origin sets. Mentions, origins and clusters come by statement id, so the
/// same records in another order give the same groups.
template <source_kind... Kinds>
std::vector<claim_reporting> duplicates(const basic_provenance_graph<Kinds...>& g, const origin_map& m) {
  claim_reports by_claim(g);
  std::vector<claim_reporting> out;
  out.reserve(g.claim_count());
  constexpr std::uint32_t none = UINT32_MAX;
  // owner[o]: the first mention (local index) seen resting on origin o; reset after each claim.
  std::vector<std::uint32_t> owner(g.statement_count(), none);
  std::vector<std::uint32_t> parent;
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::uint32_t c = 0; c < g.claim_count(); ++c) {
    claim_reporting r;
    r.claim = claim_handle{c};
    auto reports = by_claim[r.claim];
    r.mentions.assign(reports.begin(), reports.end());
    r.report_count = count_reports(g, reports);
    parent.resize(reports.size());
    std::iota(parent.begin(), parent.end(), 0u);
    for (std::uint32_t i = 0; i < reports.size(); ++i) {
      auto set = m.of(reports[i]);
      if (set.empty()) r.circular.push_back(reports[i]);
      for (std::uint32_t o : set) {
        if (owner[o] == none) {
          owner[o] = i;
          r.origins.push_back(o);
        } else {
          parent[find(i)] = find(owner[o]);
        }
      }
    }
    for (std::uint32_t o : r.origins) owner[o] = none;
    sort_by_id(g, std::span<statement_handle>(r.origins));
    for (std::uint32_t o : r.origins) {
      if (m.is_unsourced(o))
        ++r.unsourced_origins;
      else
        ++r.independent_origins;
    }
    // Clusters in order of their first mention (by id); circular mentions form none.
    std::vector<std::uint32_t> cluster_of(reports.size(), none);
    for (std::uint32_t i = 0; i < reports.size(); ++i) {
      if (m.of(reports[i]).empty()) continue;
      std::uint32_t root = find(i);
      if (cluster_of[root] == none) {
        cluster_of[root] = static_cast<std::uint32_t>(r.clusters.size());
        r.clusters.emplace_back();
      }
      echo_cluster& cl = r.clusters[cluster_of[root]];
      cl.mentions.push_back(reports[i]);
      auto set = m.of(reports[i]);
      cl.origins.insert(cl.origins.end(), set.begin(), set.end());
    }
    for (echo_cluster& cl : r.clusters) {
      cl.report_count = count_reports(g, std::span<const statement_handle>(cl.mentions));
      // Deduplicate by number first: the list holds every mention's whole origin set.
      std::ranges::sort(cl.origins);
      cl.origins.erase(std::unique(cl.origins.begin(), cl.origins.end()), cl.origins.end());
      sort_by_id(g, std::span<statement_handle>(cl.origins));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace sourcetrace
