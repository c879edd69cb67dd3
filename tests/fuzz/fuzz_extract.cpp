// SPDX-License-Identifier: BSL-1.0
// Fuzzes the article reader on any bytes read as an article, with a small
// gazetteer. Property: every extracted span lies inside the text and inside
// its sentence; every hop names an agent the extractor made; every
// statement gets a claim; and the extraction becomes a graph without an
// error (extraction_graph throws only on what an extractor cannot produce).

#include <sourcetrace/text/extract.hpp>

#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using sourcetrace_fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  sourcetrace::gazetteer gz;
  gz.add({"nis", "National Intelligence Service", "organization", {}, {"NIS", "the agency"}});
  sourcetrace::extractor ex(std::move(gz));
  ex.add({"fuzz.txt", text, "Fuzz Daily", boost::gregorian::date(2025, 6, 27), ""});
  ex.add({"fuzz-2.txt", text, "", std::nullopt, ""});
  ex.finish();
  auto inside = [&](sourcetrace::text_span s, const sourcetrace::sentence& in) {
    return s.begin <= s.end && s.begin >= in.begin && s.end <= in.end;
  };
  for (const auto& a : ex.articles()) {
    for (const auto& st : a.statements) {
      if (st.sentence >= a.sentences.size()) fail("a statement names no sentence", text);
      const auto& sen = a.sentences[st.sentence];
      if (st.content.empty() || !inside(st.content, sen)) fail("a content lies outside its sentence", text);
      if (st.claim.empty()) fail("a statement has no claim", text);
      for (const auto& h : st.hops) {
        (void)ex.agent(h.agent);  // throws std::out_of_range, which the fuzzer reports, for an unknown agent
        if (h.source.end > text.size() || h.source.empty()) fail("a source span lies outside the text", text);
        if (!st.carried && !inside(h.cue, sen)) fail("a cue lies outside its sentence", text);
      }
    }
  }
  try {
    (void)sourcetrace::extraction_graph(ex);
  } catch (const std::exception& e) {
    fail((std::string("the extraction did not become a graph: ") + e.what()).c_str(), text);
  }
  return 0;
}
