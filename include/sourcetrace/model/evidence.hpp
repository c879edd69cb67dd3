// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Where an extracted statement was read: the article file and the
/// character offsets of its content, and of each hop's source and cue, so a
/// reviewer can see why the extractor proposed it; and the mark of an agent,
/// event or claim the extractor wrote (docs/format.md).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sourcetrace {

/// A span of a text in characters (UTF-8 decoded, counting from 0), `begin`
/// included, `end` not.
struct char_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const char_span&, const char_span&) = default;
};

/// The evidence of a statement the extractor read from an article.
struct text_evidence {
  /// One hop of the chain, in the order of the statement's derivations.
  struct hop {
    char_span source;              ///< where the text names the source (for a carried hop: the earlier mention)
    std::optional<char_span> cue;  ///< the reporting words; none for a hop carried from an earlier sentence
    std::string cue_word;          ///< the cue's canonical word: "say", "according to", "brief", "carried"
    friend bool operator==(const hop&, const hop&) = default;
  };
  std::string file;       ///< the article file, as the extractor was given it
  char_span content;      ///< what the statement says
  std::vector<hop> hops;  ///< empty for an own-voice statement
  double similarity = 1;  ///< to the closest content already in its claim when it joined, 0 to 1 (1 for the first)
  friend bool operator==(const text_evidence&, const text_evidence&) = default;
};

/// The mark of an agent, event, claim or upstream statement the extractor
/// wrote: the article it was first read in, in the order the articles were
/// given, and for an agent whether it came from the gazetteer rather than
/// from the text alone.
struct extraction_mark {
  std::string file;        ///< the article file, as the extractor was given it
  bool gazetteer = false;  ///< an agent the gazetteer knows; false for other records
  friend bool operator==(const extraction_mark&, const extraction_mark&) = default;
};

/// What the reuse detector measured for a `copies` derivation
/// (`sourcetrace reuse --into`, text/reuse.hpp): how much text the two
/// articles share, weighted as the detector weighs it, and whether the
/// direction is known. An undecided pair (same day, or a date missing) is
/// stored in the order `add_copies` gives every pair (by date, an undated
/// article last, then as the articles were given); either way the two are
/// one report chain.
struct copy_evidence {
  double jaccard = 0;      ///< weighted Jaccard of the two articles' shingles, 0 to 1
  double containment = 0;  ///< weighted containment, 0 to 1
  bool undecided = false;  ///< who copied whom is not known
  friend bool operator==(const copy_evidence&, const copy_evidence&) = default;
};

}  // namespace sourcetrace
