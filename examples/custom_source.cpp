// SPDX-License-Identifier: BSL-1.0
// A source kind of the user's own, telegram_channel, in every analysis and in the corpus format, without
// editing a library header. Run it on examples/data/custom_source.json. One claim: North Korea will send
// 6,000 military engineers and builders to Russia's Kursk region.
//
//   @kursk_digest post 06-18 ─cites─┐
//   Korea Herald 06-27 ─────cites───┴─► Russian media 06-17 ─paraphrases─► Shoigu in Pyongyang 06-17
//   @front_echo post 06-19  (cites nothing; a channel only relays, so this is an unsourced origin)
// The channels are invented to show the kind; the rest is the seed story.
#include <sourcetrace/json.hpp>

#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <tuple>

// The user's kind: a plain struct, default-constructible and copyable.
struct telegram_channel {
  std::string handle;            // "@kursk_digest"
  std::int64_t subscribers = 0;  // as the channel shows it; a JSON number in the corpus
};

// Its traits, right after the type: the defaults, plus what differs. The label, the fields and
// their reader come from `members`; a field of the wrong type is an error at its line and column.
template <>
struct sourcetrace::source_traits<telegram_channel> : sourcetrace::source_traits_base<telegram_channel> {
  static constexpr std::string_view name = "telegram_channel";
  static constexpr source_role role = source_role::relay;  // a channel reposts what others said
  static constexpr std::string_view prov_type = "prov:SoftwareAgent";
  static constexpr std::tuple members{field{"handle", &telegram_channel::handle},
                                      field{"subscribers", &telegram_channel::subscribers}};
};

// The built-in kinds and the user's.
using graph = sourcetrace::provenance_graph_with<telegram_channel>;

int main(int argc, char** argv) {
  using namespace sourcetrace;
  if (argc != 2) {
    std::cerr << "usage: custom_source examples/data/custom_source.json\n";
    return 2;
  }
  graph g;
  try {
    g = read_corpus_file<graph>(argv[1]);
  } catch (const error& e) {
    std::cerr << "custom_source: " << e.what() << "\n";
    return 2;
  }
  auto who = [&](statement_handle v) { return g[g[v].agent].name + " [" + std::string(g.kind_name(g[v].agent)) + "]"; };
  auto count = [](auto n, std::string w) { return std::to_string(n) + " " + w + (n == 1 ? "" : "s"); };
  std::cout << "claim: " << g[claim_handle{0}].text << "\nagents:\n";
  for (agent_handle a{0}; a.index < g.agent_count(); ++a.index) {
    std::cout << "  " << g[a].name << ": " << g.kind_name(a) << ", " << to_string(g.role(a)) << ", "
              << g.kind_prov_type(a) << " (" << g.kind_label(a) << ")\n";
  }
  auto m = origins(g);
  std::cout << "origins:\n";
  for (statement_handle v = 0; v < g.statement_count(); ++v) {
    if (m.is_origin(v)) std::cout << "  " << who(v) << (m.is_unsourced(v) ? ": unsourced\n" : ": first-hand\n");
  }
  auto d = duplicates(g, m).front();  // the graph's one claim
  std::cout << "trace:\n";
  for (statement_handle r : d.mentions) {
    for (const attribution_path& p : trace(g, r).paths) {
      std::cout << "  " << who(r);
      for (const hop& h : p.hops) std::cout << " -" << to_string(h.kind) << "-> " << who(h.to);
      std::cout << (m.is_unsourced(p.last(r)) ? " (unsourced)\n" : "\n");  // no path here ends in a loop
    }
  }
  std::cout << "duplicates: " << count(d.report_count, "report") << ", "
            << count(d.independent_origins, "independent origin") << " (+" << d.unsourced_origins << " unsourced)\n";
  std::cout << "cycles: " << count(cycles(g).size(), "cycle") << " of circular reporting\n";
  auto t = timeline(g, m).front();
  std::cout << "timeline:\n";
  for (const report_timing& rt : t.reports) {  // every date here is a single day, so each delay is exact
    std::string since = count(rt.delay->min, "day") + " after " + who(*rt.origin);
    std::cout << "  " << rt.date->to_string() << " " << who(rt.report) << ": "
              << (*rt.origin == rt.report ? "its own origin" : since) << "\n";
  }
  // Written back as a corpus and read again, the channel keeps its kind and its typed fields.
  std::ostringstream once, twice;
  write_corpus(once, g);
  write_corpus(twice, read_corpus<graph>(once.str(), "round trip"));
  std::cout << "corpus round trip: " << (once.str() == twice.str() ? "identical" : "different") << ", digest has "
            << std::get<telegram_channel>(g[g.agent_id("digest")].kind).subscribers << " subscribers\n";
}
