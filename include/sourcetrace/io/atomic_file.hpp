// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Writing a file whole or not at all, on POSIX systems. The text goes to a
/// temporary file in the target's directory, named `.NAME.tmp-XXXXXX`, which
/// is synced and renamed over the target only once it is complete. On any
/// error the temporary file is removed and the old target is left as it
/// was. A process killed part-way can leave the temporary file behind, but
/// never a damaged target.

#include <sourcetrace/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>

namespace sourcetrace {
namespace detail {

// Writes all `n` bytes, retrying interrupted and partial writes; returns 0,
// or the errno of the write that failed.
inline int write_all(int fd, const char* data, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return errno;
    if (w == 0) return EIO;  // no progress: do not spin
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return 0;
}

// A stream buffer on a descriptor that keeps the errno of the first write
// that failed, so that the error can say why: std::ostream only records
// that something failed. After a failure it writes nothing more.
class fd_streambuf : public std::streambuf {
 public:
  fd_streambuf() : buffer_(new char[capacity]) { reset(); }
  void attach(int fd) { fd_ = fd; }
  int error() const { return error_; }

  // Writes what is buffered; returns false if this or an earlier write failed.
  bool drain() {
    auto n = static_cast<std::size_t>(pptr() - pbase());
    if (error_ == 0 && n > 0) error_ = write_all(fd_, pbase(), n);
    reset();
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    auto count = static_cast<std::size_t>(n);
    if (count > static_cast<std::size_t>(epptr() - pptr()) && !drain()) return 0;
    if (count < capacity) {
      std::memcpy(pptr(), s, count);
      pbump(static_cast<int>(count));
      return n;
    }
    // Large pieces go straight to the file, saving a copy.
    error_ = write_all(fd_, s, count);
    return error_ == 0 ? n : 0;
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr std::size_t capacity = std::size_t{1} << 16;

  void reset() { setp(buffer_.get(), buffer_.get() + capacity); }

  std::unique_ptr<char[]> buffer_;
  int fd_ = -1;
  int error_ = 0;
};

// Returns six letters and digits for a temporary file's name, different on
// each call and in each process, so that writers rarely collide; a
// collision only costs another try, since the file is created exclusively.
inline std::string temporary_suffix() {
  static std::atomic<std::uint64_t> calls{0};
  auto now = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  std::uint64_t x = now ^ (static_cast<std::uint64_t>(::getpid()) << 40) ^ (calls++ * 0x9e3779b97f4a7c15u);
  // splitmix64's finalizer spreads every input bit over the output.
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
  x ^= x >> 31;
  static constexpr std::string_view digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string out(6, '0');
  for (char& c : out) {
    c = digits[x % digits.size()];
    x /= digits.size();
  }
  return out;
}

// Whether `path` names an open descriptor's file rather than a file
// (/dev/stdout, /dev/fd/1, /proc/self/fd/1): renaming over what it points to
// would cut loose the process that holds the descriptor, say a shell
// appending to a log.
inline bool names_a_descriptor(std::string_view path) {
  return path == "/dev/stdout" || path == "/dev/stderr" || path.starts_with("/dev/fd/") || path.starts_with("/proc/");
}

}  // namespace detail

/// A file written whole or not at all. The constructor creates a temporary
/// file `.NAME.tmp-XXXXXX` in the directory of `path`; `write` and
/// `stream()` fill it; `commit` flushes it, syncs it to disk, renames it over
/// `path` and syncs the directory. Destroyed without `commit`, or after an
/// error, it removes the temporary file and leaves `path` as it was.
///
/// A new file gets the mode a plain create gives (0666 less the umask); a
/// file replaced keeps its read, write and execute bits, and a symbolic
/// link keeps pointing where it did, its target replaced. A path that is
/// not a regular file (a device such as `/dev/full`, a FIFO), or that names
/// an open descriptor's file (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
/// `/proc/...`), cannot be replaced by renaming: it is written directly,
/// and its errors are reported all the same.
class atomic_output_file {
 public:
  /// Prepares to write `path`, creating its temporary file.
  /// @throws file_error (`write`) naming `path` if it cannot be created, e.g.
  /// `cannot write out/x.json: No such file or directory`.
  explicit atomic_output_file(std::string path) : path_(std::move(path)), target_(path_) {
    struct stat st {};
    bool exists = ::stat(path_.c_str(), &st) == 0;
    if (exists && (!S_ISREG(st.st_mode) || detail::names_a_descriptor(path_))) {
      open_directly();
      return;
    }
    if (exists) resolve_link();
    create_temporary(exists ? std::optional<mode_t>(st.st_mode) : std::nullopt);
  }

  atomic_output_file(const atomic_output_file&) = delete;
  atomic_output_file& operator=(const atomic_output_file&) = delete;

  /// Removes the temporary file unless `commit` succeeded.
  ~atomic_output_file() { discard(); }

  /// Returns the stream that writes into the file. Its errors are reported
  /// by `commit`, with their reason.
  std::ostream& stream() noexcept { return stream_; }

  /// Appends `text` to the file.
  /// @throws file_error (`write`) naming the target if it cannot be written;
  /// the temporary file is then removed.
  void write(std::string_view text) {
    buffer_.sputn(text.data(), static_cast<std::streamsize>(text.size()));
    if (buffer_.error() != 0) fail(buffer_.error());
  }

  /// Returns the path a program given a file name should write to: the
  /// temporary file, or the target itself when it is written directly.
  /// What the program writes there is committed with the rest.
  const std::string& path_to_write() const noexcept { return temporary_.empty() ? target_ : temporary_; }

  /// Returns the target, as given to the constructor.
  const std::string& path() const noexcept { return path_; }

  /// Makes the file the target: flushes and syncs the temporary file,
  /// renames it over the target and syncs the directory.
  /// @throws file_error (`write`) naming the target if any step fails, e.g.
  /// `cannot write out.json: No space left on device`; the temporary file is
  /// then removed and the target left as it was.
  /// @throws error if the file was already committed or discarded.
  void commit() {
    if (fd_ < 0) throw error("cannot commit " + path_ + ": already committed or discarded");
    stream_.flush();
    if (buffer_.error() != 0) fail(buffer_.error());
    if (stream_.bad()) fail(EIO);
    if (::fsync(fd_) != 0 && !(temporary_.empty() && (errno == EINVAL || errno == EROFS))) fail(errno);
    int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0 && errno != EINTR) fail(errno);
    if (temporary_.empty()) return;
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(errno);
    temporary_.clear();
    sync_directory();
  }

 private:
  // Writes a device, FIFO or shared descriptor's file as it is.
  void open_directly() {
    do {
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) throw file_error(path_, file_operation::write, errno);
    buffer_.attach(fd_);
  }

  // Replaces what a symbolic link points to, not the link.
  void resolve_link() {
    struct stat st {};
    if (::lstat(path_.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return;
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(path_.c_str(), nullptr), &std::free);
    if (!real) throw file_error(path_, file_operation::write, errno);
    target_ = real.get();
  }

  void create_temporary(std::optional<mode_t> mode) {
    auto slash = target_.rfind('/');
    std::string base = slash == std::string::npos ? target_ : target_.substr(slash + 1);
    if (base.empty() || base == "." || base == "..") throw file_error(path_, file_operation::write, EISDIR);
    directory_ = slash == std::string::npos ? "." : slash == 0 ? "/" : target_.substr(0, slash);
    std::string prefix = slash == std::string::npos ? "" : target_.substr(0, slash + 1);
    // Leave room for ".", ".tmp-" and the suffix within NAME_MAX (255).
    if (base.size() > 243) base.resize(243);
    for (int tries = 0;; ++tries) {
      temporary_ = prefix;
      temporary_ += '.';
      temporary_ += base;
      temporary_ += ".tmp-";
      temporary_ += detail::temporary_suffix();
      // 0666 so that the umask applies as to any new file (mkstemp gives 0600).
      fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) break;
      int e = errno;
      if (e == EINTR || (e == EEXIST && tries < 100)) continue;
      temporary_.clear();
      throw file_error(path_, file_operation::write, e);
    }
    buffer_.attach(fd_);
    if (mode && ::fchmod(fd_, *mode & (S_IRWXU | S_IRWXG | S_IRWXO)) != 0) fail(errno);
  }

  // Makes the rename itself durable; a file system that cannot sync a
  // directory (EINVAL) has nothing to make durable.
  void sync_directory() {
    int dir = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) throw file_error(path_, file_operation::write, errno);
    int e = ::fsync(dir) == 0 ? 0 : errno;
    ::close(dir);
    if (e != 0 && e != EINVAL) throw file_error(path_, file_operation::write, e);
  }

  [[noreturn]] void fail(int errno_value) {
    discard();
    throw file_error(path_, file_operation::write, errno_value);
  }

  void discard() noexcept {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    temporary_.clear();
  }

  std::string path_;       // as given, for messages
  std::string target_;     // what is replaced: path_, or where its link points
  std::string directory_;  // target_'s directory, synced after the rename
  std::string temporary_;  // empty when writing target_ directly
  int fd_ = -1;
  detail::fd_streambuf buffer_;
  std::ostream stream_{&buffer_};
};

/// Writes file `path` whole or not at all, as `atomic_output_file` does:
/// calls `write` with a stream into the temporary file, then commits it.
/// @throws file_error (`write`) naming `path` if it cannot be written; and
/// whatever `write` throws. Either way `path` is left as it was.
inline void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  atomic_output_file out(path);
  write(out.stream());
  out.commit();
}

/// Writes `text` to file `path` whole or not at all, as `atomic_output_file` does.
/// @throws file_error (`write`) naming `path` if it cannot be written; `path`
/// is then left as it was.
inline void write_file_atomically(const std::string& path, std::string_view text) {
  atomic_output_file out(path);
  out.write(text);
  out.commit();
}

}  // namespace sourcetrace
