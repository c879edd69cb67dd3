// SPDX-License-Identifier: BSL-1.0
// The parse floor of a JSON Lines corpus: how fast the parsers on Debian 12
// go through the same file, each reading every line and the value of its
// "record" key, counting records by kind. No graph is built: this is the
// least a reader must do, and what sourcetrace's reader is measured against
// (issue 13, docs/performance.md).
//
//   parse_floor FILE.jsonl [--repeat N]
//
// Each parser runs N times (default 3) on the file, read into memory once;
// the best time is printed, with records a second and megabytes a second.
// Every parser reads every field of every record, not only "record".
// The parsers: Boost.JSON with a fresh stream_parser per line (what the
// corpus reader does today), Boost.JSON with one parser reused, Boost.JSON's
// SAX basic_parser, and, where libsimdjson-dev is installed, simdjson's
// on-demand API over the whole file (iterate_many).

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#ifdef SOURCETRACE_HAVE_SIMDJSON
#include <simdjson.h>
#endif

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Records by the value of "record": agent, event, claim, statement, derivation, other.
struct tally {
  std::array<std::size_t, 6> n{};
  void add(std::string_view kind) {
    static constexpr std::array<std::string_view, 5> names = {"agent", "event", "claim", "statement", "derivation"};
    std::size_t i = 0;
    while (i < names.size() && names[i] != kind) ++i;
    ++n[i];
  }
  std::size_t total() const {
    std::size_t t = 0;
    for (auto x : n) t += x;
    return t;
  }
  friend bool operator==(const tally&, const tally&) = default;
};

template <class F>
void each_line(std::string_view text, F f) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) f(text.substr(start, end - start));
    start = end + 1;
  }
}

tally boost_fresh(std::string_view text) {
  tally t;
  each_line(text, [&](std::string_view line) {
    boost::json::stream_parser p;
    boost::system::error_code ec;
    p.write(line.data(), line.size(), ec);
    if (!ec) p.finish(ec);
    if (ec) std::abort();
    const boost::json::value v = p.release();
    if (const auto* r = v.as_object().if_contains("record")) t.add(r->as_string());
  });
  return t;
}

tally boost_reused(std::string_view text) {
  tally t;
  boost::json::stream_parser p;
  // Each line's values in a buffer on the stack, the idiom Boost.JSON's
  // documentation shows (one monotonic_resource reused through release()
  // threw bad_alloc in this program).
  alignas(std::max_align_t) unsigned char buffer[4096];
  each_line(text, [&](std::string_view line) {
    boost::json::monotonic_resource mr(buffer, sizeof buffer);
    p.reset(&mr);
    boost::system::error_code ec;
    p.write(line.data(), line.size(), ec);
    if (!ec) p.finish(ec);
    if (ec) std::abort();
    const boost::json::value v = p.release();
    if (const auto* r = v.as_object().if_contains("record")) t.add(r->as_string());
  });
  return t;
}

// A SAX handler that keeps only the string value of a top-level "record" key.
struct record_handler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  int depth = 0;
  bool record_key = false;
  std::string key, value;
  tally* t = nullptr;
  using ec_t = boost::system::error_code;
  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_object_begin(ec_t&) {
    ++depth;
    return true;
  }
  bool on_object_end(std::size_t, ec_t&) {
    --depth;
    return true;
  }
  bool on_array_begin(ec_t&) {
    ++depth;
    return true;
  }
  bool on_array_end(std::size_t, ec_t&) {
    --depth;
    return true;
  }
  bool on_key_part(std::string_view s, std::size_t, ec_t&) {
    key.append(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t, ec_t&) {
    key.append(s);
    record_key = depth == 1 && key == "record";
    key.clear();
    return true;
  }
  bool on_string_part(std::string_view s, std::size_t, ec_t&) {
    if (record_key) value.append(s);
    return true;
  }
  bool on_string(std::string_view s, std::size_t, ec_t&) {
    if (record_key) {
      value.append(s);
      t->add(value);
      value.clear();
      record_key = false;
    }
    return true;
  }
  bool on_number_part(std::string_view, ec_t&) { return true; }
  bool on_int64(std::int64_t, std::string_view, ec_t&) { return true; }
  bool on_uint64(std::uint64_t, std::string_view, ec_t&) { return true; }
  bool on_double(double, std::string_view, ec_t&) { return true; }
  bool on_bool(bool, ec_t&) { return true; }
  bool on_null(ec_t&) { return true; }
  bool on_comment_part(std::string_view, ec_t&) { return true; }
  bool on_comment(std::string_view, ec_t&) { return true; }
};

tally boost_sax(std::string_view text) {
  tally t;
  boost::json::basic_parser<record_handler> p(boost::json::parse_options{});
  p.handler().t = &t;
  each_line(text, [&](std::string_view line) {
    p.reset();
    boost::system::error_code ec;
    p.write_some(false, line.data(), line.size(), ec);
    if (ec) std::abort();
  });
  return t;
}

#ifdef SOURCETRACE_HAVE_SIMDJSON
// Every value of `v`, read and checked: on-demand parsing skips what is not
// asked for, and a reader asks for every field.
void visit(simdjson::ondemand::value v) {
  switch (v.type()) {
    case simdjson::ondemand::json_type::object:
      for (auto field : v.get_object()) {
        std::string_view key;
        if (field.unescaped_key().get(key)) std::abort();
        visit(field.value());
      }
      break;
    case simdjson::ondemand::json_type::array:
      for (auto x : v.get_array()) visit(x.value());
      break;
    case simdjson::ondemand::json_type::string: {
      std::string_view s;
      if (v.get_string().get(s)) std::abort();
      break;
    }
    case simdjson::ondemand::json_type::number: {
      double d;
      if (v.get_double().get(d)) std::abort();
      break;
    }
    case simdjson::ondemand::json_type::boolean: {
      bool b;
      if (v.get_bool().get(b)) std::abort();
      break;
    }
    case simdjson::ondemand::json_type::null: break;
  }
}

tally simdjson_ondemand(const simdjson::padded_string& text) {
  tally t;
  simdjson::ondemand::parser p;
  simdjson::ondemand::document_stream docs;
  if (p.iterate_many(text).get(docs)) std::abort();
  for (auto doc : docs) {
    simdjson::ondemand::object o;
    if (doc.get_object().get(o)) std::abort();
    for (auto field : o) {
      std::string_view key;
      if (field.unescaped_key().get(key)) std::abort();
      if (key == "record") {
        std::string_view kind;
        if (field.value().get_string().get(kind)) std::abort();
        t.add(kind);
      } else {
        visit(field.value());
      }
    }
  }
  return t;
}
#endif

template <class F>
void measure(const char* name, std::size_t bytes, int repeat, tally& expected, F run) {
  double best = 1e300;
  tally got;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    got = run();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  if (expected.total() == 0) expected = got;
  const bool agrees = got == expected;
  std::printf("%-32s %9.3f s %12.0f records/s %8.0f MB/s%s\n", name, best, static_cast<double>(got.total()) / best,
              static_cast<double>(bytes) / best / 1e6, agrees ? "" : "  (COUNTS DIFFER)");
  if (!agrees) std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_floor FILE.jsonl [--repeat N]\n");
    return 2;
  }
  int repeat = 3;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "parse_floor: cannot open %s\n", argv[1]);
    return 2;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  tally expected;
  std::printf("%s: %zu bytes\n", argv[1], text.size());
  measure("boost.json, fresh parser per line", text.size(), repeat, expected, [&] { return boost_fresh(text); });
  measure("boost.json, one parser reused", text.size(), repeat, expected, [&] { return boost_reused(text); });
  measure("boost.json basic_parser (SAX)", text.size(), repeat, expected, [&] { return boost_sax(text); });
#ifdef SOURCETRACE_HAVE_SIMDJSON
  const simdjson::padded_string padded(text);
  measure("simdjson on-demand, iterate_many", text.size(), repeat, expected, [&] { return simdjson_ondemand(padded); });
#else
  std::printf("simdjson: not built (install libsimdjson-dev)\n");
#endif
  std::printf("records: %zu (agents %zu, events %zu, claims %zu, statements %zu, derivations %zu, other %zu)\n",
              expected.total(), expected.n[0], expected.n[1], expected.n[2], expected.n[3], expected.n[4],
              expected.n[5]);
  return 0;
}
