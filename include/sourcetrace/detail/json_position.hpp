// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <sourcetrace/detail/line_column.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sourcetrace::detail {

// Where each value of a JSON text starts, by JSON pointer ("/agents/3/kind").
//
// Boost.JSON's DOM keeps no positions, so error messages would lose the line
// and column. This index is built only after Boost.JSON has accepted the
// text, and only when an error needs a position: it walks the already-valid
// text once, tracking strings and nesting, and never interprets a value. It
// is not a parser: anything it does not expect ends the walk, and lookups
// then fall back to the nearest indexed ancestor.
class json_positions {
 public:
  explicit json_positions(std::string_view text) : text_(text) {}

  // Returns the 1-based line and column of the value at `pointer`, or of its
  // nearest ancestor that was indexed.
  std::pair<std::size_t, std::size_t> locate(std::string_view pointer) { return line_column(offset_of(pointer)); }

  // Returns the byte offset of the value at `pointer`, or of its nearest
  // ancestor that was indexed.
  std::size_t offset_of(std::string_view pointer) {
    if (!built_) build();
    std::string p(pointer);
    for (;;) {
      if (auto it = offsets_.find(p); it != offsets_.end()) return it->second;
      auto slash = p.rfind('/');
      if (slash == std::string::npos || p.empty()) return 0;
      p.resize(slash);
    }
  }

  // Returns the 1-based line and column of byte `offset`.
  std::pair<std::size_t, std::size_t> line_column(std::size_t offset) { return lines_.locate(offset); }

 private:
  void build() {
    built_ = true;
    pos_ = 0;
    std::string pointer;
    value(pointer, 0);
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  // Reads a string at pos_ and returns it with escapes of the common kinds
  // decoded (enough to match object keys); pos_ ends after the closing quote.
  std::string string() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        char e = text_[pos_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': out += "\\u"; break;  // kept verbatim: such keys are not ours
          default: out += e;
        }
      } else {
        out += c;
      }
    }
    ++pos_;  // closing quote
    return out;
  }

  static std::string escape_token(const std::string& key) {
    std::string out;
    for (char c : key) {
      if (c == '~')
        out += "~0";
      else if (c == '/')
        out += "~1";
      else
        out += c;
    }
    return out;
  }

  // Indexes the value at pos_ under `pointer`. Depth is bounded by the caller's
  // parser limits (the text was accepted by Boost.JSON), and also here.
  void value(std::string& pointer, int depth) {
    skip_space();
    if (pos_ >= text_.size() || depth > 1000) return;
    offsets_.emplace(pointer, pos_);
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      for (;;) {
        skip_space();
        if (pos_ >= text_.size()) return;
        if (text_[pos_] == '}') {
          ++pos_;
          return;
        }
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (text_[pos_] != '"') return;
        std::string key = string();
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != ':') return;
        ++pos_;
        auto size = pointer.size();
        pointer += '/';
        pointer += escape_token(key);
        value(pointer, depth + 1);
        pointer.resize(size);
      }
    } else if (c == '[') {
      ++pos_;
      std::size_t index = 0;
      for (;;) {
        skip_space();
        if (pos_ >= text_.size()) return;
        if (text_[pos_] == ']') {
          ++pos_;
          return;
        }
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        auto size = pointer.size();
        pointer += '/';
        pointer += std::to_string(index++);
        value(pointer, depth + 1);
        pointer.resize(size);
      }
    } else if (c == '"') {
      string();
    } else {
      const std::size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t') {
        ++pos_;
      }
      // A stray '}' in an array ("[}"): text no parser accepted, indexed
      // when a limit stopped the reading first. Step over it, or the array
      // would ask for the same value forever.
      if (pos_ == from) ++pos_;
    }
  }

  std::string_view text_;
  line_index lines_{text_};
  std::size_t pos_ = 0;
  bool built_ = false;
  std::unordered_map<std::string, std::size_t> offsets_;
};

// What one walk over an accepted JSON text finds that Boost.JSON does not
// report: object keys that repeat a key of the same object (Boost.JSON keeps
// the last silently; the readers report them, so no data is dropped unseen),
// and strings or keys longer than a limit.
struct json_text_scan {
  std::vector<std::pair<std::size_t, std::string>> duplicate_keys;  // offset of the key's quote, the key
  std::vector<std::pair<std::size_t, std::size_t>> long_strings;    // offset of the quote, bytes as written
};

// Walks `text`, which Boost.JSON has already accepted, once. Keys are
// compared as written (escapes not decoded); an object's keys go into a
// hash set once it has more than a few, so a huge object stays linear.
inline json_text_scan scan_json_text(std::string_view text, std::size_t max_string) {
  json_text_scan out;
  struct open_value {
    bool object = false;
    std::vector<std::string_view> few;
    std::unordered_set<std::string_view> many;
    bool seen(std::string_view key) {
      if (many.empty() && few.size() < 16) {
        if (std::find(few.begin(), few.end(), key) != few.end()) return true;
        few.push_back(key);
        return false;
      }
      if (many.empty()) many.insert(few.begin(), few.end());
      return !many.insert(key).second;
    }
  };
  std::vector<open_value> stack;
  bool expect_key = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      std::string_view body = text.substr(start + 1, std::min(i, text.size()) - start - 1);
      if (body.size() > max_string) out.long_strings.emplace_back(start, body.size());
      if (expect_key && !stack.empty() && stack.back().object && stack.back().seen(body)) {
        out.duplicate_keys.emplace_back(start, std::string(body));
      }
      expect_key = false;
    } else if (c == '{' || c == '[') {
      stack.emplace_back();
      stack.back().object = c == '{';
      expect_key = c == '{';
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      expect_key = !stack.empty() && stack.back().object;
    }
  }
  return out;
}

}  // namespace sourcetrace::detail
