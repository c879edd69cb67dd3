// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Drift: where the statements of one claim disagree. Figures and dates that
/// cannot both be true, figures and dates that lose precision or are dropped,
/// and hedges that harden or soften along the chain, each with the statements
/// involved and the hop where the change entered.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/model/quantity.hpp>
#include <sourcetrace/time/date.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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
  precision,      ///< one version allows everything the other does and more, or gives none: detail was lost
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
  /// As stated: "2024-10", "more than 10 million", "possible"; for a version
  /// that gives none (`given` false), "no figure" or "no date".
  std::string value;
  std::vector<statement_handle> statements;  ///< the statements stating it, by id
  /// Where this version enters the chain: the hop(s) by which it reaches the
  /// statement where the versions meet. Empty when they share no origin.
  std::vector<hop> entry;
  /// False for the statements that state details of the claim but give no
  /// figure (no `quantity` text) or no date (no `when`), where another
  /// statement gives one: `value` is then "no figure" or "no date".
  bool given = true;
};

/// The `value` of the version of a claim whose statements give no figure.
inline constexpr std::string_view no_figure = "no figure";
/// The `value` of the version of a claim whose statements give no date.
inline constexpr std::string_view no_date = "no date";

/// One disagreement between statements of a claim.
struct drift_finding {
  claim_handle claim;  ///< the claim
  drift_aspect aspect = drift_aspect::quantity;
  drift_kind kind = drift_kind::contradiction;
  /// For a contradiction, one version; for precision, the vaguer one (the one
  /// that gives no figure or date, if one does); for hardened or softened, the
  /// later statement's version.
  drift_version a;
  /// The other version: for precision, the more precise; for hardened or
  /// softened, the earlier statement's version.
  drift_version b;
  /// The origin both versions rest on, where their chains meet; absent when
  /// the versions come from independent origins. For a modality that changed
  /// along one chain (`along_chain`), the statement of `b` that `a` derives from.
  std::optional<statement_handle> meet;
  /// True for a modality finding where a statement of `a` derives from one of
  /// `b`: `a.entry` is then the hops between them. False for siblings (two
  /// statements resting on one origin by different paths), which are
  /// compared as versions meeting at `meet`.
  bool along_chain = false;
  /// The article (a publication event) holding every statement of both
  /// versions, when there is one: drift inside one article, such as its
  /// headline against its body (`g.part` says which is which). Invalid otherwise.
  event_handle article;
};

/// Where the statements of one claim disagree: the claim's element of what `drift` returns.
struct claim_drift {
  claim_handle claim;                   ///< the claim
  std::vector<drift_finding> findings;  ///< its findings: dates, then figures, then modality
};

/// Settings of `drift`.
struct drift_options {
  /// How many statements the search for a chain between two versions of a
  /// modality may visit, so that one huge claim cannot stall the analysis.
  std::size_t max_visits = 10000;
};

namespace detail {

// The hops of a shortest chain of derivations from a statement of `from` to
// one of `to`, found by one breadth-first search from all of `from` at once
// (in the order given, each statement's derivations by the id of their
// source) that visits at most `max_visits` statements; empty if there is none.
template <class G>
std::vector<hop> chain_between(const G& g, const std::vector<std::uint32_t>& from, const std::vector<std::uint32_t>& to,
                               std::size_t max_visits) {
  std::unordered_set<std::uint32_t> targets(to.begin(), to.end());
  std::unordered_map<std::uint32_t, hop> reached;  // statement -> the hop that reached it
  std::vector<std::uint32_t> queue(from.begin(), from.end());
  std::unordered_set<std::uint32_t> seen(from.begin(), from.end());
  std::vector<hop> next;  // the derivations of one statement, by the id of their source
  for (std::size_t head = 0; head < queue.size() && seen.size() <= max_visits; ++head) {
    std::uint32_t x = queue[head];
    next.clear();
    for (auto [e, end] = boost::out_edges(x, g.graph()); e != end; ++e) {
      next.push_back(
          hop{x, static_cast<std::uint32_t>(boost::target(*e, g.graph())), g.graph()[*e].kind, g.graph()[*e].basis});
    }
    std::sort(next.begin(), next.end(), [&g](const hop& a, const hop& b) { return g.id(a.to) < g.id(b.to); });
    for (const hop& h : next) {
      std::uint32_t w = h.to;
      if (!seen.insert(w).second) continue;
      reached.emplace(w, h);
      if (targets.contains(w)) {
        std::vector<hop> out;
        for (std::uint32_t at = w;;) {
          auto it = reached.find(at);
          if (it == reached.end()) break;
          out.push_back(it->second);
          at = it->second.from;
        }
        std::reverse(out.begin(), out.end());
        return out;
      }
      queue.push_back(w);
    }
  }
  return {};
}

// True if interval `outer` contains `inner` and is strictly wider.
inline bool strictly_contains(const quantity& outer, const quantity& inner) {
  const double ol = qty::low_end(outer), ou = qty::high_end(outer);
  const double il = qty::low_end(inner), iu = qty::high_end(inner);
  return ol <= il && iu <= ou && (ol < il || iu < ou);
}

// True if every day of `inner` is a day of `outer` and `outer` has more. An
// open end reaches past every named day, so "by September" is wider than
// "by August" and than a period that names its first day; the calendar's own
// first and last days, which an open end reads as, are never compared with it.
inline bool strictly_contains(const partial_date& outer, const partial_date& inner) {
  auto starts_no_later = [](const partial_date& x, const partial_date& y) {
    return x.open_start() || (!y.open_start() && x.first() <= y.first());
  };
  auto ends_no_earlier = [](const partial_date& x, const partial_date& y) {
    return x.open_end() || (!y.open_end() && y.last() <= x.last());
  };
  return starts_no_later(outer, inner) && ends_no_earlier(outer, inner) &&
         !(starts_no_later(inner, outer) && ends_no_earlier(inner, outer));
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
/// Versions that cannot both be true are a contradiction; a figure or date
/// that allows everything another does and more is a loss of precision, and
/// so is a figure text that reads as no number ("several") against one that
/// does. Statements that state details but give no figure (no date) form one
/// version, "no figure" ("no date"), vaguer than every version that gives a
/// number (a date); statements that state no details are not compared. Each finding
/// names the origin both versions rest on (`meet`) and the hop by which each
/// version reaches it. Modalities are compared the same way, pair by pair on
/// the evidential scale (`evidential_rank`): where a statement of one version
/// derives from a statement of the other, the finding is along that chain
/// (`along_chain`), hardened or softened from the earlier to the later;
/// between siblings, which rest on one origin by different paths, the firmer
/// version is the one that hardened, and each enters where it meets the other.
/// A denial against any other modality is a contradiction.
/// Claims are never compared with each other: figures that only look alike
/// belong to different claims and stay apart. Each pair of versions is
/// reported once. A claim's findings come dates first, then figures, then
/// modality; among dates and among figures, the pairs of stated versions come
/// first (dates in date order, figures in the order first stated, taking the
/// statements by id), then the version that gives none against each stated
/// one (in date order; figures by least value, then greatest, then text).
/// Modalities pair in the order first stated. Nothing depends on the order
/// the records were read in: statements, meeting points and entry hops are
/// chosen by id.
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
    // Each claim's by id, so that versions and their statements come in an
    // order the ids fix, whatever order the records were read in.
    for (std::size_t c = 0; c < g.claim_count(); ++c) {
      sort_by_id(g, std::span<statement_handle>(by_claim.data() + start[c], by_claim.data() + start[c + 1]));
    }
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
    return *std::ranges::min_element(common, [&](std::uint32_t x, std::uint32_t y) { return g.id(x) < g.id(y); });
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
    // Distinct versions of the date (in date order) and of the figure (in the
    // order first stated, by text; `amount` is empty for a text that reads as
    // no number), and the statements that state details but give neither.
    std::map<partial_date, drift_version> whens;
    std::vector<std::pair<std::optional<quantity>, drift_version>> figures;
    drift_version dateless{std::string(no_date), {}, {}, false};
    drift_version figureless{std::string(no_figure), {}, {}, false};
    for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
      std::uint32_t v = by_claim[i];
      const claim_details* d = g.stated(v);
      if (!d) continue;  // states nothing of its own: says nothing about how it puts the claim
      if (d->when) {
        auto& ver = whens[*d->when];
        ver.value = d->when->to_string();
        ver.statements.push_back(v);
      } else {
        dateless.statements.push_back(v);
      }
      if (!d->quantity.empty()) {
        auto it =
            std::find_if(figures.begin(), figures.end(), [&](const auto& f) { return f.second.value == d->quantity; });
        if (it == figures.end()) {
          figures.push_back({d->amount, drift_version{d->quantity, {v}, {}, true}});
        } else {
          it->second.statements.push_back(v);
        }
      } else {
        figureless.statements.push_back(v);
      }
    }
    // Dates: every pair of stated versions, then the statements that give no
    // date against each stated date.
    for (auto i = whens.begin(); i != whens.end(); ++i) {
      for (auto j = std::next(i); j != whens.end(); ++j) {
        if (!i->first.overlaps(j->first)) {
          finish({ch, drift_aspect::when, drift_kind::contradiction, i->second, j->second, std::nullopt});
        } else if (detail::strictly_contains(i->first, j->first)) {
          finish({ch, drift_aspect::when, drift_kind::precision, i->second, j->second, std::nullopt});
        } else if (detail::strictly_contains(j->first, i->first)) {
          finish({ch, drift_aspect::when, drift_kind::precision, j->second, i->second, std::nullopt});
        }
        // Dates that share days without either holding the other (July or
        // August vs August or September) could both be true and neither is
        // vaguer: no finding, as for figures.
      }
    }
    if (!dateless.statements.empty()) {
      for (const auto& w : whens)
        finish({ch, drift_aspect::when, drift_kind::precision, dateless, w.second, std::nullopt});
    }
    // Figures: every pair of stated versions, then the statements that give no
    // figure against each figure that reads as a number. A text that reads as
    // no number ("several") allows any number, so it is the vaguer against one
    // that does, and is never compared with another that does not.
    for (std::size_t i = 0; i < figures.size(); ++i) {
      for (std::size_t j = i + 1; j < figures.size(); ++j) {
        const auto& [qi, vi] = figures[i];
        const auto& [qj, vj] = figures[j];
        if (!qi && !qj) continue;
        if (!qi || !qj) {
          finish({ch, drift_aspect::quantity, drift_kind::precision, qi ? vj : vi, qi ? vi : vj, std::nullopt});
        } else if (!overlaps(*qi, *qj)) {
          finish({ch, drift_aspect::quantity, drift_kind::contradiction, vi, vj, std::nullopt});
        } else if (detail::strictly_contains(*qi, *qj)) {
          finish({ch, drift_aspect::quantity, drift_kind::precision, vi, vj, std::nullopt});
        } else if (detail::strictly_contains(*qj, *qi)) {
          finish({ch, drift_aspect::quantity, drift_kind::precision, vj, vi, std::nullopt});
        }
      }
    }
    if (!figureless.statements.empty()) {
      // In value order (least value, then greatest, then text), as dates are
      // in date order.
      std::vector<const std::pair<std::optional<quantity>, drift_version>*> with_number;
      for (const auto& f : figures) {
        if (f.first) with_number.push_back(&f);
      }
      std::sort(with_number.begin(), with_number.end(), [](const auto* x, const auto* y) {
        const double xl = detail::qty::low_end(*x->first), yl = detail::qty::low_end(*y->first);
        if (xl != yl) return xl < yl;
        const double xu = detail::qty::high_end(*x->first), yu = detail::qty::high_end(*y->first);
        if (xu != yu) return xu < yu;
        return x->second.value < y->second.value;
      });
      for (const auto* f : with_number) {
        finish({ch, drift_aspect::quantity, drift_kind::precision, figureless, f->second, std::nullopt});
      }
    }

    // Modality: every pair of distinct stated modalities. Where a statement of
    // one derives from a statement of the other, the deriving one is the later
    // version and the finding is along that chain; otherwise (siblings) the
    // firmer is compared with the softer where their chains meet.
    std::vector<drift_version> modes;
    std::vector<modality> mode_of;
    for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
      std::uint32_t v = by_claim[i];
      const claim_details* d = g.stated(v);
      if (!d || !d->mode) continue;
      auto it = std::find(mode_of.begin(), mode_of.end(), *d->mode);
      if (it == mode_of.end()) {
        mode_of.push_back(*d->mode);
        modes.push_back(drift_version{std::string(to_string(*d->mode)), {v}, {}, true});
      } else {
        modes[static_cast<std::size_t>(it - mode_of.begin())].statements.push_back(v);
      }
    }
    for (std::size_t i = 0; i < modes.size(); ++i) {
      for (std::size_t j = i + 1; j < modes.size(); ++j) {
        int ri = evidential_rank(mode_of[i]), rj = evidential_rank(mode_of[j]);
        if (ri == rj && ri != 0) continue;  // equally firm: believed and estimated
        bool denial = ri == 0 || rj == 0;
        // Later (a) and earlier (b) along a chain, either way round.
        std::size_t later = i, earlier = j;
        auto path = detail::chain_between(g, modes[i].statements, modes[j].statements, options.max_visits);
        if (path.empty()) {
          path = detail::chain_between(g, modes[j].statements, modes[i].statements, options.max_visits);
          if (!path.empty()) std::swap(later, earlier);
        }
        int rl = evidential_rank(mode_of[later]), re = evidential_rank(mode_of[earlier]);
        if (!path.empty()) {
          drift_finding f{ch,
                          drift_aspect::modality,
                          denial    ? drift_kind::contradiction
                          : rl > re ? drift_kind::hardened
                                    : drift_kind::softened,
                          modes[later],
                          modes[earlier],
                          path.back().to,
                          true};
          f.a.entry = std::move(path);
          out[c].findings.push_back(std::move(f));
          continue;
        }
        // Siblings: the firmer version is the one that hardened.
        std::size_t firm = ri >= rj ? i : j, soft = firm == i ? j : i;
        finish({ch, drift_aspect::modality, denial ? drift_kind::contradiction : drift_kind::hardened, modes[firm],
                modes[soft], std::nullopt, false});
      }
    }
  }
  // Drift inside one article: both versions stated only by statements at one publication.
  for (auto& per_claim : out) {
    for (auto& f : per_claim.findings) {
      event_handle at;
      bool one = true;
      for (const auto* ver : {&f.a, &f.b}) {
        for (auto st : ver->statements) {
          event_handle e = g[st].event;
          if (!e.valid() || !g[e].kind.traits().publication || (at.valid() && at != e)) one = false;
          at = e;
        }
      }
      if (one && at.valid()) f.article = at;
    }
  }
  return out;
}

}  // namespace sourcetrace
