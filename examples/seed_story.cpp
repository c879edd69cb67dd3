// SPDX-License-Identifier: BSL-1.0
//
// The seed story: five articles on North Korean troops in Russia, traced to
// where their claims started. Run it on examples/data/seed_story.json.
//
//   The Korea Herald ──paraphrases──► Lee Seong-kweun ──cites──► NIS briefing, 2025-06-26
//   news blog ─────────paraphrases──────────────────────────────► NIS briefing
//   news site ─────────cites────────► Lee Seong-kweun
//
//   three reports, one independent origin; and likewise for every claim of
//   the five articles.

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
