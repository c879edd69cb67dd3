// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Timeline: each claim's origin date, first and last report, and the delay
/// from origin to each report, in days, with Boost.Date_Time.

#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/time/date.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sourcetrace {

/// When one report (an article) appeared, and how long after its origin.
struct report_timing {
  statement_handle report = 0;             ///< the report's first mention of the claim, by id
  std::size_t mentions = 1;                ///< how many times the report mentions the claim
  std::optional<partial_date> date;        ///< its event's date, if known
  std::optional<statement_handle> origin;  ///< its earliest dated origin (the first by id of equal dates), if any
  std::optional<day_delay> delay;          ///< days from that origin to the report, if both are dated
};

/// Returns whether the dates behind `d` are too coarse to tell whether a
/// report came after its origin: its range of days holds both negative and
/// non-negative values, as from 2025-06-26 to a report dated only 2025-06
/// (-25..4).
inline bool order_uncertain(const day_delay& d) { return d.min < 0 && d.max >= 0; }

/// Returns the delay `d` of a report after its origin in words, as the text
/// report and `sourcetrace timeline` print it: "1 day after its origin",
/// "0..4 days after its origin", "3 days before its origin". Where the order is
/// uncertain (`order_uncertain`), it keeps only the days at or after the
/// origin and says why: "0..4 days after its origin (dates too coarse to order)".
/// A delay without limit, from an open-ended date, is "5 or more days after
/// its origin".
inline std::string describe_delay(const day_delay& d) {
  auto days = [](long lo, long hi) {
    if (hi == day_delay::unbounded) return std::to_string(lo) + " or more days";
    return day_delay{lo, hi}.to_string() + (lo == 1 && hi == 1 ? " day" : " days");
  };
  if (d.max < 0) return days(-d.max, -d.min) + " before its origin";
  if (order_uncertain(d)) return days(0, d.max) + " after its origin (dates too coarse to order)";
  return days(d.min, d.max) + " after its origin";
}

/// The timeline of one claim.
struct claim_timeline {
  claim_handle claim;                        ///< the claim
  std::optional<partial_date> origin_date;   ///< date of its earliest dated origin
  std::optional<partial_date> first_report;  ///< date of its earliest dated report
  std::optional<partial_date> last_report;   ///< date of its latest dated report
  std::vector<report_timing> reports;        ///< dated by date, then undated; else by first mention's id
};

/// Returns the timeline of every claim of `g`, in the order claims were added.
/// Partial dates order by their first day; a delay between partial dates is a
/// range of days (`day_delay`).
template <source_kind... Kinds>
std::vector<claim_timeline> timeline(const basic_provenance_graph<Kinds...>& g, const origin_map& m) {
  claim_reports by_claim(g);
  std::vector<claim_timeline> out;
  out.reserve(g.claim_count());
  for (std::uint32_t c = 0; c < g.claim_count(); ++c) {
    claim_timeline t;
    t.claim = claim_handle{c};
    for (const report_group& rg : group_by_report(g, by_claim[t.claim])) {
      report_timing rt;
      rt.report = rg.mentions[0];
      rt.mentions = rg.mentions.size();
      rt.date = g.date(rt.report);
      // The earliest dated origin of any of its mentions; of equal dates, the first by id.
      for (statement_handle r : rg.mentions) {
        for (std::uint32_t o : m.of(r)) {
          auto d = g.date(o);
          if (!d) continue;
          if (!rt.origin) {
            rt.origin = o;
            continue;
          }
          auto best = *g.date(*rt.origin);
          if (*d < best || (!(best < *d) && g.id(o) < g.id(*rt.origin))) rt.origin = o;
        }
      }
      if (rt.origin) {
        auto od = *g.date(*rt.origin);
        if (!t.origin_date || od < *t.origin_date) t.origin_date = od;
        // A report that is its own origin (it names no source) has no delay,
        // even when its date is only known to a period.
        bool own = std::ranges::find(rg.mentions, *rt.origin) != rg.mentions.end();
        if (rt.date) rt.delay = own ? day_delay{0, 0} : delay_between(od, *rt.date);
      }
      if (rt.date) {
        if (!t.first_report || *rt.date < *t.first_report) t.first_report = rt.date;
        if (!t.last_report || *t.last_report < *rt.date) t.last_report = rt.date;
      }
      t.reports.push_back(rt);
    }
    std::ranges::stable_sort(t.reports, [](const report_timing& a, const report_timing& b) {
      if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
      return a.date && *a.date < *b.date;
    });
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sourcetrace
