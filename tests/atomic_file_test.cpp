// SPDX-License-Identifier: BSL-1.0
// Files written whole or not at all (io/atomic_file.hpp), and inputs read
// whole or not at all (detail/file_text.hpp, behind read_corpus_file and
// read_prov_file).
#include <sourcetrace/detail/file_text.hpp>
#include <sourcetrace/io/atomic_file.hpp>

#include "catch.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace sourcetrace;
using Catch::Matchers::Message;

namespace {

// A fresh directory, removed with everything in it.
class scratch_dir {
 public:
  scratch_dir() {
    char name[] = "/tmp/atomic_file_test-XXXXXX";
    if (mkdtemp(name) == nullptr) throw std::runtime_error("cannot create a scratch directory");
    path_ = name;
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  ~scratch_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put(const std::string& path, const std::string& text, mode_t mode = 0644) {
  std::ofstream(path, std::ios::binary) << text;
  ::chmod(path.c_str(), mode);
}

// The names in `dir`, sorted: a temporary file left behind shows up here.
std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

// Sets the umask for a scope.
class umask_scope {
 public:
  explicit umask_scope(mode_t mask) : old_(::umask(mask)) {}
  umask_scope(const umask_scope&) = delete;
  umask_scope& operator=(const umask_scope&) = delete;
  ~umask_scope() { ::umask(old_); }

 private:
  mode_t old_;
};

const std::string old_text = "{\"agents\": [], \"claims\": []}\n";

// 2 MiB of text that is not the old text.
std::string big_text() {
  std::string s;
  for (int i = 0; s.size() < (2u << 20); ++i)
    s += std::string("{\"record\": \"statement\", \"id\": \"s") + std::to_string(i) + "\"}\n";
  return s;
}

}  // namespace

TEST_CASE("a new file is written whole, with the mode a plain create gives") {
  scratch_dir dir;
  {
    umask_scope mask(022);
    write_file_atomically(dir / "out.json", old_text);
    CHECK(mode_of(dir / "out.json") == 0644);
  }
  {
    umask_scope mask(077);
    write_file_atomically(dir / "private.json", [](std::ostream& out) { out << old_text; });
    CHECK(mode_of(dir / "private.json") == 0600);
  }
  CHECK(contents(dir / "out.json") == old_text);
  CHECK(contents(dir / "private.json") == old_text);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json", "private.json"});
}

TEST_CASE("a file replaced gets the new text and keeps its permission bits") {
  scratch_dir dir;
  put(dir / "out.json", old_text, 0640);
  put(dir / "run.sh", "#!/bin/sh\n", 0755);
  auto text = big_text();
  write_file_atomically(dir / "out.json", text);
  write_file_atomically(dir / "run.sh", [](std::ostream& out) { out << "#!/bin/sh\necho new\n"; });
  CHECK(contents(dir / "out.json") == text);
  CHECK(mode_of(dir / "out.json") == 0640);
  CHECK(contents(dir / "run.sh") == "#!/bin/sh\necho new\n");
  CHECK(mode_of(dir / "run.sh") == 0755);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json", "run.sh"});
}

TEST_CASE("until commit the text goes to a temporary file beside the target, removed if never committed") {
  scratch_dir dir;
  put(dir / "out.json", old_text);
  {
    atomic_output_file out(dir / "out.json");
    out.write(big_text());
    out.stream() << "more";
    std::string temporary = out.path_to_write();
    CHECK(temporary.starts_with(dir / ".out.json.tmp-"));
    CHECK(temporary.size() == (dir / ".out.json.tmp-XXXXXX").size());
    CHECK(names_in(dir.path()) == std::vector<std::string>{temporary.substr(dir.path().size() + 1), "out.json"});
    CHECK(contents(dir / "out.json") == old_text);
  }
  CHECK(contents(dir / "out.json") == old_text);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json"});
}

TEST_CASE("a writer that throws leaves the old file as it was") {
  scratch_dir dir;
  put(dir / "out.json", old_text);
  auto failing = [](std::ostream& out) {
    out << big_text();
    throw std::runtime_error("the writer gave up");
  };
  CHECK_THROWS_MATCHES(write_file_atomically(dir / "out.json", failing), std::runtime_error,
                       Message("the writer gave up"));
  CHECK(contents(dir / "out.json") == old_text);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json"});
}

TEST_CASE("a program that writes by name writes the temporary file, committed with the rest") {
  scratch_dir dir;
  put(dir / "picture.svg", "<svg>old</svg>", 0604);
  atomic_output_file out(dir / "picture.svg");
  std::ofstream(out.path_to_write(), std::ios::binary) << "<svg>new</svg>";
  CHECK(contents(dir / "picture.svg") == "<svg>old</svg>");
  out.commit();
  CHECK(contents(dir / "picture.svg") == "<svg>new</svg>");
  CHECK(mode_of(dir / "picture.svg") == 0604);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"picture.svg"});
  CHECK_THROWS_MATCHES(
      out.commit(), error,
      Message(std::string("cannot commit ") + (dir / "picture.svg") + ": already committed or discarded"));
}

TEST_CASE("a symbolic link keeps pointing where it did, and what it points to is replaced") {
  scratch_dir dir;
  std::filesystem::create_directory(dir / "real");
  put(dir / "real/out.json", old_text, 0600);
  std::filesystem::create_symlink("real/out.json", dir / "link.json");
  write_file_atomically(dir / "link.json", "new\n");
  CHECK(std::filesystem::is_symlink(dir / "link.json"));
  CHECK(contents(dir / "real/out.json") == "new\n");
  CHECK(mode_of(dir / "real/out.json") == 0600);
  CHECK(names_in(dir / "real") == std::vector<std::string>{"out.json"});
}

TEST_CASE("a full device is written directly and the error says why") {
  if (::access("/dev/full", W_OK) != 0) {
    WARN("skipped: /dev/full cannot be written here");
    return;
  }
  CHECK_THROWS_MATCHES(write_file_atomically("/dev/full", old_text), file_error,
                       Message("cannot write /dev/full: No space left on device"));
  // Through the stream, the error comes from commit, with the same reason.
  try {
    write_file_atomically("/dev/full", [](std::ostream& out) { out << old_text; });
    FAIL("writing /dev/full succeeded");
  } catch (const file_error& e) {
    CHECK(std::string(e.what()) == "cannot write /dev/full: No space left on device");
    CHECK(e.file() == "/dev/full");
    CHECK(e.operation() == file_operation::write);
    CHECK(e.errno_value() == ENOSPC);
  }
}

TEST_CASE("a FIFO is written directly and stays a FIFO") {
  scratch_dir dir;
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  auto text = big_text();
  std::string read;
  std::thread reader([&] { read = detail::read_file_text(dir / "fifo").text; });
  write_file_atomically(dir / "fifo", text);
  reader.join();
  CHECK(read == text);
  CHECK(std::filesystem::is_fifo(dir / "fifo"));
  CHECK(names_in(dir.path()) == std::vector<std::string>{"fifo"});
}

TEST_CASE("a missing directory is an error naming the file and why") {
  CHECK_THROWS_MATCHES(write_file_atomically("/nonexistent-dir/out.json", old_text), file_error,
                       Message("cannot write /nonexistent-dir/out.json: No such file or directory"));
}

TEST_CASE("a file that outgrows the file size limit fails, leaving the old file and no temporary file") {
  // RLIMIT_FSIZE stands in for a full disk on the rename path: the write
  // fails part-way with EFBIG, as it would with ENOSPC.
  scratch_dir dir;
  put(dir / "out.json", old_text);
  rlimit old_limit{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old_limit;
  small.rlim_cur = 1u << 20;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  auto text = big_text();
  std::string by_string, by_stream;
  try {
    write_file_atomically(dir / "out.json", text);
  } catch (const file_error& e) {
    by_string = e.what();
  }
  try {
    write_file_atomically(dir / "out.json", [&](std::ostream& out) { out << text; });
  } catch (const file_error& e) {
    by_stream = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  CHECK(by_string == std::string("cannot write ") + (dir / "out.json") + ": File too large");
  CHECK(by_stream == std::string("cannot write ") + (dir / "out.json") + ": File too large");
  CHECK(contents(dir / "out.json") == old_text);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.json"});
}

TEST_CASE("a full file system fails with its reason, leaving the old file and no temporary file") {
  scratch_dir dir;
  std::filesystem::create_directory(dir / "small");
  if (::mount("tmpfs", (dir / "small").c_str(), "tmpfs", 0, "size=64k") != 0) {
    WARN("skipped: cannot mount a 64 KiB tmpfs here (needs root): " << std::strerror(errno));
    return;
  }
  std::string target = dir / "small/out.json";
  put(target, old_text);
  std::string message;
  try {
    write_file_atomically(target, big_text());
  } catch (const file_error& e) {
    message = e.what();
  }
  std::string left = contents(target);
  auto names = names_in(dir / "small");
  ::umount((dir / "small").c_str());
  CHECK(message == "cannot write " + target + ": No space left on device");
  CHECK(left == old_text);
  CHECK(names == std::vector<std::string>{"out.json"});
}

TEST_CASE("a directory that cannot be written fails with its reason, leaving the old file") {
  scratch_dir dir;
  std::filesystem::create_directory(dir / "locked");
  std::string target = dir / "locked/out.json";
  put(target, old_text);
  std::string expected;
  bool mounted = false;
  if (::geteuid() != 0) {
    ::chmod((dir / "locked").c_str(), 0555);
    expected = "cannot write " + target + ": Permission denied";
  } else if (::mount((dir / "locked").c_str(), (dir / "locked").c_str(), nullptr, MS_BIND, nullptr) == 0) {
    // Root writes whatever the permission bits say: a read-only bind mount stops it.
    mounted = true;
    if (::mount(nullptr, (dir / "locked").c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
      ::umount((dir / "locked").c_str());
      WARN("skipped: cannot remount a bind mount read-only: " << std::strerror(errno));
      return;
    }
    expected = "cannot write " + target + ": Read-only file system";
  } else {
    WARN(
        "skipped: running as root, where permission bits do not stop writes, and cannot bind-mount "
        "a directory read-only: "
        << std::strerror(errno));
    return;
  }
  std::string message;
  try {
    write_file_atomically(target, big_text());
  } catch (const file_error& e) {
    message = e.what();
  }
  std::string left = contents(target);
  auto names = names_in(dir / "locked");
  if (mounted) ::umount((dir / "locked").c_str());
  ::chmod((dir / "locked").c_str(), 0755);
  CHECK(message == expected);
  CHECK(left == old_text);
  CHECK(names == std::vector<std::string>{"out.json"});
}

TEST_CASE("an input that cannot be opened or read is an error saying why") {
  CHECK_THROWS_MATCHES(detail::read_file_text("/nonexistent/corpus.json"), file_error,
                       Message("cannot open /nonexistent/corpus.json: No such file or directory"));
  scratch_dir dir;
  CHECK_THROWS_MATCHES(detail::read_file_text(dir.path()), file_error,
                       Message("cannot read " + dir.path() + ": Is a directory"));
}

TEST_CASE("a file is read byte for byte, whatever its size") {
  scratch_dir dir;
  std::string text = big_text() + std::string("\0\xff\r\n", 4) + "end";
  put(dir / "big.jsonl", text);
  put(dir / "empty.json", "");
  auto in = detail::read_file_text(dir / "big.jsonl");
  CHECK(in.text == text);
  CHECK(in.name == dir / "big.jsonl");
  CHECK(detail::read_file_text(dir / "empty.json").text.empty());
}

TEST_CASE("a pipe is read to its end") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  auto text = big_text();
  std::thread writer([&] {
    detail::write_all(fds[1], text.data(), text.size());
    ::close(fds[1]);
  });
  auto in = detail::read_file_text(std::string("/dev/fd/") + std::to_string(fds[0]));
  writer.join();
  ::close(fds[0]);
  CHECK(in.text == text);
}

TEST_CASE("errors give sizes as people read them") {
  CHECK(file_error::byte_count(0) == "0 bytes");
  CHECK(file_error::byte_count(1) == "1 byte");
  CHECK(file_error::byte_count(1023) == "1023 bytes");
  CHECK(file_error::byte_count(1024) == "1.0 KiB");
  CHECK(file_error::byte_count(std::size_t{5} << 29) == "2.5 GiB");
  CHECK(std::string(file_error::out_of_memory("big.jsonl", std::size_t{5} << 29).what()) ==
        "cannot read big.jsonl: out of memory for its 2.5 GiB");
  CHECK(std::string(file_error::out_of_memory_after("<stdin>", std::size_t{1} << 26).what()) ==
        "cannot read <stdin>: out of memory after 64.0 MiB");
  CHECK(file_error::out_of_memory("big.jsonl", 1).errno_value() == ENOMEM);
}
