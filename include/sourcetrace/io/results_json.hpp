// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The results of the analyses as JSON, exactly as `sourcetrace ... --json`
/// prints them (docs/cli.md): keys sorted, ids sorted by byte order, the same
/// input giving byte-identical output. Each writer builds its text in a buffer
/// and hands it to the stream in pieces of about a megabyte, so that archives
/// of millions of statements are not written a line at a time. Needs no JSON
/// library.

#include <sourcetrace/analysis/credibility.hpp>
#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/drift.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/reports.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/text/quantity.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace {

/// Settings of the results writers that can keep to one claim.
struct results_json_options {
  /// Write only what concerns this claim; absent: every claim.
  std::optional<claim_handle> claim;
};

/// Settings of `write_trace_json`.
struct trace_json_options {
  /// Trace only the statements of this claim; absent: every claim.
  std::optional<claim_handle> claim;
  /// Trace every statement, not only reports.
  bool all_statements = false;
  /// How far each trace may go.
  trace_options trace;
};

namespace detail {

// The text of one writer, handed to the stream in large pieces: at archive
// scale per-line stream writes dominate.
class results_buffer {
 public:
  explicit results_buffer(std::ostream& out) : out_(out) {}
  results_buffer(const results_buffer&) = delete;
  results_buffer& operator=(const results_buffer&) = delete;
  ~results_buffer() = default;

  std::string s;

  void flush_if_large() {
    if (s.size() > (std::size_t{1} << 20)) flush();
  }
  void flush() {
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
    s.clear();
  }

 private:
  std::ostream& out_;
};

template <class Graph>
std::vector<std::uint32_t> sorted_by_id(const Graph& g, std::vector<std::uint32_t> vs) {
  sort_by_id(g, std::span<statement_handle>(vs));
  return vs;
}

// The text of each of a number of sets, written the first time it is asked for.
class set_texts {
 public:
  explicit set_texts(std::size_t sets) : start_(sets, npos), end_(sets, 0) {}
  // Returns the text of set `s`, which `write(std::string&)` appends the first time.
  template <class Write>
  std::string_view of(std::uint32_t s, Write write) {
    if (start_[s] == npos) {
      start_[s] = text_.size();
      write(text_);
      end_[s] = text_.size();
    }
    return std::string_view(text_).substr(start_[s], end_[s] - start_[s]);
  }

 private:
  static constexpr std::size_t npos = SIZE_MAX;
  std::string text_;
  std::vector<std::size_t> start_, end_;
};

template <class Graph>
void append_json_ids(std::string& s, const Graph& g, const std::vector<std::uint32_t>& vs) {
  s += '[';
  for (std::size_t i = 0; i < vs.size(); ++i) {
    if (i) s += ", ";
    append_json_string(s, g.id(vs[i]));
  }
  s += ']';
}

inline void append_json_optional_date(std::string& s, const std::optional<partial_date>& d) {
  if (d)
    append_json_string(s, d->to_string());
  else
    s += "null";
}

template <class Graph>
void append_json_optional_id(std::string& s, const Graph& g, const std::optional<std::uint32_t>& v) {
  if (v)
    append_json_string(s, g.id(*v));
  else
    s += "null";
}

// The items of `all` that concern `claim` (all if absent), by claim id; items
// of one claim keep their order.
template <class Graph, class Item>
std::vector<const Item*> chosen_by_claim(const Graph& g, const std::vector<Item>& all,
                                         const std::optional<claim_handle>& claim) {
  std::vector<const Item*> chosen;
  for (const auto& item : all) {
    if (!claim || item.claim == *claim) chosen.push_back(&item);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](auto a, auto b) { return g[a->claim].id < g[b->claim].id; });
  return chosen;
}

// Opens item `i` of a list of objects, one per line, starting with key `key`.
inline void open_json_line(std::string& s, bool first, std::string_view key) {
  s += first ? "\n  {\"" : ",\n  {\"";
  s += key;
  s += "\": ";
}

// Closes a list of objects opened by `open_json_line`, and the document.
inline void close_json_lines(std::string& s, bool empty) { s += empty ? "]}\n" : "\n]}\n"; }

}  // namespace detail

/// Writes the origins of every statement of `g`, its unsourced origins and
/// its cycles, as `sourcetrace origins --json` does:
/// `{"cycles": [[ids]...], "origins": {"id": [ids], ...}, "unsourced": [ids]}`.
/// Statements are sorted by id, each cycle's ids too, and the cycles by their
/// first id. `m` and `loops` are `origins(g)` and `cycles(g)`.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
template <source_kind... Kinds>
void write_origins_json(std::ostream& out, const basic_provenance_graph<Kinds...>& g, const origin_map& m,
                        const std::vector<cycle>& loops) {
  detail::results_buffer b(out);
  std::string& s = b.s;
  const id_order order(g);
  const auto all = order.sorted();
  const auto sorted_cycles = cycles_by_id(g, loops);
  s += "{\"cycles\": [";
  for (std::size_t i = 0; i < sorted_cycles.size(); ++i) {
    if (i) s += ", ";
    detail::append_json_ids(s, g, sorted_cycles[i]);
  }
  s += "],\n \"origins\": {";
  std::vector<std::uint32_t> unsourced;
  // Statements share origin sets (one set per 8 statements on a typical
  // archive): each set is sorted and written once, then copied.
  detail::set_texts texts(m.distinct_sets());
  std::vector<std::uint32_t> members;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (m.is_unsourced(all[i])) unsourced.push_back(all[i]);
    s += i ? ",\n  " : "\n  ";
    detail::append_json_string(s, g.id(all[i]));
    s += ": ";
    s += texts.of(m.set_id(all[i]), [&](std::string& text) {
      auto set = m.of(all[i]);
      members.assign(set.begin(), set.end());
      order.sort(members);
      detail::append_json_ids(text, g, members);
    });
    b.flush_if_large();
  }
  s += all.empty() ? "},\n \"unsourced\": " : "\n },\n \"unsourced\": ";
  detail::append_json_ids(s, g, unsourced);
  s += "}\n";
  b.flush();
}

/// Writes how each claim was reported, as `sourcetrace duplicates --json`
/// does: `{"claims": [...]}`, one object a line, by claim id, with the keys
/// `circular`, `clusters` (each `mentions`, `origins` and `report_count`),
/// `id`, `independent_origins`, `mention_count`, `mentions` (the statement
/// ids), `origins`, `report_count` (distinct articles) and `unsourced_origins`.
/// `reporting` is `duplicates(g, origins(g))`.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
template <source_kind... Kinds>
void write_duplicates_json(std::ostream& out, const basic_provenance_graph<Kinds...>& g,
                           const std::vector<claim_reporting>& reporting, const results_json_options& options = {}) {
  detail::results_buffer b(out);
  std::string& s = b.s;
  auto chosen = detail::chosen_by_claim(g, reporting, options.claim);
  s += "{\"claims\": [";
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& r = *chosen[i];
    detail::open_json_line(s, i == 0, "circular");
    detail::append_json_ids(s, g, detail::sorted_by_id(g, r.circular));
    s += ", \"clusters\": [";
    struct cluster_ids {
      std::vector<std::uint32_t> mentions, origins;
      std::size_t report_count;
    };
    std::vector<cluster_ids> clusters;
    for (const auto& c : r.clusters) {
      clusters.push_back({detail::sorted_by_id(g, c.mentions), detail::sorted_by_id(g, c.origins), c.report_count});
    }
    std::sort(clusters.begin(), clusters.end(),
              [&](const auto& x, const auto& y) { return g.id(x.mentions.front()) < g.id(y.mentions.front()); });
    for (std::size_t j = 0; j < clusters.size(); ++j) {
      s += j ? ", {\"mentions\": " : "{\"mentions\": ";
      detail::append_json_ids(s, g, clusters[j].mentions);
      s += ", \"origins\": ";
      detail::append_json_ids(s, g, clusters[j].origins);
      s += ", \"report_count\": ";
      s += std::to_string(clusters[j].report_count);
      s += "}";
    }
    s += "], \"id\": ";
    detail::append_json_string(s, g[r.claim].id);
    s += ", \"independent_origins\": " + std::to_string(r.independent_origins);
    s += ", \"mention_count\": " + std::to_string(r.mentions.size()) + ", \"mentions\": ";
    detail::append_json_ids(s, g, detail::sorted_by_id(g, r.mentions));
    s += ", \"origins\": ";
    detail::append_json_ids(s, g, detail::sorted_by_id(g, r.origins));
    s += ", \"report_count\": " + std::to_string(r.report_count);
    s += ", \"unsourced_origins\": " + std::to_string(r.unsourced_origins) + "}";
    b.flush_if_large();
  }
  detail::close_json_lines(s, chosen.empty());
  b.flush();
}

/// Writes every attribution path of the chosen statements, as
/// `sourcetrace trace --json` does: `{"cycles": [...], "statements": [...]}`,
/// one object a line. A path stops where it reaches a cycle of derivations
/// (`trace_options::stop_at_cycles`; `origins(g)` is computed when the
/// options give none), and each cycle of the chosen claims is written once,
/// by name (`cycle_name`), with the keys `closed`, `id`, `inside` and
/// `leaving` (derivations, each `from`, `kind` and `to`) and `statements`:
/// the output stays linear in the size of the graph however long its cycles.
/// Statements come by id, with the keys `claim`, `id`, `paths` (each `end`,
/// `origin`, `loop` or `cycle`, with `cycle` naming the cycle it reached, and
/// `hops`, each `kind` and `to`, and `basis` where the corpus gives it, and
/// `rests_on_inference`, true when a hop's basis is `inferred`) and `truncated`. Each statement is traced as
/// it is written, so no more than one trace is held at a time.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
template <source_kind... Kinds>
void write_trace_json(std::ostream& out, const basic_provenance_graph<Kinds...>& g,
                      const trace_json_options& options = {}) {
  std::vector<std::uint32_t> statements;
  for (std::uint32_t v = 0; v < g.statement_count(); ++v) {
    if (options.claim && g[v].claim != *options.claim) continue;
    if (!options.all_statements && !is_report(g, v)) continue;
    statements.push_back(v);
  }
  statements = detail::sorted_by_id(g, std::move(statements));
  std::optional<origin_map> own;
  trace_options limits = options.trace;
  if (!limits.stop_at_cycles) limits.stop_at_cycles = &own.emplace(origins(g));
  const cycle_index index = index_cycles(g);
  const std::vector<std::uint32_t> shown = cycles_by_name(g, index, options.claim);

  detail::results_buffer b(out);
  std::string& s = b.s;
  auto hops = [&](const std::vector<hop>& hs) {
    s += '[';
    for (std::size_t j = 0; j < hs.size(); ++j) {
      s += j ? ", {\"from\": " : "{\"from\": ";
      detail::append_json_string(s, g.id(hs[j].from));
      s += ", \"kind\": ";
      detail::append_json_string(s, to_string(hs[j].kind));
      s += ", \"to\": ";
      detail::append_json_string(s, g.id(hs[j].to));
      s += "}";
    }
    s += ']';
  };
  s += "{\"cycles\": [";
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const cycle& c = index.loops[shown[k]];
    auto d = derivations_of(g, c);
    detail::open_json_line(s, k == 0, "closed");
    s += d.leaving.empty() ? "true" : "false";
    s += ", \"id\": ";
    detail::append_json_string(s, index.names[shown[k]]);
    s += ", \"inside\": ";
    hops(d.inside);
    s += ", \"leaving\": ";
    hops(d.leaving);
    s += ", \"statements\": ";
    detail::append_json_ids(s, g, detail::sorted_by_id(g, c));
    s += "}";
    b.flush_if_large();
  }
  s += shown.empty() ? "], \"statements\": [" : "\n], \"statements\": [";
  for (std::size_t k = 0; k < statements.size(); ++k) {
    auto v = statements[k];
    auto t = trace(g, v, limits);
    detail::open_json_line(s, k == 0, "claim");
    detail::append_json_string(s, g[g[v].claim].id);
    s += ", \"id\": ";
    detail::append_json_string(s, g.id(v));
    s += ", \"paths\": [";
    for (std::size_t i = 0; i < t.paths.size(); ++i) {
      const auto& p = t.paths[i];
      s += i ? ", {" : "{";
      if (p.end == path_end::cycle) {
        s += "\"cycle\": ";
        detail::append_json_string(s, index.name_of(p.last(v)));
        s += ", ";
      }
      s += "\"end\": ";
      detail::append_json_string(s, to_string(p.end));
      s += ", \"hops\": [";
      for (std::size_t j = 0; j < p.hops.size(); ++j) {
        s += j ? ", {" : "{";
        if (p.hops[j].basis != derivation_basis::unstated) {
          s += "\"basis\": ";
          detail::append_json_string(s, to_string(p.hops[j].basis));
          s += ", ";
        }
        s += "\"kind\": ";
        detail::append_json_string(s, to_string(p.hops[j].kind));
        s += ", \"to\": ";
        detail::append_json_string(s, g.id(p.hops[j].to));
        s += "}";
      }
      s += p.rests_on_inference() ? "], \"rests_on_inference\": true}" : "], \"rests_on_inference\": false}";
    }
    s += "], \"truncated\": ";
    s += t.truncated ? "true}" : "false}";
    b.flush_if_large();
  }
  detail::close_json_lines(s, statements.empty());
  b.flush();
}

/// Writes the timeline of every claim (or of `options.claim` only), as
/// `sourcetrace timeline --json` does:
/// `{"claims": [...]}`, one object a line, by claim id, with the keys
/// `first_report`, `id`, `last_report`, `origin_date` and `reports` (each
/// `date`, `delay_max`, `delay_min`, `id` (its first mention), `mentions`, `order_uncertain` (true when the
/// dates are too coarse to tell whether the report came before its origin)
/// and `origin`); what is unknown, or has no limit (a delay to an open-ended date), is
/// `null`. `times` is `timeline(g, origins(g))`, one entry per claim.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
template <source_kind... Kinds>
void write_timeline_json(std::ostream& out, const basic_provenance_graph<Kinds...>& g,
                         const std::vector<claim_timeline>& times, const results_json_options& options = {}) {
  detail::results_buffer b(out);
  std::string& s = b.s;
  auto chosen = detail::chosen_by_claim(g, times, options.claim);
  s += "{\"claims\": [";
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& t = *chosen[i];
    detail::open_json_line(s, i == 0, "first_report");
    detail::append_json_optional_date(s, t.first_report);
    s += ", \"id\": ";
    detail::append_json_string(s, g[t.claim].id);
    s += ", \"last_report\": ";
    detail::append_json_optional_date(s, t.last_report);
    s += ", \"origin_date\": ";
    detail::append_json_optional_date(s, t.origin_date);
    s += ", \"reports\": [";
    for (std::size_t j = 0; j < t.reports.size(); ++j) {
      const auto& rt = t.reports[j];
      s += j ? ", {\"date\": " : "{\"date\": ";
      detail::append_json_optional_date(s, rt.date);
      // A side without limit (a delay to an open-ended date) is null, like an unknown one.
      s += ", \"delay_max\": ";
      s += rt.delay && !rt.delay->open_max() ? std::to_string(rt.delay->max) : std::string("null");
      s += ", \"delay_min\": ";
      s += rt.delay && !rt.delay->open_min() ? std::to_string(rt.delay->min) : std::string("null");
      s += ", \"id\": ";
      detail::append_json_string(s, g.id(rt.report));
      s += ", \"mentions\": " + std::to_string(rt.mentions);
      s += ", \"order_uncertain\": ";
      s += rt.delay ? (order_uncertain(*rt.delay) ? "true" : "false") : "null";
      s += ", \"origin\": ";
      detail::append_json_optional_id(s, g, rt.origin);
      s += "}";
    }
    s += "]}";
    b.flush_if_large();
  }
  detail::close_json_lines(s, chosen.empty());
  b.flush();
}

/// Writes where statements of each claim disagree, as `sourcetrace drift
/// --json` does: `{"findings": [...]}`, one object a line, by claim id (a
/// claim's findings in the order `drift` gives them), with the keys `a`,
/// `along_chain`, `article`, `aspect`, `b`, `claim`, `kind` and `meet`; each version (`a`, `b`) has the keys
/// `entry` (hops, each `from`, `kind` and `to`), `given` (false for the
/// statements that give no figure or no date, whose `value` is then "no
/// figure" or "no date"), `statements` and `value`.
/// `findings` is `drift(g, origins(g))`.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
template <source_kind... Kinds>
void write_drift_json(std::ostream& out, const basic_provenance_graph<Kinds...>& g,
                      const std::vector<claim_drift>& findings, const results_json_options& options = {}) {
  detail::results_buffer b(out);
  std::string& s = b.s;
  auto version = [&](const drift_version& v) {
    s += "{\"entry\": [";
    for (std::size_t i = 0; i < v.entry.size(); ++i) {
      s += i ? ", {\"from\": " : "{\"from\": ";
      detail::append_json_string(s, g.id(v.entry[i].from));
      s += ", \"kind\": ";
      detail::append_json_string(s, to_string(v.entry[i].kind));
      s += ", \"to\": ";
      detail::append_json_string(s, g.id(v.entry[i].to));
      s += "}";
    }
    s += v.given ? "], \"given\": true" : "], \"given\": false";
    s += ", \"statements\": ";
    detail::append_json_ids(s, g, detail::sorted_by_id(g, v.statements));
    s += ", \"value\": ";
    detail::append_json_string(s, v.value);
    s += "}";
  };
  bool first = true;
  s += "{\"findings\": [";
  for (const claim_drift* per_claim : detail::chosen_by_claim(g, findings, options.claim)) {
    for (const drift_finding& f : per_claim->findings) {
      detail::open_json_line(s, first, "a");
      first = false;
      version(f.a);
      s += f.along_chain ? ", \"along_chain\": true" : ", \"along_chain\": false";
      s += ", \"article\": ";
      if (f.article.valid()) {
        detail::append_json_string(s, g[f.article].id);
      } else {
        s += "null";
      }
      s += ", \"aspect\": ";
      detail::append_json_string(s, to_string(f.aspect));
      s += ", \"b\": ";
      version(f.b);
      s += ", \"claim\": ";
      detail::append_json_string(s, g[f.claim].id);
      s += ", \"kind\": ";
      detail::append_json_string(s, to_string(f.kind));
      s += ", \"meet\": ";
      detail::append_json_optional_id(s, g, f.meet);
      s += "}";
      b.flush_if_large();
    }
  }
  detail::close_json_lines(s, first);
  b.flush();
}

/// Writes the credibility grade of each claim, as `sourcetrace grade --json`
/// does: `{"claims": [...]}`, one object a line, by claim id, with the keys
/// `grade` (1 to 6), `id`, `label` and `reason`. `grades` is `grade(g)`.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
template <source_kind... Kinds>
void write_grade_json(std::ostream& out, const basic_provenance_graph<Kinds...>& g,
                      const std::vector<claim_grade>& grades, const results_json_options& options = {}) {
  detail::results_buffer b(out);
  std::string& s = b.s;
  auto chosen = detail::chosen_by_claim(g, grades, options.claim);
  s += "{\"claims\": [";
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& cg = *chosen[i];
    detail::open_json_line(s, i == 0, "grade");
    s += std::to_string(static_cast<int>(cg.grade)) + ", \"id\": ";
    detail::append_json_string(s, g[cg.claim].id);
    s += ", \"label\": ";
    detail::append_json_string(s, to_string(cg.grade));
    s += ", \"reason\": ";
    detail::append_json_string(s, cg.reason);
    s += "}";
    b.flush_if_large();
  }
  detail::close_json_lines(s, chosen.empty());
  b.flush();
}

/// Writes the figure `parse_quantity(text)` found, as one line of
/// `sourcetrace quantity` does: `to_json(*q)`, or, when `text` holds no
/// figure, an object with `text` and the keys `lower`, `upper`, `unit` and
/// `qualifier` all `null`. Writes no newline.
/// @throws what `out` throws on a failed write, if its exceptions are enabled.
inline void write_quantity_json(std::ostream& out, std::string_view text, const std::optional<quantity>& q) {
  std::string s;
  if (q) {
    s = to_json(*q);
  } else {
    s = "{\"text\": ";
    detail::append_json_string(s, text);
    s += ", \"lower\": null, \"upper\": null, \"unit\": null, \"qualifier\": null}";
  }
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

}  // namespace sourcetrace
