// SPDX-License-Identifier: BSL-1.0
#include "common.hpp"

#include <sourcetrace/io/atomic_file.hpp>
#include <sourcetrace/io/corpus.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <utility>

namespace sourcetrace_cli {

void finish(int rc) {
  if (rc != exit_ok) throw CLI::RuntimeError(rc);
}

void add_corpus_input(CLI::App& sub, corpus_input& in) {
  sub.add_option("FILE", in.file, "corpus: JSON (.json), JSON Lines (.jsonl, .ndjson), or - for standard input")
      ->required();
  sub.add_option("--format", in.format, "json or jsonl; default: from the extension, else sniffed")
      ->check(CLI::IsMember({"json", "jsonl"}));
  add_limit_flags(sub, in.limits, true);
}

void add_limit_flags(CLI::App& sub, st::read_limits& limits, bool with_errors) {
  const char* group = "Limits (0: none, except --max-depth)";
  sub.add_option("--max-bytes", limits.max_bytes, "refuse input larger than this (K, M, G suffixes: 1024s)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str()
      ->group(group);
  sub.add_option("--max-records", limits.max_records, "refuse input with more records than this")
      ->capture_default_str()
      ->group(group);
  sub.add_option("--max-depth", limits.max_depth, "refuse JSON nested deeper than this, 1 to 1000")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
      ->capture_default_str()
      ->group(group);
  sub.add_option("--max-string", limits.max_string, "refuse a string or key longer than this many bytes")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str()
      ->group(group);
  if (with_errors) {
    sub.add_option("--max-errors", limits.max_errors, "describe at most this many problems, then only count them")
        ->capture_default_str()
        ->group(group);
  }
}

st::read_limits effective(st::read_limits limits) {
  for (std::size_t* x : {&limits.max_bytes, &limits.max_records, &limits.max_string, &limits.max_errors}) {
    if (*x == 0) *x = st::read_limits::none;
  }
  return limits;
}

st::provenance_graph load(const corpus_input& in) {
  st::read_options options;
  if (in.format == "json") options.format = st::corpus_format::json;
  if (in.format == "jsonl") options.format = st::corpus_format::json_lines;
  options.limits = effective(in.limits);
  if (isatty(STDERR_FILENO)) {
    auto start = std::chrono::steady_clock::now();
    options.progress = [start, file = in.file, shown = false](std::size_t done, std::size_t total) mutable {
      if (!shown && std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
      shown = true;
      int percent = total == 0 ? 100 : static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
      std::fprintf(stderr, "\rreading %s: %d%%%s", file.c_str(), percent, done == total ? "\n" : "");
    };
  }
  return st::read_corpus_file(in.file, std::move(options));
}

std::optional<st::claim_handle> claim_of(const st::provenance_graph& g, const std::string& id) {
  if (id.empty()) return std::nullopt;
  auto c = g.find_claim(id);
  if (!c) throw st::error::unknown_id("claim", id);
  return c;
}

std::vector<std::uint32_t> sorted_by_id(const st::provenance_graph& g, std::vector<std::uint32_t> vs) {
  std::sort(vs.begin(), vs.end(), [&](auto a, auto b) { return g.id(a) < g.id(b); });
  return vs;
}

std::vector<std::uint32_t> claims_by_id(const st::provenance_graph& g) {
  std::vector<std::uint32_t> out(g.claim_count());
  for (std::uint32_t c = 0; c < out.size(); ++c) out[c] = c;
  std::sort(out.begin(), out.end(),
            [&](auto a, auto b) { return g[st::claim_handle{a}].id < g[st::claim_handle{b}].id; });
  return out;
}

output::~output() { flush(); }

void output::flush_if_large() {
  if (s_.size() > (1u << 20)) flush();
}

void output::flush() {
  std::fwrite(s_.data(), 1, s_.size(), stdout);
  s_.clear();
}

void write_out(const std::string& path, const std::string& text) {
  if (!path.empty() && path != "-") {
    st::write_file_atomically(path, text);
    return;
  }
  // Written past stdio and checked here, so that no summary is printed after
  // output that was lost, and the error is reported once.
  if (std::fflush(stdout) != 0) throw st::file_error("standard output", st::file_operation::write, errno);
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(STDOUT_FILENO, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw st::file_error("standard output", st::file_operation::write, n < 0 ? errno : EIO);
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace sourcetrace_cli
