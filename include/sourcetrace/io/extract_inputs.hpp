// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The two files the extractor reads besides articles: a gazetteer of known
/// agents (JSON) and a manifest of articles (JSON Lines: file, outlet,
/// published, url). Both are read whole or refused with an error that
/// names the file, line and column, and the entry and field at fault
/// (docs/extraction.md). Boost.JSON is compiled: link `sourcetrace::json`.

#include <sourcetrace/detail/file_text.hpp>
#include <sourcetrace/detail/json_position.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/text/extract.hpp>
#include <sourcetrace/time/date.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// One line of a manifest: an article file and what the extractor needs to know about it.
struct manifest_entry {
  std::string file;  ///< as written; relative to the manifest's folder when not absolute
  std::string outlet;
  std::optional<greg::date> published;
  std::string url;
  std::size_t line = 0;  ///< its line in the manifest
};

namespace detail::extract_io {

[[noreturn]] inline void fail(std::string_view name, std::string_view text, std::size_t offset,
                              const std::string& what) {
  const auto [line, column] = detail::line_column(text, offset);
  throw parse_error(std::string(name), line, column, what);
}

inline boost::json::value parse(std::string_view name, std::string_view text, std::size_t base) {
  boost::system::error_code ec;
  boost::json::stream_parser p;
  const std::size_t used = p.write_some(text.data(), text.size(), ec);
  if (!ec) p.finish(ec);
  if (ec)
    fail(name, std::string_view(text.data() - base, base + text.size()), base + used,
         "malformed JSON: " + ec.message());
  return p.release();
}

inline std::string found(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
    case boost::json::kind::bool_: return "true or false";
    case boost::json::kind::null: return "null";
    default: return "a number";
  }
}

}  // namespace detail::extract_io

/// Reads a gazetteer:
/// `{"agents": [{"id": "nis", "name": "National Intelligence Service",
/// "kind": "organization", "fields": {"type": "intelligence agency"},
/// "aliases": ["NIS", "Seoul's spy agency"]}]}`. A kind is the name of one of
/// `kinds` (a graph type's `kinds`; the built-in four by default).
/// @throws parse_error naming `name`, the line and column, the entry and the field.
inline gazetteer read_gazetteer(std::string_view text, std::string_view name,
                                std::span<const source_kind_info> kinds = provenance_graph::kinds) {
  namespace x = detail::extract_io;
  const boost::json::value doc = x::parse(name, text, 0);
  detail::json_positions pos(text);
  auto fail_at = [&](const std::string& pointer, const std::string& what) {
    x::fail(name, text, pos.offset_of(pointer), what);
  };
  if (!doc.is_object()) fail_at("", "a gazetteer is an object with \"agents\", found " + x::found(doc));
  for (const auto& kv : doc.as_object()) {
    if (kv.key() != "agents" && kv.key() != "sourcetrace_gazetteer")
      fail_at(std::string("/") + std::string(kv.key()), std::string("unknown key \"") + std::string(kv.key()) + "\"");
  }
  const auto* agents = doc.as_object().if_contains("agents");
  if (!agents || !agents->is_array()) fail_at("/agents", "\"agents\": expected an array");
  gazetteer g;
  std::vector<std::string> ids;
  std::size_t i = 0;
  for (const auto& a : agents->as_array()) {
    const std::string at = std::string("/agents/") + std::to_string(i);
    const std::string label = std::string("agent #") + std::to_string(i + 1);
    if (!a.is_object()) fail_at(at, label + ": expected an object, found " + x::found(a));
    gazetteer_entry e;
    auto string_field = [&](std::string_view key, bool required) -> std::string {
      const auto* v = a.as_object().if_contains(key);
      if (!v) {
        if (required) fail_at(at, label + std::string(": missing field \"") + std::string(key) + "\"");
        return {};
      }
      if (!v->is_string() || v->as_string().empty())
        fail_at(at + std::string("/") + std::string(key), label + std::string(": field \"") + std::string(key) +
                                                              "\": expected a non-empty string, found " + x::found(*v));
      return std::string(v->as_string());
    };
    e.id = string_field("id", true);
    const std::string who = "agent \"" + e.id + "\"";
    e.name = string_field("name", true);
    e.kind = string_field("kind", true);
    if (std::none_of(kinds.begin(), kinds.end(), [&](const source_kind_info& k) { return k.name == e.kind; })) {
      std::string names;
      for (const auto& k : kinds) names.append(names.empty() ? "" : ", ").append(k.name);
      fail_at(at + "/kind", who + ": field \"kind\": expected one of " + names + ", found \"" + e.kind + "\"");
    }
    for (const auto& kv : a.as_object()) {
      const std::string k(kv.key());
      if (k != "id" && k != "name" && k != "kind" && k != "fields" && k != "aliases")
        fail_at(at + "/" + k, who + ": unknown field \"" + k + "\"");
    }
    if (const auto* f = a.as_object().if_contains("fields")) {
      if (!f->is_object())
        fail_at(at + "/fields", who + ": field \"fields\": expected an object, found " + x::found(*f));
      for (const auto& kv : f->as_object()) {
        if (!kv.value().is_string())
          fail_at(at + std::string("/fields/") + std::string(kv.key()),
                  who + std::string(": fields.") + std::string(kv.key()) + ": expected a string, found " +
                      x::found(kv.value()));
        e.fields.emplace_back(std::string(kv.key()), std::string(kv.value().as_string()));
      }
    }
    if (const auto* al = a.as_object().if_contains("aliases")) {
      if (!al->is_array())
        fail_at(at + "/aliases", who + ": field \"aliases\": expected an array, found " + x::found(*al));
      std::size_t k = 0;
      for (const auto& s : al->as_array()) {
        if (!s.is_string() || s.as_string().empty())
          fail_at(at + std::string("/aliases/") + std::to_string(k),
                  who + std::string(": aliases[") + std::to_string(k) + "]: expected a non-empty string, found " +
                      x::found(s));
        e.aliases.emplace_back(s.as_string());
        ++k;
      }
    }
    if (std::find(ids.begin(), ids.end(), e.id) != ids.end()) fail_at(at + "/id", who + ": id listed twice");
    ids.push_back(e.id);
    g.add(std::move(e));
    ++i;
  }
  return g;
}

/// Reads a gazetteer file.
/// @throws file_error if it cannot be read, parse_error as `read_gazetteer`.
inline gazetteer read_gazetteer_file(const std::string& path,
                                     std::span<const source_kind_info> kinds = provenance_graph::kinds) {
  const auto f = detail::read_file_text(path);
  return read_gazetteer(f.text, path, kinds);
}

/// Reads a manifest: one JSON object per non-blank line, with `file`
/// (required), `outlet`, `published` (YYYY-MM-DD) and `url`.
/// @throws parse_error naming `name`, the line and the field.
inline std::vector<manifest_entry> read_manifest(std::string_view text, std::string_view name) {
  namespace x = detail::extract_io;
  std::vector<manifest_entry> out;
  std::size_t line = 0, start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    const std::string_view l = text.substr(start, end - start);
    if (l.find_first_not_of(" \t\r") != std::string_view::npos) {
      const boost::json::value v = x::parse(name, l, start);
      auto fail_line = [&](const std::string& what) { throw parse_error(std::string(name), line, 0, what); };
      if (!v.is_object()) fail_line("expected an object, found " + x::found(v));
      manifest_entry e;
      e.line = line;
      for (const auto& kv : v.as_object()) {
        const std::string k(kv.key());
        if (k != "file" && k != "outlet" && k != "published" && k != "url") fail_line("unknown field \"" + k + "\"");
        if (!kv.value().is_string()) fail_line("field \"" + k + "\": expected a string, found " + x::found(kv.value()));
        const std::string s(kv.value().as_string());
        if (k == "file") e.file = s;
        if (k == "outlet") e.outlet = s;
        if (k == "url") e.url = s;
        if (k == "published") {
          std::string why;
          auto d = partial_date::try_parse(s, &why);
          if (!d || !d->is_day()) fail_line("field \"published\": expected a day YYYY-MM-DD, found \"" + s + "\"");
          e.published = d->first();
        }
      }
      if (e.file.empty()) fail_line("missing field \"file\"");
      out.push_back(std::move(e));
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

}  // namespace sourcetrace
