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
/// order it is applied (docs/credibility.md). An unsourced statement (an
/// outlet in its own voice) is never counted as a source. The reason names
/// what was counted: "3 reports, 1 first-hand origin, 2 unsourced
/// statements: not confirmed.".
///  6. no first-hand origin (only unsourced origins, closed cycles, or no reports);
///  5. a first-hand origin denies the claim while another asserts it;
///  4. two versions resting on first-hand origins contradict each other, or
///     all first-hand origins are unnamed (their kind's traits say
///     `named = false`, as `anonymous`'s do); an outlet's own figure (a
///     version resting only on unsourced statements) against its source's is
///     a disagreement, never a contradiction between sources;
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
    // A version rests on a first-hand source when one of its statements has a
    // first-hand origin; otherwise it is an outlet's own figure.
    auto first_hand_version = [&](const drift_version& v) {
      for (auto st : v.statements) {
        for (auto o : m.of(st)) {
          if (!m.is_unsourced(o)) return true;
        }
      }
      return false;
    };
    bool disagree = false, independent_conflict = false, own_figure = false;
    std::string disagreement, conflict, own;
    auto describe_finding = [](const drift_finding& f) {
      return std::string(to_string(f.aspect)) + " (" + f.a.value + " vs " + f.b.value + ")";
    };
    // Appends rather than `"text" + std::string&&`, which GCC 12 misreports at -O3 (PR 105651).
    auto joined = [](std::string_view a, const std::string& b) {
      std::string text;
      text.append(a).append(b);
      return text;
    };
    for (const drift_finding& f : findings[r.claim.index].findings) {
      if (!disagree) disagreement = joined("statements disagree on ", describe_finding(f));
      disagree = true;
      if (f.kind != drift_kind::contradiction || f.meet) continue;
      bool a = first_hand_version(f.a), b = first_hand_version(f.b);
      if (a && b && !independent_conflict) {
        independent_conflict = true;
        conflict = describe_finding(f);
      } else if (a != b && !own_figure) {
        // An outlet's own figure against what a first-hand source says: not
        // two sources disagreeing, so it never makes the claim doubtful.
        own_figure = true;
        own = describe_finding(f);
      }
    }
    if (own_figure && disagreement == joined("statements disagree on ", own)) {
      disagreement = joined("the outlet's own figure differs from its source's on ", own);
    }
    // What was counted: reports (articles), first-hand origins, and the
    // unsourced statements (an outlet in its own voice) that count as none.
    std::string counts = plural(r.report_count, "report", "reports");
    if (r.mentions.size() != r.report_count) counts += " (" + plural(r.mentions.size(), "mention", "mentions") + ")";
    counts += ", " + plural(r.independent_origins, "first-hand origin", "first-hand origins");
    if (r.unsourced_origins)
      counts += ", " + plural(r.unsourced_origins, "unsourced statement", "unsourced statements");
    if (first_hand.empty()) {
      cg.grade = credibility_grade::unknown;
      cg.reason = counts + ": no first-hand source to judge by.";
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
      cg.reason = counts + (disagree ? joined(", but ", disagreement) : std::string(", but only one named source")) +
                  ": probably true.";
    } else {
      cg.grade = credibility_grade::possible;
      cg.reason = counts + (disagree ? joined(", and ", disagreement) : std::string()) + ": not confirmed.";
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
