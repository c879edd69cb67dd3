// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The exceptions sourcetrace throws. Every message says where, what was
/// expected and what was found.

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace sourcetrace {

/// Base of every exception sourcetrace throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;

  /// Returns the error for a reference to an id that was never added.
  /// `what` names the kind of thing looked up: "agent", "claim", ...
  static error unknown_id(std::string_view what, std::string_view id) {
    return error("unknown " + std::string(what) + " id \"" + std::string(id) + "\"");
  }

  /// Returns the error for an id added twice.
  static error duplicate_id(std::string_view what, std::string_view id) {
    return error("duplicate " + std::string(what) + " id \"" + std::string(id) + "\"");
  }

  /// Returns the error for an empty id.
  static error empty_id(std::string_view what) { return error("empty " + std::string(what) + " id"); }

  /// Returns the error for a statement that would derive from itself.
  static error self_derivation(std::string_view statement) {
    return error("statement \"" + std::string(statement) + "\" cannot derive from itself");
  }

  /// Returns the error for a derivation joining statements of two claims.
  static error cross_claim(std::string_view from, std::string_view from_claim, std::string_view to,
                           std::string_view to_claim) {
    return error("statement \"" + std::string(from) + "\" (claim \"" + std::string(from_claim) +
                 "\") cannot derive from statement \"" + std::string(to) + "\" (claim \"" + std::string(to_claim) +
                 "\"): a derivation stays within one claim");
  }

  /// Returns the error for a date that is malformed or does not exist.
  static error invalid_date(std::string_view text, std::string_view why) {
    return error("invalid date \"" + std::string(text) + "\": " + std::string(why));
  }

  /// Returns the error for input `file` that holds nothing to read, where
  /// `expected` (e.g. "PROV-JSON or PROV-N") was expected.
  static error empty_input(std::string_view file, std::string_view expected) {
    return error(std::string(file) + ": empty input: expected " + std::string(expected));
  }
};

/// Thrown when input text cannot be read: names the file, line and column.
class parse_error : public error {
 public:
  /// Builds the error `file:line:column: message`; line and column count from 1,
  /// and a zero column is left out of the message.
  parse_error(std::string file, std::size_t line, std::size_t column, const std::string& message)
      : error(format(file, line, column, message)), file_(std::move(file)), line_(line), column_(column) {}

  /// Returns the file the error was found in.
  const std::string& file() const noexcept { return file_; }
  /// Returns the line, counting from 1.
  std::size_t line() const noexcept { return line_; }
  /// Returns the column, counting from 1, or 0 when unknown.
  std::size_t column() const noexcept { return column_; }

 private:
  static std::string format(const std::string& file, std::size_t line, std::size_t column, const std::string& message) {
    std::string out = file + ":" + std::to_string(line);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
    if (column != 0) out += ":" + std::to_string(column);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    return out + ": " + message;
  }

  std::string file_;
  std::size_t line_;
  std::size_t column_;
};

/// What was being done to a file when `file_error` was thrown.
enum class file_operation : std::uint8_t {
  open,   ///< opening an input
  read,   ///< reading an input
  write,  ///< writing an output, from creating it to renaming it into place
};

/// Thrown when a file cannot be opened, read or written: names the file,
/// what was being done and why, as in `cannot write out.json: No space left
/// on device`.
class file_error : public error {
 public:
  /// Builds the error `cannot <operation> <file>: <the system's text for errno_value>`.
  file_error(std::string file, file_operation operation, int errno_value)
      : file_error(std::move(file), operation, errno_value, std::system_category().message(errno_value)) {}

  /// Builds the error `cannot <operation> <file>: <reason>`, for a failure
  /// the system's text for `errno_value` would not explain; `errno_value` is
  /// 0 when no system call failed.
  file_error(std::string file, file_operation operation, int errno_value, std::string_view reason)
      : error(format(file, operation, reason)), file_(std::move(file)), operation_(operation), errno_(errno_value) {}

  /// Returns the error for input `file` of `size` bytes, too big for the
  /// memory left: `cannot read big.jsonl: out of memory for its 2.5 GiB`.
  static file_error out_of_memory(std::string file, std::size_t size) {
    return {std::move(file), file_operation::read, ENOMEM, std::string("out of memory for its ") + byte_count(size)};
  }

  /// Returns the error for input `file` of unknown size (standard input, a
  /// pipe) that ran out of memory after `read` bytes: `cannot read <stdin>:
  /// out of memory after 64.0 MiB`.
  static file_error out_of_memory_after(std::string file, std::size_t read) {
    return {std::move(file), file_operation::read, ENOMEM, std::string("out of memory after ") + byte_count(read)};
  }

  /// Returns the file, as error messages name it (`<stdin>`, `standard output`).
  const std::string& file() const noexcept { return file_; }
  /// Returns what was being done.
  file_operation operation() const noexcept { return operation_; }
  /// Returns the `errno` of the call that failed, or 0 if none did.
  int errno_value() const noexcept { return errno_; }

  /// Returns `n` bytes as people read it: `512 bytes`, `1.5 KiB`, `2.0 GiB`.
  static std::string byte_count(std::size_t n) {
    if (n < 1024) return std::to_string(n) + (n == 1 ? " byte" : " bytes");
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(n) / 1024;
    std::size_t u = 0;
    for (; v >= 1024 && u + 1 < std::size(units); ++u) v /= 1024;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", v, units[u]);
    return text;
  }

 private:
  static std::string format(const std::string& file, file_operation operation, std::string_view reason) {
    std::string out = "cannot ";
    out += operation == file_operation::open ? "open " : operation == file_operation::read ? "read " : "write ";
    out += file;
    out += ": ";
    out += reason;
    return out;
  }

  std::string file_;
  file_operation operation_;
  int errno_;
};

}  // namespace sourcetrace
