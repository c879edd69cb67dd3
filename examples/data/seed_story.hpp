// SPDX-License-Identifier: BSL-1.0
#pragma once

// Loads the seed story (examples/data/seed_story.json) for the tests. The
// build defines SOURCETRACE_EXAMPLE_DATA_DIR as the folder of this file.

#include <sourcetrace/io/corpus.hpp>

#ifndef SOURCETRACE_EXAMPLE_DATA_DIR
#error "define SOURCETRACE_EXAMPLE_DATA_DIR as the path of examples/data"
#endif

namespace seed {

inline sourcetrace::provenance_graph story() {
  return sourcetrace::read_corpus_file(SOURCETRACE_EXAMPLE_DATA_DIR "/seed_story.json");
}

}  // namespace seed
