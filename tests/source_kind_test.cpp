// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/model/source_kind.hpp>

#include <sourcetrace/analysis/credibility.hpp>
#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/analysis/duplicates.hpp>
#include <sourcetrace/analysis/origins.hpp>
#include <sourcetrace/analysis/timeline.hpp>
#include <sourcetrace/analysis/trace.hpp>
#include <sourcetrace/graph.hpp>
#include <sourcetrace/model/agents.hpp>

#include "catch.hpp"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

// ---- custom kinds a user might add -------------------------------------------
// Each is specialized right after its type, before anything checks the concept.

// A Telegram channel reposts what others said: it only relays.
struct telegram_channel {
  std::string handle;
  unsigned long long subscribers = 0;
  friend bool operator==(const telegram_channel&, const telegram_channel&) = default;
};

// Traits from the defaults: the fields declared once, typed; the label overridden.
template <>
struct sourcetrace::source_traits<telegram_channel> : sourcetrace::source_traits_base<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:SoftwareAgent";
  static constexpr std::tuple members{field{"handle", &telegram_channel::handle},
                                      field{"subscribers", &telegram_channel::subscribers}};
  static std::string label(const telegram_channel& c) {
    return c.handle + ", " + std::to_string(c.subscribers) + " subscribers";
  }
};

// A satellite-imagery provider publishes what its own pictures show: first-hand only.
struct satellite_provider {
  std::string operator_name;
  std::string resolution;
  friend bool operator==(const satellite_provider&, const satellite_provider&) = default;
};

template <>
struct sourcetrace::source_traits<satellite_provider> : sourcetrace::source_traits_base<satellite_provider> {
  static constexpr std::string_view name = "satellite_provider";
  static constexpr source_role role = source_role::first_hand;
  static constexpr std::string_view prov_type = "prov:Organization";
  static constexpr std::tuple members{field{"operator", &satellite_provider::operator_name},
                                      field{"resolution", &satellite_provider::resolution}};
  static std::string label(const satellite_provider& s) { return s.operator_name + ", " + s.resolution + " imagery"; }
};

// A war correspondent reports what they saw or what they were told: either.
struct war_correspondent {
  std::string employer;
  friend bool operator==(const war_correspondent&, const war_correspondent&) = default;
};

template <>
struct sourcetrace::source_traits<war_correspondent> {  // every member written by hand, no base
  static constexpr std::string_view name = "war_correspondent";
  static constexpr source_role role = source_role::either;
  static constexpr std::string_view prov_type = "prov:Person";
  static std::string label(const war_correspondent& w) { return "war correspondent, " + w.employer; }
  static attributes fields(const war_correspondent& w) { return {{"employer", w.employer}}; }
  static war_correspondent from_fields(const attributes& a) { return {attribute(a, "employer")}; }
};

// ---- the concept, both ways --------------------------------------------------

// Traits meeting every requirement; each bad kind below breaks exactly one.
// (Not in an anonymous namespace: clang warns of unused members there.)
template <class T>
struct complete_traits {
  static constexpr std::string_view name = "complete";
  static constexpr sourcetrace::source_role role = sourcetrace::source_role::relay;
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const T&) { return "complete"; }
  static sourcetrace::attributes fields(const T&) { return {}; }
  static T from_fields(const sourcetrace::attributes&) { return T{}; }
};

struct complete_kind {};
struct no_traits {};
struct no_role {};
struct role_is_int {};
struct name_is_int {};
struct label_returns_int {};
struct no_fields {};
struct no_from_fields {};
struct from_fields_returns_optional {};
struct not_default_constructible {
  explicit not_default_constructible(std::string h) : handle(std::move(h)) {}
  std::string handle;
};
struct not_copyable {
  std::unique_ptr<int> p;
};

template <>
struct sourcetrace::source_traits<complete_kind> : complete_traits<complete_kind> {};

template <>
struct sourcetrace::source_traits<no_role> {  // everything but `role`
  static constexpr std::string_view name = "no_role";
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const no_role&) { return "no role"; }
  static attributes fields(const no_role&) { return {}; }
  static no_role from_fields(const attributes&) { return {}; }
};

template <>
struct sourcetrace::source_traits<role_is_int> : complete_traits<role_is_int> {
  static constexpr int role = 1;  // an int is not a source_role
};

template <>
struct sourcetrace::source_traits<name_is_int> : complete_traits<name_is_int> {
  static constexpr int name = 7;
};

template <>
struct sourcetrace::source_traits<label_returns_int> : complete_traits<label_returns_int> {
  static int label(const label_returns_int&) { return 42; }
};

template <>
struct sourcetrace::source_traits<no_fields> {  // everything but `fields`
  static constexpr std::string_view name = "no_fields";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const no_fields&) { return "no fields"; }
  static no_fields from_fields(const attributes&) { return {}; }
};

template <>
struct sourcetrace::source_traits<no_from_fields> {  // everything but `from_fields`
  static constexpr std::string_view name = "no_from_fields";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const no_from_fields&) { return "no from_fields"; }
  static attributes fields(const no_from_fields&) { return {}; }
};

template <>
struct sourcetrace::source_traits<from_fields_returns_optional> : complete_traits<from_fields_returns_optional> {
  static std::optional<from_fields_returns_optional> from_fields(const attributes&) { return std::nullopt; }
};

template <>
struct sourcetrace::source_traits<not_default_constructible> {  // complete traits, but the type fails semiregular
  static constexpr std::string_view name = "not_default_constructible";
  static constexpr source_role role = source_role::relay;
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const not_default_constructible& k) { return k.handle; }
  static attributes fields(const not_default_constructible& k) { return {{"handle", k.handle}}; }
  static not_default_constructible from_fields(const attributes& a) {
    return not_default_constructible(attribute(a, "handle"));
  }
};

template <>
struct sourcetrace::source_traits<not_copyable> : complete_traits<not_copyable> {};

using namespace sourcetrace;

static_assert(source_kind<telegram_channel>);
static_assert(source_kind<satellite_provider>);
static_assert(source_kind<war_correspondent>);
static_assert(source_kind<complete_kind>);
static_assert(source_kind<organization>);
static_assert(source_kind<person>);
static_assert(source_kind<outlet>);
static_assert(source_kind<anonymous>);

static_assert(!source_kind<no_traits>);
static_assert(!source_kind<no_role>);
static_assert(!source_kind<role_is_int>);
static_assert(!source_kind<name_is_int>);
static_assert(!source_kind<label_returns_int>);
static_assert(!source_kind<no_fields>);
static_assert(!source_kind<no_from_fields>);
static_assert(!source_kind<from_fields_returns_optional>);
static_assert(!source_kind<not_default_constructible>);
static_assert(!source_kind<not_copyable>);

namespace {

// True if basic_provenance_graph<Kinds...> can be named at all.
template <class... Kinds>
concept graph_over = requires {
  typename basic_provenance_graph<Kinds...>;
};

// True if graph G accepts an agent of kind K.
template <class G, class K>
concept accepts = requires(G g, K k) {
  g.add_agent("id", "name", k);
};

using graph = basic_provenance_graph<organization, person, outlet, anonymous, telegram_channel, satellite_provider,
                                     war_correspondent>;

}  // namespace

static_assert(graph_over<organization, telegram_channel>);
// A graph over a kind that fails the concept, a kind listed twice or two kinds
// sharing a name does not compile, with a message naming the mistake:
// tests/compile_fail/ holds each case and the message it must give.
static_assert(std::is_same_v<provenance_graph_with<telegram_channel>,
                             basic_provenance_graph<organization, person, outlet, anonymous, telegram_channel>>);
static_assert(accepts<graph, telegram_channel>);
static_assert(accepts<graph, outlet>);
static_assert(!accepts<provenance_graph, telegram_channel>);  // the built-in set does not know the user's kind

// ---- the graph used below ----------------------------------------------------

namespace {

// One claim of the seed story (seeds 000 and 002): during Sergei Shoigu's visit
// to Pyongyang on 2025-06-17 it was agreed that North Korea sends 6,000 military
// engineers and builders to Kursk; Russian media reported it, and The Korea
// Herald cited those reports on 2025-06-27. The channels are invented:
// @kursk_digest reposts the Russian media report, @front_echo names no source.
graph engineers() {
  graph g;
  g.add_agent("shoigu", "Sergei Shoigu", person{"security official", "Russian Security Council"});
  g.add_agent("ru-media", "Russian media", outlet{"press", "Russia"});
  g.add_agent("herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_agent("digest", "Kursk Digest", telegram_channel{"@kursk_digest", 48000});
  g.add_agent("echo", "Front Echo", telegram_channel{"@front_echo", 12500});
  g.add_event("pyongyang", event_kind::statement, "2025-06-17", "shoigu");
  g.add_event("ru-reports", event_kind::publication, "2025-06-17", "ru-media");
  g.add_event("digest-post", event_kind::publication, "2025-06-18", "digest");
  g.add_event("echo-post", event_kind::publication, "2025-06-19", "echo");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_claim("engineers", "North Korea will send 6,000 military engineers and builders to Kursk");
  g.report("digest-post", "engineers").via("ru-reports").via("pyongyang", derivation_kind::paraphrases);
  g.report("herald-0627", "engineers").via("ru-reports");
  g.report("echo-post", "engineers");
  return g;
}

// Returns the agent id of statement `v`.
std::string who(const graph& g, std::size_t v) { return g[g[v].agent].id; }

// Returns the agent ids of `vs`, joined by spaces.
template <class Range>
std::string who_all(const graph& g, const Range& vs) {
  std::string out;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 PR 105651: a false -Wrestrict on "literal" + std::string&& at -O2 and -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
  for (auto v : vs) out += (out.empty() ? "" : " ") + who(g, v);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  return out;
}

// Writes a path as "digest -cites-> ru-media -paraphrases-> shoigu", ending in
// " (loop)" if it would return to a statement already on it.
std::string show(const graph& g, std::size_t start, const attribution_path& p) {
  std::string out = who(g, start);
  for (const hop& h : p.hops) out += " -" + std::string(to_string(h.kind)) + "-> " + who(g, h.to);
  if (p.end != path_end::origin) out += " (loop)";
  return out;
}

std::vector<std::string> paths(const graph& g, std::string_view statement) {
  auto v = g.statement_id(statement);
  std::vector<std::string> out;
  for (const auto& p : trace(g, v).paths) out.push_back(show(g, v, p));
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

// ---- the custom kind in every analysis ---------------------------------------

TEST_CASE("the graph reports a custom kind's name, label and role beside the built-ins") {
  auto g = engineers();
  CHECK(g.kind_name(g.agent_id("digest")) == "telegram_channel");
  CHECK(g.kind_label(g.agent_id("digest")) == "@kursk_digest, 48000 subscribers");
  CHECK(g.role(g.agent_id("digest")) == source_role::relay);
  CHECK(g.kind_name(g.agent_id("shoigu")) == "person");
  CHECK(g.kind_label(g.agent_id("shoigu")) == "security official, Russian Security Council");
  CHECK(g.role(g.agent_id("shoigu")) == source_role::either);
  CHECK(g.kind_name(g.agent_id("herald")) == "outlet");
  CHECK(g.role(g.agent_id("herald")) == source_role::relay);
  REQUIRE(std::holds_alternative<telegram_channel>(g[g.agent_id("echo")].kind));
  CHECK(std::get<telegram_channel>(g[g.agent_id("echo")].kind) == telegram_channel{"@front_echo", 12500});

  g.add_agent("maxar", "Example Imaging", satellite_provider{"Example Imaging", "30 cm"});
  g.add_agent("kots", "Alexander Kots", war_correspondent{"Komsomolskaya Pravda"});
  CHECK(g.kind_name(g.agent_id("maxar")) == "satellite_provider");
  CHECK(g.kind_label(g.agent_id("maxar")) == "Example Imaging, 30 cm imagery");
  CHECK(g.role(g.agent_id("maxar")) == source_role::first_hand);
  CHECK(g.kind_name(g.agent_id("kots")) == "war_correspondent");
  CHECK(g.kind_label(g.agent_id("kots")) == "war correspondent, Komsomolskaya Pravda");
  CHECK(g.role(g.agent_id("kots")) == source_role::either);
  CHECK(g.agent_count() == 7);
}

TEST_CASE("fields and from_fields round-trip a custom kind, and every kind held by a graph") {
  using traits = source_traits<telegram_channel>;
  telegram_channel digest{"@kursk_digest", 48000};
  // Typed: the count is a whole number, not text.
  CHECK(traits::fields(digest) == attributes{{"handle", "@kursk_digest"}, {"subscribers", std::int64_t{48000}}});
  CHECK(traits::from_fields(traits::fields(digest)) == digest);
  // Field order does not matter, missing fields keep their defaults, and a
  // count written as text (as corpora did before fields had types) still reads.
  CHECK(traits::from_fields({{"subscribers", "12500"}, {"handle", "@front_echo"}}) ==
        telegram_channel{"@front_echo", 12500});
  CHECK(traits::from_fields({}) == telegram_channel{});
  // A value the member cannot hold, and a field the kind does not declare, name the field.
  CHECK_THROWS_MATCHES(traits::from_fields({{"subscribers", "many"}}), field_error,
                       Catch::Matchers::Message("field \"subscribers\": expected a whole number, found \"many\""));
  CHECK_THROWS_MATCHES(traits::from_fields({{"subscribers", std::int64_t{-3}}}), field_error,
                       Catch::Matchers::Message("field \"subscribers\": -3 is out of range for this field"));
  CHECK_THROWS_MATCHES(traits::from_fields({{"handle", 2.5}}), field_error,
                       Catch::Matchers::Message("field \"handle\": expected text, found 2.5"));
  CHECK_THROWS_MATCHES(
      traits::from_fields({{"followers", std::int64_t{3}}}), field_error,
      Catch::Matchers::Message("unknown field \"followers\" for kind telegram_channel; expected handle, subscribers"));
  try {
    traits::from_fields({{"subscribers", true}});
    FAIL("no error");
  } catch (const field_error& e) {
    CHECK(e.field() == "subscribers");
  }

  using sat = source_traits<satellite_provider>;
  satellite_provider imaging{"Example Imaging", "30 cm"};
  CHECK(sat::fields(imaging) == attributes{{"operator", "Example Imaging"}, {"resolution", "30 cm"}});
  CHECK(sat::from_fields(sat::fields(imaging)) == imaging);

  // Through the graph's variant, as a writer and a reader would go.
  auto g = engineers();
  g.add_agent("maxar", "Example Imaging", imaging);
  g.add_agent("kots", "Alexander Kots", war_correspondent{"Komsomolskaya Pravda"});
  std::size_t checked = 0;
  for (agent_handle a{0}; a.index < g.agent_count(); ++a.index) {
    std::visit(
        [&](const auto& k) {
          using kind = std::decay_t<decltype(k)>;
          CHECK(source_traits<kind>::from_fields(source_traits<kind>::fields(k)) == k);
          ++checked;
        },
        g[a].kind);
  }
  CHECK(checked == 7);
}

TEST_CASE("a root is unsourced exactly when its kind only relays, custom kinds included") {
  auto g = engineers();
  g.add_agent("maxar", "Example Imaging", satellite_provider{"Example Imaging", "30 cm"});
  g.add_agent("kots", "Alexander Kots", war_correspondent{"Komsomolskaya Pravda"});
  g.add_event("imagery", event_kind::publication, "2025-06-20", "maxar");
  g.add_event("kots-post", event_kind::publication, "2025-06-21", "kots");
  // @kursk_digest also posts imagery from the provider and a correspondent's account of it.
  g.add_event("digest-post-2", event_kind::publication, "2025-06-22", "digest");
  g.report("digest-post-2", "engineers").via("imagery");
  g.report("digest-post-2", "engineers").via("kots-post");
  auto m = origins(g);
  auto echo = g.statement_id("engineers/echo@echo-post");
  auto imagery = g.statement_id("engineers/maxar@imagery");
  auto kots = g.statement_id("engineers/kots@kots-post");
  auto shoigu = g.statement_id("engineers/shoigu@pyongyang");
  auto digest = g.statement_id("engineers/digest@digest-post");

  CHECK(m.is_origin(echo));
  CHECK(m.is_unsourced(echo));  // relay-role custom root
  CHECK(m.is_origin(imagery));
  CHECK_FALSE(m.is_unsourced(imagery));  // first_hand-role custom root
  CHECK(m.is_origin(kots));
  CHECK_FALSE(m.is_unsourced(kots));  // either-role custom root
  CHECK(m.is_origin(shoigu));
  CHECK_FALSE(m.is_unsourced(shoigu));
  CHECK_FALSE(m.is_origin(digest));  // a relay that names its source is no origin
  CHECK_FALSE(m.is_unsourced(digest));

  CHECK(who_all(g, m.of(digest)) == "shoigu");
  CHECK(who_all(g, m.of(echo)) == "echo");
  CHECK(who_all(g, m.of(g.statement_id("engineers/digest@digest-post-2"))) == "maxar kots");
  CHECK(independent(m, digest, echo));
  CHECK_FALSE(independent(m, digest, g.statement_id("engineers/herald@herald-0627")));
}

TEST_CASE("trace runs through a custom agent, naming each hop's kind") {
  auto g = engineers();
  CHECK(paths(g, "engineers/digest@digest-post") == strings{"digest -cites-> ru-media -paraphrases-> shoigu"});
  CHECK(paths(g, "engineers/echo@echo-post") == strings{"echo"});

  // A blog copies the channel's post, which also cites a second channel: the
  // custom agent sits in the middle of both paths.
  g.add_agent("blog", "A blog", outlet{"blog", ""});
  g.add_event("blog-post", event_kind::publication, "2025-06-20", "blog");
  g.report("blog-post", "engineers").via("digest-post", derivation_kind::copies).via("echo-post");
  // Each statement's derivations by the id of their source: echo's before ru-media's.
  CHECK(
      paths(g, "engineers/blog@blog-post") ==
      strings{"blog -copies-> digest -cites-> echo", "blog -copies-> digest -cites-> ru-media -paraphrases-> shoigu"});
  CHECK(paths(g, "engineers/digest@digest-post") ==
        strings{"digest -cites-> echo", "digest -cites-> ru-media -paraphrases-> shoigu"});
}

TEST_CASE("duplicates count custom-kind reports and their independent and unsourced origins") {
  auto g = engineers();
  auto m = origins(g);
  auto all = duplicates(g, m);
  REQUIRE(all.size() == 1);
  const claim_reporting& r = all[0];
  // Reports are the publications: the Russian media report, both posts, the Herald; by id.
  CHECK(who_all(g, r.mentions) == "digest echo herald ru-media");
  CHECK(r.independent_origins == 1);  // Shoigu
  CHECK(r.unsourced_origins == 1);    // @front_echo
  CHECK(who_all(g, r.origins) == "echo shoigu");
  CHECK(r.circular.empty());
  REQUIRE(r.clusters.size() == 2);
  CHECK(who_all(g, r.clusters[0].mentions) == "digest herald ru-media");
  CHECK(who_all(g, r.clusters[0].origins) == "shoigu");
  CHECK(who_all(g, r.clusters[1].mentions) == "echo");
  CHECK(who_all(g, r.clusters[1].origins) == "echo");

  // A first-hand custom source behind one more post is a second independent origin.
  g.add_agent("maxar", "Example Imaging", satellite_provider{"Example Imaging", "30 cm"});
  g.add_event("imagery", event_kind::publication, "2025-06-20", "maxar");
  g.add_event("digest-post-2", event_kind::publication, "2025-06-22", "digest");
  g.report("digest-post-2", "engineers").via("imagery");
  auto again = duplicates(g, origins(g));
  CHECK(again[0].mentions.size() == 6);  // the imagery is a publication too
  CHECK(again[0].independent_origins == 2);
  CHECK(again[0].unsourced_origins == 1);
  CHECK(again[0].clusters.size() == 3);
}

TEST_CASE("timeline gives each custom-kind report its delay from the origin") {
  auto g = engineers();
  // A later post dated only to a month: its delay is a range of days.
  g.add_event("digest-july", event_kind::publication, "2025-07", "digest");
  g.report("digest-july", "engineers").via("ru-reports");
  auto m = origins(g);
  auto all = timeline(g, m);
  REQUIRE(all.size() == 1);
  const claim_timeline& t = all[0];
  CHECK(t.origin_date->to_string() == "2025-06-17");
  CHECK(t.first_report->to_string() == "2025-06-17");
  CHECK(t.last_report->to_string() == "2025-07");
  std::vector<std::string> rows;
  for (const report_timing& rt : t.reports) {
    rows.push_back(rt.date->to_string() + " " + std::string(g.id(rt.report)) + " from " + who(g, *rt.origin) + ": " +
                   rt.delay->to_string());
  }
  CHECK(rows == strings{
                    "2025-06-17 engineers/ru-media@ru-reports from shoigu: 0",
                    "2025-06-18 engineers/digest@digest-post from shoigu: 1",
                    "2025-06-19 engineers/echo@echo-post from echo: 0",
                    "2025-06-27 engineers/herald@herald-0627 from shoigu: 10",
                    "2025-07 engineers/digest@digest-july from shoigu: 14..44",
                });
}

TEST_CASE("two custom-kind channels citing each other are one cycle, and what rests on it has no origin") {
  graph g;
  g.add_agent("digest", "Kursk Digest", telegram_channel{"@kursk_digest", 48000});
  g.add_agent("echo", "Front Echo", telegram_channel{"@front_echo", 12500});
  g.add_agent("herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_event("digest-post", event_kind::publication, "2025-06-18", "digest");
  g.add_event("echo-post", event_kind::publication, "2025-06-19", "echo");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_claim("engineers", "North Korea will send 6,000 military engineers and builders to Kursk");
  // The earlier post later cites the one that reposted it: circular reporting.
  g.report("digest-post", "engineers").via("echo-post").via("digest-post");
  g.report("herald-0627", "engineers").via("digest-post");
  auto loops = cycles(g);
  REQUIRE(loops.size() == 1);
  CHECK(who_all(g, loops[0]) == "digest echo");

  auto m = origins(g);
  auto digest = g.statement_id("engineers/digest@digest-post");
  auto herald = g.statement_id("engineers/herald@herald-0627");
  CHECK(m.on_cycle(digest));
  CHECK_FALSE(m.is_origin(digest));
  CHECK_FALSE(m.is_unsourced(digest));  // on a cycle, so no origin at all, sourced or not
  CHECK(m.of(herald).empty());

  auto d = duplicates(g, m);
  CHECK(d[0].mentions.size() == 3);
  CHECK(d[0].independent_origins == 0);
  CHECK(d[0].unsourced_origins == 0);
  CHECK(who_all(g, d[0].circular) == "digest echo herald");
  CHECK(d[0].clusters.empty());

  CHECK(paths(g, "engineers/herald@herald-0627") ==
        strings{"herald -cites-> digest -cites-> echo -cites-> digest (loop)"});
}

// ---- a kind's meaning is in its traits, never in its name ---------------------

// A user's own kind for unnamed sources, named otherwise than the built-in one.
struct unnamed_official {
  std::string described_as;
  friend bool operator==(const unnamed_official&, const unnamed_official&) = default;
};

template <>
struct sourcetrace::source_traits<unnamed_official> : sourcetrace::source_traits_base<unnamed_official> {
  static constexpr std::string_view name = "unnamed_official";
  static constexpr bool named = false;
  static constexpr std::tuple members{field{"described_as", &unnamed_official::described_as}};
};

namespace {

// Seed 004: unidentified South Korean military sources said North Korea was
// preparing another deployment, and South Korean media carried it; here a
// second unnamed source says the same to another outlet. Built once with the
// built-in anonymous kind and once with the user's kind.
template <class Kind>
provenance_graph_with<unnamed_official> two_unnamed_sources() {
  provenance_graph_with<unnamed_official> g;
  g.add_agent("mil-sources", "unidentified military sources", Kind{"military sources"});
  g.add_agent("gov-official", "a government official", Kind{"a government official"});
  g.add_agent("kr-media", "South Korean media", outlet{"press", "South Korea"});
  g.add_agent("site", "Unattributed news site", outlet{"website", ""});
  g.add_event("kr-report", event_kind::publication, "2025-11", "kr-media");
  g.add_event("site-report", event_kind::publication, "2025-11", "site");
  g.add_claim("more-troops", "North Korea is preparing to send more troops to Russia");
  g.report("kr-report", "more-troops").via("mil-sources");
  g.report("site-report", "more-troops").via("gov-official");
  return g;
}

}  // namespace

TEST_CASE("a user's unnamed-source kind grades exactly as the built-in anonymous kind") {
  auto builtin = two_unnamed_sources<anonymous>();
  auto user = two_unnamed_sources<unnamed_official>();
  CHECK_FALSE(user.kind(user.agent_id("mil-sources")).named);
  CHECK(user.kind_name(user.agent_id("mil-sources")) == "unnamed_official");
  auto a = grade(builtin);
  auto b = grade(user);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].grade == credibility_grade::doubtful);
  CHECK(a[0].reason == "2 reports, 2 first-hand origins: only anonymous sources.");
  CHECK(b[0].grade == a[0].grade);
  CHECK(b[0].reason == a[0].reason);
}

TEST_CASE("the kind table gives every kind's traits, defaults filled in, and builds kinds by name") {
  using g_type = provenance_graph_with<unnamed_official, telegram_channel, war_correspondent>;
  STATIC_REQUIRE(g_type::kinds.size() == 7);
  STATIC_REQUIRE(g_type::find_kind("outlet") == 2);
  STATIC_REQUIRE(g_type::find_kind("telegram_channel") == 5);
  STATIC_REQUIRE(!g_type::find_kind("Outlet"));
  CHECK(g_type::kinds[0].color == "#c6dbef");
  CHECK(g_type::kinds[3].named == false);
  CHECK(g_type::kinds[5].role == source_role::relay);
  CHECK(g_type::kinds[5].prov_type == "prov:SoftwareAgent");
  CHECK(g_type::kinds[5].color.empty());              // pictures derive one from the name
  CHECK(g_type::kinds[6].named);                      // hand-written traits without `named`: a named source
  CHECK(g_type::kinds[4].prov_type == "prov:Agent");  // the base's default

  auto k = g_type::make_kind(5, {{"handle", "@front_echo"}, {"subscribers", std::int64_t{12500}}});
  CHECK(std::get<telegram_channel>(k) == telegram_channel{"@front_echo", 12500});
  g_type g;
  auto echo = g.add_agent("echo", "Front Echo", std::move(k));
  CHECK(g.kind_label(echo) == "@front_echo, 12500 subscribers");
  CHECK(g.visit_kind(echo,
                     [](const auto& kind) { return std::is_same_v<std::decay_t<decltype(kind)>, telegram_channel>; }));
  // The default label joins the declared fields' values.
  auto u = g.add_agent("u", "an official", unnamed_official{"a senior official"});
  CHECK(g.kind_label(u) == "a senior official");
  CHECK(source_traits<person>::label(person{"lawmaker", ""}) == "lawmaker");
}
