// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/dot.hpp>

#include "catch.hpp"
#include "data/seed_story.hpp"

#include <cstddef>
#include <locale>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

using namespace sourcetrace;
using Catch::Matchers::Contains;
using Catch::Matchers::Message;

namespace {

// A kind of source the library does not know: only its traits name it.
struct telegram_channel {
  std::string handle;
  friend bool operator==(const telegram_channel&, const telegram_channel&) = default;
};

}  // namespace

template <>
struct sourcetrace::source_traits<telegram_channel> : sourcetrace::source_traits_base<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:Agent";
  static constexpr std::tuple members{field{"handle", &telegram_channel::handle}};
};

namespace {

template <class G>
std::string dot(const G& g, dot_options options = {}) {
  std::ostringstream out;
  write_dot(out, g, options);
  return out.str();
}

// Returns how many lines of `text` contain `part`.
std::size_t lines_with(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) n += line.find(part) != std::string::npos;
  return n;
}

// Returns how many nodes and how many edges `text` declares with attributes,
// not counting the names listed in claim boxes.
std::pair<std::size_t, std::size_t> nodes_and_edges(const std::string& text) {
  std::size_t nodes = 0, edges = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with('"') || line.find("\" [") == std::string::npos) continue;
    if (line.find("\"->\"") == std::string::npos) {
      ++nodes;
    } else if (line.find("[style=invis]") == std::string::npos) {
      ++edges;
    }
  }
  return {nodes, edges};
}

// The Korea Herald paraphrases the NIS briefing.
provenance_graph herald_and_briefing() {
  provenance_graph g;
  g.add_agent("nis", "National Intelligence Service", organization{"intelligence agency", "South Korea"});
  g.add_agent("herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "nis");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_claim("deploy", "More troops may go in July or August");
  g.report("herald-0627", "deploy").via("briefing", derivation_kind::paraphrases);
  return g;
}

}  // namespace

TEST_CASE("write_dot writes a left-to-right digraph, a box per claim, a node per statement") {
  CHECK(dot(herald_and_briefing(), {.legend = false}) ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "newrank=true;\n"
        "nodesep=0.18;\n"
        "ranksep=0.45;\n"
        "fontname=\"Helvetica\";\n"
        "fontsize=11;\n"
        "node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, color=\"#5a5a5a\", "
        "margin=\"0.10,0.05\"];\n"
        "edge [fontname=\"Helvetica\", fontsize=8, fontcolor=\"#5a5a5a\", arrowsize=0.7];\n"
        "subgraph cluster_0 {\n"
        "label=\"deploy: More troops may go in July or August\\l\";\n"
        "labeljust=l;\n"
        "labelloc=t;\n"
        "fontsize=10;\n"
        "style=\"rounded,filled\";\n"
        "fillcolor=\"#f6f6f6\";\n"
        "color=\"#c8c8c8\";\n"
        "\"deploy/herald@herald-0627\";\n"
        "\"deploy/nis@briefing\";\n"
        "}\n"
        "\"deploy/herald@herald-0627\" [label=\"The Korea Herald\\n2025-06-27\", "
        "tooltip=\"deploy/herald@herald-0627\\nMore troops may go in July or August\\noutlet: medium=newspaper, "
        "country=South Korea\", fillcolor=\"#fdd8b0\"];\n"
        "\"deploy/nis@briefing\" [label=\"National Intelligence Service\\nbriefing 2025-06-26\", "
        "tooltip=\"deploy/nis@briefing\\nMore troops may go in July or August\\norganization: type=intelligence "
        "agency, country=South Korea\", fillcolor=\"#c6dbef\", "
        "style=\"filled\", peripheries=2];\n"
        "\"deploy/herald@herald-0627\"->\"deploy/nis@briefing\" [label=\"paraphrases\", style=dashed, "
        "penwidth=1.2, color=\"#4d4d4d\"];\n"
        "}\n");
}

TEST_CASE("without claim boxes each label names the claim") {
  auto out = dot(herald_and_briefing(), {.group_by_claim = false, .legend = false});
  CHECK_THAT(out, !Contains("subgraph"));
  CHECK_THAT(out, Contains("\"deploy/herald@herald-0627\" [label=\"The Korea Herald\\ndeploy\\n2025-06-27\", "));
}

TEST_CASE("node names and labels are quoted and escaped") {
  provenance_graph g;
  g.add_agent("p", "Kim \"the analyst\" \\ Lee\nSeoul", person{});
  g.add_claim("c", "A claim \"quoted\" with a back\\slash");
  g.add_statement("say \"hi\"", "p", "c");
  g.add_statement("ends in \\", "p", "c");
  g.add_statement("node", "p", "c");  // a DOT keyword: only valid quoted
  g.add_statement("bad\x01\xff", "p", "c");
  g.add_statement("tab\tand del\x7f", "p", "c");
  g.add_derivation("say \"hi\"", "ends in \\");
  g.add_derivation("ends in \\", "node");
  auto out = dot(g, {.legend = false});
  CHECK_THAT(out, Contains("\n\"say \\\"hi\\\"\" [label=\"Kim \\\"the analyst\\\" \\\\ Lee\\nSeoul\", "
                           "tooltip=\"say \\\"hi\\\"\\nA claim \\\"quoted\\\" with a back\\\\slash\\nperson\", "));
  CHECK_THAT(out, Contains("\n\"ends in \\\\\" [label="));
  CHECK_THAT(out, Contains("\n\"node\" [label="));
  // Bytes a name cannot hold verbatim are spelled out, keeping names one-to-one with ids;
  // in a label they become U+FFFD or are dropped.
  CHECK_THAT(out, Contains("\n\"bad\\x01\\xFF\" [label="));
  CHECK_THAT(out, Contains("tooltip=\"bad\xEF\xBF\xBD\\nA claim"));
  CHECK_THAT(out, Contains("\n\"tab\\x09and del\\x7F\" [label="));
  CHECK_THAT(out, Contains("tooltip=\"tab and del\\nA claim"));
  CHECK_THAT(out, Contains("\n\"say \\\"hi\\\"\"->\"ends in \\\\\" [label=\"cites\""));
  CHECK_THAT(out, Contains("\n\"ends in \\\\\"->\"node\" [label=\"cites\""));
  CHECK_THAT(out, Contains("label=\"c: A claim \\\"quoted\\\" with a back\\\\slash\\l\";"));
}

TEST_CASE("long claim titles wrap at white space, left-justified") {
  provenance_graph g;
  g.add_agent("p", "P", person{});
  g.add_claim("c", "one two three\nfour five");
  g.add_statement("s", "p", "c");
  CHECK_THAT(dot(g, {.title_width = 10}), Contains("label=\"c: one two\\lthree four\\lfive\\l\";"));
  CHECK_THAT(dot(g, {.title_width = 0}), Contains("label=\"c: one two three four five\\l\";"));
}

TEST_CASE("fill colours follow the agent's kind, a user's kind included") {
  // The built-in kinds' traits give their colours.
  CHECK(dot_fill_color(kind_info<organization>()) == "#c6dbef");
  CHECK(dot_fill_color(kind_info<person>()) == "#c7e9c0");
  CHECK(dot_fill_color(kind_info<outlet>()) == "#fdd8b0");
  CHECK(dot_fill_color(kind_info<anonymous>()) == "#dadada");
  // A kind whose traits give none: from a fixed hash of the name, the same on every run and platform.
  CHECK(dot_fill_color(kind_info<telegram_channel>()) == "#b7bef8");
  CHECK(dot_fill_color({.name = "satellite_imagery"}) != dot_fill_color({.name = "telegram_channel"}));
  // A kind named like a built-in one takes no colour from that name: colour is a trait.
  CHECK(dot_fill_color({.name = "outlet"}) != "#fdd8b0");
  CHECK(dot_fill_color({.name = "x", .color = "#123456"}) == "#123456");

  basic_provenance_graph<organization, person, outlet, anonymous, telegram_channel> g;
  g.add_agent("nis", "NIS", organization{});
  g.add_agent("lee", "Lee", person{});
  g.add_agent("src", "unnamed sources", anonymous{"military sources"});
  g.add_agent("tg", "A channel", telegram_channel{"@channel"});
  g.add_claim("c", "claim");
  g.add_statement("s-nis", "nis", "c");
  g.add_statement("s-lee", "lee", "c");
  g.add_statement("s-src", "src", "c");
  g.add_statement("s-tg", "tg", "c");
  auto out = dot(g);
  CHECK_THAT(out,
             Contains("\"s-nis\" [label=\"NIS\", tooltip=\"s-nis\\nclaim\\norganization\", fillcolor=\"#c6dbef\""));
  CHECK_THAT(out, Contains("\"s-lee\" [label=\"Lee\", tooltip=\"s-lee\\nclaim\\nperson\", fillcolor=\"#c7e9c0\""));
  CHECK_THAT(out, Contains("\"s-src\" [label=\"unnamed sources\", tooltip=\"s-src\\nclaim\\nanonymous: "
                           "described_as=military sources\", fillcolor=\"#dadada\""));
  CHECK_THAT(out, Contains("\"s-tg\" [label=\"A channel\", tooltip=\"s-tg\\nclaim\\ntelegram_channel: "
                           "handle=@channel\", fillcolor=\"#b7bef8\""));
  // The key lists the kinds drawn, in the graph's order of kinds; no outlet here.
  CHECK_THAT(out, Contains("<TD BGCOLOR=\"#c6dbef\" BORDER=\"1\" COLOR=\"#5a5a5a\">organization</TD>"
                           "<TD BGCOLOR=\"#c7e9c0\" BORDER=\"1\" COLOR=\"#5a5a5a\">person</TD>"
                           "<TD BGCOLOR=\"#dadada\" BORDER=\"1\" COLOR=\"#5a5a5a\">anonymous</TD>"
                           "<TD BGCOLOR=\"#b7bef8\" BORDER=\"1\" COLOR=\"#5a5a5a\">telegram_channel</TD>"));
  CHECK_THAT(out, !Contains(">outlet<"));
}

TEST_CASE("borders mark origins, unsourced origins and cycles; arrows on a cycle are red") {
  // a and b cite each other; b also cites the outlet post c, which names no
  // source; d paraphrases the agency's statement e.
  provenance_graph g;
  g.add_agent("paper", "A paper", outlet{});
  g.add_agent("agency", "An agency", organization{});
  g.add_claim("k", "claim");
  for (const char* id : {"a", "b", "c", "d"}) g.add_statement(id, "paper", "k");
  g.add_statement("e", "agency", "k");
  g.add_derivation("a", "b", derivation_kind::copies);
  g.add_derivation("b", "a", derivation_kind::quotes);
  g.add_derivation("b", "c");
  g.add_derivation("d", "e", derivation_kind::paraphrases);
  auto out = dot(g);
  CHECK_THAT(out, Contains("\"a\" [label=\"A paper\", tooltip=\"a\\nclaim\\noutlet\", fillcolor=\"#fdd8b0\", "
                           "color=\"#c0392b\", penwidth=2.5];\n"));
  CHECK_THAT(out, Contains("\"b\" [label=\"A paper\", tooltip=\"b\\nclaim\\noutlet\", fillcolor=\"#fdd8b0\", "
                           "color=\"#c0392b\", penwidth=2.5];\n"));
  CHECK_THAT(out, Contains("\"c\" [label=\"A paper\", tooltip=\"c\\nclaim\\noutlet\", fillcolor=\"#fdd8b0\", "
                           "style=\"filled,dashed\", peripheries=2, color=\"#c0392b\", penwidth=1.5];\n"));
  CHECK_THAT(out, Contains("\"d\" [label=\"A paper\", tooltip=\"d\\nclaim\\noutlet\", fillcolor=\"#fdd8b0\"];\n"));
  CHECK_THAT(out, Contains("\"e\" [label=\"An agency\", tooltip=\"e\\nclaim\\norganization\", fillcolor=\"#c6dbef\", "
                           "style=\"filled\", peripheries=2];\n"));
  CHECK_THAT(out, Contains("\"a\"->\"b\" [label=\"copies\", style=dotted, penwidth=2.2, color=\"#c0392b\"];\n"));
  CHECK_THAT(out, Contains("\"b\"->\"a\" [label=\"quotes\", style=solid, penwidth=2.2, color=\"#c0392b\"];\n"));
  CHECK_THAT(out, Contains("\"b\"->\"c\" [label=\"cites\", style=solid, penwidth=1.0, color=\"#4d4d4d\"];\n"));
  CHECK_THAT(out, Contains("\"d\"->\"e\" [label=\"paraphrases\", style=dashed, penwidth=1.2, "
                           "color=\"#4d4d4d\"];\n"));
  // The key explains each marking that appears, and only those.
  CHECK_THAT(out, Contains(">double border: origin<"));
  CHECK_THAT(out, Contains(">red dashed: unsourced origin<"));
  CHECK_THAT(out, Contains(">thick red: on a cycle<"));
  CHECK_THAT(dot(herald_and_briefing()), !Contains("unsourced origin<") && !Contains("on a cycle<"));
  CHECK_THAT(dot(g, {.legend = false}), !Contains("Key"));
}

TEST_CASE("a claim option draws that claim's statements only") {
  auto g = herald_and_briefing();
  g.add_claim("other", "Another claim");
  g.report("herald-0627", "other");
  auto all = dot(g);
  CHECK_THAT(all, Contains("\"other/herald@herald-0627\" [label="));
  auto one = dot(g, {.claim = g.claim_id("deploy")});
  CHECK_THAT(one, !Contains("other/herald"));
  CHECK_THAT(one, !Contains("Another claim"));
  CHECK(nodes_and_edges(one) == std::pair<std::size_t, std::size_t>(2, 1));
  CHECK_THAT(dot(g, {.claim = g.claim_id("other")}), !Contains("deploy/"));

  CHECK_THROWS_MATCHES(dot(g, {.claim = claim_handle{7}}), error,
                       Message("write_dot: claim handle 7 is not of this graph"));
}

TEST_CASE("claim boxes tile in columns, in claim order down each column") {
  provenance_graph g;
  g.add_agent("p", "P", person{});
  g.add_agent("o", "O", outlet{});
  for (const char* c : {"c0", "c1", "c2", "c3", "c4"}) {
    g.add_claim(c, c);
    g.add_statement(std::string(c) + "/report", "o", c);
    g.add_statement(std::string(c) + "/origin", "p", c);
    g.add_derivation(std::string(c) + "/report", std::string(c) + "/origin");
  }
  // Two columns of three rows: c0 c1 c2 | c3 c4. Boxes are written last first,
  // since graphviz stacks them bottom-up.
  auto two = dot(g, {.legend = false});
  CHECK(two.find("subgraph cluster_4 {") < two.find("subgraph cluster_0 {"));
  CHECK_THAT(two,
             Contains("\"c0/origin\"->\"c3/report\" [style=invis];\n\"c1/origin\"->\"c4/report\" [style=invis];\n"));
  CHECK(lines_with(two, "[style=invis]") == 2);
  auto three = dot(g, {.legend = false, .columns = 3});
  CHECK(lines_with(three, "[style=invis]") == 3);
  CHECK_THAT(three, Contains("\"c1/origin\"->\"c3/report\" [style=invis];\n"));
  CHECK(lines_with(dot(g, {.legend = false, .columns = 1}), "[style=invis]") == 0);
  CHECK(lines_with(dot(g, {.legend = false, .columns = 0}), "[style=invis]") == 0);
}

TEST_CASE("DOT numbers ignore a stream's locale, which is left as it was") {
  struct grouping : std::numpunct<char> {
    char do_thousands_sep() const override { return ','; }
    std::string do_grouping() const override { return "\3"; }
  };
  provenance_graph g;
  g.add_agent("p", "P", person{});
  for (int i = 0; i <= 1000; ++i) {
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
    g.add_claim("c" + std::to_string(i), "claim");
    g.add_statement("s" + std::to_string(i), "p", "c" + std::to_string(i));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  }
  std::ostringstream out;
  out.imbue(std::locale(out.getloc(), new grouping));
  write_dot(out, g);
  CHECK_THAT(out.str(), Contains("subgraph cluster_1000 {"));
  out.str("");
  out << 1000;
  CHECK(out.str() == "1,000");
}

TEST_CASE("the seed story's picture: 214 statements, 118 derivations, the same bytes every time") {
  const auto g = seed::story();
  const auto out = dot(g);
  CHECK(out == dot(seed::story()));
  CHECK(nodes_and_edges(out) == std::pair<std::size_t, std::size_t>(214, 118));
  // Every derivation labelled with its kind; the seven the annotator inferred say so.
  CHECK(lines_with(out, "\" [label=\"quotes\"") + lines_with(out, "\" [label=\"paraphrases\"") +
            lines_with(out, "\" [label=\"cites\"") + lines_with(out, "\" [label=\"copies\"") ==
        111);
  CHECK(lines_with(out, " (inferred)\", ") == 7);
  CHECK(lines_with(out, "subgraph cluster_") == g.claim_count());
  CHECK(lines_with(out, "[style=invis]") == g.claim_count() / 2);
  CHECK(out.starts_with("digraph G {\nrankdir=LR;\n"));
  CHECK(out.ends_with("}\n"));
  // Lee relays the NIS briefing; the briefing is a first-hand origin.
  CHECK_THAT(out, Contains("\n\"deploy-jul-aug/lee-seong-kweun\" [label=\"Lee Seong-kweun\", "
                           "tooltip=\"deploy-jul-aug/lee-seong-kweun\\nNorth Korea may send more troops to Russia "
                           "from July or August 2025\\nperson: role=lawmaker, affiliation=People Power Party\", "
                           "fillcolor=\"#c7e9c0\"];\n"));
  CHECK_THAT(out, Contains("\n\"deploy-jul-aug/nis@nis-briefing-2025-06-26\" [label=\"National Intelligence "
                           "Service\\nbriefing 2025-06-26\", "));
  CHECK_THAT(out, Contains("\n\"deploy-jul-aug/korea-herald@herald-2025-06-27#body\"->"
                           "\"deploy-jul-aug/lee-seong-kweun\" [label=\"cites\", style=solid, penwidth=1.0, "
                           "color=\"#4d4d4d\"];\n"));
  // The background claim that seed 002 states with no source is an unsourced origin.
  CHECK_THAT(out, Contains("\n\"defence-pact-2024/news-site@site-2025-06#body\" [label=\"Unattributed news "
                           "site\\n2025-06-26/2025-06-30, body\", "));
  // Every unsourced origin, as `origins` lists them.
  CHECK(lines_with(out, "style=\"filled,dashed\", peripheries=2, color=\"#c0392b\"") == 39);
  CHECK(lines_with(out, "penwidth=2.5") == 0);  // no circular reporting in the seeds
}
