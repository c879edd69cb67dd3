// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The corpus format: a JSON document, or JSON Lines for corpora too large
/// for one document, describing agents, events, claims, statements, reports
/// (attribution chains written as in the builder) and derivations. See
/// docs/format.md. Reading needs Boost.JSON: link `sourcetrace::json`.

#include <sourcetrace/detail/file_text.hpp>
#include <sourcetrace/detail/interner.hpp>
#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/detail/json_position.hpp>
#include <sourcetrace/detail/utf8.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <boost/json.hpp>

#ifdef SOURCETRACE_HAVE_SIMDJSON
#include <simdjson.h>
#endif

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace sourcetrace {

/// Thrown when a corpus has problems. It holds the first problems found (up
/// to `read_limits::max_errors`, by position) and counts the rest; nothing
/// was loaded.
class corpus_error : public error {
 public:
  /// Builds the error from the problems described, in the order of the
  /// input, out of `total` found (at least their number); the first of those
  /// left out is at line `first_omitted_line`.
  explicit corpus_error(std::vector<parse_error> problems, std::size_t total = 0, std::size_t first_omitted_line = 0)
      : error(format(problems, std::max(total, problems.size()), first_omitted_line)),
        problems_(std::move(problems)),
        total_(std::max(total, problems_.size())),
        first_omitted_line_(first_omitted_line) {}

  /// Returns the problems described, each naming its file, line, column and
  /// field: every problem, unless there were more than the reader's
  /// `max_errors`, and then the first ones by position.
  const std::vector<parse_error>& problems() const noexcept { return problems_; }
  /// Returns how many problems were found, described or not.
  std::size_t total() const noexcept { return total_; }
  /// Returns the line of the first problem left out, or 0 if none was.
  std::size_t first_omitted_line() const noexcept { return first_omitted_line_; }
  /// Returns "... and 50 more problems (first at line 101), over the limit of
  /// 100 shown (--max-errors)", or "" when every problem is described.
  std::string omitted_note() const { return omitted_note(problems_.size(), total_, first_omitted_line_); }

 private:
  static std::string omitted_note(std::size_t shown, std::size_t total, std::size_t first_line) {
    if (total <= shown) return {};
    std::size_t more = total - shown;
    std::string out = "... and ";
    out += std::to_string(more);
    out += more == 1 ? " more problem" : " more problems";
    out += " (first at line ";
    out += std::to_string(first_line);
    out += "), over the limit of ";
    out += std::to_string(shown);
    out += " shown (--max-errors)";
    return out;
  }
  static std::string format(const std::vector<parse_error>& problems, std::size_t total, std::size_t first_line) {
    std::string out;
    for (const auto& p : problems) {
      out += p.what();
      out += '\n';
    }
    if (auto note = omitted_note(problems.size(), total, first_line); !note.empty()) {
      out += note;
      out += '\n';
    }
    out += std::to_string(total);
    out += total == 1 ? " problem" : " problems";
    out += ", nothing loaded";
    return out;
  }
  std::vector<parse_error> problems_;
  std::size_t total_;
  std::size_t first_omitted_line_;
};

/// The two spellings of a corpus.
enum class corpus_format : std::uint8_t {
  json,        ///< one JSON document with arrays "agents", "events", ...
  json_lines,  ///< one JSON object per line, each with a "record" key
};

/// Settings of `read_corpus`.
struct read_options {
  /// The format; when absent it is taken from the file name (.json, .jsonl,
  /// .ndjson) or, failing that, sniffed from the first line.
  std::optional<corpus_format> format;
  /// Called now and then while reading with the bytes read so far and the total.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// What the reader accepts: bytes, records, nesting, string length, and
  /// how many problems it describes before it only counts them.
  read_limits limits;
  /// Whether JSON Lines are parsed with simdjson where the library was built
  /// with it (`SOURCETRACE_HAVE_SIMDJSON`, which CMake's `sourcetrace::json`
  /// defines when libsimdjson-dev is found). Lines of the common shapes (a
  /// statement or a derivation of plain strings) are read that way; every
  /// other line, and every line with a problem, goes through Boost.JSON,
  /// which finds and places the problems. False reads every line with
  /// Boost.JSON: the answers and the errors are the same, only slower.
  /// Define `SOURCETRACE_HAVE_SIMDJSON` alike in every translation unit of a
  /// program (linking `sourcetrace::json` does), as it changes the reader's types.
  bool fast_lines = true;
};

namespace detail {

// Where a record or field sits: a line of a JSON Lines file (and the offset
// of its first byte) and a pointer within it, or (line 0) a pointer into the
// whole document.
struct json_where {
  std::size_t line = 0;
  std::string pointer;
  std::size_t line_start = 0;
  json_where field(std::string_view name) const { return {line, pointer + "/" + std::string(name), line_start}; }
  json_where index(std::size_t i) const { return {line, pointer + "/" + std::to_string(i), line_start}; }
};

struct hop_record {
  json_where at;
  std::string source, agent, event;
  derivation_kind kind = derivation_kind::cites;
  derivation_basis basis = derivation_basis::unstated;
  claim_details stated;
};
struct agent_record {
  json_where at;
  std::string id, name, kind;
  attributes fields;
  std::optional<extraction_mark> mark;
};
struct event_record {
  json_where at;
  std::string id, kind_text, date, host;
  event_kind kind = event_kind::statement;
  event_info info;
  std::vector<std::pair<std::string, json_where>> audience;  // agent ids, where each is written
  std::optional<extraction_mark> mark;
};
struct claim_record {
  json_where at;
  std::string id, text;
  claim_details details;
  std::optional<extraction_mark> mark;
};
struct statement_record {
  json_where at;
  std::string id, agent, claim, event;
  claim_details stated;
  article_part part = article_part::unknown;
  std::optional<text_evidence> evidence;
  std::optional<extraction_mark> mark;  // a statement upstream of an article: no text of its own
};
struct report_record {
  json_where at;
  std::string source, claim;
  claim_details stated;
  report_mention mention;
  std::vector<hop_record> via;
};
struct derivation_record {
  json_where at;
  std::string from, to;
  derivation_kind kind = derivation_kind::cites;
  derivation_basis basis = derivation_basis::unstated;
  std::optional<copy_evidence> reuse;
};

// A statement or derivation line of JSON Lines, in the order of the file.
// Read by the fast parser, it holds the numbers its ids were interned as
// (`corpus_parser::statement_ids` and `name_ids`) and where its line starts: the
// line's number, and a position within it, are found only for a problem.
// Otherwise `full` is the index of its record in `statements` or
// `derivations`: one Boost.JSON read, or one whose references were not yet
// known when it was read (records may come in any order).
inline constexpr std::uint32_t no_symbol = UINT32_MAX;
struct statement_line {
  std::uint64_t line_start = 0;
  std::uint32_t id = no_symbol, agent = no_symbol, claim = no_symbol, event = no_symbol;  // event: none if no_symbol
  std::uint32_t full = no_symbol;
};
struct derivation_line {
  std::uint64_t line_start = 0;
  std::uint32_t from = no_symbol, to = no_symbol;
  std::uint32_t full = no_symbol;
  derivation_kind kind = derivation_kind::cites;
  derivation_basis basis = derivation_basis::unstated;
};

inline std::string_view json_kind_name(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "a number";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
  }
  return "a value";
}

// Appends a kind's field value as JSON: a string, a number or true/false. A
// real number that is not finite has no JSON number: it is written as text,
// which a real-number field reads back.
inline void append_json_field_value(std::string& out, const field_value& v) {
  if (const auto* text = std::get_if<std::string>(&v)) {
    append_json_string(out, *text);
  } else if (const auto* x = std::get_if<double>(&v); x && !std::isfinite(*x)) {
    append_json_string(out, to_text(v));
  } else {
    std::string t = to_text(v);
    out += t;
    // A whole real number ("2") would read back as a JSON integer: keep it a real.
    if (std::holds_alternative<double>(v) && t.find_first_of(".eE") == std::string::npos) out += ".0";
  }
}

inline std::string json_quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// The reader's types differ with SOURCETRACE_HAVE_SIMDJSON: an inline
// namespace named after it keeps a program whose translation units disagree
// from merging two layouts of one class (each gets its own).
#ifdef SOURCETRACE_HAVE_SIMDJSON
#define SOURCETRACE_DETAIL_READER with_simdjson
#else
#define SOURCETRACE_DETAIL_READER without_simdjson
#endif
inline namespace SOURCETRACE_DETAIL_READER {

// Reads a corpus into records, collecting problems with their positions.
class corpus_parser {
 public:
  corpus_parser(std::string_view text, std::string file, const read_limits& limits)
      : text_(text), file_(std::move(file)), limits_(limits) {}

  std::vector<agent_record> agents;
  std::vector<event_record> events;
  std::vector<claim_record> claims;
  std::vector<statement_record> statements;
  std::vector<report_record> reports;
  std::vector<derivation_record> derivations;
  // JSON Lines only: every statement and every derivation line, in order.
  std::vector<statement_line> statement_lines;
  std::vector<derivation_line> derivation_lines;
  // Every id of a record read: statements in one table, agents, events and
  // claims (far fewer, so looked up in cache) in another, with what each names.
  interner statement_ids, name_ids;
  std::vector<std::string_view> name_kinds;

  // Where the record on the line starting at byte `line_start` is.
  json_where where_of(std::uint64_t line_start) {
    return json_where{text_lines_.line_of(static_cast<std::size_t>(line_start)), "",
                      static_cast<std::size_t>(line_start)};
  }
  // Ids of records that had a problem: references to them are not reported
  // again, so one mistake gives one message.
  std::unordered_set<std::string> invalid_ids;

  // How many problems were found so far, described or not.
  std::size_t problem_count() const noexcept { return total_; }

  void problem(const json_where& at, const std::string& message) {
    if (at.line == 0) {
      if (!document_positions_) document_positions_.emplace(text_);
      std::size_t offset = document_positions_->offset_of(at.pointer);
      add(text_lines_.line_of(offset), offset, message);
      return;
    }
    // The positions of one line are indexed once, however many problems it has.
    if (!line_positions_ || line_positions_line_ != at.line) {
      auto end = text_.find('\n', at.line_start);
      line_positions_.emplace(
          text_.substr(at.line_start, end == std::string_view::npos ? std::string_view::npos : end - at.line_start));
      line_positions_line_ = at.line;
    }
    add(at.line, at.line_start + line_positions_->offset_of(at.pointer), message);
  }

  // Records a problem at byte `offset` of the text, on line `line`. Only the
  // first `max_errors` by position are kept (a max-heap evicts the last); the
  // rest are counted, and the first of them remembered, so a million bad
  // records cost no more than a hundred in memory and output. Columns are
  // counted only for the problems kept, when they are thrown, so that a
  // document on one line costs no count from the line's start per problem.
  void add(std::size_t line, std::size_t offset, const std::string& message) {
    ++total_;
    position at{line, offset, total_};
    const std::size_t keep = limits_.max_errors;
    if (kept_.size() < keep) {
      kept_.push_back({at, message});
      std::push_heap(kept_.begin(), kept_.end(), later);
      return;
    }
    if (keep > 0 && earlier(at, kept_.front().at)) {
      std::pop_heap(kept_.begin(), kept_.end(), later);
      omit(kept_.back().at);
      kept_.back() = {at, message};
      std::push_heap(kept_.begin(), kept_.end(), later);
    } else {
      omit(at);
    }
  }

  // True once reading stopped at a limit: what follows was never read, so
  // checking references to it would only report records that exist.
  bool stopped() const noexcept { return stopped_; }

  // Throws corpus_error with the problems kept, in the order of the input, if there is any.
  void throw_if_problems() {
    if (total_ == 0) return;
    std::sort_heap(kept_.begin(), kept_.end(), later);
    std::vector<parse_error> out;
    out.reserve(kept_.size());
    for (auto& k : kept_) out.emplace_back(file_, k.at.line, column_at(k.at.offset), k.message);
    throw corpus_error(std::move(out), total_, first_omitted_.line);
  }

  void parse_document(const read_options& options) {
    boost::json::value root;
    if (!parse_value(text_, 0, root)) return;
    if (options.progress) options.progress(text_.size(), text_.size());
    if (!root.is_object()) {
      problem({0, ""}, std::string("expected a JSON object with arrays \"agents\", \"events\", ..., found ") +
                           std::string(json_kind_name(root)));
      return;
    }
    for (const auto& member : root.as_object()) {
      std::string key(member.key());
      json_where at{0, "/" + key};
      if (key == "sourcetrace") {
        check_version(member.value(), at);
        continue;
      }
      auto which = section_of(key);
      if (!which) {
        problem(at, "unknown section " + json_quoted(key) +
                        "; expected agents, events, claims, statements, reports or derivations");
        continue;
      }
      if (!member.value().is_array()) {
        problem(at, "section " + json_quoted(key) + ": expected an array, found " +
                        std::string(json_kind_name(member.value())));
        continue;
      }
      const auto& items = member.value().as_array();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (!count_record(at.index(i))) return;
        record(*which, items[i], at.index(i), false);
      }
    }
  }

  void parse_lines(const read_options& options) {
#ifdef SOURCETRACE_HAVE_SIMDJSON
    // Records are objects of strings: a nesting limit below 2 leaves them to Boost.JSON.
    const bool fast = options.fast_lines && json_depth_for(limits_.max_depth) >= 2;
#endif
    std::size_t line = 0;
    std::size_t start = 0;
    std::size_t next_report = 1 << 20;
    while (start < text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      ++line;
      std::string_view l = text_.substr(start, end - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      json_where at{line, "", start};
      start = end + 1;
      if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
      if (!count_record(at)) return;
#ifdef SOURCETRACE_HAVE_SIMDJSON
      if (fast && read_fast(l, line, at.line_start)) {
        if (options.progress && start >= next_report) {
          options.progress(start, text_.size());
          next_report = start + (1 << 20);
        }
        continue;
      }
      resolve_pending(pending_.size());  // the lines stay in the order of the file
#endif
      boost::json::value v;
      if (!parse_value(l, line, v)) continue;
      if (!v.is_object()) {
        problem(at, "expected a JSON object, found " + std::string(json_kind_name(v)));
        continue;
      }
      const auto& o = v.as_object();
      const auto* r = o.if_contains("record");
      if (!r || !r->is_string()) {
        problem(r ? at.field("record") : at,
                "expected \"record\": one of agent, event, claim, statement, report, derivation");
        continue;
      }
      auto which = section_of(std::string(r->as_string()) + "s");
      if (!which) {
        problem(at.field("record"), "unknown record " + json_quoted(r->as_string()) +
                                        "; expected agent, event, claim, statement, report or derivation");
        continue;
      }
      const std::size_t statements_before = statements.size(), derivations_before = derivations.size();
      record(*which, v, at, true);
      if (statements.size() != statements_before) {
        statement_lines.push_back({});
        statement_lines.back().full = static_cast<std::uint32_t>(statements_before);
      }
      if (derivations.size() != derivations_before) {
        derivation_lines.push_back({});
        derivation_lines.back().full = static_cast<std::uint32_t>(derivations_before);
      }
      if (options.progress && start >= next_report) {
        options.progress(start, text_.size());
        next_report = start + (1 << 20);
      }
    }
#ifdef SOURCETRACE_HAVE_SIMDJSON
    resolve_pending(pending_.size());
#endif
    if (options.progress) options.progress(text_.size(), text_.size());
  }

 private:
  enum class section { agents, events, claims, statements, reports, derivations };

  static std::optional<section> section_of(std::string_view key) {
    if (key == "agents") return section::agents;
    if (key == "events") return section::events;
    if (key == "claims") return section::claims;
    if (key == "statements") return section::statements;
    if (key == "reports") return section::reports;
    if (key == "derivations") return section::derivations;
    return std::nullopt;
  }

#ifdef SOURCETRACE_HAVE_SIMDJSON
  // Reads line `l` (number `line`, starting at byte `line_start`) with
  // simdjson if it is a statement or a derivation of the plain shape: an
  // object of known keys, each once, whose values are non-empty strings (the
  // event may be empty) without escapes, within the string limit, and nothing
  // after it. Returns false, having kept nothing, for any other line, which
  // Boost.JSON then reads: it describes every problem and places it.
  bool read_fast(std::string_view l, std::size_t line, std::size_t line_start) {
    constexpr std::size_t longest = std::size_t{1} << 20;  // longer lines are rare; keep the parser small
    if (l.size() > longest) return false;
    // simdjson reads up to SIMDJSON_PADDING bytes past the line: the text's
    // own when there are enough, else a padded copy.
    const char* base = l.data();
    const auto room = static_cast<std::size_t>(text_.data() + text_.size() - base);
    if (room < l.size() + simdjson::SIMDJSON_PADDING) {
      fast_padded_.assign(l);
      fast_padded_.append(simdjson::SIMDJSON_PADDING, ' ');
      base = fast_padded_.data();
    }
    simdjson::padded_string_view in(base, l.size(), l.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document doc;
    if (fast_parser_.iterate(in).get(doc)) return false;
    simdjson::ondemand::object o;
    if (doc.get_object().get(o)) return false;
    enum key : unsigned { record_key, id_key, agent_key, claim_key, event_key, from_key, to_key, kind_key, basis_key };
    static constexpr std::string_view keys[] = {"record", "id", "agent", "claim", "event",
                                                "from",   "to", "kind",  "basis"};
    std::string_view value[std::size(keys)];
    unsigned seen = 0;
    for (auto item : o) {
      simdjson::ondemand::field field;
      if (std::move(item).get(field)) return false;
      std::string_view name, raw, text;
      // The key as written, taken before unescaped_key() consumes it.
      const char* raw_key = field.key().raw();
      if (field.unescaped_key().get(name)) return false;
      // A key written with an escape is measured as written by the limits: left to Boost.JSON.
      if (raw_key[name.size()] != '"' || std::string_view(raw_key, name.size()).find('\\') != std::string_view::npos)
        return false;
      unsigned k = 0;
      while (k < std::size(keys) && keys[k] != name) ++k;
      if (k == std::size(keys) || (seen & (1U << k))) return false;
      seen |= 1U << k;
      raw = field.value().raw_json_token();
      if (field.value().get_string().get(text)) return false;
      // Unescaped text as long as the raw one, with no backslash in it, is
      // the raw text itself: a view into the line.
      if (text.size() > limits_.max_string || raw.size() < text.size() + 2 || raw[text.size() + 1] != '"' ||
          std::string_view(raw.data() + 1, text.size()).find('\\') != std::string_view::npos)
        return false;
      value[k] = std::string_view(l.data() + (raw.data() + 1 - base), text.size());
    }
    const char* after = nullptr;
    if (doc.current_location().get(after) == simdjson::SUCCESS) return false;  // more after the object
    const unsigned statement_keys = (1U << record_key) | (1U << id_key) | (1U << agent_key) | (1U << claim_key);
    const unsigned derivation_keys = (1U << record_key) | (1U << from_key) | (1U << to_key);
    if (value[record_key] == "statement") {
      if ((seen & ~(statement_keys | (1U << event_key))) || (seen & statement_keys) != statement_keys) return false;
      if (value[id_key].empty() || value[agent_key].empty() || value[claim_key].empty()) return false;
      if (name_ids.find(value[id_key])) return false;  // a duplicate: Boost.JSON's reading reports it
      auto [symbol, added] = statement_ids.intern(value[id_key]);
      if (!added) return false;
      statement_line r;
      r.line_start = line_start;
      r.id = symbol;
      r.agent = name_of(value[agent_key], "agent", last_agent_);
      r.claim = name_of(value[claim_key], "claim", last_claim_);
      if (!value[event_key].empty()) r.event = name_of(value[event_key], "event", last_event_);
      if (r.agent == no_symbol || r.claim == no_symbol || (!value[event_key].empty() && r.event == no_symbol)) {
        // Named before it is read, or not at all: resolved by id when the graph is built.
        statement_record full;
        full.at = json_where{line, "", line_start};
        full.id = value[id_key];
        full.agent = value[agent_key];
        full.claim = value[claim_key];
        full.event = value[event_key];
        r.full = static_cast<std::uint32_t>(statements.size());
        statements.push_back(std::move(full));
      }
      statement_lines.push_back(r);
      return true;
    }
    if (value[record_key] == "derivation") {
      if ((seen & ~(derivation_keys | (1U << kind_key) | (1U << basis_key))) ||
          (seen & derivation_keys) != derivation_keys)
        return false;
      if (value[from_key].empty() || value[to_key].empty()) return false;
      derivation_line r;
      r.line_start = line_start;
      if (seen & (1U << kind_key)) {
        auto k = derivation_kind_from_string(value[kind_key]);
        if (!k) return false;
        r.kind = *k;
      }
      if (seen & (1U << basis_key)) {
        auto b = derivation_basis_from_string(value[basis_key]);
        if (!b || *b == derivation_basis::unstated) return false;
        r.basis = *b;
      }
      // Looked up a few lines later, once the table slots are in cache.
      if (pending_.size() == pending_.capacity()) resolve_pending(pending_.capacity() / 2);
      const std::uint64_t from_hash = interner::hash(value[from_key]), to_hash = interner::hash(value[to_key]);
      statement_ids.prefetch(from_hash);
      statement_ids.prefetch(to_hash);
      pending_.push_back({r, value[from_key], value[to_key], from_hash, to_hash, line});
      return true;
    }
    return false;
  }

  // A derivation line read, its ids not yet looked up.
  struct pending_derivation {
    derivation_line r;
    std::string_view from, to;
    std::uint64_t from_hash, to_hash;
    std::size_t line;
  };
  std::vector<pending_derivation> pending_ = [] {
    std::vector<pending_derivation> v;
    v.reserve(16);
    return v;
  }();

  // Looks up the ids of the first `count` derivations pending, in order. An
  // id not yet read (records may come in any order) leaves the derivation's
  // strings to be resolved when the graph is built.
  void resolve_pending(std::size_t count) {
    count = std::min(count, pending_.size());
    for (std::size_t i = 0; i < count; ++i) {
      auto& [r, from, to, from_hash, to_hash, line] = pending_[i];
      r.from = statement_ids.find(from, from_hash).value_or(no_symbol);
      r.to = statement_ids.find(to, to_hash).value_or(no_symbol);
      if (r.from == no_symbol || r.to == no_symbol) {
        derivation_record full;
        full.at = json_where{line, "", static_cast<std::size_t>(r.line_start)};
        full.from = from;
        full.to = to;
        full.kind = r.kind;
        full.basis = r.basis;
        r.full = static_cast<std::uint32_t>(derivations.size());
        derivations.push_back(std::move(full));
      }
      derivation_lines.push_back(r);
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(count));
  }

  // The number of `id` among agent, event and claim ids if it names a `kind`,
  // else no_symbol. Records come grouped (an article's statements, a story's
  // claim), so the last id found for each field is remembered.
  struct last_name {
    std::string_view id;
    std::uint32_t symbol = no_symbol;
  };
  std::uint32_t name_of(std::string_view id, std::string_view kind, last_name& last) const {
    if (last.symbol != no_symbol && last.id == id) return last.symbol;
    auto symbol = name_ids.find(id);
    if (!symbol || name_kinds[*symbol] != kind) return no_symbol;
    last = {id, *symbol};  // a view into the text, which outlives the reading
    return *symbol;
  }
#endif

  // Counts a record; one past `max_records` is a problem at `at` that ends the reading.
  bool count_record(const json_where& at) {
    if (++records_ <= limits_.max_records) return true;
    problem(at, records_over_limit(records_, limits_.max_records));
    stopped_ = true;
    return false;
  }

  // The column (in characters, from 1) of byte `offset` of the text: UTF-8
  // continuation bytes do not count.
  std::size_t column_at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    std::size_t start = offset;
    while (start > 0 && text_[start - 1] != '\n') --start;
    std::size_t column = 1;
    for (std::size_t i = start; i < offset; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return column;
  }

  // Parses `text` (the whole document, or line `line`) with Boost.JSON,
  // within the limits on nesting and strings.
  bool parse_value(std::string_view text, std::size_t line, boost::json::value& out) {
    boost::json::parse_options opt;
    opt.max_depth = json_depth_for(limits_.max_depth);
    boost::json::stream_parser p({}, opt);
    boost::system::error_code ec;
    std::size_t used = p.write_some(text.data(), text.size(), ec);
    if (!ec) p.finish(ec);
    // `text` is the whole text or one of its lines: offsets are kept in the whole.
    const auto base = static_cast<std::size_t>(text.data() - text_.data());
    auto at_offset = [&](std::size_t offset, const std::string& message) {
      add(line == 0 ? text_lines_.line_of(base + offset) : line, base + offset, message);
    };
    if (ec) {
      std::size_t offset = std::min(used, text.size());
      std::string what;
      if (ec == boost::json::error::too_deep) {
        what = depth_over_limit(limits_.max_depth);
      } else if (const std::size_t bad = invalid_utf8_at(text.substr(0, std::min(text.size(), offset + 4)));
                 bad <= offset) {
        // Boost.JSON calls a byte that is not UTF-8 a syntax error.
        offset = bad;
        const auto c = static_cast<unsigned char>(text[bad]);
        what.append("malformed JSON: invalid UTF-8 (byte 0x");
        what += upper_hex[c >> 4];
        what += upper_hex[c & 0xF];
        what += ')';
      } else {
        what.append("malformed JSON: ").append(ec.message());
      }
      at_offset(offset, what);
      return false;
    }
    out = p.release();
    auto scan = scan_json_text(text, limits_.max_string);
    for (const auto& [offset, key] : scan.duplicate_keys) {
      at_offset(offset, "duplicate key " + json_quoted(key) + " in one object");
    }
    for (const auto& [offset, size] : scan.long_strings) at_offset(offset, string_over_limit(size, limits_.max_string));
    return scan.duplicate_keys.empty() && scan.long_strings.empty();
  }

  void check_version(const boost::json::value& v, const json_where& at) {
    if (!(v.is_int64() && v.as_int64() == 1) && !(v.is_uint64() && v.as_uint64() == 1)) {
      problem(at, "field \"sourcetrace\": expected format version 1");
    }
  }

  // Field access on one record, reporting wrong types, missing and unknown fields.
  struct fields {
    corpus_parser& p;
    const boost::json::object& o;
    json_where at;
    std::string label;  // "agent \"nis\"" or "agent #3"
    std::vector<std::string_view> known;

    std::optional<std::string> text(std::string_view key, bool required) {
      known.push_back(key);
      const auto* v = o.if_contains(key);
      if (!v) {
        if (required) p.problem(at, label + ": missing field " + json_quoted(key));
        return std::nullopt;
      }
      if (!v->is_string()) {
        p.problem(at.field(key), label + ": field " + json_quoted(key) + ": expected a string, found " +
                                     std::string(json_kind_name(*v)));
        return std::nullopt;
      }
      return std::string(v->as_string());
    }
    const boost::json::value* value(std::string_view key) {
      known.push_back(key);
      return o.if_contains(key);
    }
    void check_unknown() {
      for (const auto& member : o) {
        bool ok = false;
        for (auto k : known) ok = ok || member.key() == k;
        if (!ok) p.problem(at.field(member.key()), label + ": unknown field " + json_quoted(member.key()));
      }
    }
  };

  fields open(const boost::json::object& o, const json_where& at, std::string_view what, std::size_t index,
              bool lines) {
    std::string label(what);
    if (const auto* id = o.if_contains("id"); id && id->is_string()) {
      label += " " + json_quoted(id->as_string());
    } else if (!lines) {
      label += " #" + std::to_string(index + 1);
    }
    fields f{*this, o, at, label, {}};
    if (lines) f.known.push_back("record");
    return f;
  }

  static std::size_t index_of(const json_where& at) {
    auto slash = at.pointer.rfind('/');
    if (slash == std::string::npos) return 0;
    return static_cast<std::size_t>(std::stoul(at.pointer.substr(slash + 1)));
  }

  void read_details(fields& f, claim_details& d) {
    if (auto s = f.text("subject", false)) d.subject = *s;
    if (auto s = f.text("quantity", false)) d.quantity = *s;
    if (auto s = f.text("when", false)) {
      std::string why;
      d.when = partial_date::try_parse(*s, &why);
      if (!d.when) {
        f.p.problem(f.at.field("when"), f.label + ": field \"when\": invalid date " + json_quoted(*s) + ": " + why);
      }
    }
    if (auto s = f.text("modality", false)) {
      d.mode = modality_from_string(*s);
      if (!d.mode) {
        std::string names;
        for (modality m : all_modalities) {
          if (!names.empty()) names += ", ";
          names += to_string(m);
        }
        f.p.problem(f.at.field("modality"),
                    f.label + ": field \"modality\": expected one of " + names + ", found " + json_quoted(*s));
      }
    }
  }

  bool read_stated(fields& f, claim_details& d) {
    const auto* v = f.value("stated");
    if (!v) return true;
    if (!v->is_object()) {
      problem(f.at.field("stated"),
              f.label + ": field \"stated\": expected an object, found " + std::string(json_kind_name(*v)));
      return false;
    }
    fields s{*this, v->as_object(), f.at.field("stated"), f.label + ": stated", {}};
    read_details(s, d);
    s.check_unknown();
    return true;
  }

  void read_kind(fields& f, derivation_kind& k) {
    if (auto s = f.text("kind", false)) {
      auto parsed = derivation_kind_from_string(*s);
      if (!parsed) {
        problem(f.at.field("kind"), f.label +
                                        ": field \"kind\": expected one of quotes, paraphrases, cites, "
                                        "copies, found " +
                                        json_quoted(*s));
      } else {
        k = *parsed;
      }
    }
  }

  void read_basis(fields& f, derivation_basis& b) {
    if (auto s = f.text("basis", false)) {
      auto parsed = derivation_basis_from_string(*s);
      if (!parsed || *parsed == derivation_basis::unstated) {
        problem(f.at.field("basis"),
                f.label + ": field \"basis\": expected one of text, context, inferred, found " + json_quoted(*s));
      } else {
        b = *parsed;
      }
    }
  }

  // "reuse": what the reuse detector measured, on a copies derivation only.
  void read_reuse(fields& f, derivation_record& r) {
    const auto* v = f.value("reuse");
    if (!v) return;
    const json_where at = f.at.field("reuse");
    if (r.kind != derivation_kind::copies) {
      problem(at, f.label + ": field \"reuse\": only a copies derivation has one, this one " +
                      std::string(to_string(r.kind)));
      return;
    }
    if (!v->is_object()) {
      problem(at, f.label + ": field \"reuse\": expected an object, found " + std::string(json_kind_name(*v)));
      return;
    }
    fields x{*this, v->as_object(), at, f.label + ": reuse", {}};
    copy_evidence c;
    bool ok = true;
    for (auto [key, slot] : {std::pair<std::string_view, double*>{"jaccard", &c.jaccard},
                             std::pair<std::string_view, double*>{"containment", &c.containment}}) {
      const auto* n = x.value(key);
      if (!n) {
        problem(at, x.label + ": missing field " + json_quoted(key));
        ok = false;
      } else if (!n->is_number() || n->to_number<double>() < 0 || n->to_number<double>() > 1) {
        problem(at.field(key), x.label + ": field " + json_quoted(key) + ": expected a number from 0 to 1");
        ok = false;
      } else {
        *slot = n->to_number<double>();
      }
    }
    if (const auto* u = x.value("undecided")) {
      if (!u->is_bool()) {
        problem(at.field("undecided"),
                x.label + ": field \"undecided\": expected true or false, found " + std::string(json_kind_name(*u)));
        ok = false;
      } else {
        c.undecided = u->as_bool();
      }
    }
    x.check_unknown();
    if (ok) r.reuse = c;
  }

  void read_part(fields& f, article_part& part) {
    if (auto s = f.text("part", false)) {
      auto parsed = article_part_from_string(*s);
      if (!parsed || *parsed == article_part::unknown) {
        std::string names;
        for (article_part a : all_article_parts) {
          if (a == article_part::unknown) continue;
          if (!names.empty()) names += ", ";
          names += to_string(a);
        }
        problem(f.at.field("part"),
                f.label + ": field \"part\": expected one of " + names + ", found " + json_quoted(*s));
      } else {
        part = *parsed;
      }
    }
  }

  // A [begin, end] pair of character offsets at `at`, begin at most end.
  std::optional<char_span> read_span(const boost::json::value& v, const json_where& at, const std::string& what) {
    const auto offset = [](const boost::json::value& x) -> std::optional<std::size_t> {
      if (x.is_int64() && x.as_int64() >= 0) return static_cast<std::size_t>(x.as_int64());
      if (x.is_uint64()) return static_cast<std::size_t>(x.as_uint64());
      return std::nullopt;
    };
    if (v.is_array() && v.as_array().size() == 2) {
      const auto b = offset(v.as_array()[0]), e = offset(v.as_array()[1]);
      if (b && e && *b <= *e) return char_span{*b, *e};
    }
    problem(at, what + ": expected [begin, end], two character offsets with begin at most end");
    return std::nullopt;
  }

  // The object of field "extracted" of `f`, as fields to read, or none: a
  // problem when it is no object.
  std::optional<fields> extracted_fields(fields& f) {
    const auto* v = f.value("extracted");
    if (!v) return std::nullopt;
    const json_where at = f.at.field("extracted");
    if (!v->is_object()) {
      problem(at, f.label + ": field \"extracted\": expected an object, found " + std::string(json_kind_name(*v)));
      return std::nullopt;
    }
    return fields{*this, v->as_object(), at, f.label + ": extracted", {}};
  }

  // "extracted" on an agent, event, claim or upstream statement: the article
  // the extractor first read it in, and for an agent whether the gazetteer knew it.
  void read_mark(fields& f, std::optional<extraction_mark>& out, bool agent) {
    auto ex = extracted_fields(f);
    if (!ex) return;
    fields& x = *ex;
    const json_where at = x.at;
    extraction_mark m;
    bool ok = true;
    if (auto file = x.text("file", true)) {
      m.file = *file;
    } else {
      ok = false;
    }
    // Only an agent comes from the gazetteer: elsewhere the field is unknown.
    if (const auto* known = agent ? x.value("gazetteer") : nullptr) {
      if (!known->is_bool()) {
        problem(at.field("gazetteer"), x.label + ": field \"gazetteer\": expected true or false, found " +
                                           std::string(json_kind_name(*known)));
        ok = false;
      } else {
        m.gazetteer = known->as_bool();
      }
    }
    x.check_unknown();
    if (ok) out = std::move(m);
  }

  // "extracted": where the extractor read the statement (docs/format.md).
  void read_evidence(fields& f, std::optional<text_evidence>& out) {
    auto ex = extracted_fields(f);
    if (!ex) return;
    fields& x = *ex;
    const json_where at = x.at;
    text_evidence e;
    bool ok = true;
    if (auto file = x.text("file", true)) {
      e.file = *file;
    } else {
      ok = false;
    }
    if (const auto* c = x.value("content")) {
      auto span = read_span(*c, at.field("content"), x.label + ": field \"content\"");
      ok = ok && span;
      if (span) e.content = *span;
    } else {
      problem(at, x.label + ": missing field \"content\"");
      ok = false;
    }
    if (const auto* sim = x.value("similarity")) {
      if (!sim->is_number() || sim->to_number<double>() < 0 || sim->to_number<double>() > 1) {
        problem(at.field("similarity"), x.label + ": field \"similarity\": expected a number from 0 to 1");
        ok = false;
      } else {
        e.similarity = sim->to_number<double>();
      }
    }
    if (const auto* hops = x.value("hops")) {
      if (!hops->is_array()) {
        problem(at.field("hops"),
                x.label + ": field \"hops\": expected an array, found " + std::string(json_kind_name(*hops)));
        ok = false;
      } else {
        for (std::size_t i = 0; i < hops->as_array().size(); ++i) {
          const auto& h = hops->as_array()[i];
          const json_where hat = at.field("hops").index(i);
          const std::string label = x.label + ": hops[" + std::to_string(i) + "]";
          if (!h.is_object()) {
            problem(hat, label + ": expected an object, found " + std::string(json_kind_name(h)));
            ok = false;
            continue;
          }
          fields hf{*this, h.as_object(), hat, label, {}};
          text_evidence::hop hop;
          if (const auto* src = hf.value("source")) {
            auto span = read_span(*src, hat.field("source"), label + ": field \"source\"");
            ok = ok && span;
            if (span) hop.source = *span;
          } else {
            problem(hat, label + ": missing field \"source\"");
            ok = false;
          }
          if (const auto* cue = hf.value("cue"); cue && !cue->is_null()) {
            auto span = read_span(*cue, hat.field("cue"), label + ": field \"cue\"");
            ok = ok && span;
            hop.cue = span;
          }
          if (auto w = hf.text("cue_word", true)) {
            hop.cue_word = *w;
          } else {
            ok = false;
          }
          hf.check_unknown();
          e.hops.push_back(std::move(hop));
        }
      }
    }
    x.check_unknown();
    if (ok) out = std::move(e);
  }

  void record(section s, const boost::json::value& v, const json_where& at, bool lines) {
    static constexpr std::string_view names[] = {"agent", "event", "claim", "statement", "report", "derivation"};
    auto what = names[static_cast<int>(s)];
    if (!v.is_object()) {
      problem(at, std::string(what) + " #" + std::to_string(index_of(at) + 1) + ": expected an object, found " +
                      std::string(json_kind_name(v)));
      return;
    }
    fields f = open(v.as_object(), at, what, lines ? 0 : index_of(at), lines);
    std::size_t before = problem_count();
    // Every id is checked for uniqueness here, before any record is built, so
    // a duplicate is found even when one of the two has other problems.
    const auto* idv = v.as_object().if_contains("id");
    std::string id = idv && idv->is_string() ? std::string(idv->as_string()) : std::string();
    if (!id.empty() && s != section::reports && s != section::derivations) {
      // One id space: a statement id is looked for among the names too, and a name among statement ids.
      std::string_view already;
      if (s == section::statements) {
        if (auto n = name_ids.find(id)) {
          already = name_kinds[*n];
        } else if (!statement_ids.intern(id).second) {
          already = "statement";
        }
      } else if (statement_ids.find(id)) {
        already = "statement";
      } else if (auto [symbol, added] = name_ids.intern(id); added) {
        name_kinds.push_back(what);
      } else {
        already = name_kinds[symbol];
      }
      if (!already.empty()) {
        problem(at.field("id"), f.label + ": duplicate id, already names " + std::string(already));
        invalid_ids.insert(id);
        return;
      }
    }
    struct invalid_on_problem {
      corpus_parser& p;
      std::size_t before;
      const std::string& id;
      ~invalid_on_problem() {
        if (p.problem_count() != before && !id.empty()) p.invalid_ids.insert(id);
      }
    } guard{*this, before, id};
    switch (s) {
      case section::agents: {
        agent_record r{at, {}, {}, {}, {}};
        r.id = f.text("id", true).value_or("");
        r.name = f.text("name", false).value_or("");
        r.kind = f.text("kind", true).value_or("");
        if (const auto* fv = f.value("fields")) {
          if (!fv->is_object()) {
            problem(at.field("fields"),
                    f.label + ": field \"fields\": expected an object, found " + std::string(json_kind_name(*fv)));
          } else {
            for (const auto& member : fv->as_object()) {
              const boost::json::value& x = member.value();
              std::optional<field_value> value;
              if (x.is_string()) {
                value = std::string(x.as_string());
              } else if (x.is_int64()) {
                value = x.as_int64();
              } else if (x.is_uint64()) {
                // Beyond the range of int64 only: no kind's whole-number field holds it.
              } else if (x.is_double()) {
                value = x.as_double();
              } else if (x.is_bool()) {
                value = x.as_bool();
              }
              if (!value) {
                problem(
                    at.field("fields").field(member.key()),
                    f.label + ": field " + json_quoted(member.key()) +
                        ": expected a string, a number or true or false, found " +
                        (x.is_uint64() ? std::string("a number beyond 64-bit range") : std::string(json_kind_name(x))));
                continue;
              }
              r.fields.emplace_back(std::string(member.key()), std::move(*value));
            }
          }
        }
        read_mark(f, r.mark, true);
        f.check_unknown();
        if (problem_count() == before) agents.push_back(std::move(r));
        break;
      }
      case section::events: {
        event_record r;
        r.at = at;
        r.id = f.text("id", true).value_or("");
        r.kind_text = f.text("kind", true).value_or("");
        if (!r.kind_text.empty()) {
          if (auto k = event_kind_from_string(r.kind_text)) {
            r.kind = *k;
          } else {
            problem(at.field("kind"), f.label + ": field \"kind\": expected one of " + event_kind_names() + ", found " +
                                          json_quoted(r.kind_text));
          }
        }
        if (auto d = f.text("date", false)) {
          std::string why;
          if (!partial_date::try_parse(*d, &why)) {
            problem(at.field("date"), f.label + ": field \"date\": invalid date " + json_quoted(*d) + ": " + why);
          }
          r.date = *d;
        }
        r.host = f.text("host", false).value_or("");
        r.info.title = f.text("title", false).value_or("");
        r.info.byline = f.text("byline", false).value_or("");
        r.info.url = f.text("url", false).value_or("");
        r.info.place = f.text("place", false).value_or("");
        r.info.note = f.text("note", false).value_or("");
        if (const auto* audience = f.value("audience")) {
          if (!audience->is_array()) {
            problem(at.field("audience"), f.label + ": field \"audience\": expected an array of agent ids, found " +
                                              std::string(json_kind_name(*audience)));
          } else {
            const auto& members = audience->as_array();
            std::unordered_set<std::string_view> listed;
            for (std::size_t i = 0; i < members.size(); ++i) {
              json_where mat = at.field("audience").index(i);
              if (!members[i].is_string() || members[i].as_string().empty()) {
                problem(mat, f.label + ": audience[" + std::to_string(i) + "]: expected an agent id, found " +
                                 (members[i].is_string() ? std::string("an empty string")
                                                         : std::string(json_kind_name(members[i]))));
                continue;
              }
              std::string_view member(members[i].as_string());
              if (!listed.insert(member).second) {
                problem(mat,
                        f.label + ": audience[" + std::to_string(i) + "]: " + json_quoted(member) + " is listed twice");
                continue;
              }
              r.audience.emplace_back(std::string(member), mat);
            }
          }
        }
        read_mark(f, r.mark, false);
        f.check_unknown();
        if (problem_count() == before) events.push_back(std::move(r));
        break;
      }
      case section::claims: {
        claim_record r;
        r.at = at;
        r.id = f.text("id", true).value_or("");
        r.text = f.text("text", true).value_or("");
        read_details(f, r.details);
        read_mark(f, r.mark, false);
        f.check_unknown();
        if (problem_count() == before) claims.push_back(std::move(r));
        break;
      }
      case section::statements: {
        statement_record r;
        r.at = at;
        r.id = f.text("id", true).value_or("");
        r.agent = f.text("agent", true).value_or("");
        r.claim = f.text("claim", true).value_or("");
        r.event = f.text("event", false).value_or("");
        read_stated(f, r.stated);
        read_part(f, r.part);
        // An "extracted" with only a file marks a statement a chain reached;
        // anything more is the evidence of one read from the text.
        if (const auto* x = f.value("extracted");
            x && x->is_object() && x->as_object().size() == 1 && x->as_object().contains("file"))
          read_mark(f, r.mark, false);
        else
          read_evidence(f, r.evidence);
        f.check_unknown();
        if (problem_count() == before) statements.push_back(std::move(r));
        break;
      }
      case section::reports: {
        report_record r;
        r.at = at;
        f.label = std::string(what) + (lines ? "" : " #" + std::to_string(index_of(at) + 1));
        r.source = f.text("source", true).value_or("");
        r.claim = f.text("claim", true).value_or("");
        if (!r.claim.empty()) f.label = "report of claim " + json_quoted(r.claim);
        read_stated(f, r.stated);
        read_part(f, r.mention.part);
        if (auto label = f.text("label", false)) {
          if (label->empty()) {
            problem(at.field("label"), f.label + ": field \"label\": expected a non-empty string");
          }
          r.mention.label = *label;
        }
        if (const auto* via = f.value("via")) {
          if (!via->is_array()) {
            problem(at.field("via"),
                    f.label + ": field \"via\": expected an array, found " + std::string(json_kind_name(*via)));
          } else {
            const auto& hops = via->as_array();
            for (std::size_t i = 0; i < hops.size(); ++i) {
              json_where hat = at.field("via").index(i);
              hop_record h;
              h.at = hat;
              if (hops[i].is_string()) {
                h.source = std::string(hops[i].as_string());
              } else if (hops[i].is_object()) {
                fields hf{*this, hops[i].as_object(), hat, f.label + ": via[" + std::to_string(i) + "]", {}};
                auto src = hf.text("source", false);
                auto ag = hf.text("agent", false);
                auto ev = hf.text("event", false);
                if (src && (ag || ev)) {
                  problem(hat, hf.label + ": give \"source\", or \"agent\" with \"event\", not both");
                } else if (!src && !(ag && ev)) {
                  problem(hat, hf.label + ": missing field \"source\" (or \"agent\" with \"event\")");
                }
                h.source = src.value_or("");
                h.agent = ag.value_or("");
                h.event = ev.value_or("");
                read_kind(hf, h.kind);
                read_basis(hf, h.basis);
                read_stated(hf, h.stated);
                hf.check_unknown();
              } else {
                problem(hat, f.label + ": via[" + std::to_string(i) + "]: expected a string or an object, found " +
                                 std::string(json_kind_name(hops[i])));
              }
              r.via.push_back(std::move(h));
            }
          }
        }
        f.check_unknown();
        if (problem_count() == before) reports.push_back(std::move(r));
        break;
      }
      case section::derivations: {
        derivation_record r;
        r.at = at;
        f.label = std::string(what) + (lines ? "" : " #" + std::to_string(index_of(at) + 1));
        r.from = f.text("from", true).value_or("");
        r.to = f.text("to", true).value_or("");
        read_kind(f, r.kind);
        read_basis(f, r.basis);
        read_reuse(f, r);
        f.check_unknown();
        if (problem_count() == before) derivations.push_back(std::move(r));
        break;
      }
    }
  }

  // A problem's place (its line, and its byte offset in the text, which
  // orders it within the line as its column would), and its order of
  // discovery to keep equal places in order.
  struct position {
    std::size_t line = 0, offset = 0, seen = 0;
  };
  static bool earlier(const position& a, const position& b) {
    if (a.line != b.line) return a.line < b.line;
    if (a.offset != b.offset) return a.offset < b.offset;
    return a.seen < b.seen;
  }
  struct kept_problem {
    position at;
    std::string message;
  };
  static bool later(const kept_problem& a, const kept_problem& b) { return earlier(a.at, b.at); }
  void omit(const position& at) {
    if (first_omitted_.line == 0 || earlier(at, first_omitted_)) first_omitted_ = at;
  }

  std::string_view text_;
  std::string file_;
  read_limits limits_;
  line_index text_lines_{text_};
  std::size_t records_ = 0;
  bool stopped_ = false;
  std::size_t total_ = 0;
  std::vector<kept_problem> kept_;
  position first_omitted_;
  std::optional<json_positions> document_positions_;
  std::optional<json_positions> line_positions_;
  std::size_t line_positions_line_ = 0;
#ifdef SOURCETRACE_HAVE_SIMDJSON
  simdjson::ondemand::parser fast_parser_;
  last_name last_agent_, last_claim_, last_event_;
  std::string fast_padded_;  // a line near the end of the text, copied with simdjson's padding
#endif
};

}  // namespace SOURCETRACE_DETAIL_READER
#undef SOURCETRACE_DETAIL_READER

// Returns the names of the kinds of graph type G, "organization, person, ...".
template <class Graph>
std::string kind_names() {
  std::string out;
  for (const auto& k : Graph::kinds) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

}  // namespace detail

/// Reads a corpus from `text`; `file` names it in error messages. Every
/// problem is found; if there is any, nothing is loaded and `corpus_error`
/// describes them (the first `options.limits.max_errors` by position) and
/// counts them all. Cycles are legal data and load.
/// @throws corpus_error describing the problems, each with file, line,
/// column, the offending record, field or id, what was expected and what was
/// found; its `total()` counts them all.
template <class Graph = provenance_graph>
Graph read_corpus(std::string_view text, std::string_view file, read_options options = {}) {
  // A UTF-8 byte-order mark is not JSON, but editors write it: skip it.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.size() > options.limits.max_bytes) {
    throw corpus_error(
        {parse_error(std::string(file), 1, 0, detail::bytes_over_limit(text.size(), options.limits.max_bytes))});
  }
  detail::corpus_parser p(text, std::string(file), options.limits);
  corpus_format format;
  if (options.format) {
    format = *options.format;
  } else if (file.ends_with(".jsonl") || file.ends_with(".ndjson")) {
    format = corpus_format::json_lines;
  } else if (file.ends_with(".json")) {
    format = corpus_format::json;
  } else {
    // A first line that is a whole object with a "record" key means JSON Lines.
    auto first = text.substr(0, text.find('\n'));
    boost::system::error_code ec;
    auto v = boost::json::parse(first, ec);
    format =
        (!ec && v.is_object() && v.as_object().contains("record")) ? corpus_format::json_lines : corpus_format::json;
  }
  if (format == corpus_format::json) {
    p.parse_document(options);
  } else {
    p.parse_lines(options);
  }
  if (p.stopped()) p.throw_if_problems();

  // Build in dependency order, checking every reference; a record with a
  // problem is skipped so that the rest can still be checked.
  Graph g;
  // Runs `add`; a failure is reported at `at`, and `id` (if any) is marked so
  // that records referring to it are not reported again.
  auto attempt = [&](const detail::json_where& at, const std::string& label, const std::string& id, auto&& add) {
    std::size_t before = p.problem_count();
    try {
      add();
    } catch (const error& e) {
      p.problem(at, label + ": " + e.what());
    }
    if (p.problem_count() != before && !id.empty()) p.invalid_ids.insert(id);
  };
  // Checks that `id`, written in `field` of the record at `at` (or exactly at
  // `element`, for a member of an array), names a `want`.
  auto ref = [&](const detail::json_where& at, const std::string& label, std::string_view field, std::string_view id,
                 record_kind want, const detail::json_where* element = nullptr) {
    auto k = g.kind_of(id);
    if (k == want) return true;
    if (!k && p.invalid_ids.contains(std::string(id))) return false;  // already reported
    std::string message = label + ": field " + detail::json_quoted(field) + ": ";
    if (!k) {
      message += "unknown " + std::string(to_string(want)) + " id " + detail::json_quoted(id);
    } else {
      message += "id " + detail::json_quoted(id) + " names " + std::string(to_string(*k)) + ", expected " +
                 std::string(to_string(want));
    }
    p.problem(element ? *element : at.field(field), message);
    return false;
  };
  auto speaker_ok = [&](const detail::json_where& at, const std::string& label, std::string_view id) {
    auto k = g.kind_of(id);
    if (k == record_kind::agent) return true;
    if (!k && p.invalid_ids.contains(std::string(id))) return false;  // already reported
    if (k == record_kind::event) {
      if (g[g.event_id(id)].host.valid()) return true;
      p.problem(at, label + ": event " + detail::json_quoted(id) +
                        " has no host; name the speaker with \"agent\" and \"event\"");
      return false;
    }
    p.problem(at, label + ": " +
                      (k ? "id " + detail::json_quoted(id) + " names " + std::string(to_string(*k)) +
                               ", expected agent or event"
                         : "unknown agent or event id " + detail::json_quoted(id)));
    return false;
  };

  for (const auto& r : p.agents) {
    std::string label = "agent " + detail::json_quoted(r.id);
    auto kind = Graph::find_kind(r.kind);
    if (!kind) {
      p.problem(r.at.field("kind"), label + ": field \"kind\": expected one of " + detail::kind_names<Graph>() +
                                        ", found " + detail::json_quoted(r.kind));
      p.invalid_ids.insert(r.id);
      continue;
    }
    // The kind's own reader: a field it refuses is reported at that field, and
    // anything else it throws at the record's fields, never as a bare exception.
    std::optional<typename Graph::kind_variant> k;
    try {
      k = Graph::make_kind(*kind, r.fields);
    } catch (const field_error& e) {
      p.problem(r.at.field("fields").field(e.field()), label + ": " + e.what());
    } catch (const std::exception& e) {
      p.problem(r.at.field("fields"),
                label + ": kind " + std::string(Graph::kinds[*kind].name) + " refused its fields: " + e.what());
    }
    if (!k) {
      p.invalid_ids.insert(r.id);
      continue;
    }
    attempt(r.at, label, r.id, [&] {
      g.add_agent(r.id, r.name, std::move(*k));
      if (r.mark) g.mark_extracted(r.id, *r.mark);
    });
  }
  for (const auto& r : p.events) {
    std::string label = "event " + detail::json_quoted(r.id);
    if (!r.host.empty() && !ref(r.at, label, "host", r.host, record_kind::agent)) {
      p.invalid_ids.insert(r.id);
      continue;
    }
    bool ok = true;
    for (const auto& [member, mat] : r.audience)
      ok = ref(r.at, label, "audience", member, record_kind::agent, &mat) && ok;
    if (!ok) {
      p.invalid_ids.insert(r.id);
      continue;
    }
    attempt(r.at, label, r.id, [&] {
      auto e = g.add_event(r.id, r.kind, r.date.empty() ? std::nullopt : std::optional(partial_date::parse(r.date)),
                           r.host.empty() ? agent_handle{} : g.agent_id(r.host), r.info);
      std::vector<agent_handle> members;
      members.reserve(r.audience.size());
      for (const auto& member : r.audience) members.push_back(g.agent_id(member.first));
      g.add_audience(e, members);
      if (r.mark) g.mark_extracted(r.id, *r.mark);
    });
  }
  for (const auto& r : p.claims) {
    std::string label = "claim " + detail::json_quoted(r.id);
    attempt(r.at, label, r.id, [&] {
      g.add_claim(r.id, r.text, r.details);
      if (r.mark) g.mark_extracted(r.id, *r.mark);
    });
  }
  auto add_statement = [&](const detail::statement_record& r) {
    std::string label = "statement " + detail::json_quoted(r.id);
    bool ok = ref(r.at, label, "agent", r.agent, record_kind::agent);
    ok = ref(r.at, label, "claim", r.claim, record_kind::claim) && ok;
    if (!r.event.empty()) ok = ref(r.at, label, "event", r.event, record_kind::event) && ok;
    if (!ok) {
      p.invalid_ids.insert(r.id);
      return;
    }
    attempt(r.at, label, r.id, [&] {
      const auto v = g.add_statement(r.id, r.agent, r.claim, r.event, r.stated, r.part);
      if (r.evidence) g.set_evidence(v, *r.evidence);
      if (r.mark) g.mark_extracted(r.id, *r.mark);
    });
  };
  // JSON Lines: the statements in the order of their lines. A line the fast
  // parser read names its agent, claim and event by number: each number's
  // handle is looked up once. Anything missing (a record that had a problem)
  // leaves the line to the full checks, which say what is wrong and where.
  // By statement id number; sized even when no statement line was kept
  // (all had problems), as derivation lines may still name their ids.
  std::vector<std::uint32_t> vertex_of(p.statement_ids.size(), detail::no_symbol);
  if (p.statement_lines.empty()) {
    for (const auto& r : p.statements) add_statement(r);
  } else {
    std::vector<std::uint32_t> handle_of(p.name_ids.size(), detail::no_symbol);  // by name number
    for (std::uint32_t n = 0; n < p.name_ids.size(); ++n) {
      const std::string_view kind = p.name_kinds[n], id = p.name_ids[n];
      std::optional<std::uint32_t> h;
      if (kind == "agent") {
        if (auto a = g.find_agent(id)) h = a->index;
      } else if (kind == "event") {
        if (auto e = g.find_event(id)) h = e->index;
      } else if (kind == "claim") {
        if (auto c = g.find_claim(id)) h = c->index;
      }
      if (h) handle_of[n] = *h;
    }
    g.reserve(p.statement_lines.size(), p.statement_ids.bytes());
    for (const auto& r : p.statement_lines) {
      if (r.full != detail::no_symbol) {
        const auto& full = p.statements[r.full];
        add_statement(full);
        if (auto id = p.statement_ids.find(full.id)) {
          if (auto v = g.find_statement(full.id)) vertex_of[*id] = *v;
        }
        continue;
      }
      const std::uint32_t a = handle_of[r.agent], c = handle_of[r.claim];
      const std::uint32_t e = r.event == detail::no_symbol ? detail::no_symbol : handle_of[r.event];
      if (a != detail::no_symbol && c != detail::no_symbol &&
          (r.event == detail::no_symbol || e != detail::no_symbol)) {
        try {
          vertex_of[r.id] = g.add_statement(p.statement_ids[r.id], agent_handle{a}, claim_handle{c},
                                            e == detail::no_symbol ? event_handle{} : event_handle{e});
          continue;
        } catch (const error&) {
          // Left to the full checks below, which say where.
        }
      }
      detail::statement_record full;
      full.at = p.where_of(r.line_start);
      full.id = p.statement_ids[r.id];
      full.agent = p.name_ids[r.agent];
      full.claim = p.name_ids[r.claim];
      if (r.event != detail::no_symbol) full.event = p.name_ids[r.event];
      add_statement(full);
      if (auto v = g.find_statement(full.id)) vertex_of[r.id] = *v;
    }
  }
  for (const auto& r : p.reports) {
    std::string label = "report of claim " + detail::json_quoted(r.claim);
    bool ok = ref(r.at, label, "claim", r.claim, record_kind::claim);
    ok = speaker_ok(r.at.field("source"), label + ": field \"source\"", r.source) && ok;
    for (std::size_t i = 0; i < r.via.size(); ++i) {
      const auto& h = r.via[i];
      std::string hl = label + ": via[" + std::to_string(i) + "]";
      if (!h.source.empty()) {
        ok = speaker_ok(h.at.field("source"), hl, h.source) && ok;
      } else {
        ok = ref(h.at, hl, "agent", h.agent, record_kind::agent) && ok;
        ok = ref(h.at, hl, "event", h.event, record_kind::event) && ok;
      }
    }
    if (!ok) continue;
    attempt(r.at, label, {}, [&] {
      auto chain = g.report(r.source, r.claim, r.stated, r.mention);
      for (std::size_t i = 0; i < r.via.size(); ++i) {
        const auto& h = r.via[i];
        try {
          if (!h.source.empty())
            chain.via(h.source, h.kind, h.stated, h.basis);
          else
            chain.via(h.agent, h.event, h.kind, h.stated, h.basis);
        } catch (const error& e) {
          p.problem(h.at, label + ": via[" + std::to_string(i) + "]: " + e.what());
          return;
        }
      }
    });
  }
  auto add_derivation = [&](const detail::derivation_record& r) {
    std::string label = "derivation " + detail::json_quoted(r.from) + " -> " + detail::json_quoted(r.to);
    bool ok = ref(r.at, label, "from", r.from, record_kind::statement);
    ok = ref(r.at, label, "to", r.to, record_kind::statement) && ok;
    if (!ok) return;
    attempt(r.at, label, {}, [&] {
      const auto e = g.add_derivation(r.from, r.to, r.kind, r.basis);
      if (r.reuse) g.set_copy(boost::source(e, g.graph()), boost::target(e, g.graph()), *r.reuse);
    });
  };
  if (p.derivation_lines.empty()) {
    for (const auto& r : p.derivations) add_derivation(r);
  }
  for (const auto& r : p.derivation_lines) {
    if (r.full != detail::no_symbol) {
      add_derivation(p.derivations[r.full]);
      continue;
    }
    const std::uint32_t from = vertex_of[r.from], to = vertex_of[r.to];
    if (from != detail::no_symbol && to != detail::no_symbol) {
      try {
        g.add_derivation(from, to, r.kind, r.basis);
        continue;
      } catch (const error&) {
        // Left to the full checks below, which say where.
      }
    }
    detail::derivation_record full;
    full.at = p.where_of(r.line_start);
    full.from = p.statement_ids[r.from];
    full.to = p.statement_ids[r.to];
    full.kind = r.kind;
    full.basis = r.basis;
    add_derivation(full);
  }

  // Reported in the order of the input, whatever phase found them.
  p.throw_if_problems();
  return g;
}

/// Reads the corpus in file `path`, or standard input (named `<stdin>`) if
/// `path` is "-". The whole file is read before it is parsed: a file that
/// cannot be read whole, or held in memory, is an error, never a shorter corpus.
/// @throws file_error naming the file if it cannot be opened or read whole,
/// e.g. `cannot read big.jsonl: out of memory for its 2.5 GiB`; corpus_error
/// as `read_corpus`.
template <class Graph = provenance_graph>
Graph read_corpus_file(const std::string& path, read_options options = {}) {
  auto in = detail::read_file_text(path, options.limits.max_bytes);
  return read_corpus<Graph>(in.text, in.name, std::move(options));
}

namespace detail {

// Writes corpus records into a buffer handed to the stream in large pieces.
// One function per record kind, shared by the JSON and JSON Lines writers:
// each writes a record's fields from its first key to its closing brace.
class corpus_writer {
 public:
  explicit corpus_writer(std::ostream& out) : out_(out) {}

  std::string s;

  void flush_if_large() {
    if (s.size() > (1 << 20)) flush();
  }
  void flush() {
    out_ << s;
    s.clear();
  }

  void key(std::string_view k, std::string_view v, bool skip_empty = true) {
    if (skip_empty && v.empty()) return;
    s += ", ";
    append_json_string(s, k);
    s += ": ";
    append_json_string(s, v);
  }
  void details(const claim_details& d) {
    key("subject", d.subject);
    key("quantity", d.quantity);
    if (d.when) key("when", d.when->to_string());
    if (d.mode) key("modality", to_string(*d.mode));
  }

  template <class Graph>
  void write_agent(const Graph& g, agent_handle a) {
    s += "\"id\": ";
    append_json_string(s, g[a].id);
    key("name", g[a].name, false);
    key("kind", g.kind_name(a), false);
    auto f = g.kind_fields(a);
    s += ", \"fields\": {";
    for (std::size_t j = 0; j < f.size(); ++j) {
      if (j) s += ", ";
      append_json_string(s, f[j].first);
      s += ": ";
      detail::append_json_field_value(s, f[j].second);
    }
    s += "}";
    if (const extraction_mark* m = g.extracted(g[a].id)) mark(*m, true);
    s += "}";
  }

  void mark(const extraction_mark& m, bool agent) {
    s += ", \"extracted\": {\"file\": ";
    append_json_string(s, m.file);
    if (agent) s += m.gazetteer ? ", \"gazetteer\": true" : ", \"gazetteer\": false";
    s += '}';
  }

  template <class Graph>
  void write_event(const Graph& g, const event& e) {
    s += "\"id\": ";
    append_json_string(s, e.id);
    key("kind", to_string(e.kind));
    if (e.date) key("date", e.date->to_string());
    if (e.host.valid()) key("host", g[e.host].id);
    key("title", e.info.title);
    key("byline", e.info.byline);
    key("url", e.info.url);
    key("place", e.info.place);
    key("note", e.info.note);
    if (!e.audience.empty()) {
      s += ", \"audience\": [";
      for (std::size_t i = 0; i < e.audience.size(); ++i) {
        if (i) s += ", ";
        append_json_string(s, g[e.audience[i]].id);
      }
      s += "]";
    }
    if (const extraction_mark* m = g.extracted(e.id)) mark(*m, false);
    s += "}";
  }

  template <class Graph>
  void write_claim(const Graph& g, const claim& c) {
    s += "\"id\": ";
    append_json_string(s, c.id);
    key("text", c.text, false);
    details(c.details);
    if (const extraction_mark* m = g.extracted(c.id)) mark(*m, false);
    s += "}";
  }

  template <class Graph>
  void write_statement(const Graph& g, std::size_t v) {
    const statement& st = g[v];
    s += "\"id\": ";
    append_json_string(s, g.id(v));
    key("agent", g[st.agent].id);
    key("claim", g[st.claim].id);
    if (st.event.valid()) key("event", g[st.event].id);
    if (const claim_details* d = g.stated(v)) {
      s += ", \"stated\": {";
      std::size_t mark = s.size();
      details(*d);
      if (s.size() > mark) s.erase(mark, 2);  // the first ", "
      s += "}";
    }
    if (g.part(v) != article_part::unknown) key("part", to_string(g.part(v)));
    if (const text_evidence* e = g.evidence(v)) {
      evidence(*e);
    } else if (const extraction_mark* m = g.extracted(g.id(v))) {
      mark(*m, false);
    }
    s += "}";
  }

  void span(char_span c) {
    s += '[';
    s += std::to_string(c.begin);
    s += ", ";
    s += std::to_string(c.end);
    s += ']';
  }
  void evidence(const text_evidence& e) {
    s += ", \"extracted\": {\"file\": ";
    append_json_string(s, e.file);
    s += ", \"content\": ";
    span(e.content);
    s += ", \"hops\": [";
    for (std::size_t i = 0; i < e.hops.size(); ++i) {
      const auto& h = e.hops[i];
      s += i ? ", {\"source\": " : "{\"source\": ";
      span(h.source);
      s += ", \"cue\": ";
      if (h.cue) {
        span(*h.cue);
      } else {
        s += "null";
      }
      key("cue_word", h.cue_word, false);
      s += '}';
    }
    s += "], \"similarity\": ";
    append_number(e.similarity);
    s += '}';
  }

  template <class Graph>
  void write_derivation(const Graph& g, std::size_t from, std::size_t to, const derivation& d) {
    s += "\"from\": ";
    append_json_string(s, g.id(from));
    key("to", g.id(to));
    key("kind", to_string(d.kind));
    if (d.basis != derivation_basis::unstated) key("basis", to_string(d.basis));
    if (const copy_evidence* c = g.copy_of(from, to)) {
      s += ", \"reuse\": {\"jaccard\": ";
      append_number(c->jaccard);
      s += ", \"containment\": ";
      append_number(c->containment);
      if (c->undecided) s += ", \"undecided\": true";
      s += '}';
    }
    s += "}";
  }

  // The shortest text that reads back as the same number: 0.5, 0.22.
  void append_number(double x) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    s.append(buf, r.ptr);
  }

 private:
  std::ostream& out_;
};

// Writes every record of `g` in the order of the corpus format: agents,
// events, claims, statements, derivations, each in the order they were
// added. `layout.section(name)` is called before each kind's records (even
// none), `layout.open(record, first)` before each record and
// `layout.close()` after it.
template <class Graph, class Layout>
void write_corpus_records(corpus_writer& w, const Graph& g, Layout& layout) {
  layout.section("agents");
  for (std::uint32_t i = 0; i < g.agent_count(); ++i) {
    layout.open("agent", i == 0);
    w.write_agent(g, agent_handle{i});
    layout.close();
  }
  layout.section("events");
  for (std::uint32_t i = 0; i < g.event_count(); ++i) {
    layout.open("event", i == 0);
    w.write_event(g, g[event_handle{i}]);
    layout.close();
  }
  layout.section("claims");
  for (std::uint32_t i = 0; i < g.claim_count(); ++i) {
    layout.open("claim", i == 0);
    w.write_claim(g, g[claim_handle{i}]);
    layout.close();
  }
  layout.section("statements");
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    layout.open("statement", v == 0);
    w.write_statement(g, v);
    layout.close();
  }
  layout.section("derivations");
  bool first = true;
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    for (auto [e, end] = boost::out_edges(v, g.graph()); e != end; ++e) {
      layout.open("derivation", first);
      first = false;
      w.write_derivation(g, v, boost::target(*e, g.graph()), g.graph()[*e]);
      layout.close();
    }
  }
}

}  // namespace detail

/// Writes `g` as a corpus JSON document: every agent, event, claim,
/// statement (with its stated details) and derivation, one record per line,
/// in the order they were added. Reading it back gives the same graph.
template <source_kind... Kinds>
void write_corpus(std::ostream& out, const basic_provenance_graph<Kinds...>& g) {
  detail::corpus_writer w(out);
  struct document_layout {
    detail::corpus_writer& w;
    bool first_section = true;
    void section(std::string_view name) {
      w.s += first_section ? "" : "\n  ],";
      first_section = false;
      w.s += "\n  ";
      detail::append_json_string(w.s, name);
      w.s += ": [";
    }
    void open(std::string_view, bool first) { w.s += first ? "\n    {" : ",\n    {"; }
    void close() { w.flush_if_large(); }
  } layout{w};
  w.s += "{\n  \"sourcetrace\": 1,";
  detail::write_corpus_records(w, g, layout);
  w.s += "\n  ]\n}\n";
  w.flush();
}

/// Writes `g` as a corpus in JSON Lines: one record a line, each with its
/// kind as `"record"` (`agent`, `event`, `claim`, `statement`,
/// `derivation`) and otherwise the fields `write_corpus` writes, in the same
/// order. Reading it back gives the same graph; it is the spelling for
/// archives too large to read as one document.
template <source_kind... Kinds>
void write_corpus_lines(std::ostream& out, const basic_provenance_graph<Kinds...>& g) {
  detail::corpus_writer w(out);
  struct lines_layout {
    detail::corpus_writer& w;
    void section(std::string_view) {}
    void open(std::string_view record, bool) {
      w.s += "{\"record\": ";
      detail::append_json_string(w.s, record);
      w.s += ", ";
    }
    void close() {
      w.s += '\n';
      w.flush_if_large();
    }
  } layout{w};
  detail::write_corpus_records(w, g, layout);
  w.flush();
}

}  // namespace sourcetrace
