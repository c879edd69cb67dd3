// SPDX-License-Identifier: BSL-1.0
//
// The seed story: five articles on North Korean troops in Russia, traced to
// where their claims started.
//
//   The Korea Herald ──paraphrases──► Lee Seong-kweun ──cites──► NIS briefing, 2025-06-26
//   news blog ─────────paraphrases──────────────────────────────► NIS briefing
//   news site ─────────cites────────► Lee Seong-kweun
//
//   three reports, one independent origin; and the same for every claim of
//   the five articles (examples/data/seed_story.hpp).
//
// The data is built in C++ until the corpus reader arrives; then this program
// will read examples/data/seed_story.json named by argv[1].

#include <sourcetrace/sourcetrace.hpp>

#include "data/seed_story.hpp"

#include <iostream>

int main() {
  try {
    auto g = seed::story();
    sourcetrace::write_report(std::cout, g);
  } catch (const sourcetrace::error& e) {
    std::cerr << "seed_story: " << e.what() << "\n";
    return 2;
  }
}
