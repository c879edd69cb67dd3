// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Drift: where the statements of one claim disagree. Figures that cannot
/// both be true or that lose precision, dates that do not overlap, and hedges
/// that harden or soften along the chain, each with the statements involved
/// and the hop where the change entered.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/model/quantity.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace sourcetrace {

/// What a drift finding is about.
enum class drift_aspect : std::uint8_t {
  quantity,  ///< the figure ("more than 10 million" vs "millions of")
  when,      ///< the date or period the claim is about (2024-10 vs 2024-11)
  modality,  ///< how firmly it is put ("may send" vs "will send")
};

/// Returns "quantity", "when" or "modality".
inline std::string_view to_string(drift_aspect a) noexcept {
  switch (a) {
    case drift_aspect::quantity: return "quantity";
    case drift_aspect::when: return "when";
    case drift_aspect::modality: return "modality";
  }
  return "?";
}

/// What kind of disagreement a finding is.
enum class drift_kind : std::uint8_t {
  contradiction,  ///< the two versions cannot both be true (no value in common)
  precision,      ///< one version allows everything the other does and more: detail was lost
  hardened,       ///< a later statement puts the claim more firmly than the one it came from
  softened,       ///< a later statement puts it less firmly
};

/// Returns "contradiction", "precision", "hardened" or "softened".
inline std::string_view to_string(drift_kind k) noexcept {
  switch (k) {
    case drift_kind::contradiction: return "contradiction";
    case drift_kind::precision: return "precision";
    case drift_kind::hardened: return "hardened";
    case drift_kind::softened: return "softened";
  }
  return "?";
}

/// One version of a claim's detail, and the statements that state it.
struct drift_version {
  std::string value;                         ///< as stated: "2024-10", "more than 10 million", "possible"
  std::vector<statement_handle> statements;  ///< the statements stating it, ascending
  /// Where this version enters the chain: the hop(s) by which it reaches the
  /// statement where the versions meet. Empty when they share no origin.
  std::vector<hop> entry;
};

/// One disagreement between statements of a claim.
struct drift_finding {
  claim_handle claim;  ///< the claim
  drift_aspect aspect = drift_aspect::quantity;
  drift_kind kind = drift_kind::contradiction;
  /// For a contradiction, one version; for precision, the vaguer one; for
  /// hardened or softened, the later statement's version.
  drift_version a;
  /// The other version: for precision, the more precise; for hardened or
  /// softened, the earlier statement's version.
  drift_version b;
  /// The origin both versions rest on, where their chains meet; absent when
  /// the versions come from independent origins.
  std::optional<statement_handle> meet;
};

/// Where the statements of one claim disagree: the claim's element of what `drift` returns.
struct claim_drift {
  claim_handle claim;                   ///< the claim
  std::vector<drift_finding> findings;  ///< its findings: dates, then figures, then modality
};

/// Settings of `drift`.
struct drift_options {
  /// How many statements the search for an earlier stated modality may visit
  /// from one statement, so that one huge chain cannot stall the analysis.
  std::size_t max_visits = 10000;
};

namespace detail {

// 1 possible, 2 believed or estimated, 3 asserted; denied stands apart.
inline int modality_strength(modality m) noexcept {
  switch (m) {
    case modality::possible: return 1;
    case modality::believed:
    case modality::estimated: return 2;
    case modality::asserted: return 3;
    case modality::denied: return 0;
  }
  return 0;
}

// True if interval `outer` contains `inner` and is strictly wider.
inline bool strictly_contains(const quantity& outer, const quantity& inner) {
  const double ol = qty::low_end(outer), ou = qty::high_end(outer);
  const double il = qty::low_end(inner), iu = qty::high_end(inner);
  return ol <= il && iu <= ou && (ol < il || iu < ou);
}

// The hops from `from` to `to`, following the first attribution path that
// reaches `to`; empty if none does.
template <class G>
std::vector<hop> path_to(const G& g, std::uint32_t from, std::uint32_t to) {
  auto t = trace(g, from, {.max_paths = 1000});
  for (const auto& p : t.paths) {
    for (std::size_t i = 0; i < p.hops.size(); ++i) {
      if (p.hops[i].to == to) return std::vector<hop>(p.hops.begin(), p.hops.begin() + static_cast<long>(i) + 1);
    }
  }
  return {};
}

// Where a version enters on its way to `meet`: the statement closest to `meet`
// that every member's path passes through, and its hop toward `meet`; if the
// members share none, each member's last hop into `meet`.
template <class G>
std::vector<hop> entry_hops(const G& g, const std::vector<std::uint32_t>& members, std::uint32_t meet) {
  std::vector<std::vector<hop>> paths;
  for (auto m : members) {
    if (m == meet) return {};
    auto p = path_to(g, m, meet);
    if (p.empty()) return {};
    paths.push_back(std::move(p));
  }
  // Walk the first path from the meeting point backwards; the first statement
  // that lies on every other path is the common entry.
  const auto& first = paths.front();
  for (std::size_t i = first.size(); i-- > 0;) {
    std::uint32_t s = first[i].from;
    bool on_all = true;
    for (std::size_t k = 1; k < paths.size() && on_all; ++k) {
      on_all = std::any_of(paths[k].begin(), paths[k].end(), [&](const hop& h) { return h.from == s; });
    }
    if (on_all) return {first[i]};
  }
  std::vector<hop> out;
  for (const auto& p : paths) {
    if (std::find(out.begin(), out.end(), p.back()) == out.end()) out.push_back(p.back());
  }
  return out;
}

}  // namespace detail

/// Returns every disagreement between statements of the same claim: one
/// element per claim, in the order claims were added (element `c.index` is
/// claim `c`'s), as every per-claim analysis returns its results.
///
/// Figures and dates are compared between the distinct versions stated by the
/// claim's statements (a statement states what its stated details hold).
/// Versions that cannot both be true are a contradiction; a figure that allows
/// everything another does and more is a loss of precision. Each finding
/// names the origin both versions rest on (`meet`) and the hop by which each
/// version reaches it. Modality is compared along derivations: a statement is
/// compared with the nearest statement it derives from that states a modality.
/// Claims are never compared with each other: figures that only look alike
/// belong to different claims and stay apart.
template <source_kind... Kinds>
std::vector<claim_drift> drift(const basic_provenance_graph<Kinds...>& g, const origin_map& m,
                               drift_options options = {}) {
  std::vector<claim_drift> out(g.claim_count());
  for (std::uint32_t c = 0; c < g.claim_count(); ++c) out[c].claim = claim_handle{c};
  // Statements by claim, in one pass.
  std::vector<std::uint32_t> start(g.claim_count() + 1, 0), by_claim(g.statement_count());
  for (std::size_t v = 0; v < g.statement_count(); ++v) ++start[g[v].claim.index + 1];
  for (std::size_t c = 0; c < g.claim_count(); ++c) start[c + 1] += start[c];
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t v = 0; v < g.statement_count(); ++v)
      by_claim[fill[g[v].claim.index]++] = static_cast<std::uint32_t>(v);
  }

  auto meet_of = [&](const drift_version& a, const drift_version& b) -> std::optional<std::uint32_t> {
    std::vector<std::uint32_t> common;
    bool first = true;
    for (const auto* ver : {&a, &b}) {
      for (auto s : ver->statements) {
        auto set = m.of(s);
        if (first) {
          common.assign(set.begin(), set.end());
          first = false;
        } else {
          std::vector<std::uint32_t> next;
          std::set_intersection(common.begin(), common.end(), set.begin(), set.end(), std::back_inserter(next));
          common.swap(next);
        }
      }
    }
    if (common.empty()) return std::nullopt;
    return common.front();
  };
  auto finish = [&](drift_finding f) {
    f.meet = meet_of(f.a, f.b);
    if (f.meet) {
      f.a.entry = detail::entry_hops(g, f.a.statements, *f.meet);
      f.b.entry = detail::entry_hops(g, f.b.statements, *f.meet);
    }
    out[f.claim.index].findings.push_back(std::move(f));
  };

  for (std::uint32_t c = 0; c < g.claim_count(); ++c) {
    claim_handle ch{c};
    // Distinct versions of the date and of the figure, in the order first stated.
    std::map<partial_date, drift_version> whens;
    std::vector<std::pair<quantity, drift_version>> figures;
    for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
      std::uint32_t v = by_claim[i];
      const claim_details* d = g.stated(v);
      if (!d) continue;
      if (d->when) {
        auto& ver = whens[*d->when];
        ver.value = d->when->to_string();
        ver.statements.push_back(v);
      }
      if (d->amount) {
        auto it =
            std::find_if(figures.begin(), figures.end(), [&](const auto& f) { return f.second.value == d->quantity; });
        if (it == figures.end()) {
          figures.push_back({*d->amount, drift_version{d->quantity, {v}, {}}});
        } else {
          it->second.statements.push_back(v);
        }
      }
    }
    for (auto i = whens.begin(); i != whens.end(); ++i) {
      for (auto j = std::next(i); j != whens.end(); ++j) {
        if (i->first.overlaps(j->first)) continue;
        finish({ch, drift_aspect::when, drift_kind::contradiction, i->second, j->second, std::nullopt});
      }
    }
    for (std::size_t i = 0; i < figures.size(); ++i) {
      for (std::size_t j = i + 1; j < figures.size(); ++j) {
        const auto& [qi, vi] = figures[i];
        const auto& [qj, vj] = figures[j];
        if (!overlaps(qi, qj)) {
          finish({ch, drift_aspect::quantity, drift_kind::contradiction, vi, vj, std::nullopt});
        } else if (detail::strictly_contains(qi, qj)) {
          finish({ch, drift_aspect::quantity, drift_kind::precision, vi, vj, std::nullopt});
        } else if (detail::strictly_contains(qj, qi)) {
          finish({ch, drift_aspect::quantity, drift_kind::precision, vj, vi, std::nullopt});
        }
      }
    }

    // Modality along derivations: from each statement that states one, search
    // towards its origins, through statements that state none, for the nearest
    // that does.
    for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
      std::uint32_t u = by_claim[i];
      const claim_details* du = g.stated(u);
      if (!du || !du->mode) continue;
      std::vector<std::pair<std::uint32_t, std::vector<hop>>> frontier{{u, {}}};
      std::unordered_set<std::uint32_t> seen{u};
      std::size_t visits = 0;
      while (!frontier.empty() && visits < options.max_visits) {
        auto [x, path] = std::move(frontier.back());
        frontier.pop_back();
        for (auto [e, end] = boost::out_edges(x, g.graph()); e != end; ++e) {
          auto w = static_cast<std::uint32_t>(boost::target(*e, g.graph()));
          if (!seen.insert(w).second) continue;
          ++visits;
          auto next = path;
          next.push_back(hop{x, w, g.graph()[*e].kind});
          const claim_details* dw = g.stated(w);
          if (!dw || !dw->mode) {
            frontier.push_back({w, std::move(next)});
            continue;
          }
          if (*dw->mode == *du->mode) continue;
          int su = detail::modality_strength(*du->mode);
          int sw = detail::modality_strength(*dw->mode);
          drift_kind k = (su == 0 || sw == 0) ? drift_kind::contradiction
                         : su > sw            ? drift_kind::hardened
                         : su < sw            ? drift_kind::softened
                                              : drift_kind::contradiction;
          if (su == sw && su != 0) continue;  // believed and estimated are equally firm
          drift_finding f{ch,
                          drift_aspect::modality,
                          k,
                          {std::string(to_string(*du->mode)), {u}, next},
                          {std::string(to_string(*dw->mode)), {w}, {}},
                          w};
          out[c].findings.push_back(std::move(f));
        }
      }
    }
  }
  return out;
}

}  // namespace sourcetrace
