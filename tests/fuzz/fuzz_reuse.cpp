// SPDX-License-Identifier: BSL-1.0
// Fuzzes text reuse on any bytes: the input, cut at its first two 0xFF
// bytes, is up to three texts, and the first is added once more. Properties:
// folding keeps every word inside the text, in order; every pair found has
// a < b, figures from 0 to 1, and passages inside both texts (in characters,
// begin before end); and a text of at least one shingle is found as an
// exact copy of itself (its repeat), unweighted Jaccard 1.

#include <sourcetrace/text/reuse.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using sourcetrace_fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace st = sourcetrace;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> texts;
  std::size_t from = 0;
  while (texts.size() < 2) {
    const std::size_t cut = input.find('\xff', from);
    if (cut == std::string_view::npos) break;
    texts.push_back(input.substr(from, cut - from));
    from = cut + 1;
  }
  texts.push_back(input.substr(from));
  texts.push_back(texts.front());

  st::detail::reuse::folded_words w;
  std::vector<std::size_t> chars;
  for (auto t : texts) {
    st::detail::reuse::fold(t, w);
    std::size_t last = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (w.begin[i] < last || w.begin[i] >= w.end[i] || w.end[i] > t.size())
        fail("a folded word is out of the text or out of order", input);
      last = w.end[i];
    }
    chars.push_back(st::char_offsets(t)[t.size()]);
  }
  st::reuse_options o;
  // Low thresholds, so that most of what the texts share is reported; the
  // lowest the LSH plan can reach with 128 values is about 0.1.
  o.jaccard = 0.2;
  o.containment = 0.2;
  st::reuse_index idx(o);
  // The texts between the first and its repeat share a site: never three pages, so never furniture.
  for (std::size_t i = 0; i < texts.size(); ++i)
    idx.add(texts[i], std::nullopt, i == 0 || i + 1 == texts.size() ? "" : "a.test");
  const auto pairs = idx.find();
  bool repeat_found = false;
  for (const auto& p : pairs) {
    if (p.a >= p.b || p.b >= texts.size()) fail("a pair is out of order or names no text", input);
    for (double x : {p.jaccard, p.containment, p.raw_jaccard, p.raw_containment}) {
      if (!(x >= 0 && x <= 1)) fail("a figure is outside 0 to 1", input);
    }
    for (const auto& s : p.shared) {
      if (s.a.begin >= s.a.end || s.a.end > chars[p.a] || s.b.begin >= s.b.end || s.b.end > chars[p.b])
        fail("a shared passage is empty or outside its text", input);
    }
    if (p.a == 0 && p.b == texts.size() - 1) repeat_found = p.raw_jaccard == 1;
  }
  st::detail::reuse::fold(texts.front(), w);
  if (st::detail::reuse::shingle_count(w, o.shingle) > 0 && !repeat_found)
    fail("a text is not found as a copy of itself", input);
  return 0;
}
