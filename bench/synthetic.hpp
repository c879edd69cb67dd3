// SPDX-License-Identifier: BSL-1.0
#pragma once

// The synthetic archive both bench/generate_corpus and bench/bench_origins
// use, so that the file the one writes and the graph the other builds in
// memory are the same graph, vertex for vertex.
//
// The model (docs/performance.md gives the measured figures):
// - stories of 50 to 500 statements, each story one claim;
// - in each story, about 5% of statements are origins (a briefing by an
//   organization, a person's own statement, or, one in ten, an outlet's post
//   naming no source), about 5% are relays (a person citing two to five of
//   the story's origins), and the rest are reports by outlets at publications;
// - a report cites one earlier statement: an origin (10%), a relay (40%) or
//   an earlier report (50%); 17.5% also cite the source of what they cite
//   (the origin set stays) and 3% a second, unrelated earlier statement (a
//   new union set);
// - one story in 64 holds a report and the report it cites citing each
//   other, and one in 256 ends in two reports citing only each other, which
//   rest on no origin: circular reporting.
// This gives about 1.24 derivations, 3.1 origins per statement and one
// distinct origin set per 8.3 statements, as DESIGN.md's workload asks.
// Every choice comes from one seeded generator, so the same arguments give
// the same graph and byte-identical files.

#include <sourcetrace/graph.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace::bench {

inline constexpr std::uint64_t default_seed = 20250626;

// splitmix64: tiny, fast, and the same on every platform (the standard
// distributions are not).
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) for n > 0 (multiply-shift on the high 32 bits).
  std::uint32_t below(std::uint32_t n) noexcept { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
  // True with probability `per_mille` / 1000.
  bool chance(std::uint32_t per_mille) noexcept { return below(1000) < per_mille; }

 private:
  std::uint64_t state_;
};

enum class agent_kind : std::uint8_t { organization, person, outlet };

// The whole archive as flat arrays: vertex v of the graph is statement v.
struct synthetic_corpus {
  static constexpr std::uint32_t none = UINT32_MAX;

  std::uint32_t organizations = 0, persons = 0, outlets = 0;  // agents: organizations, then persons, then outlets
  std::uint32_t publications = 0, briefings = 0;  // events: publications (hosted by outlets), then briefings

  std::vector<std::uint32_t> story_start;  // statements of story s: [story_start[s], story_start[s + 1])
  std::vector<std::uint32_t> agent;        // per statement
  std::vector<std::uint32_t> event;        // per statement, `none` when unknown
  std::vector<std::uint32_t> edge_from;    // derivations, ascending by `from`
  std::vector<std::uint32_t> edge_to;
  std::vector<derivation_kind> edge_kind;

  std::size_t statements() const noexcept { return agent.size(); }
  std::size_t derivations() const noexcept { return edge_from.size(); }
  std::size_t stories() const noexcept { return story_start.size() - 1; }
  std::uint32_t agent_count() const noexcept { return organizations + persons + outlets; }
  std::uint32_t event_count() const noexcept { return publications + briefings; }
  agent_kind kind_of_agent(std::uint32_t a) const noexcept {
    if (a < organizations) return agent_kind::organization;
    if (a < organizations + persons) return agent_kind::person;
    return agent_kind::outlet;
  }
  std::uint32_t host_of_event(std::uint32_t e) const noexcept {
    if (e < publications) return organizations + persons + e % outlets;  // outlet
    return (e - publications) % organizations;                           // organization
  }
};

// Builds the archive of `statements` statements from `seed`.
inline synthetic_corpus make_synthetic(std::size_t statements, std::uint64_t seed = default_seed) {
  if (statements >= UINT32_MAX - 1) throw std::length_error("too many statements for 32-bit vertex numbers");
  synthetic_corpus c;
  const auto n_total = static_cast<std::uint32_t>(statements);
  c.organizations = std::max<std::uint32_t>(8, n_total / 2000);
  c.persons = std::max<std::uint32_t>(16, n_total / 1000);
  c.outlets = std::max<std::uint32_t>(16, n_total / 500);
  c.publications = c.outlets * 8;  // publication j of outlet t: event t + outlets * j
  c.briefings = c.organizations * 4;
  c.agent.resize(statements);
  c.event.resize(statements);
  c.edge_from.reserve(statements + statements / 3);
  c.edge_to.reserve(statements + statements / 3);
  c.edge_kind.reserve(statements + statements / 3);
  c.story_start.push_back(0);

  rng r(seed);
  std::vector<std::uint32_t> primary;  // per statement of the story: first statement it cites, or none
  std::uint32_t picks[5];
  auto add_edge = [&](std::uint32_t from, std::uint32_t to) {
    c.edge_from.push_back(from);
    c.edge_to.push_back(to);
    std::uint32_t k = r.below(100);
    c.edge_kind.push_back(k < 30   ? derivation_kind::quotes
                          : k < 55 ? derivation_kind::paraphrases
                          : k < 95 ? derivation_kind::cites
                                   : derivation_kind::copies);
  };
  auto person = [&] { return c.organizations + r.below(c.persons); };
  auto outlet = [&] { return c.organizations + c.persons + r.below(c.outlets); };

  std::uint32_t base = 0;
  while (base < n_total) {
    std::uint32_t left = n_total - base;
    std::uint32_t n = std::min(left, 50 + r.below(451));
    if (left - n < 50) n = left;
    // Origins and relays: about 5% each, at least one of each where room allows.
    std::uint32_t k = std::max<std::uint32_t>(1, (n + r.below(20)) / 20);
    std::uint32_t h = n > k + 2 ? std::max<std::uint32_t>(1, (n + r.below(20)) / 20) : 0;
    if (k + h > n) h = n - k;
    bool closed_pair = n >= k + h + 4 && r.chance(4);  // about 1 in 256
    bool mutual = n >= k + h + 4 && r.chance(16);      // about 1 in 64
    primary.assign(n, synthetic_corpus::none);
    const std::size_t story_edges = c.edge_from.size();

    for (std::uint32_t i = 0; i < n; ++i) {
      std::uint32_t v = base + i;
      if (i < k) {
        // An origin: a briefing by an organization, a person's own statement,
        // or (one in ten) an outlet's post naming no source.
        std::uint32_t x = r.below(10);
        if (x == 0) {
          c.agent[v] = outlet();
          c.event[v] = c.agent[v] - c.organizations - c.persons + c.outlets * r.below(8);
        } else if (x < 6) {
          std::uint32_t e = r.below(c.briefings);
          c.agent[v] = c.host_of_event(c.publications + e);
          c.event[v] = c.publications + e;
        } else {
          c.agent[v] = person();
          c.event[v] = synthetic_corpus::none;
        }
        continue;
      }
      if (i < k + h) {
        // A relay: a person citing two to five origins of the story.
        c.agent[v] = person();
        c.event[v] = synthetic_corpus::none;
        std::uint32_t d = std::min(k, 2 + r.below(4));
        std::uint32_t got = 0;
        while (got < d) {
          std::uint32_t o = base + r.below(k);
          if (std::find(picks, picks + got, o) == picks + got) picks[got++] = o;
        }
        for (std::uint32_t a = 1; a < got; ++a) {  // insertion sort: at most five
          for (std::uint32_t b = a; b > 0 && picks[b - 1] > picks[b]; --b) std::swap(picks[b - 1], picks[b]);
        }
        primary[i] = picks[0];
        for (std::uint32_t j = 0; j < got; ++j) add_edge(v, picks[j]);
        continue;
      }
      // A report by an outlet at one of its publications.
      c.agent[v] = outlet();
      c.event[v] = c.agent[v] - c.organizations - c.persons + c.outlets * r.below(8);
      if (closed_pair && i >= n - 2) {
        // The story ends in two reports citing only each other.
        add_edge(v, i == n - 2 ? v + 1 : v - 1);
        continue;
      }
      std::uint32_t reports_before = i - k - h;
      std::uint32_t x = r.below(100);
      std::uint32_t p;
      if (x < 10 || h == 0) {
        p = base + r.below(k);
      } else if (x < 50 || reports_before == 0) {
        p = base + k + r.below(h);
      } else {
        p = base + k + h + r.below(reports_before);
      }
      primary[i] = p;
      // A second source: the source of what it cites (the set stays), or
      // another earlier statement (a new union, sometimes).
      std::uint32_t second = synthetic_corpus::none;
      std::uint32_t y = r.below(1000);
      if (y < 175) {
        second = primary[p - base];
      } else if (y < 205 && i > k) {
        second = base + k + r.below(i - k);
        if (second == p) second = synthetic_corpus::none;
      }
      if (second != synthetic_corpus::none && second < p) {
        add_edge(v, second);
        add_edge(v, p);
      } else {
        add_edge(v, p);
        if (second != synthetic_corpus::none) add_edge(v, second);
      }
    }
    if (mutual) {
      // A report and the earlier report it cites cite each other.
      std::uint32_t i = k + h + 1 + r.below(n - k - h - 3);
      std::uint32_t p = primary[i];
      if (p != synthetic_corpus::none && p - base >= k + h) {
        // Edges must stay ascending by `from`: insert p -> v after p's edges,
        // searching only this story's edges.
        std::uint32_t v = base + i;
        auto at =
            std::upper_bound(c.edge_from.begin() + static_cast<std::ptrdiff_t>(story_edges), c.edge_from.end(), p) -
            c.edge_from.begin();
        c.edge_from.insert(c.edge_from.begin() + at, p);
        c.edge_to.insert(c.edge_to.begin() + at, v);
        c.edge_kind.insert(c.edge_kind.begin() + at, derivation_kind::cites);
      }
    }
    base += n;
    c.story_start.push_back(base);
  }
  return c;
}

// ---- writing ------------------------------------------------------------------

// Appends to a large buffer and writes it out in chunks of 4 MiB.
class chunk_writer {
 public:
  explicit chunk_writer(std::FILE* out, std::size_t expected = 0) : out_(out) {
    buf_.reserve(out ? chunk + 256 : expected);
  }
  chunk_writer(const chunk_writer&) = delete;
  chunk_writer& operator=(const chunk_writer&) = delete;
  ~chunk_writer() { flush(); }

  chunk_writer& operator<<(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= chunk && out_) flush();
    return *this;
  }
  chunk_writer& operator<<(std::uint64_t x) {
    char tmp[24];
    auto end = std::to_chars(tmp, tmp + sizeof tmp, x).ptr;
    buf_.append(tmp, end);
    return *this;
  }
  void flush() {
    if (buf_.empty() || !out_) return;  // without a file, the text stays for take()
    if (std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size()) throw std::runtime_error("write failed");
    buf_.clear();
  }
  // Gives the text written so far, for a writer made without a file.
  std::string take() { return std::move(buf_); }

 private:
  static constexpr std::size_t chunk = std::size_t{4} << 20;
  std::FILE* out_;
  std::string buf_;
};

// The day of event `e` as ISO 8601 text: spread over 2024-01-01 .. 2025-12-28.
struct event_date {
  char text[10];
  explicit event_date(std::uint32_t e) noexcept {
    std::uint32_t year = 2024 + e % 2, month = 1 + (e / 2) % 12, day = 1 + (e / 24) % 28;
    const std::uint32_t digits[] = {year / 1000, year / 100 % 10, year / 10 % 10, year % 10, 0, month / 10, month % 10,
                                    0,           day / 10,        day % 10};
    for (int i = 0; i < 10; ++i) text[i] = (i == 4 || i == 7) ? '-' : static_cast<char>('0' + digits[i]);
  }
  std::string_view view() const noexcept { return {text, sizeof text}; }
};

inline std::string_view agent_kind_name(agent_kind k) {
  switch (k) {
    case agent_kind::organization: return "organization";
    case agent_kind::person: return "person";
    case agent_kind::outlet: return "outlet";
  }
  return "?";
}

// Writes the archive as a JSON Lines corpus (docs/format.md): agents, events,
// claims (one per story), statements in vertex order, derivations.
inline void write_jsonl(const synthetic_corpus& c, chunk_writer& w) {
  for (std::uint32_t a = 0; a < c.agent_count(); ++a) {
    auto k = c.kind_of_agent(a);
    w << R"({"record": "agent", "id": "a)" << a << R"(", "name": ")" << agent_kind_name(k) << " " << a
      << R"(", "kind": ")" << agent_kind_name(k) << "\"}\n";
  }
  for (std::uint32_t e = 0; e < c.event_count(); ++e) {
    w << R"({"record": "event", "id": "e)" << e << R"(", "kind": ")"
      << (e < c.publications ? "publication" : "briefing") << R"(", "date": ")" << event_date(e).view()
      << R"(", "host": "a)" << c.host_of_event(e) << "\"}\n";
  }
  for (std::size_t s = 0; s < c.stories(); ++s) {
    w << R"({"record": "claim", "id": "c)" << s << R"(", "text": "synthetic story )" << s << "\"}\n";
  }
  for (std::size_t s = 0; s < c.stories(); ++s) {
    for (std::uint32_t v = c.story_start[s]; v < c.story_start[s + 1]; ++v) {
      w << R"({"record": "statement", "id": "s)" << v << R"(", "agent": "a)" << c.agent[v] << R"(", "claim": "c)" << s;
      if (c.event[v] != synthetic_corpus::none) w << R"(", "event": "e)" << c.event[v];
      w << "\"}\n";
    }
  }
  for (std::size_t i = 0; i < c.derivations(); ++i) {
    w << R"({"record": "derivation", "from": "s)" << c.edge_from[i] << R"(", "to": "s)" << c.edge_to[i]
      << R"(", "kind": ")" << to_string(c.edge_kind[i]) << "\"}\n";
  }
}

// Writes the derivations as a plain edge list: a header line
// "statements derivations", then "from to" per line, vertex numbers.
inline void write_edge_list(const synthetic_corpus& c, chunk_writer& w) {
  w << c.statements() << " " << c.derivations() << "\n";
  for (std::size_t i = 0; i < c.derivations(); ++i) w << c.edge_from[i] << " " << c.edge_to[i] << "\n";
}

// ---- building -------------------------------------------------------------------

// Builds the provenance graph through the plain API: agents, events, claims,
// statements "s<v>" and derivations, in vertex order.
template <class Graph = provenance_graph>
Graph build_graph(const synthetic_corpus& c) {
  Graph g;
  char id[16];
  auto name = [&](char prefix, std::uint64_t x) {
    id[0] = prefix;
    return std::string_view(id, static_cast<std::size_t>(std::to_chars(id + 1, id + sizeof id, x).ptr - id));
  };
  std::vector<agent_handle> agents(c.agent_count());
  for (std::uint32_t a = 0; a < c.agent_count(); ++a) {
    auto k = c.kind_of_agent(a);
    std::string label = std::string(agent_kind_name(k)) + " " + std::to_string(a);
    switch (k) {
      case agent_kind::organization: agents[a] = g.add_agent(name('a', a), label, organization{}); break;
      case agent_kind::person: agents[a] = g.add_agent(name('a', a), label, person{}); break;
      case agent_kind::outlet: agents[a] = g.add_agent(name('a', a), label, outlet{}); break;
    }
  }
  std::vector<event_handle> events(c.event_count());
  for (std::uint32_t e = 0; e < c.event_count(); ++e) {
    events[e] = g.add_event(name('e', e), e < c.publications ? event_kind::publication : event_kind::briefing,
                            partial_date::parse(event_date(e).view()), agents[c.host_of_event(e)]);
  }
  std::vector<claim_handle> claims(c.stories());
  for (std::size_t s = 0; s < c.stories(); ++s) {
    claims[s] = g.add_claim(name('c', s), "synthetic story " + std::to_string(s));
  }
  std::size_t id_bytes = 0;
  for (std::size_t digits = 1, low = 0, high = 10; low < c.statements(); ++digits, low = high, high *= 10) {
    id_bytes += (std::min(high, c.statements()) - low) * (digits + 1);
  }
  g.reserve(c.statements(), id_bytes);
  for (std::size_t s = 0; s < c.stories(); ++s) {
    for (std::uint32_t v = c.story_start[s]; v < c.story_start[s + 1]; ++v) {
      g.add_statement(name('s', v), agents[c.agent[v]], claims[s],
                      c.event[v] == synthetic_corpus::none ? event_handle{} : events[c.event[v]]);
    }
  }
  for (std::size_t i = 0; i < c.derivations(); ++i) g.add_derivation(c.edge_from[i], c.edge_to[i], c.edge_kind[i]);
  return g;
}

// The same derivations as a Boost.Graph CSR graph with 32-bit vertex and
// edge numbers, as a plain Boost.Graph program at this scale would hold them.
using csr_graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;

// Walks two parallel arrays as (from, to) pairs, for the CSR constructor.
struct edge_pair_iterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = std::pair<std::uint32_t, std::uint32_t>;
  using difference_type = std::ptrdiff_t;
  using reference = value_type;
  struct pointer {
    value_type pair;
    const value_type* operator->() const noexcept { return &pair; }
  };
  const std::uint32_t* from;
  const std::uint32_t* to;
  value_type operator*() const noexcept { return {*from, *to}; }
  pointer operator->() const noexcept { return {{*from, *to}}; }
  edge_pair_iterator& operator++() noexcept {
    ++from;
    ++to;
    return *this;
  }
  edge_pair_iterator operator++(int) noexcept {
    auto old = *this;
    ++*this;
    return old;
  }
  bool operator==(const edge_pair_iterator& o) const noexcept { return from == o.from; }
};

inline csr_graph build_csr(std::size_t statements, const std::vector<std::uint32_t>& from,
                           const std::vector<std::uint32_t>& to) {
  return csr_graph(boost::edges_are_sorted, edge_pair_iterator{from.data(), to.data()},
                   edge_pair_iterator{from.data() + from.size(), to.data() + to.size()},
                   static_cast<std::uint32_t>(statements));
}

// ---- checking -------------------------------------------------------------------

// A checksum of the origin sets of every vertex, computed the same way by the
// Python scripts: per set, FNV-1a-64 over its ascending members; per vertex,
// (set hash xor v) times a constant; summed modulo 2^64.
struct origin_summary {
  std::uint64_t statements = 0;
  std::uint64_t distinct_sets = 0;  // distinct non-empty origin sets
  std::uint64_t total_origins = 0;  // sum of the sizes of every vertex's set
  std::uint64_t empty = 0;          // vertices resting on no origin
  std::uint64_t checksum = 0;
};

inline std::uint64_t set_hash(const std::uint32_t* first, const std::uint32_t* last) noexcept {
  std::uint64_t h = 14695981039346656037ULL;
  for (; first != last; ++first) h = (h ^ *first) * 1099511628211ULL;
  return h;
}

template <class Sets>
origin_summary summarize(const Sets& sets, std::size_t statements, std::size_t distinct_nonempty) {
  origin_summary s;
  s.statements = statements;
  s.distinct_sets = distinct_nonempty;
  for (std::size_t v = 0; v < statements; ++v) {
    auto set = sets.of(v);
    s.total_origins += set.size();
    if (set.empty()) ++s.empty;
    s.checksum += (set_hash(set.data(), set.data() + set.size()) ^ v) * 0x9e3779b97f4a7c15ULL;
  }
  return s;
}

inline void print_summary(std::FILE* out, const origin_summary& s) {
  std::fprintf(out, "statements=%llu distinct_sets=%llu total_origins=%llu empty=%llu checksum=%016llx\n",
               static_cast<unsigned long long>(s.statements), static_cast<unsigned long long>(s.distinct_sets),
               static_cast<unsigned long long>(s.total_origins), static_cast<unsigned long long>(s.empty),
               static_cast<unsigned long long>(s.checksum));
}

// ---- memory ---------------------------------------------------------------------

// Reads a "VmHWM:" or "VmRSS:" line of /proc/self/status, in bytes.
inline std::size_t proc_status_bytes(std::string_view key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(key)) return std::stoull(line.substr(key.size())) * 1024;
  }
  return 0;
}
inline std::size_t peak_rss() { return proc_status_bytes("VmHWM:"); }
inline std::size_t current_rss() { return proc_status_bytes("VmRSS:"); }

// Resets VmHWM to the current resident size (Linux 4.0 and later), so that a
// later peak_rss() is the peak of what ran in between.
inline bool reset_peak_rss() {
  std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (!f) return false;
  bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

}  // namespace sourcetrace::bench
