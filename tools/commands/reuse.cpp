// SPDX-License-Identifier: BSL-1.0
// sourcetrace reuse: find the articles of a set that copy text from one
// another without saying so, with who copied whom by publication date.

#include "../articles.hpp"
#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/io/atomic_file.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/text/extract.hpp>
#include <sourcetrace/text/reuse.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace sourcetrace_cli {
namespace {

struct reuse_cli_options {
  article_flags articles;
  double threshold = st::reuse_options{}.jaccard;
  double containment = st::reuse_options{}.containment;
  bool json = false;
  std::string out;
  std::string into;  // a corpus to add the copies to
};

bool is_corpus_path(const std::string& p) {
  for (std::string_view ext : {".json", ".jsonl", ".ndjson"}) {
    if (p.size() > ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0) return true;
  }
  return false;
}

// One article of the set: where it was read and when it appeared.
struct reuse_article {
  std::string path;
  std::string outlet;
  std::string url;
  std::optional<st::greg::date> published;
  std::string site;  // the host of its url, or else its outlet: whose furniture it carries
  std::string text;
};

// The host of `url` ("https://a.test/x" gives "a.test"), or the outlet.
std::string site_of(const st::manifest_entry& e) {
  std::string_view u = e.url;
  if (const auto scheme = u.find("://"); scheme != std::string_view::npos) {
    u.remove_prefix(scheme + 3);
    u = u.substr(0, u.find_first_of("/?#"));
    if (!u.empty()) return std::string(u);
  }
  return e.outlet;
}

std::string fixed3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

// The articles a corpus names: each publication event that `extract` marked
// with the file it read, that file found as written or in the corpus's folder.
std::vector<st::manifest_entry> articles_in(const st::provenance_graph& g, const std::string& corpus) {
  std::vector<st::manifest_entry> out;
  const auto base = std::filesystem::path(corpus).parent_path();
  for (std::uint32_t i = 0; i < g.event_count(); ++i) {
    const st::event& e = g[st::event_handle{i}];
    const st::extraction_mark* m = g.extracted(e.id);
    if (!e.kind.traits().publication || !m || m->file.empty()) continue;
    std::string file = m->file;
    if (!std::filesystem::exists(file) && !std::filesystem::path(file).is_absolute() && !base.empty() &&
        std::filesystem::exists(base / file))
      file = (base / file).string();
    st::manifest_entry entry{file, e.host.valid() ? g[e.host].name : std::string(), std::nullopt, e.info.url, 0};
    if (e.date && e.date->is_day()) entry.published = e.date->first();
    out.push_back(std::move(entry));
  }
  if (out.empty())
    throw st::error("reuse: " + corpus + " names no article text: none of its publications is marked with the file " +
                    "`extract` read");
  return out;
}

std::vector<reuse_article> read_articles(const reuse_cli_options& o, const st::provenance_graph* corpus,
                                         bool progress) {
  std::vector<st::manifest_entry> entries;
  const bool one_corpus = o.articles.files.size() == 1 && is_corpus_path(o.articles.files[0]);
  if (one_corpus || (o.articles.files.empty() && o.articles.manifest.empty() && corpus)) {
    if (!o.articles.manifest.empty()) throw st::error("reuse: give a corpus or a manifest, not both");
    if (one_corpus) {
      const auto g = load({o.articles.files[0], "", {}});
      entries = articles_in(g, o.articles.files[0]);
    } else {
      entries = articles_in(*corpus, o.into);
    }
  } else {
    for (const auto& f : o.articles.files) {
      if (is_corpus_path(f)) throw st::error("reuse: \"" + f + "\" is a corpus: give it alone, or its articles");
    }
    entries = articles_of(o.articles);
  }
  if (entries.empty()) throw st::error("reuse: give article files, --manifest, or a corpus");
  std::vector<reuse_article> out;
  out.reserve(entries.size());
  const auto start = std::chrono::steady_clock::now();
  progress = progress && entries.size() >= 1000;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    out.push_back({e.file, e.outlet, e.url, e.published, site_of(e), read_article(e.file)});
    if (progress && (i + 1) % 1000 == 0) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\rreuse: read %zu of %zu articles, %.1f s", i + 1, entries.size(), secs);
    }
  }
  if (progress) std::fprintf(stderr, "\n");
  // In byte order of their paths, so that a is always the lesser; one file
  // given twice (under one name or two) is a mistake.
  std::sort(out.begin(), out.end(), [](const reuse_article& x, const reuse_article& y) { return x.path < y.path; });
  std::map<std::string, std::string> seen;  // canonical path -> as given
  for (const auto& a : out) {
    std::error_code ec;
    const std::string real = std::filesystem::weakly_canonical(a.path, ec).string();
    const auto [it, fresh] = seen.emplace(ec ? a.path : real, a.path);
    if (!fresh) {
      throw st::error("reuse: article \"" + a.path + "\" is given twice" +
                      (it->second == a.path ? std::string() : " (also as \"" + it->second + "\")"));
    }
  }
  return out;
}

std::string json_line(const std::vector<reuse_article>& arts, const st::reuse_pair& p) {
  std::string s = "{\"a\": ";
  st::detail::append_json_string(s, arts[p.a].path);
  s += ", \"b\": ";
  st::detail::append_json_string(s, arts[p.b].path);
  s += ", \"jaccard\": " + fixed3(p.jaccard);
  s += ", \"containment\": " + fixed3(p.containment);
  s += ", \"raw_jaccard\": " + fixed3(p.raw_jaccard);
  s += ", \"raw_containment\": " + fixed3(p.raw_containment);
  s += ", \"direction\": ";
  st::detail::append_json_string(s, st::to_string(p.direction));
  s += ", \"shared\": [";
  for (std::size_t i = 0; i < p.shared.size(); ++i) {
    const auto& sp = p.shared[i];
    if (i) s += ", ";
    s += "[" + std::to_string(sp.a.begin) + ", " + std::to_string(sp.a.end) + ", " + std::to_string(sp.b.begin) + ", " +
         std::to_string(sp.b.end) + "]";
  }
  s += "]}\n";
  return s;
}

std::string text_line(const std::vector<reuse_article>& arts, const st::reuse_pair& p) {
  auto dated = [&](std::uint32_t d) {
    const auto& a = arts[d];
    return a.path + (a.published ? " (" + st::to_iso(*a.published) + ")" : std::string(" (no date)"));
  };
  std::string s;
  switch (p.direction) {
    case st::reuse_direction::b_copies_a: s = dated(p.b) + " copies " + dated(p.a); break;
    case st::reuse_direction::a_copies_b: s = dated(p.a) + " copies " + dated(p.b); break;
    case st::reuse_direction::undecided:
      s = dated(p.a) + " and " + dated(p.b) + " share text; who copied whom is undecided";
      break;
  }
  const std::size_t n = p.shared.size();
  s += "\n  Jaccard " + fixed3(p.jaccard) + ", containment " + fixed3(p.containment) + " (unweighted " +
       fixed3(p.raw_jaccard) + ", " + fixed3(p.raw_containment) + "), " + std::to_string(n) + " shared passage" +
       (n == 1 ? "" : "s") + "\n";
  return s;
}

// The event of each article in `g`: the publication `extract` marked with
// its file (the same file, whatever the path's spelling, as written or in
// the corpus's folder), else the publication named as `extract` names one
// (the file's name without folder or extension) if its outlet and date are
// the article's, else a new publication of the article's outlet. Two
// articles never share one event.
std::vector<st::event_handle> events_for(st::provenance_graph& g, const std::vector<reuse_article>& arts,
                                         const std::string& corpus) {
  const auto base = std::filesystem::path(corpus).parent_path();
  auto real = [](const std::filesystem::path& p) {
    std::error_code ec;
    const auto r = std::filesystem::weakly_canonical(p, ec);
    return ec ? p.lexically_normal().string() : r.string();
  };
  std::map<std::string, st::event_handle> by_file;
  for (std::uint32_t i = 0; i < g.event_count(); ++i) {
    const st::event& e = g[st::event_handle{i}];
    const st::extraction_mark* m = g.extracted(e.id);
    if (!m || m->file.empty() || !e.kind.traits().publication) continue;
    by_file.emplace(real(m->file), st::event_handle{i});
    if (!std::filesystem::path(m->file).is_absolute() && !base.empty())
      by_file.emplace(real(base / m->file), st::event_handle{i});
  }
  std::map<std::string, std::size_t> hosts;  // outlet name -> agent, looked up once
  for (std::uint32_t i = 0; i < g.agent_count(); ++i) hosts.emplace(g[st::agent_handle{i}].name, i);
  std::vector<st::event_handle> out;
  std::map<std::uint32_t, std::string> taken;  // event -> the article placed on it
  for (const auto& a : arts) {
    st::event_handle ev;
    if (auto it = by_file.find(real(a.path)); it != by_file.end()) {
      ev = it->second;
    } else {
      const std::string id = st::detail::extract::slug(std::filesystem::path(a.path).stem().string(), 8);
      const auto found = g.find_event(id);
      auto fits = [&](const st::event& e) {
        if (!e.kind.traits().publication || !e.host.valid()) return false;
        if (!a.outlet.empty() && g[e.host].name != a.outlet) return false;
        if (a.published && e.date && !(e.date->is_day() && e.date->first() == *a.published)) return false;
        return true;
      };
      if (found && fits(g[*found])) {
        ev = *found;
      } else {
        if (found || g.kind_of(id))
          throw st::error("reuse --into: article \"" + a.path + "\" is not in the corpus, and \"" + id +
                          "\", the id it would take, names another record (another outlet's, or another date's)");
        if (a.outlet.empty())
          throw st::error("reuse --into: article \"" + a.path + "\" is not in the corpus (no publication \"" + id +
                          "\") and has no outlet to add it under: give --outlet, or a manifest with \"outlet\"");
        st::agent_handle host;
        if (auto h = hosts.find(a.outlet); h != hosts.end()) {
          host = st::agent_handle{static_cast<std::uint32_t>(h->second)};
        } else {
          host = g.add_agent(st::detail::extract::slug(a.outlet), a.outlet, st::outlet{});
          hosts.emplace(a.outlet, host.index);
        }
        st::event_info info;
        info.title = a.text.substr(0, a.text.find('\n'));
        if (!info.title.empty() && info.title.back() == '\r') info.title.pop_back();
        info.url = a.url;
        ev = g.add_event(id, st::event_kind::publication,
                         a.published ? std::optional(st::partial_date::day(*a.published)) : std::nullopt, host,
                         std::move(info));
      }
    }
    if (const auto [it, fresh] = taken.emplace(ev.index, a.path); !fresh)
      throw st::error("reuse --into: articles \"" + it->second + "\" and \"" + a.path +
                      "\" would both be publication \"" + g[ev].id +
                      "\": give them in a manifest with their outlets and dates");
    out.push_back(ev);
  }
  return out;
}

std::string large_buckets(const st::reuse_stats& stats, const st::reuse_options& ro) {
  const std::size_t n = stats.skipped_buckets;
  return std::to_string(n) + (n == 1 ? " LSH bucket" : " LSH buckets") + " of more than " +
         std::to_string(ro.max_bucket) + " articles (one text printed that often) paired each with its earliest only\n";
}

int run_reuse(const reuse_cli_options& o) {
  st::reuse_options ro;
  ro.jaccard = o.threshold;
  ro.containment = o.containment;
  const st::lsh_plan plan = [&] {
    try {
      return st::plan_lsh(ro);
    } catch (const std::invalid_argument& e) {
      throw st::error(e.what());
    }
  }();
  const bool progress = isatty(2) != 0;
  std::optional<st::provenance_graph> corpus;
  if (!o.into.empty()) corpus = load({o.into, "", {}});
  const auto arts = read_articles(o, corpus ? &*corpus : nullptr, progress);
  const bool large = arts.size() >= 1000 && progress;
  st::reuse_index index(ro);
  for (std::size_t i = 0; i < arts.size(); ++i) {
    index.add(arts[i].text, arts[i].published, arts[i].site);
    if (large && (i + 1) % 1000 == 0) std::fprintf(stderr, "\rreuse: indexed %zu of %zu articles", i + 1, arts.size());
  }
  if (large) std::fprintf(stderr, "\n");
  st::reuse_stats stats;
  std::function<void(std::size_t, std::size_t)> report;
  if (large) {
    report = [](std::size_t done, std::size_t total) {
      std::fprintf(stderr, "\rreuse: verified %zu of %zu candidate pairs", done, total);
    };
  }
  const auto pairs = index.find(&stats, report);
  if (large) std::fprintf(stderr, "\n");
  std::string text;
  for (const auto& p : pairs) text += o.json ? json_line(arts, p) : text_line(arts, p);
  if (!o.json) {
    text += std::to_string(pairs.size()) + (pairs.size() == 1 ? " pair" : " pairs") + " among " +
            std::to_string(arts.size()) + " articles (" + std::to_string(stats.candidates) +
            (stats.candidates == 1 ? " candidate pair" : " candidate pairs") + " from " + std::to_string(plan.bands) +
            (plan.bands == 1 ? " band of " : " bands of ") + std::to_string(plan.rows) +
            (plan.rows == 1 ? " row" : " rows") + ")\n";
    if (stats.skipped_buckets) text += large_buckets(stats, ro);
  } else if (stats.skipped_buckets) {
    std::fputs(("reuse: " + large_buckets(stats, ro)).c_str(), stderr);
  }
  if (corpus) {
    const auto events = events_for(*corpus, arts, o.into);
    const auto added = st::add_copies(*corpus, events, pairs);
    std::ostringstream os;
    const bool lines = o.into.size() > 6 && (o.into.ends_with(".jsonl") || o.into.ends_with(".ndjson"));
    if (lines) {
      st::write_corpus_lines(os, *corpus);
    } else {
      st::write_corpus(os, *corpus);
    }
    st::write_file_atomically(o.into, os.str());
    std::string note = o.into + ": " + std::to_string(added.derivations) + " copies derivations for " +
                       std::to_string(pairs.size()) + (pairs.size() == 1 ? " pair" : " pairs") + " (" +
                       std::to_string(added.on_claims) + " through claims both state, " +
                       std::to_string(added.on_text) + " through their shared text";
    if (added.declared) note += ", " + std::to_string(added.declared) + " already attributed";
    note += ")\n";
    if (o.json) {
      std::fputs(note.c_str(), stderr);
    } else {
      text += note;
    }
  }
  write_out(o.out, text);
  return exit_ok;
}

}  // namespace

void add_reuse(CLI::App& app) {
  auto o = std::make_shared<reuse_cli_options>();
  auto* sub = app.add_subcommand("reuse", "find articles that copy text from one another, and who copied whom");
  sub->add_option("ARTICLE", o->articles.files,
                  "plain-text articles (UTF-8), or one corpus whose articles extract read");
  sub->add_option("--manifest", o->articles.manifest, "JSON Lines: file, outlet, published, url; one article per line");
  sub->add_option("--published", o->articles.published,
                  "the publication day of the articles named on the command line");
  sub->add_option("--outlet", o->articles.outlet, "their outlet: pages of one outlet share furniture, not copies");
  sub->add_option("--threshold", o->threshold, "a pair whose weighted Jaccard reaches this is a copy (0 to 1]")
      ->capture_default_str();
  sub->add_option("--containment", o->containment,
                  "... or whose weighted containment does, |A and B| / min(|A|, |B|) (0 to 1]")
      ->capture_default_str();
  sub->add_flag("--json", o->json, "one JSON object per pair, offsets in characters");
  sub->add_option("-o,--output", o->out, "write the pairs here, whole or not at all");
  sub->add_option("--into", o->into,
                  "add the copies to this corpus, rewritten whole or not at all; without articles, read its own");
  sub->callback([o] { finish(run_reuse(*o)); });
}

}  // namespace sourcetrace_cli
