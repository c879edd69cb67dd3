// SPDX-License-Identifier: BSL-1.0
// The model headers: agents, claims, events, statements and handles.
#include <sourcetrace/model/agents.hpp>
#include <sourcetrace/model/claim.hpp>
#include <sourcetrace/model/event.hpp>
#include <sourcetrace/model/handle.hpp>
#include <sourcetrace/model/statement.hpp>

#include "catch.hpp"

using namespace sourcetrace;

TEST_CASE("the built-in kinds have the names, roles and PROV types the design gives them") {
  CHECK(source_traits<organization>::name == "organization");
  CHECK(source_traits<person>::name == "person");
  CHECK(source_traits<outlet>::name == "outlet");
  CHECK(source_traits<anonymous>::name == "anonymous");
  CHECK(source_traits<outlet>::role == source_role::relay);
  CHECK(source_traits<organization>::role == source_role::either);
  CHECK(source_traits<person>::prov_type == "prov:Person");
  CHECK(source_traits<anonymous>::prov_type == "prov:Agent");
  CHECK(to_string(source_role::first_hand) == "first_hand");
}

TEST_CASE("a built-in kind's fields and label round-trip") {
  person lee{"lawmaker", "People Power Party"};
  CHECK(source_traits<person>::label(lee) == "lawmaker, People Power Party");
  CHECK(source_traits<person>::from_fields(source_traits<person>::fields(lee)) == lee);
  outlet blog{"blog", ""};
  CHECK(source_traits<outlet>::label(blog) == "blog");  // empty parts are left out
  CHECK(source_traits<outlet>::from_fields({{"country", "Indonesia"}}) == outlet{"", "Indonesia"});
  CHECK(attribute({{"a", "1"}}, "b").empty());
}

TEST_CASE("enumerations print and parse back, and unknown names parse to nothing") {
  for (auto k : {event_kind::briefing, event_kind::statement, event_kind::press_conference, event_kind::publication}) {
    CHECK(event_kind_from_string(to_string(k)) == k);
  }
  for (auto m : {modality::asserted, modality::estimated, modality::believed, modality::possible, modality::denied}) {
    CHECK(modality_from_string(to_string(m)) == m);
  }
  for (auto d :
       {derivation_kind::quotes, derivation_kind::paraphrases, derivation_kind::cites, derivation_kind::copies}) {
    CHECK(derivation_kind_from_string(to_string(d)) == d);
  }
  CHECK_FALSE(event_kind_from_string("tweet").has_value());
  CHECK_FALSE(modality_from_string("probable").has_value());
  CHECK_FALSE(derivation_kind_from_string("").has_value());
}

TEST_CASE("claim details know when they are empty") {
  CHECK(claim_details{}.empty());
  CHECK_FALSE(claim_details{.quantity = "11,000"}.empty());
  CHECK_FALSE(claim_details{.mode = modality::possible}.empty());
}

TEST_CASE("claim details compare by what they state, not by the figure read from it") {
  claim_details read{.quantity = "11,000"};
  read.amount = quantity{};
  read.amount->lower = 11000;
  CHECK(read == claim_details{.quantity = "11,000"});
  CHECK(read != claim_details{.quantity = "11,000 troops"});
  CHECK(read != claim_details{.subject = "troops", .quantity = "11,000"});
  CHECK(claim_details{.mode = modality::possible} != claim_details{.mode = modality::denied});
  CHECK(claim_details{.amount = quantity{}}.empty());  // an amount alone states nothing
}

TEST_CASE("handles are typed, ordered, and invalid by default") {
  agent_handle none;
  CHECK_FALSE(none.valid());
  CHECK(agent_handle{3}.valid());
  CHECK(agent_handle{1} < agent_handle{2});
  static_assert(!std::is_convertible_v<agent_handle, event_handle>);
  statement s;
  CHECK_FALSE(s.event.valid());
  CHECK(derivation{}.kind == derivation_kind::cites);
}
