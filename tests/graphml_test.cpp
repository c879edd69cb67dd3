// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/graphml.hpp>

#include "catch.hpp"
#include "data/seed_story.hpp"

#include <cstddef>
#include <cstdint>
#include <locale>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>

using namespace sourcetrace;
using Catch::Matchers::Contains;

// A user's kind with a whole-number field.
struct channel {
  std::int64_t subscribers = 0;
};
template <>
struct sourcetrace::source_traits<channel> : sourcetrace::source_traits_base<channel> {
  static constexpr std::string_view name = "channel";
  static constexpr std::tuple members{field{"subscribers", &channel::subscribers}};
};

namespace {

template <class G>
std::string graphml(const G& g) {
  std::ostringstream out;
  write_graphml(out, g);
  return out.str();
}

// Returns how many times `part` occurs in `text`.
std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("write_graphml writes typed keys, a node per statement and an edge per derivation") {
  provenance_graph g;
  g.add_agent("nis", "National Intelligence Service", organization{"intelligence agency", "South Korea"});
  g.add_agent("herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "nis");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_claim("deploy", "More troops may go in July or August");
  g.report("herald-0627", "deploy").via("briefing", derivation_kind::paraphrases);
  CHECK(graphml(g) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"key0\" for=\"node\" attr.name=\"agent\" attr.type=\"string\" />\n"
        "  <key id=\"key1\" for=\"node\" attr.name=\"agent_field_country\" attr.type=\"string\" />\n"
        "  <key id=\"key2\" for=\"node\" attr.name=\"agent_field_medium\" attr.type=\"string\" />\n"
        "  <key id=\"key3\" for=\"node\" attr.name=\"agent_field_type\" attr.type=\"string\" />\n"
        "  <key id=\"key4\" for=\"node\" attr.name=\"agent_kind\" attr.type=\"string\" />\n"
        "  <key id=\"key5\" for=\"node\" attr.name=\"agent_name\" attr.type=\"string\" />\n"
        "  <key id=\"key6\" for=\"node\" attr.name=\"claim\" attr.type=\"string\" />\n"
        "  <key id=\"key7\" for=\"node\" attr.name=\"date\" attr.type=\"string\" />\n"
        "  <key id=\"key8\" for=\"node\" attr.name=\"event\" attr.type=\"string\" />\n"
        "  <key id=\"key9\" for=\"node\" attr.name=\"id\" attr.type=\"string\" />\n"
        "  <key id=\"key10\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\" />\n"
        "  <key id=\"key11\" for=\"node\" attr.name=\"on_cycle\" attr.type=\"boolean\" />\n"
        "  <key id=\"key12\" for=\"node\" attr.name=\"origin\" attr.type=\"boolean\" />\n"
        "  <key id=\"key13\" for=\"node\" attr.name=\"unsourced\" attr.type=\"boolean\" />\n"
        "  <graph id=\"G\" edgedefault=\"directed\" parse.nodeids=\"canonical\" parse.edgeids=\"canonical\" "
        "parse.order=\"nodesfirst\">\n"
        "    <node id=\"n0\">\n"
        "      <data key=\"key0\">herald</data>\n"
        "      <data key=\"key1\">South Korea</data>\n"
        "      <data key=\"key2\">newspaper</data>\n"
        "      <data key=\"key3\"></data>\n"
        "      <data key=\"key4\">outlet</data>\n"
        "      <data key=\"key5\">The Korea Herald</data>\n"
        "      <data key=\"key6\">deploy</data>\n"
        "      <data key=\"key7\">2025-06-27</data>\n"
        "      <data key=\"key8\">herald-0627</data>\n"
        "      <data key=\"key9\">deploy/herald@herald-0627</data>\n"
        "      <data key=\"key11\">0</data>\n"
        "      <data key=\"key12\">0</data>\n"
        "      <data key=\"key13\">0</data>\n"
        "    </node>\n"
        "    <node id=\"n1\">\n"
        "      <data key=\"key0\">nis</data>\n"
        "      <data key=\"key1\">South Korea</data>\n"
        "      <data key=\"key2\"></data>\n"
        "      <data key=\"key3\">intelligence agency</data>\n"
        "      <data key=\"key4\">organization</data>\n"
        "      <data key=\"key5\">National Intelligence Service</data>\n"
        "      <data key=\"key6\">deploy</data>\n"
        "      <data key=\"key7\">2025-06-26</data>\n"
        "      <data key=\"key8\">briefing</data>\n"
        "      <data key=\"key9\">deploy/nis@briefing</data>\n"
        "      <data key=\"key11\">0</data>\n"
        "      <data key=\"key12\">1</data>\n"
        "      <data key=\"key13\">0</data>\n"
        "    </node>\n"
        "    <edge id=\"e0\" source=\"n0\" target=\"n1\">\n"
        "      <data key=\"key10\">paraphrases</data>\n"
        "    </edge>\n"
        "  </graph>\n"
        "</graphml>\n");
}

TEST_CASE("GraphML text is escaped, and bytes XML cannot hold become U+FFFD") {
  provenance_graph g;
  g.add_agent("a&b", "Kim \"the analyst\" <Lee> & 'Park'", person{});
  g.add_claim("c", "claim");
  g.add_statement("say \"hi\"", "a&b", "c");
  g.add_statement("bad\x01\xff\xef\xbf\xbe", "a&b", "c");
  g.add_statement("tab\tand\nnewline", "a&b", "c");
  auto out = graphml(g);
  CHECK_THAT(out, Contains("<data key=\"key0\">a&amp;b</data>"));
  CHECK_THAT(out, Contains("<data key=\"key4\">Kim &quot;the analyst&quot; &lt;Lee&gt; &amp; &apos;Park&apos;</data>"));
  CHECK_THAT(out, Contains("<data key=\"key8\">say &quot;hi&quot;</data>"));
  CHECK_THAT(out, Contains("<data key=\"key8\">bad\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD</data>"));
  CHECK_THAT(out, Contains("<data key=\"key8\">tab\tand\nnewline</data>"));
  // No event, no date: empty values.
  CHECK_THAT(out, Contains("<data key=\"key6\"></data>\n      <data key=\"key7\"></data>"));
}

TEST_CASE("GraphML marks origins, unsourced origins and cycles") {
  provenance_graph g;
  g.add_agent("paper", "A paper", outlet{});
  g.add_agent("agency", "An agency", organization{});
  g.add_claim("c", "claim");
  g.add_statement("a", "paper", "c");
  g.add_statement("b", "paper", "c");
  g.add_statement("u", "paper", "c");
  g.add_statement("o", "agency", "c");
  g.add_derivation("a", "b", derivation_kind::copies);
  g.add_derivation("b", "a", derivation_kind::quotes);
  g.add_derivation("b", "u");
  auto out = graphml(g);
  auto flags = [](const char* cycle, const char* origin, const char* unsourced) {
    return std::string("<data key=\"key11\">") + cycle + "</data>\n      <data key=\"key12\">" + origin +
           "</data>\n      <data key=\"key13\">" + unsourced + "</data>";
  };
  CHECK_THAT(out, Contains("<data key=\"key9\">a</data>\n      " + flags("1", "0", "0")));
  CHECK_THAT(out, Contains("<data key=\"key9\">b</data>\n      " + flags("1", "0", "0")));
  CHECK_THAT(out, Contains("<data key=\"key9\">u</data>\n      " + flags("0", "1", "1")));
  CHECK_THAT(out, Contains("<data key=\"key9\">o</data>\n      " + flags("0", "1", "0")));
  CHECK_THAT(out, Contains("<edge id=\"e0\" source=\"n0\" target=\"n1\">\n      <data key=\"key10\">copies</data>"));
  CHECK_THAT(out, Contains("<edge id=\"e1\" source=\"n1\" target=\"n0\">\n      <data key=\"key10\">quotes</data>"));
  CHECK_THAT(out, Contains("<edge id=\"e2\" source=\"n1\" target=\"n2\">\n      <data key=\"key10\">cites</data>"));
}

TEST_CASE("GraphML carries each kind's own fields, a user's kind included") {
  provenance_graph_with<channel> g;
  g.add_agent("lee", "Lee Seong-kweun", person{"lawmaker", "People Power Party"});
  g.add_agent("src", "unidentified military sources", anonymous{"military sources"});
  g.add_claim("c", "claim");
  g.add_statement("s-lee", "lee", "c");
  g.add_statement("s-src", "src", "c");
  g.add_agent("tg", "A channel", channel{48000});
  g.add_statement("s-tg", "tg", "c");
  auto out = graphml(g);
  CHECK_THAT(out, Contains("<data key=\"key0\">tg</data>\n"
                           "      <data key=\"key1\"></data>\n"
                           "      <data key=\"key2\"></data>\n"
                           "      <data key=\"key3\"></data>\n"
                           "      <data key=\"key4\">48000</data>\n"
                           "      <data key=\"key5\">channel</data>"));
  CHECK_THAT(out,
             Contains("<key id=\"key1\" for=\"node\" attr.name=\"agent_field_affiliation\" attr.type=\"string\" />\n"
                      "  <key id=\"key2\" for=\"node\" attr.name=\"agent_field_described_as\" attr.type=\"string\" />\n"
                      "  <key id=\"key3\" for=\"node\" attr.name=\"agent_field_role\" attr.type=\"string\" />\n"
                      "  <key id=\"key4\" for=\"node\" attr.name=\"agent_field_subscribers\" attr.type=\"string\" />\n"
                      "  <key id=\"key5\" for=\"node\" attr.name=\"agent_kind\""));
  CHECK_THAT(out, Contains("<data key=\"key0\">lee</data>\n"
                           "      <data key=\"key1\">People Power Party</data>\n"
                           "      <data key=\"key2\"></data>\n"
                           "      <data key=\"key3\">lawmaker</data>\n"
                           "      <data key=\"key4\"></data>\n"
                           "      <data key=\"key5\">person</data>"));
  CHECK_THAT(out, Contains("<data key=\"key0\">src</data>\n"
                           "      <data key=\"key1\"></data>\n"
                           "      <data key=\"key2\">military sources</data>\n"
                           "      <data key=\"key3\"></data>\n"
                           "      <data key=\"key4\"></data>\n"
                           "      <data key=\"key5\">anonymous</data>"));
}

TEST_CASE("GraphML node numbers ignore a stream's locale, which is left as it was") {
  struct grouping : std::numpunct<char> {
    char do_thousands_sep() const override { return ','; }
    std::string do_grouping() const override { return "\3"; }
  };
  provenance_graph g;
  g.add_agent("p", "P", person{});
  g.add_claim("c", "claim");
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
  for (int i = 0; i <= 1000; ++i) g.add_statement("s" + std::to_string(i), "p", "c");
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  std::ostringstream out;
  out.imbue(std::locale(out.getloc(), new grouping));
  write_graphml(out, g);
  CHECK_THAT(out.str(), Contains("<node id=\"n1000\">"));
  out.str("");
  out << 1000;
  CHECK(out.str() == "1,000");
}

TEST_CASE("the seed story as GraphML: 214 nodes, 118 edges, the same bytes every time") {
  const auto out = graphml(seed::story());
  CHECK(out == graphml(seed::story()));
  CHECK(count(out, "<node id=\"n") == 214);
  CHECK(count(out, "<edge id=\"e") == 118);
  CHECK(count(out, "<data key=\"key7\">outlet</data>") == 141);
  // The seed story gives parts and bases, so the keys "basis" (edges) and "part" (nodes) are declared.
  CHECK_THAT(out, Contains("<key id=\"key9\" for=\"edge\" attr.name=\"basis\" attr.type=\"string\" />"));
  CHECK_THAT(out, Contains("<key id=\"key17\" for=\"node\" attr.name=\"part\" attr.type=\"string\" />"));
  CHECK_THAT(out, Contains("    <node id=\"n1\">\n"
                           "      <data key=\"key0\">nis</data>\n"
                           "      <data key=\"key1\"></data>\n"
                           "      <data key=\"key2\">South Korea</data>\n"
                           "      <data key=\"key3\"></data>\n"
                           "      <data key=\"key4\"></data>\n"
                           "      <data key=\"key5\"></data>\n"
                           "      <data key=\"key6\">intelligence agency</data>\n"
                           "      <data key=\"key7\">organization</data>\n"
                           "      <data key=\"key8\">National Intelligence Service</data>\n"
                           "      <data key=\"key10\">deploy-jul-aug</data>\n"
                           "      <data key=\"key11\">2025-06-26</data>\n"
                           "      <data key=\"key12\">nis-briefing-2025-06-26</data>\n"
                           "      <data key=\"key13\">deploy-jul-aug/nis@nis-briefing-2025-06-26</data>\n"
                           "      <data key=\"key15\">0</data>\n"
                           "      <data key=\"key16\">1</data>\n"
                           "      <data key=\"key17\"></data>\n"
                           "      <data key=\"key18\">0</data>\n"
                           "    </node>\n"));
  // Background the site states in its own voice: an unsourced origin, in the body.
  CHECK_THAT(out, Contains("<data key=\"key13\">defence-pact-2024/news-site@site-2025-06#body</data>\n"
                           "      <data key=\"key15\">0</data>\n"
                           "      <data key=\"key16\">1</data>\n"
                           "      <data key=\"key17\">body</data>\n"
                           "      <data key=\"key18\">1</data>"));
  // As many unsourced origins as `origins` lists; seven hops the annotator inferred; no circular reporting.
  CHECK(count(out, "<data key=\"key18\">1</data>") == 39);
  CHECK(count(out, "<data key=\"key9\">inferred</data>") == 7);
  CHECK(count(out, "<data key=\"key15\">1</data>") == 0);
}
