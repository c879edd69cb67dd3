// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/results_json.hpp>

#include <sourcetrace/io/corpus.hpp>

#include "catch.hpp"

#include <sstream>

using namespace sourcetrace;

namespace {
const std::string seed_path = SOURCETRACE_EXAMPLE_DATA_DIR "/seed_story.json";
const std::string circular_path = SOURCETRACE_TEST_DATA_DIR "/circular.json";

// An agency's briefing, a paper that cites it, a blog that copies the paper
// (dated only to the month), and a second claim the paper states unsourced.
provenance_graph newsroom() {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_agent("blog", "Blog", outlet{});
  g.add_event("brief", event_kind::briefing, "2025-03-01", "agency");
  g.add_event("pa", event_kind::publication, "2025-03-03", "paper");
  g.add_event("pb", event_kind::publication, "2025-03", "blog");
  g.add_claim("c", "a claim the agency briefed");
  g.add_claim("d", "a claim the paper states alone");
  g.report("pa", "c").via("brief");
  g.report("pb", "c").via("pa", derivation_kind::copies);
  g.report("pa", "d");
  return g;
}

template <class Write>
std::string written(Write write) {
  std::ostringstream out;
  write(out);
  return out.str();
}
}  // namespace

TEST_CASE("origins: every statement by id, its origins, the unsourced, no cycles") {
  auto g = newsroom();
  CHECK(written([&](auto& out) { write_origins_json(out, g, origins(g), cycles(g)); }) ==
        "{\"cycles\": [],\n"
        " \"origins\": {\n"
        "  \"c/agency@brief\": [\"c/agency@brief\"],\n"
        "  \"c/blog@pb\": [\"c/agency@brief\"],\n"
        "  \"c/paper@pa\": [\"c/agency@brief\"],\n"
        "  \"d/paper@pa\": [\"d/paper@pa\"]\n"
        " },\n"
        " \"unsourced\": [\"d/paper@pa\"]}\n");
}

TEST_CASE("origins: cycles sorted, and statements on a closed cycle rest on nothing") {
  auto g = read_corpus_file(circular_path);
  CHECK(written([&](auto& out) { write_origins_json(out, g, origins(g), cycles(g)); }) ==
        "{\"cycles\": [[\"a\", \"b\"], [\"c\", \"d\"]],\n"
        " \"origins\": {\n"
        "  \"a\": [],\n"
        "  \"b\": [],\n"
        "  \"c\": [],\n"
        "  \"d\": []\n"
        " },\n"
        " \"unsourced\": []}\n");
}

TEST_CASE("origins of an empty graph") {
  provenance_graph g;
  CHECK(written([&](auto& out) { write_origins_json(out, g, origins(g), cycles(g)); }) ==
        "{\"cycles\": [],\n \"origins\": {},\n \"unsourced\": []}\n");
}

TEST_CASE("duplicates: one cluster on the briefing, one unsourced report") {
  auto g = newsroom();
  auto reporting = duplicates(g, origins(g));
  CHECK(written([&](auto& out) { write_duplicates_json(out, g, reporting); }) ==
        "{\"claims\": [\n"
        "  {\"circular\": [], \"clusters\": [{\"mentions\": [\"c/blog@pb\", \"c/paper@pa\"], \"origins\": "
        "[\"c/agency@brief\"], \"report_count\": 2}], \"id\": \"c\", \"independent_origins\": 1, "
        "\"mention_count\": 2, \"mentions\": [\"c/blog@pb\", \"c/paper@pa\"], \"origins\": [\"c/agency@brief\"], "
        "\"report_count\": 2, \"unsourced_origins\": 0},\n"
        "  {\"circular\": [], \"clusters\": [{\"mentions\": [\"d/paper@pa\"], \"origins\": [\"d/paper@pa\"], "
        "\"report_count\": 1}], \"id\": \"d\", \"independent_origins\": 0, \"mention_count\": 1, \"mentions\": "
        "[\"d/paper@pa\"], \"origins\": [\"d/paper@pa\"], \"report_count\": 1, \"unsourced_origins\": 1}\n"
        "]}\n");
}

TEST_CASE("duplicates of one claim of the seed story, as docs/cli.md shows it") {
  auto g = read_corpus_file(seed_path);
  auto reporting = duplicates(g, origins(g));
  CHECK(written([&](auto& out) { write_duplicates_json(out, g, reporting, {.claim = g.find_claim("up-to-12000")}); }) ==
        "{\"claims\": [\n"
        "  {\"circular\": [], \"clusters\": [{\"mentions\": [\"up-to-12000/rfa@rfa-2025-02-13#body\"], \"orig"
        "ins\": [\"up-to-12000/ukraine\", \"up-to-12000/united-states\"], \"report_count\": 1}], \"id\": \"up"
        "-to-12000\", \"independent_origins\": 2, \"mention_count\": 1, \"mentions\": [\"up-to-12000/rfa@rfa-"
        "2025-02-13#body\"], \"origins\": [\"up-to-12000/ukraine\", \"up-to-12000/united-states\"], \"report_"
        "count\": 1, \"unsourced_origins\": 0}\n"
        "]}\n");
}

TEST_CASE("duplicates: reports resting only on a closed cycle are circular") {
  auto g = read_corpus_file(circular_path);
  auto reporting = duplicates(g, origins(g));
  CHECK(written([&](auto& out) { write_duplicates_json(out, g, reporting, {.claim = g.find_claim("loop")}); }) ==
        "{\"claims\": [\n"
        "  {\"circular\": [\"a\", \"b\"], \"clusters\": [], \"id\": \"loop\", \"independent_origins\": 0, "
        "\"mention_count\": 2, \"mentions\": [\"a\", \"b\"], \"origins\": [], \"report_count\": 2, "
        "\"unsourced_origins\": 0}\n"
        "]}\n");
}

TEST_CASE("trace: each report's paths, hop by hop, by statement id") {
  auto g = newsroom();
  CHECK(written([&](auto& out) { write_trace_json(out, g, {.claim = g.find_claim("c")}); }) ==
        "{\"cycles\": [], \"statements\": [\n"
        "  {\"claim\": \"c\", \"id\": \"c/blog@pb\", \"paths\": [{\"end\": \"origin\", \"hops\": [{\"kind\": "
        "\"copies\", \"to\": \"c/paper@pa\"}, {\"kind\": \"cites\", \"to\": \"c/agency@brief\"}], "
        "\"rests_on_inference\": false}], \"truncated\": "
        "false},\n"
        "  {\"claim\": \"c\", \"id\": \"c/paper@pa\", \"paths\": [{\"end\": \"origin\", \"hops\": [{\"kind\": "
        "\"cites\", \"to\": \"c/agency@brief\"}], \"rests_on_inference\": false}], \"truncated\": false}\n"
        "]}\n");
}

TEST_CASE("trace: every statement, an origin with one empty path, and a cut at max_paths") {
  auto g = newsroom();
  g.add_statement("c/agency", "agency", "c");
  // A second path from the paper, and two from the blog; the first kept is by
  // the id of the source, c/agency before c/agency@brief, though added last.
  g.add_derivation("c/paper@pa", "c/agency");
  CHECK(written([&](auto& out) {
          write_trace_json(out, g, {.claim = g.find_claim("c"), .all_statements = true, .trace = {.max_paths = 1}});
        }) ==
        "{\"cycles\": [], \"statements\": [\n"
        "  {\"claim\": \"c\", \"id\": \"c/agency\", \"paths\": [{\"end\": \"origin\", \"hops\": [], "
        "\"rests_on_inference\": false}], "
        "\"truncated\": false},\n"
        "  {\"claim\": \"c\", \"id\": \"c/agency@brief\", \"paths\": [{\"end\": \"origin\", \"hops\": [], "
        "\"rests_on_inference\": false}], "
        "\"truncated\": false},\n"
        "  {\"claim\": \"c\", \"id\": \"c/blog@pb\", \"paths\": [{\"end\": \"origin\", \"hops\": [{\"kind\": "
        "\"copies\", \"to\": \"c/paper@pa\"}, {\"kind\": \"cites\", \"to\": \"c/agency\"}], "
        "\"rests_on_inference\": false}], "
        "\"truncated\": true},\n"
        "  {\"claim\": \"c\", \"id\": \"c/paper@pa\", \"paths\": [{\"end\": \"origin\", \"hops\": [{\"kind\": "
        "\"cites\", \"to\": \"c/agency\"}], \"rests_on_inference\": false}], \"truncated\": true}\n"
        "]}\n");
}

TEST_CASE("trace of one claim of the seed story, as docs/cli.md shows it") {
  auto g = read_corpus_file(seed_path);
  CHECK(written([&](auto& out) { write_trace_json(out, g, {.claim = g.find_claim("killed-600")}); }) ==
        "{\"cycles\": [], \"statements\": [\n"
        "  {\"claim\": \"killed-600\", \"id\": \"killed-600/news-site@site-2025-06#body\", \"paths\": [{\"end"
        "\": \"origin\", \"hops\": [{\"basis\": \"inferred\", \"kind\": \"cites\", \"to\": \"killed-600/nis\""
        "}], \"rests_on_inference\": true}], \"truncated\": false}\n"
        "]}\n");
}

TEST_CASE("trace: a statement on a cycle is traced to the cycle, and the cycle written once") {
  auto g = read_corpus_file(circular_path);
  CHECK(written([&](auto& out) { write_trace_json(out, g, {.claim = g.find_claim("loop")}); }) ==
        "{\"cycles\": [\n"
        "  {\"closed\": true, \"id\": \"a\", \"inside\": [{\"from\": \"a\", \"kind\": \"cites\", \"to\": \"b\"}, "
        "{\"from\": \"b\", \"kind\": \"copies\", \"to\": \"a\"}], \"leaving\": [], \"statements\": [\"a\", \"b\"]}\n"
        "], \"statements\": [\n"
        "  {\"claim\": \"loop\", \"id\": \"a\", \"paths\": [{\"cycle\": \"a\", \"end\": \"cycle\", \"hops\": [], "
        "\"rests_on_inference\": false}], "
        "\"truncated\": false},\n"
        "  {\"claim\": \"loop\", \"id\": \"b\", \"paths\": [{\"cycle\": \"a\", \"end\": \"cycle\", \"hops\": [], "
        "\"rests_on_inference\": false}], "
        "\"truncated\": false}\n"
        "]}\n");
}

TEST_CASE("trace: a path into a cycle with a way out stops at the cycle; the cycle names its exit") {
  // x cites a; a and b cite each other; b also cites the agency's briefing o.
  provenance_graph g;
  g.add_agent("paper", "A paper", outlet{});
  g.add_agent("agency", "An agency", organization{});
  g.add_claim("c", "claim");
  for (const char* id : {"x", "a", "b"}) g.add_statement(id, "paper", "c");
  g.add_statement("o", "agency", "c");
  g.add_derivation("x", "a");
  g.add_derivation("a", "b");
  g.add_derivation("b", "a", derivation_kind::quotes);
  g.add_derivation("b", "o");
  CHECK(written([&](auto& out) { write_trace_json(out, g); }) ==
        "{\"cycles\": [\n"
        "  {\"closed\": false, \"id\": \"a\", \"inside\": [{\"from\": \"a\", \"kind\": \"cites\", \"to\": \"b\"}, "
        "{\"from\": \"b\", \"kind\": \"quotes\", \"to\": \"a\"}], \"leaving\": [{\"from\": \"b\", \"kind\": "
        "\"cites\", \"to\": \"o\"}], \"statements\": [\"a\", \"b\"]}\n"
        "], \"statements\": [\n"
        "  {\"claim\": \"c\", \"id\": \"x\", \"paths\": [{\"cycle\": \"a\", \"end\": \"cycle\", \"hops\": "
        "[{\"kind\": \"cites\", \"to\": \"a\"}], \"rests_on_inference\": false}], \"truncated\": false}\n"
        "]}\n");
}

TEST_CASE("timeline: dates, delays from the earliest dated origin, and a report that is its own origin") {
  auto g = newsroom();
  CHECK(written([&](auto& out) { write_timeline_json(out, g, timeline(g, origins(g))); }) ==
        "{\"claims\": [\n"
        "  {\"first_report\": \"2025-03\", \"id\": \"c\", \"last_report\": \"2025-03-03\", \"origin_date\": "
        "\"2025-03-01\", \"reports\": [{\"date\": \"2025-03\", \"delay_max\": 30, \"delay_min\": 0, \"id\": "
        "\"c/blog@pb\", \"mentions\": 1, \"order_uncertain\": false, \"origin\": \"c/agency@brief\"}, {\"date\": "
        "\"2025-03-03\", "
        "\"delay_max\": 2, "
        "\"delay_min\": 2, \"id\": \"c/paper@pa\", \"mentions\": 1, \"order_uncertain\": false, \"origin\": "
        "\"c/agency@brief\"}]},\n"
        "  {\"first_report\": \"2025-03-03\", \"id\": \"d\", \"last_report\": \"2025-03-03\", \"origin_date\": "
        "\"2025-03-03\", \"reports\": [{\"date\": \"2025-03-03\", \"delay_max\": 0, \"delay_min\": 0, \"id\": "
        "\"d/paper@pa\", \"mentions\": 1, \"order_uncertain\": false, \"origin\": \"d/paper@pa\"}]}\n"
        "]}\n");
}

TEST_CASE("timeline: what is unknown is null") {
  auto g = read_corpus_file(circular_path);
  CHECK(written([&](auto& out) { write_timeline_json(out, g, timeline(g, origins(g))); }) ==
        "{\"claims\": [\n"
        "  {\"first_report\": \"2025-03-03\", \"id\": \"echo\", \"last_report\": \"2025-03-03\", \"origin_date\": "
        "null, \"reports\": [{\"date\": \"2025-03-03\", \"delay_max\": null, \"delay_min\": null, \"id\": \"c\", "
        "\"mentions\": 1, \"order_uncertain\": null, \"origin\": null}]},\n"
        "  {\"first_report\": \"2025-03-01\", \"id\": \"loop\", \"last_report\": \"2025-03-02\", \"origin_date\": "
        "null, \"reports\": [{\"date\": \"2025-03-01\", \"delay_max\": null, \"delay_min\": null, \"id\": \"a\", "
        "\"mentions\": 1, \"order_uncertain\": null, \"origin\": null}, {\"date\": \"2025-03-02\", \"delay_max\": "
        "null, \"delay_min\": "
        "null, \"id\": \"b\", \"mentions\": 1, "
        "\"order_uncertain\": null, \"origin\": null}]}\n"
        "]}\n");
}

TEST_CASE("drift: two versions of a date meeting at the briefing, each with the hop where it entered") {
  auto g = newsroom();
  g.add_claim("e", "a claim about a month");
  g.report("pa", "e", {.when = partial_date::parse("2024-10")}).via("brief");
  g.report("pb", "e", {.when = partial_date::parse("2024-11")}).via("brief");
  CHECK(
      written([&](auto& out) { write_drift_json(out, g, drift(g, origins(g))); }) ==
      "{\"findings\": [\n"
      "  {\"a\": {\"entry\": [{\"from\": \"e/paper@pa\", \"kind\": \"cites\", \"to\": \"e/agency@brief\"}], "
      "\"given\": true, \"statements\": [\"e/paper@pa\"], \"value\": \"2024-10\"}, \"along_chain\": false, "
      "\"article\": null, \"aspect\": "
      "\"when\", \"b\": "
      "{\"entry\": "
      "[{\"from\": \"e/blog@pb\", \"kind\": \"cites\", \"to\": \"e/agency@brief\"}], \"given\": true, \"statements\": "
      "[\"e/blog@pb\"], \"value\": \"2024-11\"}, \"claim\": \"e\", \"kind\": \"contradiction\", \"meet\": "
      "\"e/agency@brief\"}\n"
      "]}\n");
  CHECK(written([&](auto& out) { write_drift_json(out, g, drift(g, origins(g)), {.claim = g.find_claim("c")}); }) ==
        "{\"findings\": []}\n");
}

TEST_CASE("drift: the statements that give no figure are a version whose value is \"no figure\", not given") {
  auto g = newsroom();
  g.add_claim("f", "a claim with a figure");
  g.report("pa", "f", {.quantity = "11,000"}).via("brief");
  g.report("pb", "f", {.mode = modality::believed}).via("brief");
  CHECK(written([&](auto& out) { write_drift_json(out, g, drift(g, origins(g))); }) ==
        "{\"findings\": [\n"
        "  {\"a\": {\"entry\": [{\"from\": \"f/blog@pb\", \"kind\": \"cites\", \"to\": \"f/agency@brief\"}], "
        "\"given\": false, \"statements\": [\"f/blog@pb\"], \"value\": \"no figure\"}, \"along_chain\": false, "
        "\"article\": null, "
        "\"aspect\": \"quantity\", \"b\": {\"entry\": [{\"from\": \"f/paper@pa\", \"kind\": \"cites\", \"to\": "
        "\"f/agency@brief\"}], \"given\": true, \"statements\": [\"f/paper@pa\"], \"value\": \"11,000\"}, "
        "\"claim\": \"f\", \"kind\": \"precision\", \"meet\": \"f/agency@brief\"}\n"
        "]}\n");
}

TEST_CASE(
    "drift of one claim of the seed story: Pravda's paraphrase says confirmed where its quote of Gerasimov asserts") {
  auto g = read_corpus_file(seed_path);
  auto findings = drift(g, origins(g));
  CHECK(
      written([&](auto& out) { write_drift_json(out, g, findings, {.claim = g.find_claim("gerasimov-confirms")}); }) ==
      "{\"findings\": [\n"
      "  {\"a\": {\"entry\": [{\"from\": \"gerasimov-confirms/pravda@pravda-2025-11#paraphrased\", \"kind\""
      ": \"paraphrases\", \"to\": \"gerasimov-confirms/gerasimov@gerasimov-2025-04\"}], \"given\": true, \""
      "statements\": [\"gerasimov-confirms/pravda@pravda-2025-11#paraphrased\"], \"value\": \"confirmed\"},"
      " \"along_chain\": false, \"article\": \"pravda-2025-11\", \"aspect\": \"modality\", \"b\": {\"entry"
      "\": [{\"from\": \"gerasimov-confirms/pravda@pravda-2025-11#quoted\", \"kind\": \"quotes\", \"to\": "
      "\"gerasimov-confirms/gerasimov@gerasimov-2025-04\"}], \"given\": true, \"statements\": [\"gerasimov-"
      "confirms/pravda@pravda-2025-11#quoted\"], \"value\": \"asserted\"}, \"claim\": \"gerasimov-confirms"
      "\", \"kind\": \"hardened\", \"meet\": \"gerasimov-confirms/gerasimov@gerasimov-2025-04\"}\n"
      "]}\n");
}

TEST_CASE("grade: one named first-hand source, and an unsourced claim") {
  auto g = newsroom();
  CHECK(written([&](auto& out) { write_grade_json(out, g, grade(g)); }) ==
        "{\"claims\": [\n"
        "  {\"grade\": 3, \"id\": \"c\", \"label\": \"possibly true\", \"reason\": \"2 reports, 1 first-hand "
        "origin: not confirmed.\"},\n"
        "  {\"grade\": 6, \"id\": \"d\", \"label\": \"cannot be judged\", \"reason\": \"1 report, 0 first-hand "
        "origins, 1 unsourced statement: no first-hand source to judge by.\"}\n"
        "]}\n");
}

TEST_CASE("grade of one claim of the seed story, as docs/cli.md shows it") {
  auto g = read_corpus_file(seed_path);
  CHECK(written([&](auto& out) { write_grade_json(out, g, grade(g), {.claim = g.find_claim("deploy-jul-aug")}); }) ==
        "{\"claims\": [\n"
        "  {\"grade\": 3, \"id\": \"deploy-jul-aug\", \"label\": \"possibly true\", \"reason\": \"3 reports ("
        "9 mentions), 1 first-hand origin, 1 unsourced statement, and statements disagree on when (../2025-08"
        "-31 vs 2025-07-01/2025-08-31): not confirmed.\"}\n"
        "]}\n");
}

TEST_CASE("quantity: the figure found, or nulls beside the text") {
  CHECK(written([](auto& out) {
          write_quantity_json(out, "more than 10 million", parse_quantity("more than 10 million"));
        }) ==
        "{\"text\": \"more than 10 million\", \"lower\": 10000000, \"upper\": null, \"unit\": null, "
        "\"qualifier\": \"at_least\"}");
  CHECK(
      written([](auto& out) { write_quantity_json(out, "several \"units\"", parse_quantity("several \"units\"")); }) ==
      "{\"text\": \"several \\\"units\\\"\", \"lower\": null, \"upper\": null, \"unit\": null, \"qualifier\": null}");
}

TEST_CASE("output larger than the buffer reaches the stream whole") {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_claim("c", "x");
  for (int i = 0; i < 40000; ++i)
    g.add_statement(std::string(1, 's').append(std::to_string(100000 + i)), "agency", "c");
  auto text = written([&](auto& out) { write_origins_json(out, g, origins(g), cycles(g)); });
  // After the opening, each statement is `,\n  "s1xxxxx": ["s1xxxxx"]` (26 bytes), the first without its comma.
  std::string opening = "{\"cycles\": [],\n \"origins\": {";
  std::string closing = "\n },\n \"unsourced\": []}\n";
  CHECK(text.size() == opening.size() + 40000 * 26 - 1 + closing.size());
  CHECK(text.starts_with(opening + "\n  \"s100000\": [\"s100000\"],\n  \"s100001\": [\"s100001\"],\n"));
  CHECK(text.ends_with(",\n  \"s139999\": [\"s139999\"]" + closing));
}

TEST_CASE("timeline: a delay to an open-ended date has no limit on that side, written null") {
  provenance_graph g;
  g.add_agent("agency", "Agency", organization{});
  g.add_agent("paper", "Paper", outlet{});
  g.add_event("brief", event_kind::briefing, "2025-06-26", "agency");
  g.add_event("pa", event_kind::publication, "2025-07-01/..", "paper");
  g.add_claim("c", "a claim");
  g.report("pa", "c").via("brief");
  CHECK(written([&](auto& out) { write_timeline_json(out, g, timeline(g, origins(g))); }) ==
        "{\"claims\": [\n"
        "  {\"first_report\": \"2025-07-01/..\", \"id\": \"c\", \"last_report\": \"2025-07-01/..\", "
        "\"origin_date\": \"2025-06-26\", \"reports\": [{\"date\": \"2025-07-01/..\", \"delay_max\": null, "
        "\"delay_min\": 5, \"id\": \"c/paper@pa\", \"mentions\": 1, \"order_uncertain\": false, \"origin\": "
        "\"c/agency@brief\"}]}\n"
        "]}\n");
}
