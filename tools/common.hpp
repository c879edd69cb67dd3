// SPDX-License-Identifier: BSL-1.0
#pragma once

// What the subcommands of the `sourcetrace` command share: exit codes,
// reading a corpus, choosing a claim, and writing output. Each subcommand
// lives in its own file under commands/ and registers itself with CLI11.

#include <sourcetrace/graph.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sourcetrace_cli {

namespace st = sourcetrace;

inline constexpr int exit_ok = 0;
inline constexpr int exit_found = 1;  // an analysis found what a flag asked to fail on
inline constexpr int exit_bad_input = 2;

// Ends a subcommand's callback with exit code `rc`, the CLI11 way: a
// non-zero code leaves CLI::App::parse as CLI::RuntimeError(rc).
void finish(int rc);

// The corpus a subcommand reads: FILE, --format and the limits.
struct corpus_input {
  std::string file;
  std::string format;
  st::read_limits limits;
};

// Adds FILE, --format and the limit flags to `sub`, stored in `in`.
void add_corpus_input(CLI::App& sub, corpus_input& in);

// Adds --max-bytes, --max-records, --max-depth, --max-string and (for a
// reader that collects problems, `with_errors`) --max-errors to `sub`,
// stored in `limits` as given: 0 means no limit, and `effective` turns it
// into read_limits::none.
void add_limit_flags(CLI::App& sub, st::read_limits& limits, bool with_errors);

// Returns `limits` with each 0 (no limit, on the command line) made read_limits::none.
st::read_limits effective(st::read_limits limits);

// Reads the corpus, showing progress on a terminal when reading takes more than a second.
st::provenance_graph load(const corpus_input& in);

// Returns the claim named `id`, or nothing if `id` is empty.
// Throws st::error naming `id` if there is no such claim.
std::optional<st::claim_handle> claim_of(const st::provenance_graph& g, const std::string& id);

// Returns `vs` sorted by statement id, the order of every listing.
std::vector<std::uint32_t> sorted_by_id(const st::provenance_graph& g, std::vector<std::uint32_t> vs);

// Returns the claims of `g` (handles' numbers) sorted by id.
std::vector<std::uint32_t> claims_by_id(const st::provenance_graph& g);

// Text bound for standard output, built in a string and written in large
// pieces: at archive scale per-line writes dominate.
class output {
 public:
  output() = default;
  output(const output&) = delete;
  output& operator=(const output&) = delete;
  ~output();
  std::string& buffer() { return s_; }
  void flush_if_large();
  void flush();

 private:
  std::string s_;
};

// Writes `text` to `path` whole or not at all (st::write_file_atomically), or
// to standard output if `path` is empty or "-", flushing it. Throws
// st::file_error with the reason if it cannot be written: "cannot write
// out.json: No space left on device", "cannot write standard output: ...".
void write_out(const std::string& path, const std::string& text);

}  // namespace sourcetrace_cli
