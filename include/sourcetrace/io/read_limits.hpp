// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Limits on what a reader accepts, so that a hostile or runaway input is
/// refused with a message naming the limit instead of exhausting memory,
/// time or the terminal. The corpus and PROV readers take them; the
/// `sourcetrace` command sets them with `--max-bytes`, `--max-records`,
/// `--max-depth`, `--max-string` and `--max-errors`.

#include <sourcetrace/error.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace sourcetrace {

/// What a reader accepts. The defaults admit any real corpus (tens of
/// millions of statements, a few GiB) and refuse what only a mistake or an
/// attack produces; `none` lifts a limit.
struct read_limits {
  /// No limit.
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

  /// Bytes of input, checked before the input is read whole.
  std::size_t max_bytes =
      sizeof(std::size_t) >= 8 ? static_cast<std::size_t>(std::uint64_t{64} << 30) : none;  // 64 GiB
  /// Records (corpus records; PROV records, bundles included).
  std::size_t max_records = 1'000'000'000;
  /// Nesting of JSON arrays and objects, at most 1000 (deeper trees would
  /// overflow the stack when freed). A corpus needs 5 levels (a report's
  /// `via` hops), PROV-JSON with bundles 8.
  std::size_t max_depth = 32;
  /// Bytes of one string or key, as written in the input (escapes counted as
  /// written); PROV-N counts what lies between the quotes.
  std::size_t max_string = std::size_t{16} << 20;  // 16 MiB
  /// Problems a corpus reader describes; past it, it only counts them.
  std::size_t max_errors = 100;
};

namespace detail {

// "input is 1.5 KiB, over the limit of 1.0 KiB (--max-bytes)".
inline std::string bytes_over_limit(std::size_t size, std::size_t limit) {
  std::string out = "input is ";
  out += file_error::byte_count(size);
  out += ", over the limit of ";
  out += file_error::byte_count(limit);
  out += " (--max-bytes)";
  return out;
}

// "record 3 is over the limit of 2 records (--max-records)".
inline std::string records_over_limit(std::size_t record, std::size_t limit) {
  std::string out = "record ";
  out += std::to_string(record);
  out += " is over the limit of ";
  out += std::to_string(limit);
  out += limit == 1 ? " record" : " records";
  out += " (--max-records)";
  return out;
}

// "nesting deeper than the limit of 32 levels (--max-depth)".
inline std::string depth_over_limit(std::size_t limit) {
  std::string out = "nesting deeper than the limit of ";
  out += std::to_string(limit);
  out += limit == 1 ? " level" : " levels";
  out += " (--max-depth)";
  return out;
}

// "string of 1001 bytes is over the limit of 1000 bytes (--max-string)".
inline std::string string_over_limit(std::size_t size, std::size_t limit) {
  std::string out = "string of ";
  out += std::to_string(size);
  out += size == 1 ? " byte" : " bytes";
  out += " is over the limit of ";
  out += std::to_string(limit);
  out += limit == 1 ? " byte" : " bytes";
  out += " (--max-string)";
  return out;
}

// The depth the JSON parsers are given: `max_depth`, at most 1000, since
// freeing a tree recurses once per level.
inline std::size_t json_depth_for(std::size_t max_depth) { return max_depth < 1000 ? max_depth : 1000; }

}  // namespace detail
}  // namespace sourcetrace
