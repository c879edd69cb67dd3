// SPDX-License-Identifier: BSL-1.0
// Writes the seed story back out with write_corpus, for the schema check.
#include <sourcetrace/io/corpus.hpp>

#include "data/seed_story.hpp"

#include <fstream>
#include <iostream>

// An exception ends the program with its message, which fails the check: as wanted.
// NOLINTNEXTLINE(bugprone-exception-escape)
int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_seed_corpus OUT.json\n";
    return 2;
  }
  std::ofstream out(argv[1]);
  sourcetrace::write_corpus(out, seed::story());
  return out ? 0 : 1;
}
