// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// PROV-N (W3C Recommendation, 30 April 2013): a writer and a reader. The
/// reader's lexical rules (qualified names, strings, IRIs, comments) are
/// Boost.Spirit X3 parsers; the document structure is walked by hand so that
/// every error names its line and column and what was expected.

#include <sourcetrace/detail/line_column.hpp>
#include <sourcetrace/detail/utf8.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <boost/spirit/home/x3.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace {

namespace detail {

// Characters that must be escaped with '\' in the local part of a PROV-N qualified name.
inline bool provn_escaped_char(char c) {
  return c == '=' || c == '\'' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '[' || c == ']';
}

// Writes qualified name `q` for PROV-N: characters PROV-N reserves escaped
// with '\', blanks and other characters a name cannot hold as %XX.
inline std::string provn_qname(std::string_view q) {
  std::string out;
  std::size_t colon = q.starts_with("_:") ? 1 : q.find(':');
  std::size_t local = 0;
  if (colon != std::string_view::npos) {
    out.append(q.substr(0, colon + 1));
    local = colon + 1;
  }
  static constexpr char hex[] = "0123456789ABCDEF";
  for (std::size_t i = local; i < q.size(); ++i) {
    char c = q[i];
    auto u = static_cast<unsigned char>(c);
    bool edge = i == local || i + 1 == q.size();
    if (provn_escaped_char(c) || (edge && (c == '.' || (c == '-' && i == local)))) {
      out += '\\';
      out += c;
    } else if (u <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7F) {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

// Writes `s` as a PROV-N string literal.
inline std::string provn_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

inline std::string provn_value(const prov_value& v) {
  switch (v.kind) {
    case prov_value_kind::string: return provn_string(v.text);
    case prov_value_kind::lang_string: return provn_string(v.text) + "@" + v.lang;
    case prov_value_kind::typed: return provn_string(v.text) + " %% " + provn_qname(v.datatype);
    case prov_value_kind::qualified_name: return "'" + provn_qname(v.text) + "'";
  }
  return "\"\"";
}

inline void write_provn_container(std::string& out, const prov_container& c, const std::string& indent) {
  if (!c.default_namespace.empty()) out += indent + "default <" + c.default_namespace + ">\n";
  for (const auto& [p, uri] : c.prefixes) out += indent + "prefix " + p + " <" + uri + ">\n";
  if (!c.prefixes.empty() || !c.default_namespace.empty()) out += "\n";
  for (const auto& r : c.records) {
    out += indent;
    out += r.name();
    out += '(';
    std::vector<std::string> items;
    bool element = is_prov_element(r.type);
    if (element) {
      items.push_back(provn_qname(r.id));
    } else if (!r.id.empty() && !r.id.starts_with("_:")) {
      out += provn_qname(r.id) + "; ";
    }
    auto formals = prov_formal_arguments(r.type);
    for (std::size_t i = 0; i < formals.size() && i < r.args.size(); ++i) {
      if (r.args[i].empty()) {
        items.emplace_back("-");
      } else {
        items.push_back(formals[i].is_time ? r.args[i] : provn_qname(r.args[i]));
      }
    }
    if (!r.attributes.empty()) {
      std::string attrs = "[";
      for (std::size_t i = 0; i < r.attributes.size(); ++i) {
        if (i) attrs += ", ";
        attrs += provn_qname(r.attributes[i].name) + "=" + provn_value(r.attributes[i].value);
      }
      items.push_back(attrs + "]");
    }
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    out += ")\n";
  }
}

namespace provn {
namespace x3 = boost::spirit::x3;

// Blanks and comments between tokens.
inline const auto skip = *(x3::space | (x3::lit("//") >> *(x3::char_ - x3::eol)) |
                           (x3::lit("/*") >> *(x3::char_ - x3::lit("*/")) >> x3::lit("*/")));
// A qualified name, a time, a keyword or the marker '-': PROV-N's words.
inline const auto word = +((x3::lit('\\') >> x3::char_) | ~x3::char_(" \t\r\n(),;=[]'\"<>\\"));
inline const auto iri = x3::lit('<') >> *~x3::char_('>') >> x3::lit('>');
inline const auto short_string = x3::lit('"') >>
                                 *((x3::lit('\\') >> x3::char_) | ~x3::char_("\"\\\n\r")) >> x3::lit('"');
inline const auto long_string = x3::lit("\"\"\"") >>
                                *((x3::lit('\\') >> x3::char_) | (x3::char_ - x3::lit("\"\"\""))) >> x3::lit("\"\"\"");
inline const auto qname_literal = x3::lit('\'') >>
                                  *((x3::lit('\\') >> x3::char_) | ~x3::char_("'\n\r")) >> x3::lit('\'');
inline const auto lang_tag = +(x3::alnum | x3::char_('-'));
}  // namespace provn

// Reads PROV-N; every error names its place.
class provn_reader {
 public:
  provn_reader(std::string_view text, std::string_view file_name, const read_limits& limits = {})
      : text_(text), file_(file_name), limits_(limits), it_(text.data()), end_(text.data() + text.size()) {}

  prov_document read() {
    prov_document doc;
    if (text_.size() > limits_.max_bytes) fail(it_, bytes_over_limit(text_.size(), limits_.max_bytes));
    skip();
    if (next_word() != "document") fail(pos(), "expected \"document\", got " + found());
    take_keyword();
    prov_container* c = &doc;
    prov_bundle* bundle = nullptr;
    for (;;) {
      skip();
      const char* at = it_;
      if (it_ == end_) {
        fail(at,
             std::string("expected ") + (bundle ? "\"endBundle\"" : "\"endDocument\"") + ", got the end of the text");
      }
      std::string w = next_word();
      if (w == "endDocument") {
        if (bundle) fail(at, "expected \"endBundle\" before \"endDocument\"");
        take_keyword();
        skip();
        if (it_ != end_) fail(pos(), "expected the end of the text after \"endDocument\", got " + found());
        return doc;
      }
      if (w == "default" || w == "prefix") {
        take_keyword();
        std::string prefix;
        if (w == "prefix") {
          skip();
          prefix = next_word();
          if (prefix.empty()) fail(pos(), "expected a prefix name after \"prefix\", got " + found());
          take_word("prefix: ", "prefix name");
        }
        skip();
        const char* iri_start = it_;
        if (!boost::spirit::x3::parse(it_, end_, provn::iri)) {
          fail(iri_start, "expected a namespace IRI in <...>, got " + found());
        }
        std::string iri_context = w;
        if (!prefix.empty()) {
          iri_context += ' ';
          iri_context += prefix;
        }
        iri_context += ": ";
        check_utf8(iri_start + 1, it_ - 1, iri_context, "namespace IRI");
        std::string uri(iri_start + 1, it_ - 1);
        if (w == "default") {
          c->default_namespace = std::move(uri);
        } else {
          c->prefixes[prefix] = std::move(uri);
        }
        continue;
      }
      if (w == "bundle") {
        if (bundle) fail(at, "bundles cannot nest");
        count_record(at);
        take_keyword();
        skip();
        const char* id_at = it_;
        std::string id = unescape(next_word());
        if (id.empty()) fail(id_at, "expected a bundle id after \"bundle\", got " + found());
        take_word("bundle: ", "bundle id");
        check_qname(id, doc, nullptr, id_at, "bundle: ");
        doc.bundles.emplace_back();
        bundle = &doc.bundles.back();
        bundle->id = std::move(id);
        bundle->where = location(at);
        c = bundle;
        continue;
      }
      if (w == "endBundle") {
        if (!bundle) fail(at, "\"endBundle\" outside a bundle");
        take_keyword();
        bundle = nullptr;
        c = &doc;
        continue;
      }
      if (w.empty()) fail(at, "expected a record, a prefix declaration, a bundle or \"endDocument\", got " + found());
      take_word("", "record type");
      count_record(at);
      read_record(w, at, *c, bundle ? &doc : nullptr);
    }
  }

 private:
  // Counts a record or bundle; one past `max_records` is an error at `at`.
  void count_record(const char* at) {
    if (++records_ > limits_.max_records) fail(at, records_over_limit(records_, limits_.max_records));
  }

  [[noreturn]] void fail(const char* at, const std::string& message) const {
    auto [line, column] = line_column(text_, static_cast<std::size_t>(at - text_.data()));
    throw parse_error(std::string(file_), line, column, message);
  }
  prov_location location(const char* at) const {
    auto [line, column] = lines_.locate(static_cast<std::size_t>(at - text_.data()));
    return {line, column};
  }
  const char* pos() const { return it_; }

  void skip() {
    const char* start = it_;
    boost::spirit::x3::parse(it_, end_, provn::skip);
    // Blanks are ASCII, so a byte that is not UTF-8 here is in a comment.
    if (auto bad = invalid_utf8_at(std::string_view(start, static_cast<std::size_t>(it_ - start)));
        bad != std::string_view::npos) {
      fail(start + bad, "invalid UTF-8 in a comment");
    }
    // A comment the skipper left in place is one that never closes.
    if (end_ - it_ >= 2 && it_[0] == '/' && it_[1] == '*') fail(pos(), "unterminated comment: \"/*\" with no \"*/\"");
  }

  // Fails at the first byte of [begin, end) that is not UTF-8, naming the
  // token as `what` ("identifier", "string") and showing it.
  void check_utf8(const char* begin, const char* end, const std::string& context, std::string_view what) const {
    std::string_view s(begin, static_cast<std::size_t>(end - begin));
    if (auto bad = invalid_utf8_at(s); bad != std::string_view::npos) {
      std::string message = context;
      message += "invalid UTF-8 in ";
      message += what;
      message += " \"";
      message += utf8_for_message(s);
      message += '"';
      fail(begin + bad, message);
    }
  }

  // The word at the current position, escapes kept, or "" if none starts here.
  std::string next_word() const {
    const char* i = it_;
    if (boost::spirit::x3::parse(i, end_, provn::word)) return std::string(it_, i);
    return {};
  }
  // Consumes a word already found equal to an ASCII keyword.
  void take_keyword() { boost::spirit::x3::parse(it_, end_, provn::word); }
  // Consumes the word at the current position; `what` names it, after
  // `context`, if it is not UTF-8.
  void take_word(const std::string& context, std::string_view what) {
    const char* start = it_;
    boost::spirit::x3::parse(it_, end_, provn::word);
    check_utf8(start, it_, context, what);
  }

  // Describes what is at the current position for an error message.
  std::string found() const {
    if (it_ == end_) return "the end of the text";
    std::string w = next_word();
    if (w.empty()) w = std::string(1, *it_);
    return "\"" + utf8_for_message(w) + "\"";
  }

  static std::string unescape(std::string_view w) {
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (w[i] == '\\' && i + 1 < w.size()) ++i;
      out += w[i];
    }
    return out;
  }

  static std::string unescape_string(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        char c = s[++i];
        switch (c) {
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          default: out += c;
        }
      } else {
        out += s[i];
      }
    }
    return out;
  }

  void check_qname(std::string_view q, const prov_container& c, const prov_container* document, const char* at,
                   const std::string& context) const {
    if (q.starts_with("_:")) return;
    auto colon = q.find(':');
    if (colon == std::string_view::npos) {
      if (c.default_namespace.empty() && (!document || document->default_namespace.empty())) {
        fail(at,
             context + "qualified name \"" + std::string(q) + "\" has no prefix, and no default namespace is declared");
      }
      return;
    }
    if (!prov_namespace_of(q.substr(0, colon), c, document)) {
      fail(at, context + "unknown prefix \"" + std::string(q.substr(0, colon)) + "\" in qualified name \"" +
                   std::string(q) + "\": declare it with \"prefix " + std::string(q.substr(0, colon)) + " <...>\"");
    }
  }

  void expect(char c, const std::string& context) {
    skip();
    if (it_ == end_ || *it_ != c) fail(pos(), context + "expected '" + std::string(1, c) + "', got " + found());
    ++it_;
  }

  struct item {
    const char* at;
    std::string text;  // a word, unescaped; "-" for the marker
  };

  void read_record(const std::string& name, const char* at, prov_container& c, const prov_container* document) {
    auto type = prov_record_type_from_string(name);
    prov_record r;
    if (type) {
      r = make_prov_record(*type);
    } else {
      r.type = prov_record_type::other;
      r.type_name = name;
    }
    r.where = location(at);
    const std::string context = name + ": ";
    expect('(', context);
    skip();
    // An optional "id;" opens a relation.
    if (!type || !is_prov_element(*type)) {
      const char* save = it_;
      std::string w = next_word();
      if (!w.empty()) {
        const char* id_at = it_;
        take_word(context, "identifier");
        skip();
        if (it_ != end_ && *it_ == ';') {
          ++it_;
          // "-;" is the marker for an absent id, which PROV-N allows.
          if (w != "-") {
            r.id = unescape(w);
            check_qname(r.id, c, document, id_at, context);
          }
        } else {
          it_ = save;
        }
      }
    }
    std::vector<item> items;
    bool attributes_read = false;
    for (;;) {
      skip();
      const char* item_at = it_;
      if (it_ != end_ && *it_ == '[') {
        read_attributes(r, c, document, context);
        attributes_read = true;
      } else {
        std::string w = next_word();
        if (w.empty()) fail(item_at, context + "expected an identifier, '-' or [attributes], got " + found());
        take_word(context, "identifier");
        items.push_back({item_at, w == "-" ? w : unescape(w)});
      }
      skip();
      if (it_ != end_ && *it_ == ')') {
        ++it_;
        break;
      }
      if (attributes_read) fail(pos(), context + "expected ')' after the attributes, got " + found());
      expect(',', context);
    }
    auto formals = prov_formal_arguments(r.type);
    std::size_t first = 0;
    if (type && is_prov_element(*type)) {
      if (items.empty() || items[0].text == "-") fail(at, context + "expected an identifier first");
      r.id = items[0].text;
      check_qname(r.id, c, document, items[0].at, context);
      first = 1;
    }
    if (!type) {
      // An unknown record: its arguments are kept, in order, as prov:argument attributes.
      for (std::size_t i = first; i < items.size(); ++i) {
        r.add("prov:argument", prov_value::make_string(items[i].text));
      }
      c.records.push_back(std::move(r));
      return;
    }
    std::size_t given = items.size() - first;
    std::size_t required = 0;
    while (required < formals.size() && formals[required].required) ++required;
    if (given != formals.size() && given != required) {
      std::string expected = required == formals.size()
                                 ? std::to_string(formals.size())
                                 : std::to_string(required) + " or " + std::to_string(formals.size());
      fail(at, context + "expected " + expected + " argument" + (expected == "1" ? "" : "s") +
                   (first ? " after the id" : "") + ", got " + std::to_string(given));
    }
    for (std::size_t i = 0; i < given; ++i) {
      const item& x = items[first + i];
      const prov_formal& f = formals[i];
      if (x.text == "-") {
        if (f.required) fail(x.at, context + "\"" + std::string(f.name) + "\" cannot be '-'");
        continue;
      }
      if (f.is_time) {
        if (!is_xsd_datetime_text(x.text)) {
          fail(x.at, context + "\"" + std::string(f.name) +
                         "\": expected an xsd:dateTime such as 2025-06-26T09:30:00, got \"" + x.text + "\"");
        }
      } else {
        check_qname(x.text, c, document, x.at, context);
      }
      r.args[i] = x.text;
    }
    c.records.push_back(std::move(r));
  }

  // [-]YYYY-MM-DDThh:mm:ss[.s+][Z|(+|-)hh:mm]
  static bool is_xsd_datetime_text(std::string_view s) {
    namespace x3 = boost::spirit::x3;
    auto d2 = x3::repeat(2)[x3::digit];
    auto p = -x3::lit('-') >> x3::repeat(4, x3::inf)[x3::digit] >> '-' >> d2 >> '-' >> d2 >> 'T' >> d2 >> ':' >> d2 >>
             ':' >> d2 >> -('.' >> +x3::digit) >> -(x3::lit('Z') | ((x3::lit('+') | '-') >> d2 >> ':' >> d2));
    const char* i = s.data();
    return x3::parse(i, s.data() + s.size(), p) && i == s.data() + s.size();
  }

  void read_attributes(prov_record& r, const prov_container& c, const prov_container* document,
                       const std::string& context) {
    namespace x3 = boost::spirit::x3;
    ++it_;  // '['
    skip();
    if (it_ != end_ && *it_ == ']') {
      ++it_;
      return;
    }
    for (;;) {
      skip();
      const char* name_at = it_;
      std::string name = unescape(next_word());
      if (name.empty()) fail(name_at, context + "expected an attribute name, got " + found());
      take_word(context, "attribute name");
      check_qname(name, c, document, name_at, context);
      expect('=', context + "attribute \"" + name + "\": ");
      skip();
      const std::string attr_context = context + "attribute \"" + name + "\": ";
      r.add(name, read_value(c, document, attr_context));
      skip();
      if (it_ != end_ && *it_ == ']') {
        ++it_;
        return;
      }
      if (it_ == end_ || *it_ != ',') fail(pos(), context + "expected ',' or ']' in the attributes, got " + found());
      ++it_;
    }
  }

  prov_value read_value(const prov_container& c, const prov_container* document, const std::string& context) {
    namespace x3 = boost::spirit::x3;
    const char* at = it_;
    if (it_ != end_ && *it_ == '"') {
      bool long_form = end_ - it_ >= 3 && std::string_view(it_, 3) == "\"\"\"";
      const char* start = it_;
      if (!(long_form ? x3::parse(it_, end_, provn::long_string) : x3::parse(it_, end_, provn::short_string))) {
        fail(at, context + "unterminated string");
      }
      std::size_t q = long_form ? 3 : 1;
      if (auto size = static_cast<std::size_t>(it_ - start) - 2 * q; size > limits_.max_string) {
        fail(at, context + string_over_limit(size, limits_.max_string));
      }
      check_utf8(start + q, it_ - q, context, "string");
      std::string text = unescape_string(std::string_view(start + q, static_cast<std::size_t>(it_ - start) - 2 * q));
      const char* after = it_;
      skip();
      if (end_ - it_ >= 2 && std::string_view(it_, 2) == "%%") {
        it_ += 2;
        skip();
        const char* type_at = it_;
        std::string type = unescape(next_word());
        if (type.empty()) fail(type_at, context + "expected a datatype after %%, got " + found());
        take_word(context, "datatype");
        check_qname(type, c, document, type_at, context);
        if (is_qualified_name_datatype(type)) {
          check_qname(text, c, document, at, context);
          return prov_value::make_qualified_name(std::move(text));
        }
        return prov_value::make_typed(std::move(text), std::move(type));
      }
      it_ = after;
      if (it_ != end_ && *it_ == '@') {
        ++it_;
        const char* tag_at = it_;
        if (!x3::parse(it_, end_, provn::lang_tag))
          fail(tag_at, context + "expected a language tag after '@', got " + found());
        return prov_value::make_lang_string(std::move(text), std::string(tag_at, it_));
      }
      return prov_value::make_string(std::move(text));
    }
    if (it_ != end_ && *it_ == '\'') {
      const char* start = it_;
      if (!x3::parse(it_, end_, provn::qname_literal)) fail(at, context + "unterminated qualified name");
      check_utf8(start + 1, it_ - 1, context, "qualified name");
      std::string q = unescape(std::string_view(start + 1, static_cast<std::size_t>(it_ - start) - 2));
      check_qname(q, c, document, at, context);
      return prov_value::make_qualified_name(std::move(q));
    }
    std::string w = next_word();
    if (w.empty() || w == "-") fail(at, context + "expected a value: \"...\", '...' or a number, got " + found());
    take_word(context, "qualified name");
    {
      const char* i = w.data();
      const char* e = w.data() + w.size();
      if (x3::parse(i, e, -x3::lit('-') >> +x3::digit) && i == e) return prov_value::make_typed(w, "xsd:int");
    }
    // A bare qualified name is not PROV-N, but python-prov writes it so: read it as one.
    std::string q = unescape(w);
    check_qname(q, c, document, at, context);
    return prov_value::make_qualified_name(std::move(q));
  }

  std::string_view text_;
  mutable line_index lines_{text_};
  std::string_view file_;
  read_limits limits_;
  std::size_t records_ = 0;
  const char* it_;
  const char* end_;
};

}  // namespace detail

/// Writes `doc` as PROV-N: `document`, prefix declarations, records in
/// order, bundles, `endDocument`. Strings are escaped; typed literals are
/// written `"11000" %% xsd:int`, qualified-name values `'prov:Person'`.
/// Blank relation ids, which PROV-N cannot hold, are left out; records of a
/// type this library does not know are written under their own name.
/// @throws std::ios_base::failure if the stream throws.
inline void write_prov_n(std::ostream& os, const prov_document& doc) {
  std::string out = "document\n";
  detail::write_provn_container(out, doc, "  ");
  for (const auto& b : doc.bundles) {
    out += "  bundle " + detail::provn_qname(b.id) + "\n";
    detail::write_provn_container(out, b, "    ");
    out += "  endBundle\n";
  }
  out += "endDocument\n";
  os << out;
}

/// Writes graph `g` as PROV-N: `write_prov_n(os, to_prov(g))`.
/// @throws std::ios_base::failure if the stream throws.
template <source_kind... Kinds>
void write_prov_n(std::ostream& os, const basic_provenance_graph<Kinds...>& g) {
  write_prov_n(os, to_prov(g));
}

/// Reads a PROV-N document: namespace declarations, every record type of
/// PROV-DM (short forms without the optional arguments too), attributes with
/// strings, typed literals, language tags, qualified names and numbers,
/// bundles, and `//` and `/* */` comments. Records of an unknown type are
/// kept as `prov_record_type::other`, their arguments as `prov:argument`
/// attributes. As an extension it reads bare qualified names as attribute
/// values, which python-prov writes.
/// @throws parse_error naming `file_name`, the line and column and what was
/// expected and found: a missing keyword or bracket, a wrong number of
/// arguments, a marker for a required argument, a malformed time, an
/// undeclared prefix, an unterminated string, a misplaced bundle, invalid
/// UTF-8 (at its first byte, naming the identifier, string or comment that
/// holds it).
/// Input over one of `limits` (bytes, records and bundles, string length) is
/// an error that names the limit.
inline prov_document read_prov_n(std::string_view text, std::string_view file_name, const read_limits& limits = {}) {
  return detail::provn_reader(text, file_name, limits).read();
}

}  // namespace sourcetrace
