// SPDX-License-Identifier: BSL-1.0
#pragma once

// Reading a whole input file, or standard input for "-", for the readers
// that parse text held in memory.

#include <sourcetrace/error.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>

namespace sourcetrace::detail {

// The text of an input and the name error messages give it.
struct file_text {
  std::string text;
  std::string name;
};

// Reads file `path`, or standard input (named "<stdin>") if `path` is "-".
inline file_text read_file_text(const std::string& path) {
  if (path == "-") {
    return {std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()), "<stdin>"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw error("cannot read " + path);
  return {std::move(buffer).str(), path};
}

}  // namespace sourcetrace::detail
