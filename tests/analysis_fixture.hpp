// SPDX-License-Identifier: BSL-1.0
#pragma once

// Small hand-built graphs for the analysis tests: one claim, statements named
// by single letters, each made by its own person unless an outlet is asked for.

#include <sourcetrace/graph.hpp>

#include <initializer_list>
#include <string>
#include <utility>

namespace fixture {

using namespace sourcetrace;

struct edge_spec {
  const char* from;
  const char* to;
};

// Builds statements of claim "claim" for every letter named in `edges` or `extra`;
// letters in `outlets` are made by an outlet (which only relays).
inline provenance_graph build(std::initializer_list<edge_spec> edges, std::string extra = {},
                              std::string outlets = {}) {
  provenance_graph g;
  g.add_claim("claim", "a claim");
  g.add_agent("person", "A person", person{});
  g.add_agent("paper", "A paper", outlet{});
  auto ensure = [&](std::string id) {
    if (!g.find_statement(id)) {
      bool is_outlet = outlets.find(id) != std::string::npos;
      g.add_statement(id, is_outlet ? "paper" : "person", "claim");
    }
  };
  for (char ch : extra) ensure(std::string(1, ch));
  for (auto [from, to] : edges) {
    ensure(from);
    ensure(to);
  }
  for (auto [from, to] : edges) g.add_derivation(from, to);
  return g;
}

// Returns the ids of `vs` (vertex numbers) joined into one string, e.g. "bd".
template <class G, class Range>
std::string ids(const G& g, const Range& vs) {
  std::string out;
  for (auto v : vs) out += g.id(v);
  return out;
}

}  // namespace fixture
