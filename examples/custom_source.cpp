// SPDX-License-Identifier: BSL-1.0
// A source kind of the user's own, telegram_channel, in every analysis without editing a library header.
// One claim: North Korea will send 6,000 military engineers and builders to Russia's Kursk region.
//
//   @kursk_digest post 06-18 ─cites─┐
//   Korea Herald 06-27 ─────cites───┴─► Russian media 06-17 ─paraphrases─► Shoigu in Pyongyang 06-17
//   @front_echo post 06-19  (cites nothing; a channel only relays, so this is an unsourced origin)
// The channels are invented to show the kind; the rest is the seed story. No corpus reader exists yet: no data file.
#include <sourcetrace/sourcetrace.hpp>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

// The user's kind: a plain struct, default-constructible and copyable.
struct telegram_channel {
  std::string handle;                  // "@kursk_digest"
  unsigned long long subscribers = 0;  // as the channel shows it
};

// Its traits, specialized right after the type and before anything uses it.
template <>
struct sourcetrace::source_traits<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;  // a channel reposts what others said
  static constexpr std::string_view prov_type = "prov:SoftwareAgent";
  static std::string label(const telegram_channel& c) {
    return c.handle + ", " + std::to_string(c.subscribers) + " subscribers";
  }
  static attributes fields(const telegram_channel& c) {
    return {{"handle", c.handle}, {"subscribers", std::to_string(c.subscribers)}};
  }
  static telegram_channel from_fields(const attributes& a) {  // a missing or malformed count reads as 0
    return {attribute(a, "handle"), std::strtoull(attribute(a, "subscribers").c_str(), nullptr, 10)};
  }
};

using graph = sourcetrace::basic_provenance_graph<sourcetrace::organization, sourcetrace::person, sourcetrace::outlet,
                                                  sourcetrace::anonymous, telegram_channel>;

int main() {
  using namespace sourcetrace;
  graph g;
  g.add_agent("shoigu", "Sergei Shoigu", person{"security official", "Russian Security Council"});
  g.add_agent("ru-media", "Russian media", outlet{"press", "Russia"});
  g.add_agent("herald", "The Korea Herald", outlet{"newspaper", "South Korea"});
  g.add_agent("digest", "Kursk Digest", telegram_channel{"@kursk_digest", 48000});
  g.add_agent("echo", "Front Echo", telegram_channel{"@front_echo", 12500});
  g.add_event("pyongyang", event_kind::statement, "2025-06-17", "shoigu", {.place = "Pyongyang"});
  g.add_event("ru-reports", event_kind::publication, "2025-06-17", "ru-media");
  g.add_event("digest-post", event_kind::publication, "2025-06-18", "digest");
  g.add_event("echo-post", event_kind::publication, "2025-06-19", "echo");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_claim("engineers", "North Korea will send 6,000 military engineers and builders to Kursk");
  g.report("digest-post", "engineers").via("ru-reports").via("pyongyang", derivation_kind::paraphrases);
  g.report("herald-0627", "engineers").via("ru-reports");
  g.report("echo-post", "engineers");  // names no source
  auto who = [&](std::size_t v) { return g[g[v].agent].name + " [" + std::string(g.kind_name(g[v].agent)) + "]"; };
  auto count = [](auto n, std::string w) { return std::to_string(n) + " " + w + (n == 1 ? "" : "s"); };
  std::cout << "claim: " << g[claim_handle{0}].text << "\nagents:\n";
  for (agent_handle a{0}; a.index < g.agent_count(); ++a.index) {
    std::cout << "  " << g[a].name << ": " << g.kind_name(a) << ", " << to_string(g.role(a)) << ", "
              << g.kind_prov_type(a) << " (" << g.kind_label(a) << ")\n";
  }
  auto m = origins(g);
  std::cout << "origins:\n";
  for (std::size_t v = 0; v < g.statement_count(); ++v) {
    if (m.is_origin(v)) std::cout << "  " << who(v) << (m.is_unsourced(v) ? ": unsourced\n" : ": first-hand\n");
  }
  auto d = duplicates(g, m).front();  // the graph's one claim
  std::cout << "trace:\n";
  for (std::uint32_t r : d.reports) {
    for (const attribution_path& p : trace(g, r).paths) {
      std::cout << "  " << who(r);
      for (const hop& h : p.hops) std::cout << " -" << to_string(h.kind) << "-> " << who(h.to);
      std::cout << (m.is_unsourced(p.last(r)) ? " (unsourced)\n" : "\n");  // no path here ends in a loop
    }
  }
  std::cout << "duplicates: " << count(d.reports.size(), "report") << ", "
            << count(d.independent_origins, "independent origin") << " (+" << d.unsourced_origins << " unsourced)\n";
  for (const echo_cluster& cl : d.clusters) {
    std::cout << "  " << count(cl.reports.size(), "report") << " <-";
    for (std::uint32_t o : cl.origins) std::cout << " " << who(o);
    std::cout << "\n";
  }
  std::cout << "cycles: " << count(cycles(g).size(), "cycle") << " of circular reporting\n";
  auto t = timeline(g, m).front();
  std::cout << "timeline: origin " << t.origin_date->to_string() << ", first report " << t.first_report->to_string()
            << ", last report " << t.last_report->to_string() << "\n";
  for (const report_timing& rt : t.reports) {  // every date here is a single day, so each delay is exact
    std::string since = count(rt.delay->min, "day") + " after " + who(*rt.origin);
    std::cout << "  " << rt.date->to_string() << " " << who(rt.report) << ": "
              << (*rt.origin == rt.report ? "its own origin" : since) << "\n";
  }
}
