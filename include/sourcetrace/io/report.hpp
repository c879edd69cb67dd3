// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// A text report a person can read: each claim, its reports and their paths,
/// its origins and independent-origin count, echo clusters, drift, the
/// credibility grade, cycles, and the timeline.

#include <sourcetrace/analysis/credibility.hpp>
#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/graph.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace sourcetrace {

/// Settings of `write_report`.
struct report_options {
  /// Paths printed per report at most; the rest are counted.
  std::size_t max_paths_per_report = 8;
};

/// Returns "N reports, K independent origin(s)" with ", U unsourced" when any
/// origin only relays: the one-line verdict on how a claim was reported. A
/// report is an article; when its articles mention the claim more than once
/// each, the mentions are counted too: "1 report (3 mentions), ...".
inline std::string summary(const claim_reporting& r) {
  auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out = plural(r.report_count, "report", "reports");
  if (r.mentions.size() != r.report_count) {
    out += " (";
    out += plural(r.mentions.size(), "mention", "mentions");
    out += ")";
  }
  out += ", ";
  out += plural(r.independent_origins, "independent origin", "independent origins");
  if (r.unsourced_origins) out += ", " + std::to_string(r.unsourced_origins) + " unsourced";
  if (!r.circular.empty()) out += ", " + std::to_string(r.circular.size()) + " resting on a cycle";
  return out;
}

/// Returns the display name of the agent of statement `v`: its name, or its
/// id when it has none.
template <source_kind... Kinds>
std::string speaker_name(const basic_provenance_graph<Kinds...>& g, std::size_t v) {
  const auto& a = g[g[v].agent];
  return a.name.empty() ? a.id : a.name;
}

/// Returns a one-line description of statement `v`: its agent, and its event
/// and date where known ("National Intelligence Service at NIS briefing (2025-06-26)").
template <source_kind... Kinds>
std::string describe(const basic_provenance_graph<Kinds...>& g, std::size_t v) {
  const statement& s = g[v];
  std::string out = speaker_name(g, v);
  if (s.event.valid()) {
    const event& e = g[s.event];
    bool own_publication = e.kind.traits().publication && e.host == s.agent;
    if (!own_publication) out += " at " + (e.info.title.empty() ? e.id : e.info.title);
    if (e.date) out += " (" + e.date->to_string() + ")";
  }
  return out;
}

/// Returns how hop `h` was taken, as the report prints it between arrows:
/// "cites", or for a copy the reuse detector measured, "copies (Jaccard
/// 0.80, containment 0.93)", with ", undecided" when who copied whom is not known.
template <source_kind... Kinds>
std::string hop_label(const basic_provenance_graph<Kinds...>& g, const hop& h) {
  std::string out(to_string(h.kind));
  if (const copy_evidence* c = g.copy_of(h.from, h.to)) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " (Jaccard %.2f, containment %.2f%s)", c->jaccard, c->containment,
                  c->undecided ? ", undecided" : "");
    out += buf;
  }
  return out;
}

/// Writes the report on every claim of `g` to `out`.
template <source_kind... Kinds>
void write_report(std::ostream& out, const basic_provenance_graph<Kinds...>& g, report_options options = {}) {
  auto map = origins(g);
  auto reporting = duplicates(g, map);
  auto times = timeline(g, map);
  auto loops = cycles(g);
  auto findings = drift(g, map);
  auto grades = grade(g, map, reporting, findings);

  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  out << "sourcetrace report: " << count(g.claim_count(), "claim", "claims") << ", "
      << count(g.statement_count(), "statement", "statements") << ", "
      << count(g.derivation_count(), "derivation", "derivations") << ", " << count(g.agent_count(), "agent", "agents")
      << "\n";

  for (std::uint32_t c = 0; c < g.claim_count(); ++c) {
    const claim& cl = g[claim_handle{c}];
    const claim_reporting& r = reporting[c];
    out << "\n== " << cl.id << ": " << cl.text << "\n";
    out << summary(r) << "\n";
    out << "grade " << static_cast<int>(grades[c].grade) << " (" << to_string(grades[c].grade)
        << "): " << grades[c].reason << "\n";

    // Each report (article) with how each of its mentions put the claim and
    // the paths back to its origins.
    auto as_stated = [&](statement_handle rep) {
      std::string as;
      if (const claim_details* d = g.stated(rep)) {
        auto add = [&](const std::string& x) { as += (as.empty() ? "" : "; ") + x; };
        if (!d->quantity.empty()) add(d->quantity);
        if (d->when) add(d->when->to_string());
        if (d->mode) add(std::string(to_string(*d->mode)));
      }
      return as.empty() ? as : " [as stated: " + as + "]";
    };
    for (const report_group& rg : group_by_report(g, std::span<const statement_handle>(r.mentions))) {
      bool several = rg.mentions.size() > 1;
      out << "  report: " << describe(g, rg.mentions[0]);
      if (!several && g.part(rg.mentions[0]) != article_part::unknown)
        out << ", in the " << to_string(g.part(rg.mentions[0]));
      if (several)
        out << " (" << rg.mentions.size() << " mentions)\n";
      else
        out << as_stated(rg.mentions[0]) << "\n";
      std::string indent = several ? "      " : "    ";
      for (statement_handle rep : rg.mentions) {
        if (several) {
          out << "    mention " << g.id(rep);
          if (g[rep].agent != g[rg.mentions[0]].agent) out << " by " << speaker_name(g, rep);
          if (g.part(rep) != article_part::unknown) out << " in the " << to_string(g.part(rep));
          out << as_stated(rep) << "\n";
        }
        // A path stops where it reaches a cycle, listed once at the end: a
        // report never walks the whole cycle, so long cycles stay linear.
        auto t = trace(g, rep, {.max_paths = options.max_paths_per_report, .stop_at_cycles = &map});
        for (const attribution_path& p : t.paths) {
          if (p.hops.empty()) {
            out << indent
                << (p.end == path_end::cycle ? "(on a cycle: circular reporting, listed below)\n"
                                             : "(names no source)\n");
            continue;
          }
          out << indent << "path:";
          for (const hop& h : p.hops) out << " -" << hop_label(g, h) << "-> " << describe(g, h.to);
          if (p.end == path_end::loop) out << " (loops back: circular reporting)";
          if (p.end == path_end::cycle) out << " (enters a cycle: circular reporting, listed below)";
          if (p.rests_on_inference()) out << " (rests on an inference)";
          out << "\n";
        }
        if (t.truncated) out << indent << "... more paths not shown\n";
      }
    }

    for (const drift_finding& f : findings[c].findings) {
      // A speaker, with the part of the article its statement stands in where
      // known, so that an article's headline and its body are told apart.
      auto mention = [&](statement_handle v) {
        std::string name = speaker_name(g, v);
        if (g.part(v) != article_part::unknown) name.append("'s ").append(to_string(g.part(v)));
        return name;
      };
      auto who = [&](const drift_version& v) {
        std::string w;
        for (std::size_t i = 0; i < v.statements.size(); ++i) w += (i ? ", " : "") + mention(v.statements[i]);
        return w;
      };
      auto hops = [&](const std::vector<hop>& hs) {
        std::string h;
        for (std::size_t i = 0; i < hs.size(); ++i) {
          h += (i ? " and " : "") + mention(hs[i].from) + " -" + hop_label(g, hs[i]) + "-> " + mention(hs[i].to);
        }
        return h;
      };
      out << "  drift (" << to_string(f.aspect) << ", " << to_string(f.kind) << "): " << f.a.value << " (" << who(f.a)
          << ") vs " << f.b.value << " (" << who(f.b) << ")\n";
      if (f.article.valid()) {
        const event& e = g[f.article];
        out << "    within one article: " << (e.info.title.empty() ? e.id : e.info.title) << "\n";
      }
      if (f.along_chain) {
        out << "    changed between " << hops(f.a.entry) << "\n";
      } else if (f.meet) {
        out << "    both rest on " << describe(g, *f.meet) << "; " << f.a.value << " enters at " << hops(f.a.entry)
            << ", " << f.b.value << " at " << hops(f.b.entry) << "\n";
      } else {
        out << "    the versions come from independent origins\n";
      }
    }

    out << "  origins:\n";
    for (std::uint32_t o : r.origins) {
      out << "    " << describe(g, o) << (map.is_unsourced(o) ? " [unsourced: its agent only relays]" : " [first-hand]")
          << "\n";
    }
    if (r.origins.empty()) out << "    none\n";
    if (!r.clusters.empty()) {
      out << "  echo clusters: " << r.clusters.size() << "\n";
      for (std::size_t i = 0; i < r.clusters.size(); ++i) {
        const echo_cluster& e = r.clusters[i];
        out << "    " << i + 1 << ". " << e.report_count << (e.report_count == 1 ? " report" : " reports") << " on "
            << e.origins.size() << (e.origins.size() == 1 ? " origin" : " origins") << ":";
        auto in_cluster = group_by_report(g, std::span<const statement_handle>(e.mentions));
        for (std::size_t j = 0; j < in_cluster.size(); ++j) {
          out << (j ? ", " : " ") << speaker_name(g, in_cluster[j].mentions[0]);
        }
        out << "\n";
      }
    }

    const claim_timeline& tl = times[c];
    out << "  timeline: origin " << (tl.origin_date ? tl.origin_date->to_string() : "undated") << ", first report "
        << (tl.first_report ? tl.first_report->to_string() : "undated") << ", last report "
        << (tl.last_report ? tl.last_report->to_string() : "undated") << "\n";
    for (const report_timing& rt : tl.reports) {
      if (!rt.delay) continue;
      out << "    " << speaker_name(g, rt.report) << ": " << describe_delay(*rt.delay) << "\n";
    }
  }

  out << "\ncircular reporting: ";
  if (loops.empty())
    out << "none\n";
  else
    out << loops.size() << (loops.size() == 1 ? " cycle\n" : " cycles\n");
  for (const auto& cy : cycles_by_id(g, loops)) {
    out << "  cycle:";
    for (std::size_t i = 0; i < cy.size(); ++i) out << (i ? ", " : " ") << g.id(cy[i]);
    out << "\n";
  }
}

}  // namespace sourcetrace
