// SPDX-License-Identifier: BSL-1.0
// sourcetrace render: draw the provenance graph with graphviz's dot.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/io/atomic_file.hpp>
#include <sourcetrace/io/dot.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>

namespace sourcetrace_cli {
namespace {

struct render_options {
  corpus_input in;
  std::string output_path;
  std::string claim;
};

// Runs graphviz's dot on the DOT text in file `dot_file`, writing a picture
// of `type` to file `picture`, which error messages call `name`.
void run_dot(const std::string& dot_file, const std::string& type, const std::string& picture,
             const std::string& name) {
  std::string flag = "-T" + type;
  const char* args[] = {"dot", flag.c_str(), "-o", picture.c_str(), dot_file.c_str(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "dot", nullptr, nullptr, const_cast<char* const*>(args), environ);
  if (rc != 0) {
    if (rc == ENOENT) {
      throw st::error(
          "graphviz's dot is not on PATH: install graphviz (apt-get install graphviz), or write DOT with "
          "`sourcetrace export FILE --to dot` and render it elsewhere");
    }
    throw st::error(std::string("cannot run dot: ") + std::strerror(rc));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw st::error(std::string("cannot wait for dot: ") + std::strerror(errno));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw st::error("dot failed to render " + name);
}

// The DOT text handed to dot: a file in /tmp, removed when done.
class dot_input {
 public:
  explicit dot_input(const std::string& text) {
    int fd = mkstemp(path_);
    if (fd < 0) throw st::file_error("a temporary file in /tmp", st::file_operation::write, errno);
    std::FILE* f = fdopen(fd, "wb");
    int e = errno;
    bool ok = f != nullptr;
    if (ok) {
      errno = 0;
      ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
      ok = std::fflush(f) == 0 && ok;
      e = errno != 0 ? errno : EIO;
      ok = std::fclose(f) == 0 && ok;
    } else {
      ::close(fd);
    }
    if (!ok) {
      std::remove(path_);
      throw st::file_error(path_, st::file_operation::write, e);
    }
  }
  dot_input(const dot_input&) = delete;
  dot_input& operator=(const dot_input&) = delete;
  ~dot_input() { std::remove(path_); }
  const char* path() const { return path_; }

 private:
  char path_[31] = "/tmp/sourcetrace-render-XXXXXX";
};

int run_render(const render_options& o) {
  auto g = load(o.in);
  st::dot_options options;
  if (auto c = claim_of(g, o.claim)) options.claim = *c;
  std::ostringstream dot;
  st::write_dot(dot, g, options);
  std::string type = "svg";
  if (auto dotpos = o.output_path.rfind('.'); dotpos != std::string::npos) type = o.output_path.substr(dotpos + 1);
  if (type != "svg" && type != "png" && type != "pdf") {
    throw st::error("cannot render " + o.output_path + ": expected a file name ending in .svg, .png or .pdf");
  }
  // dot writes into a temporary file beside the picture, which replaces the
  // picture only if dot succeeded; otherwise it is removed.
  st::atomic_output_file picture(o.output_path);
  dot_input input(dot.str());
  run_dot(input.path(), type, picture.path_to_write(), o.output_path);
  picture.commit();
  std::fprintf(stderr, "wrote %s\n", o.output_path.c_str());
  return exit_ok;
}

}  // namespace

void add_render(CLI::App& app) {
  auto o = std::make_shared<render_options>();
  auto* sub = app.add_subcommand("render", "draw the provenance graph with graphviz (SVG, PNG or PDF)");
  add_corpus_input(*sub, o->in);
  sub->add_option("-o,--output", o->output_path, "the picture to write: .svg, .png or .pdf")->required();
  sub->add_option("--claim", o->claim, "draw only this claim");
  sub->callback([o] { finish(run_render(*o)); });
}

}  // namespace sourcetrace_cli
