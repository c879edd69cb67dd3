// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/model/event.hpp>

#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/io/corpus.hpp>

#include "catch.hpp"

#include <string>

using namespace sourcetrace;
using Catch::Matchers::Message;

TEST_CASE("the built-in event kinds have their names, and only publication is the unit of reporting") {
  const event_kind built_in[] = {event_kind::briefing,    event_kind::statement, event_kind::press_conference,
                                 event_kind::publication, event_kind::visit,     event_kind::announcement,
                                 event_kind::report,      event_kind::interview, event_kind::press_statement};
  std::string names;
  for (event_kind k : built_in) {
    names += std::string(k.name()) + (k.traits().publication ? "* " : " ");
    CHECK(event_kind_from_string(to_string(k)) == k);
    CHECK_FALSE(k.description().empty());
  }
  CHECK(names ==
        "briefing statement press_conference publication* visit announcement report interview press_statement ");
  CHECK(event_kind{} == event_kind::briefing);
  CHECK(event_kind::publication.index() == 3);
  CHECK(event_kind_names() ==
        "briefing, statement, press_conference, publication, visit, announcement, report, interview, press_statement");
  CHECK_FALSE(event_kind_from_string("tweet").has_value());
  CHECK_FALSE(event_kind_from_string("").has_value());
}

TEST_CASE("a program defines an event kind by its traits, and the analyses read the traits, not the name") {
  const event_kind hearing = define_event_kind("hearing", {}, "a parliamentary hearing");
  const event_kind broadcast = define_event_kind("broadcast", {.publication = true}, "a radio or television item");
  CHECK(hearing.name() == "hearing");
  CHECK(hearing.description() == "a parliamentary hearing");
  CHECK_FALSE(hearing.traits().publication);
  CHECK(broadcast.traits().publication);
  CHECK(event_kind_from_string("broadcast") == broadcast);
  // Defined again with the same traits: the same kind, so every translation unit may define it.
  CHECK(define_event_kind("broadcast", {.publication = true}) == broadcast);
  CHECK_THROWS_MATCHES(define_event_kind("broadcast", {}), error,
                       Message("event kind \"broadcast\" is already defined with other traits"));
  CHECK_THROWS_MATCHES(define_event_kind("publication", {}), error,
                       Message("event kind \"publication\" is already defined with other traits"));
  CHECK_THROWS_MATCHES(define_event_kind("Radio Item", {}), error,
                       Message("event kind \"Radio Item\": a name is 1 to 64 lower-case letters, digits, '_' or '-'"));
  CHECK_THROWS_MATCHES(define_event_kind("", {}), error,
                       Message("event kind \"\": a name is 1 to 64 lower-case letters, digits, '_' or '-'"));
  CHECK(event_kind_names().ends_with(", press_statement, hearing, broadcast"));

  // A corpus names the kinds the program defined; a statement at a broadcast
  // is a report of the corpus, one at a hearing a relay on the chain.
  auto g = read_corpus(R"({"agents": [{"id": "nis", "kind": "organization"}, {"id": "kbs", "kind": "outlet"},
   {"id": "lee", "kind": "person"}],
 "events": [{"id": "h", "kind": "hearing", "host": "lee"}, {"id": "b", "kind": "broadcast", "host": "kbs"}],
 "claims": [{"id": "c", "text": "t"}],
 "reports": [{"source": "b", "claim": "c", "via": ["h", "nis"]}]})",
                       "kinds.json");
  CHECK(g[g.event_id("h")].kind == hearing);
  auto r = duplicates(g, origins(g));
  REQUIRE(r[0].mentions.size() == 1);
  CHECK(g.id(r[0].mentions[0]) == "c/kbs@b");
  CHECK(r[0].report_count == 1);
  std::ostringstream out;
  write_corpus(out, g);
  CHECK(out.str().find(R"("kind": "hearing")") != std::string::npos);
}

// Last: it fills the program's table.
TEST_CASE("the table holds 256 kinds and says so when it is full") {
  std::size_t defined = event_kinds().size();
  for (std::size_t i = defined; i < 256; ++i) {
    std::string name = "kind-";  // appended: `"kind-" + std::string&&` trips GCC 12's -Wrestrict at -O3
    name += std::to_string(i);
    define_event_kind(name, {});
  }
  CHECK(event_kinds().size() == 256);
  CHECK(event_kinds().back().index() == 255);
  CHECK(event_kinds().back().name() == "kind-255");
  CHECK_THROWS_MATCHES(define_event_kind("one-more", {}), error,
                       Message("event kind \"one-more\": 256 kinds are already defined"));
  CHECK(define_event_kind("kind-255", {}) == event_kinds().back());
}
