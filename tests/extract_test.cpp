// SPDX-License-Identifier: BSL-1.0
// Whole articles through the extractor (text/extract.hpp): sources resolved
// by the traits of the graph type's kinds, never by a kind's name. Each
// article is written for the case, its answer worked out by hand.

#include <sourcetrace/text/extract.hpp>

#include <catch.hpp>

#include <string>

namespace st = sourcetrace;

namespace {

// A user's kind that means what `person` means (named, a prov:Person, may
// relay or speak first-hand) under another name, with one field of its own.
struct spokesperson {
  std::string title;
  friend bool operator==(const spokesperson&, const spokesperson&) = default;
};

// A user's kind for unnamed sources: not named.
struct unnamed_tip {
  std::string described_as;
  friend bool operator==(const unnamed_tip&, const unnamed_tip&) = default;
};

}  // namespace

template <>
struct sourcetrace::source_traits<spokesperson> : sourcetrace::source_traits_base<spokesperson> {
  static constexpr std::string_view name = "spokesperson";
  static constexpr source_role role = source_role::either;
  static constexpr std::string_view prov_type = "prov:Person";
  static constexpr std::tuple members{field{"title", &spokesperson::title}};
};

template <>
struct sourcetrace::source_traits<unnamed_tip> : sourcetrace::source_traits_base<unnamed_tip> {
  static constexpr std::string_view name = "unnamed_tip";
  static constexpr bool named = false;
  static constexpr std::tuple members{field{"described_as", &unnamed_tip::described_as}};
};

namespace {

// The user's kinds stand before the built-in ones they mean the same as.
using user_graph =
    st::basic_provenance_graph<spokesperson, unnamed_tip, st::organization, st::person, st::outlet, st::anonymous>;

constexpr const char* article =
    "Exports fell again, ministry says\n\n"
    "The trade ministry said on Tuesday that exports fell for a third month.\n\n"
    "Demand is weak, said Ana Ruiz, an economist at Bank Corp.\n\n"
    "She said the slump could last until June.\n\n"
    "The figures were confirmed by sources familiar with the data.\n";

}  // namespace

TEST_CASE("sources take the first kind whose traits fit their sort") {
  st::extractor ex({}, user_graph::kinds);
  ex.add({"a.txt", article, "Daily Ledger", st::greg::date(2025, 3, 6), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 5);
  // "Ana Ruiz" is a person by her words, so she gets the first prov:Person kind.
  CHECK(ex.kind_of(ex.agent("ana-ruiz")).name == "spokesperson");
  // "She" finds her by the kind's traits, as it would find a built-in person.
  REQUIRE(sts[3].hops.size() == 1);
  CHECK(sts[3].hops[0].agent == "ana-ruiz");
  // The headline's "ministry" is the trade ministry the lead names.
  CHECK(ex.kind_of(ex.agent("trade-ministry")).name == "organization");
  REQUIRE(sts[0].hops.size() == 1);
  CHECK(sts[0].hops[0].agent == "trade-ministry");
  CHECK(ex.kind_of(ex.agent("daily-ledger")).name == "outlet");
  REQUIRE(sts[4].hops.size() == 1);
  CHECK(ex.kind_of(ex.agent(sts[4].hops[0].agent)).name == "unnamed_tip");

  // The graph takes each agent's declared fields and leaves the others out:
  // a spokesperson has no "role" or "affiliation".
  const auto g = st::extraction_graph<user_graph>(ex);
  const auto ruiz = *g.find_agent("ana-ruiz");
  CHECK(g.kind_name(ruiz) == "spokesperson");
  CHECK(g.kind_fields(ruiz) == st::attributes{{"title", std::string()}});
  const auto tip = *g.find_agent(sts[4].hops[0].agent);
  CHECK(st::attribute(g.kind_fields(tip), "described_as") == "sources familiar with the data");
}

TEST_CASE("the same article with the built-in kinds gives the same chains") {
  st::extractor ex;
  ex.add({"a.txt", article, "Daily Ledger", st::greg::date(2025, 3, 6), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 5);
  CHECK(ex.kind_of(ex.agent("ana-ruiz")).name == "person");
  CHECK(sts[3].hops.at(0).agent == "ana-ruiz");
  CHECK(ex.kind_of(ex.agent(sts[4].hops.at(0).agent)).name == "anonymous");
  const auto g = st::extraction_graph(ex);
  CHECK(st::attribute(g.kind_fields(*g.find_agent("ana-ruiz")), "role") == "economist");
  // Every extracted statement is in the graph under the id the extractor gives it.
  for (const auto& stt : sts) CHECK(g.find_statement(st::extracted_statement_id(ex.articles()[0], stt)));
  CHECK(st::extracted_statement_id(ex.articles()[0], sts[4]) == "c-the-figures-were-confirmed-by/daily-ledger@a#s5");
}

TEST_CASE("a gazetteer kind the graph type lacks, or a graph type with no kind for a sort, is refused") {
  st::gazetteer gz;
  gz.add({"x", "X", "telegram_channel", {}, {}});
  CHECK_THROWS_WITH(st::extractor(gz),
                    "gazetteer agent \"x\": kind \"telegram_channel\" is not a kind of the graph type");
  using no_unnamed = st::basic_provenance_graph<st::organization, st::person, st::outlet>;
  CHECK_THROWS_WITH(st::extractor({}, no_unnamed::kinds),
                    "extractor: no kind of the graph type fits an unnamed source (not named)");
  st::extractor ex;
  ex.add({"a.txt", article, "Daily Ledger", st::greg::date(2025, 3, 6), ""});
  ex.finish();
  CHECK_THROWS_WITH(st::extraction_graph<user_graph>(ex),
                    "extraction_graph: the graph type's kinds are not the ones the extractor was given");
}

TEST_CASE("a derivation two mentions share takes the firmest basis they give it") {
  // The quote after the attribution carries both hops (basis context) and
  // states the same claim, so media -> sources is stated with two bases.
  st::extractor ex;
  ex.add({"a.txt",
          "Engineers head to Kursk\n\n"
          "Russian media reported, citing unidentified military sources, that 6,000 engineers would go to Kursk.\n\n"
          "\"The engineers would go to Kursk in July.\"\n",
          "Daily Ledger", st::greg::date(2025, 6, 27), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 3);
  REQUIRE(sts[2].carried);
  REQUIRE(sts[1].claim == sts[2].claim);
  const auto g = st::extraction_graph(ex);
  const auto media = *g.find_statement(sts[1].claim + "/russian-media");
  const auto sources = *g.find_statement(sts[1].claim + "/unidentified-military-sources");
  const auto [e, exists] = boost::edge(media, sources, g.graph());
  REQUIRE(exists);
  CHECK(g.graph()[e].basis == st::derivation_basis::text);
}

TEST_CASE("a participle's second content is a statement of its own, not merged into the first") {
  st::extractor ex;
  ex.add({"t.txt",
          "Rates hold\n\nThe bank said rates would hold in June, adding that rates would hold in June and July.\n", "X",
          st::greg::date(2025, 5, 1), ""});
  ex.finish();
  const auto& art = ex.articles().at(0);
  REQUIRE(art.statements.size() == 3);
  CHECK(st::extracted_statement_id(art, art.statements[1]) == "c-rates-would-hold-in-june/x@t#s2");
  CHECK(st::extracted_statement_id(art, art.statements[2]) == "c-rates-would-hold-in-june/x@t#s2-2");
  const auto g = st::extraction_graph(ex);
  const auto second = *g.find_statement("c-rates-would-hold-in-june/x@t#s2-2");
  REQUIRE(g.stated(second));
  CHECK(g.stated(second)->when == st::partial_date::parse("2025-06/2025-07"));
}

TEST_CASE("agents, events and claims never share an id") {
  // The outlet "Reuters" and the article "reuters.txt" would both be
  // "reuters"; a source named "C Exports Fell" would take the claim's id.
  st::extractor ex;
  ex.add({"reuters.txt", "Exports fell, C Exports Fell says\n\nExports fell in May, C Exports Fell said.\n", "Reuters",
          st::greg::date(2025, 6, 2), ""});
  ex.finish();
  const auto& art = ex.articles().at(0);
  CHECK(art.outlet_agent == "reuters");
  CHECK(art.event == "reuters-2");
  const auto g = st::extraction_graph(ex);
  CHECK(g.kind_of("reuters") == st::record_kind::agent);
  CHECK(g.kind_of("reuters-2") == st::record_kind::event);
  REQUIRE(art.statements.at(1).hops.size() == 1);
  CHECK(art.statements[1].hops[0].agent == "c-exports-fell");
  CHECK(art.statements[0].claim == "c-exports-fell-2");
  CHECK(g.kind_of("c-exports-fell") == st::record_kind::agent);
  CHECK(g.kind_of("c-exports-fell-2") == st::record_kind::claim);
}

namespace {

// The chain of statement `i` of the first article, as agent names.
std::vector<std::string> chain_of(const st::extractor& ex, std::size_t i) {
  std::vector<std::string> out;
  for (const auto& h : ex.articles().at(0).statements.at(i).hops) out.push_back(ex.agent(h.agent).name);
  return out;
}

using names = std::vector<std::string>;

std::string field_of(const st::extractor& ex, std::string_view agent, std::string_view field) {
  for (const auto& [k, v] : ex.agent(agent).fields)
    if (k == field) return v;
  return "(none)";
}

}  // namespace

TEST_CASE("a name in the appositive is the source; he and she keep to the person they fit") {
  // Each sentence was written for its rule; the answers are worked out by hand.
  st::extractor ex;
  ex.add({"court.txt",
          "Court orders water released\n\n"
          "The growers' lawyer, Ada Brennan, said the ruling was fair.\n\n"
          "The state's attorney general, Tom Rusk, said the state would appeal.\n\n"
          "He said the appeal would be filed in May.\n\n"
          "She said her clients would plant again.\n\n"
          "A farm group, the Valley Growers League, said the water came too late.\n\n"
          "Its president, businessman Cal Ortega, said the group would sue for damages.\n\n"
          "The league said 40 farms had failed.\n",
          "Daily Ledger", st::greg::date(2025, 4, 2), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 8);
  CHECK(sts[0].part == st::article_part::headline);
  CHECK(chain_of(ex, 1) == names{"Ada Brennan"});
  CHECK(field_of(ex, "ada-brennan", "role") == "growers' lawyer");
  CHECK(chain_of(ex, 2) == names{"Tom Rusk"});
  // "He" is the latest person, Tom Rusk, and so he is a "he": the "she"
  // after him passes him by for Ada Brennan.
  CHECK(chain_of(ex, 3) == names{"Tom Rusk"});
  CHECK(chain_of(ex, 4) == names{"Ada Brennan"});
  CHECK(chain_of(ex, 5) == names{"Valley Growers League"});
  CHECK(chain_of(ex, 6) == names{"Cal Ortega"});
  CHECK(field_of(ex, "cal-ortega", "role") == "businessman");
  // "The league": the latest mention the word describes, not Cal Ortega.
  CHECK(chain_of(ex, 7) == names{"Valley Growers League"});
}

TEST_CASE("the headline is read after the body; a person named before is a source by surname") {
  st::extractor ex;
  ex.add({"probe.txt",
          "Watchdog says senator broke rules\n\n"
          "A complaint against Sen. Rhoda Mills was filed on Monday by the Ethics Watch group.\n\n"
          "The Ethics Watch group said the senator had taken $40,000 in gifts.\n\n"
          "Mills denied the claim. She said every gift had been declared.\n\n"
          "According to the civil aviation office, the flights were booked by her staff.\n\n"
          "One of the pilots told investigators he had flown her twice.\n",
          "Daily Ledger", st::greg::date(2025, 4, 2), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  // headline, the filing (own voice), Ethics Watch, Mills twice, the office, the pilot.
  REQUIRE(sts.size() == 7);
  // "Watchdog" in the headline is the body the article names most, read
  // once the body is, and not the senator it reports on.
  CHECK(sts[0].part == st::article_part::headline);
  CHECK(chain_of(ex, 0) == names{"Ethics Watch group"});
  CHECK(sts[1].hops.empty());
  CHECK(chain_of(ex, 2) == names{"Ethics Watch group"});
  // "Mills" is the Sen. Rhoda Mills the text named: a person, so "She" is her.
  CHECK(chain_of(ex, 3) == names{"Rhoda Mills"});
  CHECK(ex.kind_of(ex.agent("rhoda-mills")).name == "person");
  CHECK(chain_of(ex, 4) == names{"Rhoda Mills"});
  // A modifier no generic one: "the civil aviation office" is its own body.
  CHECK(chain_of(ex, 5) == names{"civil aviation office"});
  // "One of the pilots" is one unnamed person: "he" may be him.
  CHECK(ex.kind_of(ex.agent(sts[6].hops.at(0).agent)).name == "anonymous");
}

TEST_CASE("a capital in a headline is its country's body the article names most") {
  st::extractor ex;
  ex.add({"tariff.txt",
          "Tokyo warns tariffs could rise in July\n\n"
          "Japan's trade ministry said on Friday that tariffs on steel could rise in July.\n\n"
          "The ministry said talks would go on.\n\n"
          "A Korean exporters group said members would cut prices.\n",
          "Daily Ledger", st::greg::date(2025, 4, 4), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 4);
  CHECK(chain_of(ex, 0) == names{"Japan's trade ministry"});
  CHECK(chain_of(ex, 2) == names{"Japan's trade ministry"});
  // The headline and the lead state one claim from one statement of the ministry.
  CHECK(sts[0].claim == sts[1].claim);
}

TEST_CASE("a gazetteer's people are found by surname, and a role noun by the one entry it describes") {
  // Two people share the surname Kim: "Kim" is the first the gazetteer
  // lists, as it reads its entries in order; "Bo" is the end of one name
  // only. "the nation's statistics office" describes one entry (statistics,
  // office); "the agency" then refers back to it, the gazetteer's alias
  // "statistics agency" giving the word.
  st::gazetteer gz;
  gz.add({"kim-ara", "Kim Ara", "person", {}, {}});
  gz.add({"kim-bo", "Kim Bo", "person", {}, {}});
  gz.add({"stat-office", "National Statistics Office", "organization", {}, {"statistics agency"}});
  gz.add({"spy-agency", "Intelligence Agency", "organization", {}, {}});
  st::extractor ex(gz);
  ex.add({"g.txt",
          "Prices up\n\nKim said prices rose in May.\n\n"
          "Bo said the rise would slow.\n\n"
          "The nation's statistics office said prices rose 2 percent.\n\n"
          "The agency said the figures were final.\n",
          "X", st::greg::date(2025, 6, 2), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 5);
  CHECK(sts[1].hops.at(0).agent == "kim-ara");
  CHECK(sts[2].hops.at(0).agent == "kim-bo");
  CHECK(sts[3].hops.at(0).agent == "stat-office");
  CHECK(sts[4].hops.at(0).agent == "stat-office");
}

TEST_CASE("he may be an unnamed person; a role in -man or Ms. gives a gender, a pronoun in the phrase does not") {
  st::extractor ex;
  ex.add({"g.txt",
          "Talks stall\n\n"
          "German Foreign Minister Anna Berg said the talks had stalled.\n\n"
          "His deputy, Jon Moss, said a deal was still possible.\n\n"
          "She said the next round would be in May.\n\n"
          "A senior official said the gap was wide. He said both sides would meet again.\n\n"
          "\"We will appeal,\" the lawyer, Kim Lee of the, said.\n",
          "X", st::greg::date(2025, 6, 2), ""});
  ex.finish();
  const auto& sts = ex.articles().at(0).statements;
  REQUIRE(sts.size() == 7);
  CHECK(chain_of(ex, 1) == names{"Anna Berg"});
  // "His deputy": the "his" is another man's, not Moss's; "German" is no "-man" role.
  CHECK(chain_of(ex, 2) == names{"Jon Moss"});
  // Nothing gives either a gender, so "She" is the latest person.
  CHECK(chain_of(ex, 3) == names{"Jon Moss"});
  // "He" after "a senior official" is that official, not a named person before.
  CHECK(chain_of(ex, 5) == chain_of(ex, 4));
  CHECK(ex.kind_of(ex.agent(sts[5].hops.at(0).agent)).name == "anonymous");
  // A name followed by "of the" and nothing: read without reading past the phrase.
  CHECK(chain_of(ex, 6) == names{"Kim Lee"});
}
