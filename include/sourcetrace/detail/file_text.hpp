// SPDX-License-Identifier: BSL-1.0
#pragma once

// Reading a whole input file, or standard input for "-", for the readers
// that parse text held in memory. All of it is read or the reader throws: a
// short read, an I/O error or memory running out is an error naming the
// file, never a shorter input that parses as a smaller corpus.

#include <sourcetrace/error.hpp>
#include <sourcetrace/io/read_limits.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace sourcetrace::detail {

// The text of an input and the name error messages give it.
struct file_text {
  std::string text;
  std::string name;
};

// The error for input `name` that holds more than `max_bytes`: `cannot read
// big.jsonl: input is 2.5 GiB, over the limit of 1.0 GiB (--max-bytes)`, or,
// when its size is unknown (a pipe), "input is over ...".
inline file_error over_max_bytes(const std::string& name, std::optional<std::size_t> size, std::size_t max_bytes) {
  std::string why;
  if (size) {
    why = bytes_over_limit(*size, max_bytes);
  } else {
    why.append("input is over the limit of ").append(file_error::byte_count(max_bytes)).append(" (--max-bytes)");
  }
  return {name, file_operation::read, EFBIG, why};
}

// Reads descriptor `fd`, named `name` in errors, to its end. `size` is what
// fstat says a regular file holds: the text is then allocated once, because
// growing a string copies it and needs twice its memory. A file that grows
// while it is read is read to its new end; one that shrinks is an error. More
// than `max_bytes` is an error, found before that much is held.
inline std::string read_to_end(int fd, const std::string& name, std::optional<std::size_t> size,
                               std::size_t max_bytes = read_limits::none) {
  if (size && *size > max_bytes) throw over_max_bytes(name, size, max_bytes);
  std::string text;
  try {
    if (size) text.resize(*size);
  } catch (const std::bad_alloc&) {
    throw file_error::out_of_memory(name, *size);
  } catch (const std::length_error&) {
    throw file_error::out_of_memory(name, *size);
  }
  std::size_t used = 0;
  char chunk[1 << 16];
  for (;;) {
    bool in_place = used < text.size();
    char* to = in_place ? text.data() + used : chunk;
    std::size_t room = in_place ? text.size() - used : sizeof chunk;
    ssize_t n = ::read(fd, to, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw file_error(name, file_operation::read, errno);
    if (n == 0) break;
    auto got = static_cast<std::size_t>(n);
    if (got > max_bytes - used) throw over_max_bytes(name, std::nullopt, max_bytes);
    if (!in_place) {
      try {
        text.append(chunk, got);
      } catch (const std::bad_alloc&) {
        throw file_error::out_of_memory_after(name, used);
      } catch (const std::length_error&) {
        throw file_error::out_of_memory_after(name, used);
      }
    }
    used += got;
  }
  if (used < text.size()) {
    throw file_error(name, file_operation::read, 0,
                     std::string("it shrank from ") + file_error::byte_count(text.size()) + " to " +
                         file_error::byte_count(used) + " while being read");
  }
  return text;
}

// Reads file `path`, or standard input (named "<stdin>") if `path` is "-".
// Throws file_error naming the file if it cannot be opened or read whole, or
// holds more than `max_bytes`.
inline file_text read_file_text(const std::string& path, std::size_t max_bytes = read_limits::none) {
  if (path == "-") return {read_to_end(STDIN_FILENO, "<stdin>", std::nullopt, max_bytes), "<stdin>"};
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) throw file_error(path, file_operation::open, errno);
  struct closer {
    int fd;
    ~closer() { ::close(fd); }
  } close_on_return{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw file_error(path, file_operation::read, errno);
  std::optional<std::size_t> size;
  if (S_ISREG(st.st_mode)) size = static_cast<std::size_t>(st.st_size);
  return {read_to_end(fd, path, size, max_bytes), path};
}

}  // namespace sourcetrace::detail
