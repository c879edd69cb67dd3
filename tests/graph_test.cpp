// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/graph.hpp>

#include "catch.hpp"

using namespace sourcetrace;
using Catch::Matchers::Message;

namespace {
// The Korea Herald reports Lee, who relays the NIS briefing: the chain of seed 000.
provenance_graph herald_chain() {
  provenance_graph g;
  g.add_agent("nis", "National Intelligence Service", organization{"intelligence agency", "South Korea"});
  g.add_agent("lee", "Lee Seong-kweun", person{"lawmaker", "People Power Party"});
  g.add_agent("herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "nis");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_claim("deploy", "North Korea may send more troops to Russia in July or August 2025");
  return g;
}
}  // namespace

TEST_CASE("the builder creates one statement per hop, named claim/agent@event") {
  auto g = herald_chain();
  auto chain = g.report("herald-0627", "deploy").via("lee", derivation_kind::quotes).via("briefing");
  REQUIRE(g.statement_count() == 3);
  REQUIRE(g.derivation_count() == 2);
  CHECK(g.id(chain.head()) == "deploy/herald@herald-0627");
  CHECK(g.id(chain.tail()) == "deploy/nis@briefing");
  auto lee = *g.find_statement("deploy/lee");
  CHECK(g[lee].agent == g.agent_id("lee"));
  CHECK_FALSE(g[lee].event.valid());
  auto [e, found] = boost::edge(chain.head(), lee, g.graph());
  REQUIRE(found);
  CHECK(g.graph()[e].kind == derivation_kind::quotes);
  CHECK(g.date(chain.tail())->to_string() == "2025-06-26");
  CHECK_FALSE(g.date(lee).has_value());
}

TEST_CASE("chains that meet share the statements they have in common") {
  auto g = herald_chain();
  g.add_agent("yonhap", "Yonhap", outlet{"wire", "South Korea"});
  g.add_event("yonhap-0626", event_kind::publication, "2025-06-26", "yonhap");
  g.report("herald-0627", "deploy").via("lee").via("briefing");
  g.report("yonhap-0626", "deploy").via("lee").via("briefing");
  CHECK(g.statement_count() == 4);
  CHECK(g.derivation_count() == 3);
  CHECK(boost::in_degree(g.statement_id("deploy/lee"), g.graph()) == 2);
}

TEST_CASE("the plain API adds statements and derivations by id") {
  auto g = herald_chain();
  auto a = g.add_statement(
      "s1", "herald", "deploy", "herald-0627",
      claim_details{
          .subject = "", .quantity = "", .when = partial_date::parse("2025-07/2025-08"), .mode = modality::possible});
  auto b = g.add_statement("s2", "nis", "deploy", "briefing");
  g.add_derivation("s1", "s2", derivation_kind::paraphrases);
  CHECK(g.derivation_count() == 1);
  CHECK(g.stated(a)->when->to_string() == "2025-07-01/2025-08-31");
  CHECK(g.stated(b) == nullptr);
  // Adding the same derivation twice keeps one edge.
  g.add_derivation(a, b, derivation_kind::paraphrases);
  CHECK(g.derivation_count() == 1);
  CHECK(g.kind_of("s1") == record_kind::statement);
  CHECK(g.kind_of("herald") == record_kind::agent);
  CHECK_FALSE(g.kind_of("nobody").has_value());
  CHECK(g.kind_name(g.agent_id("herald")) == "outlet");
  CHECK(g.role(g.agent_id("herald")) == source_role::relay);
  CHECK(g.kind_label(g.agent_id("lee")) == "lawmaker, People Power Party");
}

TEST_CASE("misuse of the builder throws an error naming the offending id or value") {
  auto g = herald_chain();
  CHECK_THROWS_MATCHES(g.report("herald-0627", "nothing"), error, Message("unknown claim id \"nothing\""));
  CHECK_THROWS_MATCHES(g.report("herald-0627", "deploy").via("kim"), error,
                       Message("unknown agent or event id \"kim\""));
  CHECK_THROWS_MATCHES(g.report("herald-0627", "deploy").via("deploy"), error,
                       Message("id \"deploy\" names claim, expected agent or event"));
  CHECK_THROWS_MATCHES(g.add_agent("lee", "Lee again", person{}), error, Message("duplicate agent id \"lee\""));
  CHECK_THROWS_MATCHES(g.add_claim("lee", "x"), error,
                       Message("duplicate id \"lee\": already names agent, cannot also name claim"));
  CHECK_THROWS_MATCHES(g.add_claim("", "x"), error, Message("empty claim id"));
  CHECK_THROWS_MATCHES(g.add_event("bad", event_kind::briefing, "2025-02-30", "nis"), error,
                       Message("event \"bad\": invalid date \"2025-02-30\": day 30 is outside 1..28 for 2025-02"));
  CHECK_THROWS_MATCHES(g.add_event("bad", event_kind::briefing, "2025-06-26", "kim"), error,
                       Message("unknown agent id \"kim\""));
  CHECK_FALSE(g.kind_of("bad").has_value());  // nothing half-added
  auto s = g.add_statement("s1", "lee", "deploy");
  CHECK_THROWS_MATCHES(g.add_derivation(s, s), error, Message("statement \"s1\" cannot derive from itself"));
  CHECK_THROWS_MATCHES(g.add_derivation("s1", "s9"), error, Message("unknown statement id \"s9\""));
  CHECK_THROWS_MATCHES(g.add_statement("s2", "lee", "herald"), error,
                       Message("id \"herald\" names agent, expected claim"));
  g.add_claim("ceasefire", "The Israel-Iran ceasefire may not hold");
  g.add_statement("s3", "lee", "ceasefire");
  CHECK_THROWS_MATCHES(g.add_derivation("s1", "s3"), error,
                       Message("statement \"s1\" (claim \"deploy\") cannot derive from statement \"s3\" (claim "
                               "\"ceasefire\"): a derivation stays within one claim"));
  g.add_statement("s4", "nis", "deploy", "briefing");
  g.add_derivation("s1", "s4", derivation_kind::quotes);
  CHECK_THROWS_MATCHES(g.add_derivation("s1", "s4", derivation_kind::cites), error,
                       Message("statement \"s1\" already derives from \"s4\" by quotes, not cites"));
  g.add_event("untitled", event_kind::statement, "", "");
  CHECK_THROWS_MATCHES(g.report("untitled", "deploy"), error,
                       Message("event \"untitled\" has no host agent: name the speaker with via(agent, event)"));
}

TEST_CASE("Boost.Graph algorithms and property maps run on the graph directly") {
  auto g = herald_chain();
  g.report("herald-0627", "deploy").via("lee").via("briefing");
  auto claims = boost::get(&statement::claim, g.graph());
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    CHECK(boost::get(claims, v) == g.claim_id("deploy"));
  }
  CHECK(boost::num_edges(g.graph()) == 2);
}

TEST_CASE("a kind's PROV type and fields are reachable from the graph") {
  auto g = herald_chain();
  CHECK(g.kind_prov_type(g.agent_id("lee")) == "prov:Person");
  CHECK(g.kind_prov_type(g.agent_id("herald")) == "prov:Organization");
  CHECK(g.kind_fields(g.agent_id("nis")) == attributes{{"type", "intelligence agency"}, {"country", "South Korea"}});
}

TEST_CASE("moving a graph moves everything and leaves the source empty") {
  auto g = herald_chain();
  g.report("herald-0627", "deploy").via("lee").via("briefing");
  provenance_graph moved(std::move(g));
  CHECK(moved.statement_count() == 3);
  CHECK(moved.id(2) == "deploy/nis@briefing");
  CHECK(moved.agent_id("lee") == agent_handle{1});
  // The moved-from graph is empty and usable, not half-moved.
  CHECK(g.statement_count() == 0);  // NOLINT(bugprone-use-after-move)
  CHECK(g.agent_count() == 0);
  CHECK_FALSE(g.find_agent("lee").has_value());
  g.add_agent("lee", "Lee", person{});
  CHECK(g.agent_count() == 1);
  provenance_graph assigned;
  assigned = std::move(moved);
  CHECK(assigned.statement_count() == 3);
  CHECK(moved.statement_count() == 0);  // NOLINT(bugprone-use-after-move)
  provenance_graph copy = assigned;
  CHECK(copy.id(0) == assigned.id(0));
}

TEST_CASE("stated figures are read once, as details enter the graph") {
  auto g = herald_chain();
  // The builder, on a new statement and on one first added without details.
  auto head = g.report("herald-0627", "deploy", {.quantity = "more than 10 million"}).via("lee").head();
  REQUIRE(g.stated(head)->amount);
  CHECK(g.stated(head)->amount->lower == 1e7);
  CHECK_FALSE(g.stated(head)->amount->upper);
  CHECK(g.stated(head)->amount->qualifier == quantity_qualifier::at_least);
  CHECK(g.stated(head)->amount->text == "more than 10 million");
  auto lee = g.statement_id("deploy/lee");
  CHECK(g.stated(lee) == nullptr);
  g.report("lee", "deploy", {.quantity = "up to 12,000"});
  REQUIRE(g.stated(lee)->amount);
  CHECK_FALSE(g.stated(lee)->amount->lower);
  CHECK(g.stated(lee)->amount->upper == 12000);
  // The plain API, for statements and for claims; a given amount is replaced.
  claim_details wrong{.quantity = "about 4,000"};
  wrong.amount = quantity{};
  auto s = g.add_statement("s1", "nis", "deploy", "briefing", wrong);
  REQUIRE(g.stated(s)->amount);
  CHECK(g.stated(s)->amount->lower == 4000);
  CHECK(g.stated(s)->amount->qualifier == quantity_qualifier::approximate);
  auto c = g.add_claim("shells", "Shells were sent", {.quantity = "millions of shells"});
  REQUIRE(g[c].details.amount);
  CHECK(g[c].details.amount->lower == 2e6);
  CHECK(g[c].details.amount->unit == "shells");
  // Text that states no figure keeps its text and has no amount.
  auto none = g.add_statement("s2", "nis", "deploy", {}, {.quantity = "several"});
  CHECK(g.stated(none)->quantity == "several");
  CHECK_FALSE(g.stated(none)->amount);
  // Repeating the same stated text is no conflict, whatever amount it carries.
  claim_details same{.quantity = "more than 10 million"};
  same.amount = quantity{};
  CHECK_NOTHROW(g.report("herald-0627", "deploy", same));
  CHECK(g.stated(head)->amount->lower == 1e7);
  CHECK_NOTHROW(g.report("lee", "deploy", {.quantity = "up to 12,000"}));
}

TEST_CASE("one article holds an own-voice and a relayed mention of a claim, with different figures") {
  auto g = herald_chain();
  g.add_claim("troops-2024", "North Korea sent about 11,000 troops to Russia in 2024");
  // Without a mention the second report of the claim is the same statement, and its other figure is refused.
  g.report("herald-0627", "troops-2024", {.quantity = "11,000"});
  CHECK_THROWS_MATCHES(g.report("herald-0627", "troops-2024", {.quantity = "more than 10,000"}), error,
                       Message("statement \"troops-2024/herald@herald-0627\" was already added with other stated "
                               "details"));
  // With one, each mention is a statement of its own.
  auto own =
      g.report("herald-0627", "troops-2024", {.quantity = "11,000"}, {.part = article_part::body, .label = "own"});
  auto relayed = g.report("herald-0627", "troops-2024", {.quantity = "more than 10,000"},
                          {.part = article_part::lead, .label = "relayed"})
                     .via("briefing");
  CHECK(g.id(own.head()) == "troops-2024/herald@herald-0627#own");
  CHECK(g.id(relayed.head()) == "troops-2024/herald@herald-0627#relayed");
  CHECK(g.part(own.head()) == article_part::body);
  CHECK(g.part(relayed.head()) == article_part::lead);
  CHECK(g.stated(relayed.head())->quantity == "more than 10,000");
  CHECK(boost::out_degree(own.head(), g.graph()) == 0);
  // Without a label the part names the mention; the same mention again is reused.
  auto headline = g.report("herald-0627", "deploy", {}, {.part = article_part::headline});
  CHECK(g.id(headline.head()) == "deploy/herald@herald-0627#headline");
  CHECK(g.report("herald-0627", "deploy", {}, {.part = article_part::headline}).head() == headline.head());
  // A label names one mention, in one part.
  CHECK_THROWS_MATCHES(
      g.report("herald-0627", "troops-2024", {}, {.part = article_part::caption, .label = "own"}), error,
      Message("statement \"troops-2024/herald@herald-0627#own\" was already added in the body, not the caption"));
}

TEST_CASE("parts cost nothing until one is given, and an unknown part is the default") {
  auto g = herald_chain();
  auto plain = g.add_statement("s1", "herald", "deploy", "herald-0627");
  CHECK_FALSE(g.has_parts());
  CHECK(g.part(plain) == article_part::unknown);
  g.set_part(plain, article_part::unknown);
  CHECK_FALSE(g.has_parts());
  auto later = g.add_statement("s2", "herald", "deploy", "herald-0627", {}, article_part::caption);
  CHECK(g.has_parts());
  CHECK(g.part(later) == article_part::caption);
  CHECK(g.part(plain) == article_part::unknown);
  g.set_part(plain, article_part::deck);
  CHECK(g.part(plain) == article_part::deck);
  auto copy = g;
  CHECK(copy.part(later) == article_part::caption);
  CHECK_THROWS_MATCHES(g.set_part(7, article_part::body), error, Message("statement 7 is not of this graph"));
}

TEST_CASE("a derivation's basis is kept, given once, and never silently replaced") {
  auto g = herald_chain();
  auto chain = g.report("herald-0627", "deploy").via("lee", derivation_kind::paraphrases, {}, derivation_basis::text);
  chain.via("briefing", derivation_kind::cites, {}, derivation_basis::inferred);
  auto basis = [&](std::string_view from, std::string_view to) {
    return g.graph()[boost::edge(g.statement_id(from), g.statement_id(to), g.graph()).first].basis;
  };
  CHECK(basis("deploy/herald@herald-0627", "deploy/lee") == derivation_basis::text);
  CHECK(basis("deploy/lee", "deploy/nis@briefing") == derivation_basis::inferred);
  // A chain that meets this one without saying its basis keeps the one given.
  g.report("herald-0627", "deploy").via("lee", derivation_kind::paraphrases);
  CHECK(basis("deploy/herald@herald-0627", "deploy/lee") == derivation_basis::text);
  // An unstated basis is given by the next chain that states one.
  g.add_statement("s", "herald", "deploy", "herald-0627");
  g.add_derivation("s", "deploy/lee");
  g.add_derivation("s", "deploy/lee", derivation_kind::cites, derivation_basis::context);
  CHECK(basis("s", "deploy/lee") == derivation_basis::context);
  CHECK_THROWS_MATCHES(
      g.add_derivation("s", "deploy/lee", derivation_kind::cites, derivation_basis::inferred), error,
      Message("statement \"s\" already derives from \"deploy/lee\" on the basis context, not inferred"));
}

TEST_CASE("an event's audience keeps its order and each member once") {
  auto g = herald_chain();
  g.add_agent("committee", "Intelligence Committee", organization{"legislative committee", "South Korea"});
  g.add_audience("briefing", "committee");
  g.add_audience("briefing", "lee");
  g.add_audience("briefing", "committee");
  const auto& audience = g[g.event_id("briefing")].audience;
  REQUIRE(audience.size() == 2);
  CHECK(g[audience[0]].id == "committee");
  CHECK(g[audience[1]].id == "lee");
  // A large audience at once: repeats dropped by a hash set, the order kept.
  std::vector<agent_handle> many;
  for (int i = 0; i < 40; ++i) {
    std::string id = "m";  // appended: `"m" + std::string&&` trips GCC 12's -Wrestrict at -O3
    id += std::to_string(i);
    many.push_back(g.add_agent(id, "", person{}));
  }
  many.push_back(g.agent_id("committee"));
  many.push_back(many.front());
  g.add_audience(g.event_id("briefing"), many);
  REQUIRE(audience.size() == 42);
  CHECK(g[audience[2]].id == "m0");
  CHECK(g[audience[41]].id == "m39");
  CHECK_THROWS_MATCHES(g.add_audience("briefing", "deploy"), error,
                       Message("id \"deploy\" names claim, expected agent"));
}

TEST_CASE("id_order puts statements in the byte order of their ids, however long or alike") {
  provenance_graph g;
  g.add_agent("a", "A", outlet{});
  g.add_claim("c", "text");
  // Ids sharing their first eight bytes or shorter, with a NUL byte and a
  // byte above 0x7F, added in an order unrelated to theirs.
  const std::vector<std::string> ids = {
      "s10", "s2",   "s1",         "abcdefgh1", "abcdefgh", "abcdefgh0", std::string("ab\0", 3),
      "ab",  "\xff", "abcdefgh10", "b",         "abcdefg"};
  for (const auto& id : ids) g.add_statement(id, "a", "c");
  std::vector<statement_handle> expected(ids.size());
  for (std::uint32_t v = 0; v < expected.size(); ++v) expected[v] = v;
  sort_by_id(g, expected);
  const id_order order(g);
  CHECK(std::vector<statement_handle>(order.sorted().begin(), order.sorted().end()) == expected);
  for (std::uint32_t i = 0; i < expected.size(); ++i) CHECK(order.rank(expected[i]) == i);
  std::vector<statement_handle> some = {0, 4, 7, 8, 3};
  std::vector<statement_handle> by_strings = some;
  sort_by_id(g, by_strings);
  order.sort(some);
  CHECK(some == by_strings);
  CHECK(g.id(order.sorted().front()) == "ab");
  CHECK(g.id(order.sorted().back()) == "\xff");
}
