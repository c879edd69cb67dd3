// SPDX-License-Identifier: BSL-1.0
//
// The `sourcetrace` command: check, report, trace, origins, duplicates,
// timeline, drift, grade, export, import, render, when, quantity. Documented in
// docs/cli.md. Exit codes: 0 success, 1 an analysis found what a flag asked to
// fail on, 2 bad input or usage.

#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>
#include <sourcetrace/sourcetrace.hpp>

#include <CLI/CLI.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace st = sourcetrace;
using st::detail::append_json_string;

namespace {

constexpr int exit_ok = 0;
constexpr int exit_found = 1;
constexpr int exit_bad_input = 2;

// Output is built in a string and written in large pieces: at archive scale
// per-line stream writes dominate.
class output {
 public:
  std::string& buffer() { return s_; }
  void flush_if_large() {
    if (s_.size() > (1u << 20)) flush();
  }
  void flush() {
    std::fwrite(s_.data(), 1, s_.size(), stdout);
    s_.clear();
  }
  ~output() { flush(); }

 private:
  std::string s_;
};

// Reads a corpus, showing progress on a terminal when reading takes more than a second.
st::provenance_graph load(const std::string& file, const std::string& format) {
  st::read_options options;
  if (format == "json") options.format = st::corpus_format::json;
  if (format == "jsonl") options.format = st::corpus_format::json_lines;
  if (isatty(STDERR_FILENO)) {
    auto start = std::chrono::steady_clock::now();
    options.progress = [start, file, shown = false](std::size_t done, std::size_t total) mutable {
      if (!shown && std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
      shown = true;
      int percent = total == 0 ? 100 : static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
      std::fprintf(stderr, "\rreading %s: %d%%%s", file.c_str(), percent, done == total ? "\n" : "");
    };
  }
  return st::read_corpus_file(file, std::move(options));
}

std::vector<std::uint32_t> sorted_by_id(const st::provenance_graph& g, std::vector<std::uint32_t> vs) {
  std::sort(vs.begin(), vs.end(), [&](auto a, auto b) { return g.id(a) < g.id(b); });
  return vs;
}

void json_id_array(std::string& s, const st::provenance_graph& g, const std::vector<std::uint32_t>& vs) {
  s += '[';
  for (std::size_t i = 0; i < vs.size(); ++i) {
    if (i) s += ", ";
    append_json_string(s, g.id(vs[i]));
  }
  s += ']';
}

// The statements a subcommand works on: every statement, or those of one claim.
std::vector<std::uint32_t> selected(const st::provenance_graph& g, const std::string& claim, bool reports_only) {
  std::optional<st::claim_handle> only;
  if (!claim.empty()) {
    only = g.find_claim(claim);
    if (!only) throw st::error::unknown_id("claim", claim);
  }
  std::vector<std::uint32_t> out;
  for (std::uint32_t v = 0; v < g.statement_count(); ++v) {
    if (only && g[v].claim != *only) continue;
    if (reports_only && !st::is_report(g, v)) continue;
    out.push_back(v);
  }
  return sorted_by_id(g, std::move(out));
}

int cmd_check(const std::string& file, const std::string& format, bool fail_on_cycles) {
  try {
    auto g = load(file, format);
    auto loops = st::cycles(g);
    std::printf("%s: valid: %zu agents, %zu events, %zu claims, %zu statements, %zu derivations, %zu cycles\n",
                file.c_str(), g.agent_count(), g.event_count(), g.claim_count(), g.statement_count(),
                g.derivation_count(), loops.size());
    return fail_on_cycles && !loops.empty() ? exit_found : exit_ok;
  } catch (const st::corpus_error& e) {
    for (const auto& p : e.problems()) std::printf("%s\n", p.what());
    std::printf("%s: invalid: %zu %s, nothing loaded\n", file.c_str(), e.problems().size(),
                e.problems().size() == 1 ? "problem" : "problems");
    return exit_bad_input;
  }
}

int cmd_trace(const std::string& file, const std::string& format, const std::string& claim, bool all, bool json,
              std::size_t max_paths) {
  auto g = load(file, format);
  output out;
  std::string& s = out.buffer();
  auto statements = selected(g, claim, !all);
  if (json) s += "{\"statements\": [";
  bool first = true;
  for (auto v : statements) {
    auto t = st::trace(g, v, {.max_paths = max_paths});
    if (json) {
      s += first ? "\n  {\"claim\": " : ",\n  {\"claim\": ";
      append_json_string(s, g[g[v].claim].id);
      s += ", \"id\": ";
      append_json_string(s, g.id(v));
      s += ", \"paths\": [";
      for (std::size_t i = 0; i < t.paths.size(); ++i) {
        const auto& p = t.paths[i];
        s += i ? ", {\"end\": " : "{\"end\": ";
        append_json_string(s, p.end == st::path_end::origin ? "origin" : "loop");
        s += ", \"hops\": [";
        for (std::size_t j = 0; j < p.hops.size(); ++j) {
          s += j ? ", {\"kind\": " : "{\"kind\": ";
          append_json_string(s, st::to_string(p.hops[j].kind));
          s += ", \"to\": ";
          append_json_string(s, g.id(p.hops[j].to));
          s += "}";
        }
        s += "]}";
      }
      s += "], \"truncated\": ";
      s += t.truncated ? "true}" : "false}";
    } else {
      s += g.id(v);
      s += "\n";
      for (const auto& p : t.paths) {
        s += "  ";
        if (p.hops.empty()) s += "(names no source)";
        for (const auto& h : p.hops) {
          s += (&h == &p.hops.front() ? "-" : " -") + std::string(st::to_string(h.kind)) + "-> ";
          s += g.id(h.to);
        }
        if (p.end == st::path_end::loop) s += " (loops back: circular reporting)";
        s += "\n";
      }
      if (t.truncated) s += "  ... stopped after " + std::to_string(max_paths) + " paths (--max-paths)\n";
    }
    first = false;
    out.flush_if_large();
  }
  if (json) s += first ? "]}\n" : "\n]}\n";
  return exit_ok;
}

int cmd_origins(const std::string& file, const std::string& format, bool json, bool fail_on_cycles) {
  auto g = load(file, format);
  auto m = st::origins(g);
  auto loops = st::cycles(g);
  output out;
  std::string& s = out.buffer();
  std::vector<std::uint32_t> all(g.statement_count());
  for (std::uint32_t v = 0; v < all.size(); ++v) all[v] = v;
  all = sorted_by_id(g, std::move(all));
  std::vector<std::uint32_t> unsourced;
  for (auto v : all) {
    if (m.is_unsourced(v)) unsourced.push_back(v);
  }
  // Each cycle's ids sorted, then the cycles by their first id.
  std::vector<std::vector<std::uint32_t>> cycles_sorted;
  cycles_sorted.reserve(loops.size());
  for (const auto& c : loops) cycles_sorted.push_back(sorted_by_id(g, c));
  std::sort(cycles_sorted.begin(), cycles_sorted.end(),
            [&](const auto& a, const auto& b) { return g.id(a.front()) < g.id(b.front()); });
  if (json) {
    s += "{\"cycles\": [";
    for (std::size_t i = 0; i < cycles_sorted.size(); ++i) {
      if (i) s += ", ";
      json_id_array(s, g, cycles_sorted[i]);
    }
    s += "],\n \"origins\": {";
    for (std::size_t i = 0; i < all.size(); ++i) {
      s += i ? ",\n  " : "\n  ";
      append_json_string(s, g.id(all[i]));
      s += ": ";
      auto set = m.of(all[i]);
      json_id_array(s, g, sorted_by_id(g, {set.begin(), set.end()}));
      out.flush_if_large();
    }
    s += all.empty() ? "},\n \"unsourced\": " : "\n },\n \"unsourced\": ";
    json_id_array(s, g, unsourced);
    s += "}\n";
  } else {
    for (auto v : all) {
      s += g.id(v);
      s += ":";
      auto set = sorted_by_id(g, {m.of(v).begin(), m.of(v).end()});
      if (set.empty()) s += " (no origin: rests on a closed cycle)";
      for (auto o : set) {
        s += " ";
        s += g.id(o);
        if (m.is_unsourced(o)) s += " [unsourced]";
      }
      s += "\n";
      out.flush_if_large();
    }
    s += "cycles: " + std::to_string(cycles_sorted.size()) + "\n";
    for (const auto& c : cycles_sorted) {
      s += " ";
      for (auto v : c) s += " " + std::string(g.id(v));
      s += "\n";
    }
  }
  return fail_on_cycles && !loops.empty() ? exit_found : exit_ok;
}

int cmd_duplicates(const std::string& file, const std::string& format, const std::string& claim, bool json) {
  auto g = load(file, format);
  auto m = st::origins(g);
  auto all = st::duplicates(g, m);
  std::vector<const st::claim_reporting*> chosen;
  for (const auto& r : all) {
    if (claim.empty() || g[r.claim].id == claim) chosen.push_back(&r);
  }
  if (!claim.empty() && chosen.empty()) throw st::error::unknown_id("claim", claim);
  std::sort(chosen.begin(), chosen.end(), [&](auto a, auto b) { return g[a->claim].id < g[b->claim].id; });
  output out;
  std::string& s = out.buffer();
  if (json) s += "{\"claims\": [";
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& r = *chosen[i];
    if (json) {
      s += i ? ",\n  {\"circular\": " : "\n  {\"circular\": ";
      json_id_array(s, g, sorted_by_id(g, r.circular));
      s += ", \"clusters\": [";
      std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> clusters;
      for (const auto& c : r.clusters) clusters.emplace_back(sorted_by_id(g, c.reports), sorted_by_id(g, c.origins));
      std::sort(clusters.begin(), clusters.end(),
                [&](const auto& a, const auto& b) { return g.id(a.first.front()) < g.id(b.first.front()); });
      for (std::size_t j = 0; j < clusters.size(); ++j) {
        s += j ? ", {\"origins\": " : "{\"origins\": ";
        json_id_array(s, g, clusters[j].second);
        s += ", \"reports\": ";
        json_id_array(s, g, clusters[j].first);
        s += "}";
      }
      s += "], \"id\": ";
      append_json_string(s, g[r.claim].id);
      s += ", \"independent_origins\": " + std::to_string(r.independent_origins) + ", \"origins\": ";
      json_id_array(s, g, sorted_by_id(g, r.origins));
      s += ", \"reports\": ";
      json_id_array(s, g, sorted_by_id(g, r.reports));
      s += ", \"unsourced_origins\": " + std::to_string(r.unsourced_origins) + "}";
    } else {
      s += g[r.claim].id + ": " + st::summary(r) + "\n";
      for (std::size_t j = 0; j < r.clusters.size(); ++j) {
        const auto& c = r.clusters[j];
        s += "  cluster " + std::to_string(j + 1) + ":";
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
        for (auto v : sorted_by_id(g, c.reports)) s += " " + std::string(g.id(v));
        s += "\n    rests on:";
        for (auto o : sorted_by_id(g, c.origins)) {
          s += " " + std::string(g.id(o));
          if (m.is_unsourced(o)) s += " [unsourced]";
        }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
        s += "\n";
      }
      if (!r.circular.empty()) {
        s += "  on a closed cycle:";
        for (auto v : sorted_by_id(g, r.circular)) s += " " + std::string(g.id(v));
        s += "\n";
      }
    }
    out.flush_if_large();
  }
  if (json) s += chosen.empty() ? "]}\n" : "\n]}\n";
  return exit_ok;
}

void json_optional_date(std::string& s, const std::optional<st::partial_date>& d) {
  if (d)
    append_json_string(s, d->to_string());
  else
    s += "null";
}

std::vector<std::uint32_t> claims_by_id(const st::provenance_graph& g) {
  std::vector<std::uint32_t> out(g.claim_count());
  for (std::uint32_t c = 0; c < out.size(); ++c) out[c] = c;
  std::sort(out.begin(), out.end(),
            [&](auto a, auto b) { return g[st::claim_handle{a}].id < g[st::claim_handle{b}].id; });
  return out;
}

int cmd_timeline(const std::string& file, const std::string& format, bool json) {
  auto g = load(file, format);
  auto times = st::timeline(g, st::origins(g));
  output out;
  std::string& s = out.buffer();
  auto order = claims_by_id(g);
  if (json) s += "{\"claims\": [";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& t = times[order[i]];
    const std::string& id = g[t.claim].id;
    if (json) {
      s += i ? ",\n  {\"first_report\": " : "\n  {\"first_report\": ";
      json_optional_date(s, t.first_report);
      s += ", \"id\": ";
      append_json_string(s, id);
      s += ", \"last_report\": ";
      json_optional_date(s, t.last_report);
      s += ", \"origin_date\": ";
      json_optional_date(s, t.origin_date);
      s += ", \"reports\": [";
      for (std::size_t j = 0; j < t.reports.size(); ++j) {
        const auto& rt = t.reports[j];
        s += j ? ", {\"date\": " : "{\"date\": ";
        json_optional_date(s, rt.date);
        s += ", \"delay_max\": " + (rt.delay ? std::to_string(rt.delay->max) : std::string("null"));
        s += ", \"delay_min\": " + (rt.delay ? std::to_string(rt.delay->min) : std::string("null"));
        s += ", \"id\": ";
        append_json_string(s, g.id(rt.report));
        s += ", \"order_uncertain\": ";
        s += rt.delay ? (st::order_uncertain(*rt.delay) ? "true" : "false") : "null";
        s += ", \"origin\": ";
        if (rt.origin)
          append_json_string(s, g.id(*rt.origin));
        else
          s += "null";
        s += "}";
      }
      s += "]}";
    } else {
      s += id + ": origin " + (t.origin_date ? t.origin_date->to_string() : "undated") + ", first report " +
           (t.first_report ? t.first_report->to_string() : "undated") + ", last report " +
           (t.last_report ? t.last_report->to_string() : "undated") + "\n";
      for (const auto& rt : t.reports) {
        s += "  " + (rt.date ? rt.date->to_string() : std::string("undated")) + "  ";
        s += rt.delay ? st::describe_delay(*rt.delay) : std::string("delay unknown");
        s += "  " + std::string(g.id(rt.report)) + "\n";
      }
    }
    out.flush_if_large();
  }
  if (json) s += order.empty() ? "]}\n" : "\n]}\n";
  return exit_ok;
}

int cmd_drift(const std::string& file, const std::string& format, const std::string& claim, bool json) {
  auto g = load(file, format);
  auto findings = st::drift(g, st::origins(g));
  if (!claim.empty() && !g.find_claim(claim)) throw st::error::unknown_id("claim", claim);
  std::vector<const st::drift_finding*> chosen;
  for (const auto& f : findings) {
    if (claim.empty() || g[f.claim].id == claim) chosen.push_back(&f);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](auto a, auto b) { return g[a->claim].id < g[b->claim].id; });
  output out;
  std::string& s = out.buffer();
  auto version = [&](const st::drift_version& v) {
    s += "{\"entry\": [";
    for (std::size_t i = 0; i < v.entry.size(); ++i) {
      s += i ? ", {\"from\": " : "{\"from\": ";
      append_json_string(s, g.id(v.entry[i].from));
      s += ", \"kind\": ";
      append_json_string(s, st::to_string(v.entry[i].kind));
      s += ", \"to\": ";
      append_json_string(s, g.id(v.entry[i].to));
      s += "}";
    }
    s += "], \"statements\": ";
    json_id_array(s, g, sorted_by_id(g, v.statements));
    s += ", \"value\": ";
    append_json_string(s, v.value);
    s += "}";
  };
  auto hops = [&](const std::vector<st::hop>& hs) {
    std::string h;
    for (std::size_t i = 0; i < hs.size(); ++i) {
      h += (i ? ", " : "") + std::string(g.id(hs[i].from)) + " -" + std::string(st::to_string(hs[i].kind)) + "-> " +
           std::string(g.id(hs[i].to));
    }
    return h;
  };
  if (json) s += "{\"findings\": [";
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& f = *chosen[i];
    if (json) {
      s += i ? ",\n  {\"a\": " : "\n  {\"a\": ";
      version(f.a);
      s += ", \"aspect\": ";
      append_json_string(s, st::to_string(f.aspect));
      s += ", \"b\": ";
      version(f.b);
      s += ", \"claim\": ";
      append_json_string(s, g[f.claim].id);
      s += ", \"kind\": ";
      append_json_string(s, st::to_string(f.kind));
      s += ", \"meet\": ";
      if (f.meet)
        append_json_string(s, g.id(*f.meet));
      else
        s += "null";
      s += "}";
    } else {
      s += g[f.claim].id + ": " + std::string(st::to_string(f.aspect)) + " " + std::string(st::to_string(f.kind)) +
           ": " + f.a.value + " vs " + f.b.value + "\n";
      s += "  \"" + f.a.value + "\":";
      for (auto v : sorted_by_id(g, f.a.statements)) s += " " + std::string(g.id(v));
      s += "\n  \"" + f.b.value + "\":";
      for (auto v : sorted_by_id(g, f.b.statements)) s += " " + std::string(g.id(v));
      s += "\n";
      if (f.aspect == st::drift_aspect::modality) {
        s += "  changed between: " + hops(f.a.entry) + "\n";
      } else if (f.meet) {
        s += "  both rest on " + std::string(g.id(*f.meet)) + "\n  \"" + f.a.value + "\" enters at " + hops(f.a.entry) +
             "\n  \"" + f.b.value + "\" enters at " + hops(f.b.entry) + "\n";
      } else {
        s += "  from independent origins\n";
      }
    }
  }
  if (json)
    s += chosen.empty() ? "]}\n" : "\n]}\n";
  else if (chosen.empty())
    s += "no drift\n";
  return exit_ok;
}

int cmd_grade(const std::string& file, const std::string& format, const std::string& claim, bool json) {
  auto g = load(file, format);
  auto grades = st::grade(g);
  if (!claim.empty() && !g.find_claim(claim)) throw st::error::unknown_id("claim", claim);
  output out;
  std::string& s = out.buffer();
  auto order = claims_by_id(g);
  if (json) s += "{\"claims\": [";
  bool first = true;
  for (auto c : order) {
    const auto& cg = grades[c];
    if (!claim.empty() && g[cg.claim].id != claim) continue;
    if (json) {
      s += first ? "\n  {\"grade\": " : ",\n  {\"grade\": ";
      s += std::to_string(static_cast<int>(cg.grade)) + ", \"id\": ";
      append_json_string(s, g[cg.claim].id);
      s += ", \"label\": ";
      append_json_string(s, st::to_string(cg.grade));
      s += ", \"reason\": ";
      append_json_string(s, cg.reason);
      s += "}";
    } else {
      s += g[cg.claim].id + ": " + std::to_string(static_cast<int>(cg.grade)) + " (" +
           std::string(st::to_string(cg.grade)) + ") " + cg.reason + "\n";
    }
    first = false;
  }
  if (json) s += first ? "]}\n" : "\n]}\n";
  return exit_ok;
}

// Writes `text` to `path`, or to standard output if `path` is empty or "-".
void write_out(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw st::error("cannot write " + path);
}

int cmd_export(const std::string& file, const std::string& format, const std::string& to,
               const std::string& output_path) {
  auto g = load(file, format);
  std::ostringstream out;
  if (to == "prov-json")
    st::write_prov_json(out, g);
  else if (to == "prov-n")
    st::write_prov_n(out, g);
  else if (to == "graphml")
    st::write_graphml(out, g);
  else if (to == "dot")
    st::write_dot(out, g);
  else if (to == "corpus")
    st::write_corpus(out, g);
  write_out(output_path, out.str());
  return exit_ok;
}

int cmd_import(const std::string& file, const std::string& from, const std::string& output_path, bool strict) {
  std::string text;
  if (file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw st::error("cannot open " + file);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  std::string name = file == "-" ? "<stdin>" : file;
  std::string kind = from;
  if (kind.empty()) {
    if (file.ends_with(".provn")) {
      kind = "prov-n";
    } else if (file.ends_with(".json") || file.ends_with(".provjson")) {
      kind = "prov-json";
    } else {
      // Sniff past blanks and comments: PROV-N opens with `document`, PROV-JSON with `{`.
      std::size_t i = 0;
      for (;;) {
        i = text.find_first_not_of(" \t\r\n", i);
        if (i == std::string::npos) break;
        if (text.compare(i, 2, "//") == 0) {
          i = text.find('\n', i);
        } else if (text.compare(i, 2, "/*") == 0) {
          i = text.find("*/", i);
          if (i != std::string::npos) i += 2;
        } else {
          break;
        }
        if (i == std::string::npos) break;
      }
      if (i == std::string::npos) throw st::error(name + ": empty input: expected PROV-JSON or PROV-N");
      kind = text[i] == '{' ? "prov-json" : "prov-n";
    }
  }
  auto doc = kind == "prov-n" ? st::read_prov_n(text, name) : st::read_prov_json(text, name);
  auto result = st::import_prov(doc);
  for (const auto& issue : result.issues) {
    std::fprintf(stderr, "%s:%zu:%zu: not imported: %s\n", name.c_str(), issue.where.line, issue.where.column,
                 issue.message.c_str());
  }
  std::ostringstream out;
  st::write_corpus(out, result.graph);
  write_out(output_path, out.str());
  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::fprintf(stderr, "%s: imported %s, %s; %s not imported\n", name.c_str(),
               count(result.graph.statement_count(), "statement", "statements").c_str(),
               count(result.graph.derivation_count(), "derivation", "derivations").c_str(),
               count(result.issues.size(), "record", "records").c_str());
  return strict && !result.issues.empty() ? exit_found : exit_ok;
}

int cmd_render(const std::string& file, const std::string& format, const std::string& output_path,
               const std::string& claim) {
  auto g = load(file, format);
  st::dot_options options;
  if (!claim.empty()) {
    auto c = g.find_claim(claim);
    if (!c) throw st::error::unknown_id("claim", claim);
    options.claim = *c;
  }
  std::ostringstream dot;
  st::write_dot(dot, g, options);
  std::string type = "svg";
  if (auto dotpos = output_path.rfind('.'); dotpos != std::string::npos) type = output_path.substr(dotpos + 1);
  if (type != "svg" && type != "png" && type != "pdf") {
    throw st::error("cannot render " + output_path + ": expected a file name ending in .svg, .png or .pdf");
  }
  // Hand the DOT text to graphviz through a temporary file.
  char tmp[] = "/tmp/sourcetrace-render-XXXXXX";
  int fd = mkstemp(tmp);
  if (fd < 0) throw st::error(std::string("cannot create a temporary file: ") + std::strerror(errno));
  std::string text = dot.str();
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written) {
    std::remove(tmp);
    throw st::error("cannot write a temporary file");
  }
  std::string flag = "-T" + type;
  const char* args[] = {"dot", flag.c_str(), "-o", output_path.c_str(), tmp, nullptr};
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "dot", nullptr, nullptr, const_cast<char* const*>(args), environ);
  if (rc != 0) {
    std::remove(tmp);
    if (rc == ENOENT) {
      throw st::error(
          "graphviz's dot is not on PATH: install graphviz (apt-get install graphviz), or write DOT with "
          "`sourcetrace export FILE --to dot` and render it elsewhere");
    }
    throw st::error(std::string("cannot run dot: ") + std::strerror(rc));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::remove(tmp);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw st::error("dot failed to render " + output_path);
  std::fprintf(stderr, "wrote %s\n", output_path.c_str());
  return exit_ok;
}

int cmd_report(const std::string& file, const std::string& format) {
  auto g = load(file, format);
  std::ostringstream text;
  st::write_report(text, g);
  std::fputs(text.str().c_str(), stdout);
  return exit_ok;
}

int cmd_when(const std::string& published, const std::vector<std::string>& expressions, bool explain) {
  auto d = st::partial_date::parse(published);
  if (!d.is_day()) throw st::error::invalid_date(published, "--published must be a day, YYYY-MM-DD");
  for (const auto& e : expressions) {
    auto r = st::resolve_date(e, d.first());
    std::string line = r.value ? r.value->to_string() : "unresolved";
    if (explain) line += "\t" + e + "\t" + r.rule;
    std::printf("%s\n", line.c_str());
  }
  return exit_ok;
}

int cmd_quantity(const std::vector<std::string>& expressions) {
  for (const auto& e : expressions) {
    auto q = st::parse_quantity(e);
    if (q) {
      std::printf("%s\n", st::to_json(*q).c_str());
    } else {
      std::string s = "{\"text\": ";
      append_json_string(s, e);
      s += ", \"lower\": null, \"upper\": null, \"unit\": null, \"qualifier\": null}";
      std::printf("%s\n", s.c_str());
    }
  }
  return exit_ok;
}

}  // namespace

int run(int argc, char** argv);

// Runs the command; output that could not be written is an error, not a success.
// run() turns every error it can into an exit code; what may still escape is
// std::bad_alloc, for which terminating is the right answer.
// NOLINTNEXTLINE(bugprone-exception-escape)
int main(int argc, char** argv) {
  int rc = run(argc, argv);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "sourcetrace: cannot write the output: %s\n", std::strerror(errno));
    return exit_bad_input;
  }
  return rc;
}

int run(int argc, char** argv) {
  CLI::App app{"sourcetrace: trace news claims to their origins; find duplicated and circular reporting"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sourcetrace 0.1.0");

  std::string file, format, claim;
  bool json = false, fail_on_cycles = false, all = false, explain = false;
  std::size_t max_paths = 1000;
  auto add_file = [&](CLI::App* sub) {
    sub->add_option("FILE", file, "corpus: JSON (.json), JSON Lines (.jsonl, .ndjson), or - for standard input")
        ->required();
    sub->add_option("--format", format, "json or jsonl; default: from the extension, else sniffed")
        ->check(CLI::IsMember({"json", "jsonl"}));
  };

  auto* check = app.add_subcommand("check", "validate a corpus and print every problem (exit 2 if any)");
  add_file(check);
  check->add_flag("--fail-on-cycles", fail_on_cycles, "exit 1 if the corpus has circular reporting");

  auto* trace = app.add_subcommand("trace", "print every attribution path of each report back to its origins");
  add_file(trace);
  trace->add_option("--claim", claim, "only the statements of this claim");
  trace->add_flag("--all", all, "every statement, not only reports");
  trace->add_flag("--json", json, "JSON output (sorted, deterministic)");
  trace->add_option("--max-paths", max_paths, "stop after this many paths per statement")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));

  auto* origins = app.add_subcommand("origins", "print the origins of every statement, the unsourced, and cycles");
  add_file(origins);
  origins->add_flag("--json", json, "JSON output: {\"cycles\", \"origins\", \"unsourced\"}, keys and ids sorted");
  origins->add_flag("--fail-on-cycles", fail_on_cycles, "exit 1 if the corpus has circular reporting");

  auto* dups = app.add_subcommand("duplicates", "per claim: reports grouped by shared origin, independent origins");
  add_file(dups);
  dups->add_option("--claim", claim, "only this claim");
  dups->add_flag("--json", json, "JSON output (sorted, deterministic)");

  auto* report = app.add_subcommand("report", "the full report a person reads: claims, paths, origins, timeline");
  add_file(report);

  auto* timeline = app.add_subcommand("timeline", "per claim: origin date, first and last report, delay to each");
  add_file(timeline);
  timeline->add_flag("--json", json, "JSON output (sorted, deterministic)");

  auto* drift = app.add_subcommand("drift", "where reports of a claim disagree, and the hop where it entered");
  add_file(drift);
  drift->add_option("--claim", claim, "only this claim");
  drift->add_flag("--json", json, "JSON output (sorted, deterministic)");

  auto* grade = app.add_subcommand("grade", "a credibility grade per claim (1 confirmed .. 6 cannot be judged)");
  add_file(grade);
  grade->add_option("--claim", claim, "only this claim");
  grade->add_flag("--json", json, "JSON output (sorted, deterministic)");

  std::string to, from, output_path;
  bool strict = false;
  auto* exporter = app.add_subcommand("export", "write the corpus as PROV-JSON, PROV-N, GraphML, DOT or a corpus");
  add_file(exporter);
  exporter->add_option("--to", to, "the format to write")
      ->required()
      ->check(CLI::IsMember({"prov-json", "prov-n", "graphml", "dot", "corpus"}));
  exporter->add_option("-o,--output", output_path, "output file; default: standard output");

  auto* importer = app.add_subcommand("import", "read W3C PROV (PROV-JSON or PROV-N) and write a corpus");
  importer->add_option("FILE", file, "a PROV-JSON or PROV-N file, or - for standard input")->required();
  importer->add_option("--from", from, "prov-json or prov-n; default: from the extension or the text")
      ->check(CLI::IsMember({"prov-json", "prov-n"}));
  importer->add_option("-o,--output", output_path, "the corpus to write; default: standard output");
  importer->add_flag("--strict", strict, "exit 1 if any record could not be imported");

  auto* render = app.add_subcommand("render", "draw the provenance graph with graphviz (SVG, PNG or PDF)");
  add_file(render);
  render->add_option("-o,--output", output_path, "the picture to write: .svg, .png or .pdf")->required();
  render->add_option("--claim", claim, "draw only this claim");

  std::string published;
  std::vector<std::string> expressions;
  auto* when = app.add_subcommand("when", "resolve date expressions against a publication date");
  when->add_option("--published", published, "the document's publication date, YYYY-MM-DD")->required();
  when->add_option("EXPR", expressions, "expressions such as \"last Thursday\"")->required();
  when->add_flag("--explain", explain, "also print the expression and the rule applied, tab-separated");

  auto* quantity = app.add_subcommand("quantity", "parse figures as news states them; one JSON object per line");
  quantity->add_option("EXPR", expressions, "expressions such as \"more than 10 million\"")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_bad_input;
  }

  try {
    if (*check) return cmd_check(file, format, fail_on_cycles);
    if (*trace) return cmd_trace(file, format, claim, all, json, max_paths);
    if (*origins) return cmd_origins(file, format, json, fail_on_cycles);
    if (*dups) return cmd_duplicates(file, format, claim, json);
    if (*report) return cmd_report(file, format);
    if (*exporter) return cmd_export(file, format, to, output_path);
    if (*importer) return cmd_import(file, from, output_path, strict);
    if (*render) return cmd_render(file, format, output_path, claim);
    if (*timeline) return cmd_timeline(file, format, json);
    if (*drift) return cmd_drift(file, format, claim, json);
    if (*grade) return cmd_grade(file, format, claim, json);
    if (*when) return cmd_when(published, expressions, explain);
    if (*quantity) return cmd_quantity(expressions);
  } catch (const st::corpus_error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return exit_bad_input;
  } catch (const st::error& e) {
    std::fprintf(stderr, "sourcetrace: %s\n", e.what());
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sourcetrace: %s\n", e.what());
    return exit_bad_input;
  }
  return exit_bad_input;
}
