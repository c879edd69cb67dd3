// SPDX-License-Identifier: BSL-1.0
#pragma once

// A JSON tree that remembers where each value and key starts, built with
// Boost.JSON's basic_parser. boost::json::value drops positions, and PROV-JSON
// errors must name line and column. The parser is given the whole text at
// once, and the handler follows it with a cursor of its own: Boost.JSON has
// checked each token by the time the handler hears of it, so the cursor only
// skips blanks and separators to the token's start and reads to its end.

#include <sourcetrace/detail/line_column.hpp>
#include <sourcetrace/detail/utf8.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace::detail {

struct json_member;

// One JSON value and the offset of its first byte.
struct json_node {
  enum class kind : std::uint8_t { null, boolean, number, string, array, object };
  kind type = kind::null;
  bool integral = false;             // for numbers: no fraction, no exponent
  std::string text;                  // a string's value, a number's or a boolean's lexical form
  std::vector<json_node> items;      // an array's elements
  std::vector<json_member> members;  // an object's members, in order
  std::size_t offset = 0;
};

struct json_member {
  std::string key;
  std::size_t key_offset = 0;
  json_node value;
};

// Returns "null", "true", 42, "a string" (quoted, cut at 40 characters), "an array" or "an object".
inline std::string describe_json(const json_node& n) {
  switch (n.type) {
    case json_node::kind::null: return "null";
    case json_node::kind::boolean:
    case json_node::kind::number: return n.text;
    case json_node::kind::string: {
      std::string s = n.text.size() > 40 ? n.text.substr(0, 40) + "..." : n.text;
      return "\"" + s + "\"";
    }
    case json_node::kind::array: return "an array";
    case json_node::kind::object: return "an object";
  }
  return "?";
}

class json_dom_handler {
 public:
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

  using ec_t = boost::json::error_code;
  using sv_t = boost::json::string_view;

  json_dom_handler(std::string_view text, std::size_t max_string) : text_(text), max_string_(max_string) {}

  // Where the first string or key longer than the limit starts, once one has
  // stopped the parser.
  std::size_t long_string_at() const { return long_at_; }

  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }

  bool on_object_begin(ec_t&) { return open(json_node::kind::object); }
  bool on_object_end(std::size_t, ec_t&) { return close(); }
  bool on_array_begin(ec_t&) { return open(json_node::kind::array); }
  bool on_array_end(std::size_t, ec_t&) { return close(); }

  bool on_key_part(sv_t s, std::size_t, ec_t& ec) {
    if (!in_key_) {
      in_key_ = true;
      key_offset_ = start_after(last_end_);
      key_.clear();
    }
    key_.append(s.data(), s.size());
    return within_string_limit(key_offset_, key_.size(), ec);
  }
  bool on_key(sv_t s, std::size_t n, ec_t& ec) {
    if (!on_key_part(s, n, ec)) return false;
    in_key_ = false;
    last_end_ = token_end(key_offset_);
    stack_.back().keys.push_back({std::move(key_), key_offset_});
    key_.clear();
    return true;
  }

  bool on_string_part(sv_t s, std::size_t, ec_t& ec) {
    begin_scalar(json_node::kind::string);
    scalar_.text.append(s.data(), s.size());
    return within_string_limit(scalar_.offset, scalar_.text.size(), ec);
  }
  bool on_string(sv_t s, std::size_t n, ec_t& ec) {
    if (!on_string_part(s, n, ec)) return false;
    return finish_scalar();
  }
  bool on_number_part(sv_t s, ec_t&) {
    begin_scalar(json_node::kind::number);
    scalar_.text.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t, sv_t s, ec_t& ec) { return number(s, true, ec); }
  bool on_uint64(std::uint64_t, sv_t s, ec_t& ec) { return number(s, true, ec); }
  bool on_double(double, sv_t s, ec_t& ec) { return number(s, false, ec); }
  bool on_bool(bool b, ec_t&) {
    begin_scalar(json_node::kind::boolean);
    scalar_.text = b ? "true" : "false";
    return finish_scalar();
  }
  bool on_null(ec_t&) {
    begin_scalar(json_node::kind::null);
    return finish_scalar();
  }
  bool on_comment_part(sv_t, ec_t&) { return true; }
  bool on_comment(sv_t, ec_t&) { return true; }

  json_node take() { return std::move(root_); }

  // The keys (and array indexes) leading to the value being read, from the
  // root: "entity" / "ex:a" / [1]. Names the place of an error inside a string.
  std::string path() const {
    std::string out;
    for (const auto& f : stack_) {
      if (f.node.type != json_node::kind::array && f.keys.empty()) continue;  // reading a key of this object
      if (!out.empty()) out += " / ";
      if (f.node.type == json_node::kind::array) {
        out += '[';
        out += std::to_string(f.node.items.size());
        out += ']';
      } else {
        out += '"';
        out += utf8_for_message(f.keys.back().first);
        out += '"';
      }
    }
    return out;
  }

 private:
  bool within_string_limit(std::size_t at, std::size_t size, ec_t& ec) {
    if (size <= max_string_) return true;
    long_at_ = at;
    ec = boost::json::error::string_too_large;
    return false;
  }

  struct frame {
    json_node node;
    std::vector<std::pair<std::string, std::size_t>> keys;  // keys waiting for their values
  };

  // Where a value or key starting after byte `end` begins: past blanks and one ':' or ','.
  std::size_t start_after(std::size_t end) const {
    std::size_t i = end == npos ? 0 : end + 1;
    auto blank = [&](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (i < text_.size() && blank(text_[i])) ++i;
    if (i < text_.size() && (text_[i] == ':' || text_[i] == ',')) {
      ++i;
      while (i < text_.size() && blank(text_[i])) ++i;
    }
    return i;
  }

  // The last byte of the token that starts at `at`: the closing quote of a
  // string, the last character of a number or literal, the bracket itself.
  std::size_t token_end(std::size_t at) const {
    const char c = text_[at];
    std::size_t i = at;
    if (c == '"') {
      for (++i; i < text_.size() && text_[i] != '"'; ++i) {
        if (text_[i] == '\\') ++i;
      }
      return i;
    }
    if (c == 't' || c == 'n') return at + 3;
    if (c == 'f') return at + 4;
    if (c == '-' || (c >= '0' && c <= '9')) {
      auto part = [](char x) {
        return (x >= '0' && x <= '9') || x == '-' || x == '+' || x == '.' || x == 'e' || x == 'E';
      };
      while (i + 1 < text_.size() && part(text_[i + 1])) ++i;
      return i;
    }
    return at;  // { [ } ]
  }

  bool open(json_node::kind k) {
    frame f;
    f.node.type = k;
    f.node.offset = start_after(last_end_);
    last_end_ = f.node.offset;
    stack_.push_back(std::move(f));
    return true;
  }
  bool close() {
    frame f = std::move(stack_.back());
    stack_.pop_back();
    // The closing bracket: past blanks (an empty one has no separator to pass).
    std::size_t i = last_end_ + 1;
    while (i < text_.size() && text_[i] != '}' && text_[i] != ']') ++i;
    last_end_ = i;
    attach(std::move(f.node));
    return true;
  }
  void begin_scalar(json_node::kind k) {
    if (in_scalar_) return;
    in_scalar_ = true;
    scalar_ = json_node{};
    scalar_.type = k;
    scalar_.offset = start_after(last_end_);
  }
  bool number(sv_t s, bool integral, ec_t&) {
    begin_scalar(json_node::kind::number);
    scalar_.text.append(s.data(), s.size());
    scalar_.integral = integral;
    return finish_scalar();
  }
  bool finish_scalar() {
    in_scalar_ = false;
    last_end_ = token_end(scalar_.offset);
    attach(std::move(scalar_));
    return true;
  }
  void attach(json_node n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    frame& top = stack_.back();
    if (top.node.type == json_node::kind::array) {
      top.node.items.push_back(std::move(n));
    } else {
      auto [key, key_offset] = std::move(top.keys.back());
      top.keys.pop_back();
      top.node.members.push_back(json_member{std::move(key), key_offset, std::move(n)});
    }
  }

  std::string_view text_;
  std::size_t max_string_;
  std::size_t long_at_ = npos;
  std::size_t last_end_ = npos;
  std::vector<frame> stack_;
  json_node root_;
  json_node scalar_;
  bool in_scalar_ = false;
  bool in_key_ = false;
  std::string key_;
  std::size_t key_offset_ = 0;
};

// The message for invalid UTF-8 at byte `bad` of `text`, which Boost.JSON
// reports only as a syntax error: the key or string that holds it and the
// `path` to it, or the byte if it is outside every string.
inline std::string invalid_utf8_message(std::string_view text, std::size_t bad, const std::string& path) {
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < bad; ++i) {
    if (in_string && text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      in_string = !in_string;
      start = i + 1;
    }
  }
  std::string out = "invalid UTF-8 ";
  if (!in_string) {
    const auto c = static_cast<unsigned char>(text[bad]);
    out += "(byte 0x";
    out += upper_hex[c >> 4];
    out += upper_hex[c & 0xF];
    out += ") outside a string";
    return out;
  }
  std::size_t end = start;
  while (end < text.size() && text[end] != '"' && text[end] != '\n') end += text[end] == '\\' ? 2 : 1;
  end = std::min(end, text.size());
  std::size_t after = end + 1;
  while (after < text.size() &&
         (text[after] == ' ' || text[after] == '\t' || text[after] == '\r' || text[after] == '\n')) {
    ++after;
  }
  const bool key = end < text.size() && text[end] == '"' && after < text.size() && text[after] == ':';
  out += key ? "in key \"" : "in string \"";
  out += utf8_for_message(text.substr(start, end - start));
  out += '"';
  if (!path.empty()) {
    out += " (in ";
    out += path;
    out += ')';
  }
  return out;
}

// Parses `text` into a tree with positions, within `limits` on nesting and strings.
// Throws parse_error "file:line:column: malformed JSON: ..." at the byte where
// parsing failed, "invalid UTF-8 ..." at the first byte that is not UTF-8, or
// the limit hit at the value that is over it.
inline json_node parse_json_with_positions(std::string_view text, std::string_view file_name,
                                           const read_limits& limits = {}) {
  boost::json::parse_options opt;
  opt.max_depth = json_depth_for(limits.max_depth);
  boost::json::basic_parser<json_dom_handler> p(opt, text, limits.max_string);
  boost::json::error_code ec;
  auto fail = [&](std::size_t at) {
    if (const std::size_t long_at = p.handler().long_string_at(); long_at != json_dom_handler::npos) {
      // The parser stopped one byte past the limit: the size is that of the
      // string as written, to its closing quote.
      std::size_t end = long_at + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      auto [line, column] = line_column(text, long_at);
      throw parse_error(std::string(file_name), line, column,
                        string_over_limit(std::min(end, text.size()) - long_at - 1, limits.max_string));
    }
    if (ec == boost::json::error::too_deep) {
      auto [line, column] = line_column(text, at);
      throw parse_error(std::string(file_name), line, column, depth_over_limit(limits.max_depth));
    }
    // Boost.JSON rejects bytes that are not UTF-8 as a syntax error, at that
    // byte or, for a sequence cut short, at the byte that cuts it.
    if (const std::size_t bad = invalid_utf8_at(text); bad <= at) {
      auto [line, column] = line_column(text, bad);
      throw parse_error(std::string(file_name), line, column, invalid_utf8_message(text, bad, p.handler().path()));
    }
    auto [line, column] = line_column(text, at);
    throw parse_error(std::string(file_name), line, column, "malformed JSON: " + ec.message());
  };
  // The whole text at once: the parser stops at the end of the document (or
  // at the byte where it failed) and says how far it read.
  const std::size_t read = p.write_some(true, text.data(), text.size(), ec);
  if (ec) fail(read);
  if (p.done()) {
    // Only blanks may follow the document.
    for (std::size_t i = read; i < text.size(); ++i) {
      char c = text[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        auto [line, column] = line_column(text, i);
        throw parse_error(std::string(file_name), line, column,
                          "malformed JSON: expected the end of the document, got more text");
      }
    }
  } else {
    p.write_some(false, nullptr, 0, ec);
    if (ec) fail(text.size());
    if (!p.done()) fail(text.size());
  }
  return p.handler().take();
}

}  // namespace sourcetrace::detail
