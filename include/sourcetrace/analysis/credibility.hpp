// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// A corroboration grade per claim on the NATO/Admiralty information
/// credibility scale (1 confirmed ... 6 cannot be judged), each with its
/// reason in one sentence. docs/credibility.md states the rule.

#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/graph.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// The six grades of the information-credibility scale.
enum class credibility_grade : std::uint8_t {
  confirmed = 1,   ///< confirmed by other independent sources
  probable = 2,    ///< probably true
  possible = 3,    ///< possibly true
  doubtful = 4,    ///< doubtful
  improbable = 5,  ///< improbable
  unknown = 6,     ///< truth cannot be judged
};

/// Returns "confirmed", "probably true", "possibly true", "doubtful", "improbable" or "cannot be judged".
inline std::string_view to_string(credibility_grade g) noexcept {
  switch (g) {
    case credibility_grade::confirmed: return "confirmed";
    case credibility_grade::probable: return "probably true";
    case credibility_grade::possible: return "possibly true";
    case credibility_grade::doubtful: return "doubtful";
    case credibility_grade::improbable: return "improbable";
    case credibility_grade::unknown: return "cannot be judged";
  }
  return "?";
}

/// The grade of one claim and why.
struct claim_grade {
  claim_handle claim;                                    ///< the claim
  credibility_grade grade = credibility_grade::unknown;  ///< 1 to 6
  std::string reason;                                    ///< one sentence an analyst can check by hand
};

/// Returns the grade of every claim, one element per claim in the order claims
/// were added, from the claim's reporting (`duplicates`) and its drift (`drift`). The rule, in the
/// order it is applied (docs/credibility.md):
///  6. no first-hand origin (only unsourced origins, closed cycles, or no reports);
///  5. a first-hand origin denies the claim while another asserts it;
///  4. the first-hand origins contradict each other, or all are unnamed
///     (their kind's traits say `named = false`, as `anonymous`'s do);
///  1. two or more first-hand origins by two or more named agents, and no
///     disagreement between reports;
///  2. as for 1, but reports disagree (drift), or only one of the agents is named;
///  3. otherwise: one named first-hand source, however many reports repeat it.
template <source_kind... Kinds>
std::vector<claim_grade> grade(const basic_provenance_graph<Kinds...>& g, const origin_map& m,
                               const std::vector<claim_reporting>& reporting,
                               const std::vector<claim_drift>& findings) {
  std::vector<claim_grade> out;
  out.reserve(reporting.size());
  auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
  };
  for (const claim_reporting& r : reporting) {
    claim_grade cg;
    cg.claim = r.claim;
    std::vector<std::uint32_t> first_hand;
    for (auto o : r.origins) {
      if (!m.is_unsourced(o)) first_hand.push_back(o);
    }
    std::vector<agent_handle> agents, named;
    bool denies = false, asserts = false;
    for (auto o : first_hand) {
      agent_handle a = g[o].agent;
      if (std::find(agents.begin(), agents.end(), a) == agents.end()) {
        agents.push_back(a);
        if (g.kind(a).named) named.push_back(a);
      }
      const claim_details* d = g.stated(o);
      auto mode = d && d->mode ? d->mode : g[r.claim].details.mode;
      if (mode == modality::denied)
        denies = true;
      else
        asserts = true;
    }
    bool disagree = false, independent_conflict = false;
    std::string disagreement, conflict;
    auto describe_finding = [](const drift_finding& f) {
      return std::string(to_string(f.aspect)) + " (" + f.a.value + " vs " + f.b.value + ")";
    };
    for (const drift_finding& f : findings[r.claim.index].findings) {
      if (!disagree) disagreement = describe_finding(f);
      disagree = true;
      if (f.kind == drift_kind::contradiction && !f.meet && !independent_conflict) {
        independent_conflict = true;
        conflict = describe_finding(f);
      }
    }
    std::string counts = plural(r.reports.size(), "report", "reports") + ", " +
                         plural(r.independent_origins, "independent origin", "independent origins");
    if (first_hand.empty()) {
      cg.grade = credibility_grade::unknown;
      cg.reason = counts + (r.unsourced_origins ? ", only unsourced: no first-hand source to judge by."
                                                : ": no first-hand source to judge by.");
    } else if (denies && asserts) {
      cg.grade = credibility_grade::improbable;
      cg.reason = counts + ": a first-hand source denies what another asserts.";
    } else if (independent_conflict) {
      cg.grade = credibility_grade::doubtful;
      cg.reason = counts + ": independent sources contradict each other on " + conflict + ".";
    } else if (named.empty()) {
      cg.grade = credibility_grade::doubtful;
      cg.reason = counts + ": only anonymous sources.";
    } else if (agents.size() >= 2 && named.size() >= 2 && !disagree) {
      cg.grade = credibility_grade::confirmed;
      cg.reason =
          counts + " from " + std::to_string(named.size()) + " named sources: confirmed by independent sources.";
    } else if (agents.size() >= 2) {
      cg.grade = credibility_grade::probable;
      cg.reason = counts + (disagree ? ", but statements disagree on " + disagreement : ", but only one named source") +
                  ": probably true.";
    } else {
      cg.grade = credibility_grade::possible;
      cg.reason = counts + (disagree ? ", and statements disagree on " + disagreement : "") + ": not confirmed.";
    }
    out.push_back(std::move(cg));
  }
  return out;
}

/// Returns the grade of every claim of `g`, computing origins, duplicates and drift.
template <source_kind... Kinds>
std::vector<claim_grade> grade(const basic_provenance_graph<Kinds...>& g) {
  auto m = origins(g);
  return grade(g, m, duplicates(g, m), drift(g, m));
}

}  // namespace sourcetrace
