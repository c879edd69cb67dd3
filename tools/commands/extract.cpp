// SPDX-License-Identifier: BSL-1.0
// sourcetrace extract: read plain-text articles and propose their
// attribution chains as a corpus, or show them marked in the text.

#include "../articles.hpp"
#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/extract_inputs.hpp>
#include <sourcetrace/text/extract.hpp>
#include <sourcetrace/time/date.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace sourcetrace_cli {
namespace {

struct extract_options {
  article_flags articles;
  std::string gazetteer;
  std::string out;
  bool explain = false;
  bool json = false;
};

void append_span(std::string& s, const st::char_offsets& co, st::text_span sp) {
  s += std::string("[") + std::to_string(co[sp.begin]) + std::string(", ") + std::to_string(co[sp.end]) + "]";
}

std::string_view cut(std::string_view text, st::text_span sp) { return text.substr(sp.begin, sp.end - sp.begin); }

std::string explain_json(const st::extractor& ex, const st::extracted_article& a) {
  const st::char_offsets co(a.text);
  std::string s;
  for (const auto& stt : a.statements) {
    const auto& sen = a.sentences[stt.sentence];
    s += "{\"file\": ";
    st::detail::append_json_string(s, a.file);
    s += ", \"sentence\": ";
    append_span(s, co, {sen.begin, sen.end});
    s += ", \"part\": ";
    st::detail::append_json_string(s, st::to_string(stt.part));
    s += ", \"content\": ";
    append_span(s, co, stt.content);
    s += ", \"text\": ";
    st::detail::append_json_string(s, cut(a.text, stt.content));
    s += ", \"statement\": ";
    st::detail::append_json_string(s, st::extracted_statement_id(a, stt));
    s += ", \"claim\": ";
    st::detail::append_json_string(s, stt.claim);
    char sim[32];
    std::snprintf(sim, sizeof sim, "%.2f", stt.similarity);
    s += ", \"similarity\": ";
    s += sim;
    s += ", \"carried\": ";
    s += stt.carried ? "true" : "false";
    s += ", \"chain\": [";
    for (std::size_t i = 0; i < stt.hops.size(); ++i) {
      const auto& h = stt.hops[i];
      const auto& ag = ex.agent(h.agent);
      if (i) s += ", ";
      s += "{\"agent\": ";
      st::detail::append_json_string(s, h.agent);
      s += ", \"name\": ";
      st::detail::append_json_string(s, ag.name);
      s += ", \"kind\": ";
      st::detail::append_json_string(s, ex.kind_of(ag).name);
      s += ", \"source\": ";
      append_span(s, co, h.source);
      s += ", \"source_text\": ";
      st::detail::append_json_string(s, cut(a.text, h.source));
      s += ", \"cue\": ";
      if (h.cue.empty()) {
        s += "null";
      } else {
        append_span(s, co, h.cue);
      }
      s += ", \"cue_text\": ";
      if (h.cue.empty()) {
        s += "null";
      } else {
        st::detail::append_json_string(s, cut(a.text, h.cue));
      }
      s += ", \"cue_word\": ";
      st::detail::append_json_string(s, h.cue_word);
      s += ", \"basis\": ";
      st::detail::append_json_string(s, st::to_string(h.basis));
      s += "}";
    }
    s += "]}\n";
  }
  return s;
}

// The article's text, each attribution marked: ⟨source⟩, [cue], {content}.
std::string explain_text(const st::extractor& ex, const st::extracted_article& a) {
  std::string s = "== " + a.file;
  if (a.published) s += " (" + st::to_iso(*a.published) + ")";
  s += "\n";
  for (const auto& stt : a.statements) {
    const auto& sen = a.sentences[stt.sentence];
    struct mark {
      std::size_t at;
      int order;
      std::string_view text;
    };
    std::vector<mark> marks;
    auto add = [&](st::text_span sp, std::string_view open, std::string_view close) {
      if (sp.empty() || sp.begin < sen.begin || sp.end > sen.end) return;
      marks.push_back({sp.begin, 1, open});
      marks.push_back({sp.end, 0, close});
    };
    add(stt.content, "{", "}");
    for (const auto& h : stt.hops) {
      add(h.source, "<", ">");
      add(h.cue, "[", "]");
    }
    std::stable_sort(marks.begin(), marks.end(),
                     [](const mark& x, const mark& y) { return x.at != y.at ? x.at < y.at : x.order < y.order; });
    std::string line;
    std::size_t at = sen.begin;
    for (const auto& m : marks) {
      line.append(a.text, at, m.at - at);
      line += m.text;
      at = m.at;
    }
    line.append(a.text, at, sen.end - at);
    s += std::string("\n") + std::string(st::to_string(stt.part)) + ": " + line + "\n";
    if (stt.hops.empty()) {
      s += "  own voice (unsourced)";
    } else {
      s += "  chain: article";
      for (const auto& h : stt.hops) {
        const auto& ag = ex.agent(h.agent);
        s.append(" <- ")
            .append(ag.name)
            .append(" (")
            .append(ex.kind_of(ag).name)
            .append(", ")
            .append(h.cue_word)
            .append(")");
      }
      if (stt.carried) s += ", carried from an earlier sentence";
    }
    s += "\n  claim: " + stt.claim;
    if (stt.similarity < 1) {
      char sim[32];
      std::snprintf(sim, sizeof sim, " (grouped at similarity %.2f)", stt.similarity);
      s += sim;
    }
    s += "\n";
  }
  return s;
}

int run_extract(const extract_options& o) {
  st::gazetteer gz;
  if (!o.gazetteer.empty()) gz = st::read_gazetteer_file(o.gazetteer);
  const auto entries = articles_of(o.articles);
  if (entries.empty()) throw st::error("extract: give article files or --manifest");
  st::extractor ex(std::move(gz));
  const bool progress = entries.size() >= 200 && isatty(2);
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    ex.add({e.file, read_article(e.file), e.outlet, e.published, e.url});
    if (progress && (i + 1) % 100 == 0) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\rextract: %zu of %zu articles, %.1f s", i + 1, entries.size(), secs);
    }
  }
  if (progress) std::fprintf(stderr, "\n");
  ex.finish();
  std::string text;
  if (o.explain) {
    for (const auto& a : ex.articles()) text += o.json ? explain_json(ex, a) : explain_text(ex, a) + "\n";
  } else {
    const auto g = st::extraction_graph(ex);
    std::ostringstream out;
    st::write_corpus(out, g);
    text = out.str();
  }
  write_out(o.out, text);
  return exit_ok;
}

}  // namespace

void add_extract(CLI::App& app) {
  auto o = std::make_shared<extract_options>();
  auto* sub = app.add_subcommand("extract", "read plain-text articles and propose their attribution chains");
  sub->add_option("ARTICLE", o->articles.files, "plain-text articles (UTF-8), headline line first");
  sub->add_option("--manifest", o->articles.manifest, "JSON Lines: file, outlet, published, url; one article per line");
  sub->add_option("--outlet", o->articles.outlet, "the outlet of the articles given on the command line");
  sub->add_option("--published", o->articles.published, "their publication day, YYYY-MM-DD: resolves \"Thursday\"");
  sub->add_option("--url", o->articles.url, "their address");
  sub->add_option("--gazetteer", o->gazetteer, "known agents and their aliases (JSON)");
  sub->add_option("-o,--output", o->out, "write the corpus (or the explanation) here, whole or not at all");
  sub->add_flag("--explain", o->explain, "print each article with its attributions marked: <source> [cue] {content}");
  sub->add_flag("--json", o->json, "with --explain: one JSON object per extracted statement, offsets in characters");
  sub->callback([o] { finish(run_extract(*o)); });
}

}  // namespace sourcetrace_cli
