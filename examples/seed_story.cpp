// SPDX-License-Identifier: BSL-1.0
//
// The seed story: five articles on North Korean troops in Russia, traced to
// where their claims started. Run it on examples/data/seed_story.json.
//
//   The Korea Herald ──cites──► Lee Seong-kweun ──cites──► NIS briefing, 2025-06-26
//   news blog ─────────paraphrases──────────────────────► NIS briefing
//   news site ─────────cites────────► Lee Seong-kweun
//
//   For the July/August forecast: three articles, nine mentions, one
//   independent origin. The report gives every claim of the five articles
//   the same way; what an outlet says in its own voice is marked unsourced.

#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/sourcetrace.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: seed_story examples/data/seed_story.json\n";
    return 2;
  }
  try {
    auto g = sourcetrace::read_corpus_file(argv[1]);
    sourcetrace::write_report(std::cout, g);
  } catch (const sourcetrace::error& e) {
    std::cerr << "seed_story: " << e.what() << "\n";
    return 2;
  }
}
