// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Reading W3C PROV without saying which spelling: PROV-JSON or PROV-N,
/// chosen by the file's extension or, failing that, by its first
/// character past blanks and comments. Needs Boost.JSON: link
/// `sourcetrace::json`.

#include <sourcetrace/detail/file_text.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sourcetrace {

/// The two spellings of W3C PROV that sourcetrace reads.
enum class prov_format : std::uint8_t {
  json,  ///< PROV-JSON (W3C Member Submission, 2013)
  n,     ///< PROV-N (W3C Recommendation, 2013)
};

/// Settings of `read_prov` and `read_prov_file`.
struct prov_read_options {
  /// The spelling; when absent it is taken from `prov_format_of`.
  std::optional<prov_format> format;
  /// What the readers accept: bytes, records, nesting and string length
  /// (`max_errors` does not apply: a PROV reader stops at the first problem).
  read_limits limits;
};

/// Returns the spelling of the PROV `text` named `file_name`: PROV-N for a
/// name ending in `.provn`, PROV-JSON for `.json` or `.provjson`; otherwise
/// PROV-JSON if the first character past blanks, `//` and `/* */` comments
/// is `{`, else PROV-N (which opens with `document`).
/// @throws error naming `file_name` if, without a telling extension, `text`
/// holds nothing but blanks and comments.
inline prov_format prov_format_of(std::string_view text, std::string_view file_name) {
  if (file_name.ends_with(".provn")) return prov_format::n;
  if (file_name.ends_with(".json") || file_name.ends_with(".provjson")) return prov_format::json;
  std::size_t i = 0;
  for (;;) {
    i = text.find_first_not_of(" \t\r\n", i);
    if (i == std::string_view::npos) break;
    if (text.substr(i, 2) == "//") {
      i = text.find('\n', i);
    } else if (text.substr(i, 2) == "/*") {
      i = text.find("*/", i);
      if (i != std::string_view::npos) i += 2;
    } else {
      break;
    }
    if (i == std::string_view::npos) break;
  }
  if (i == std::string_view::npos) throw error::empty_input(file_name, "PROV-JSON or PROV-N");
  return text[i] == '{' ? prov_format::json : prov_format::n;
}

/// Reads the PROV `text`, named `file_name` in error messages, in the
/// spelling `options.format` or, if absent, `prov_format_of(text, file_name)`.
/// @throws error as `prov_format_of`; parse_error as `read_prov_json` or
/// `read_prov_n`.
inline prov_document read_prov(std::string_view text, std::string_view file_name, prov_read_options options = {}) {
  auto format = options.format ? *options.format : prov_format_of(text, file_name);
  return format == prov_format::n ? read_prov_n(text, file_name, options.limits)
                                  : read_prov_json(text, file_name, options.limits);
}

/// Reads the PROV in file `path`, or standard input (named `<stdin>`) if
/// `path` is "-", as `read_prov` does. The whole file is read before it is
/// parsed: a file that cannot be read whole is an error, never a shorter document.
/// @throws file_error naming the file if it cannot be opened or read whole;
/// otherwise as `read_prov`.
inline prov_document read_prov_file(const std::string& path, prov_read_options options = {}) {
  auto in = detail::read_file_text(path, options.limits.max_bytes);
  return read_prov(in.text, in.name, options);
}

}  // namespace sourcetrace
