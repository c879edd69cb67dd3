// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The provenance graph: statements as vertices, derivations as edges, in a
/// Boost.Graph adjacency_list with bundled properties, plus the builder that
/// reads like the chain a reporter writes.

#include <sourcetrace/detail/interner.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/model/agents.hpp>
#include <sourcetrace/model/claim.hpp>
#include <sourcetrace/model/event.hpp>
#include <sourcetrace/model/evidence.hpp>
#include <sourcetrace/model/handle.hpp>
#include <sourcetrace/model/source_kind.hpp>
#include <sourcetrace/model/statement.hpp>
#include <sourcetrace/text/quantity.hpp>
#include <sourcetrace/time/date.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace sourcetrace {

/// The kind of thing an id names in a graph. Agents, events, claims and
/// statements share one id space, as in W3C PROV.
enum class record_kind : std::uint8_t { agent, event, claim, statement };

/// Returns "agent", "event", "claim" or "statement".
inline std::string_view to_string(record_kind k) noexcept {
  switch (k) {
    case record_kind::agent: return "agent";
    case record_kind::event: return "event";
    case record_kind::claim: return "claim";
    case record_kind::statement: return "statement";
  }
  return "?";
}

namespace detail {
template <class... Ts>
inline constexpr bool distinct_types = true;
template <class T, class... Rest>
inline constexpr bool distinct_types<T, Rest...> = (!std::is_same_v<T, Rest> && ...) && distinct_types<Rest...>;

template <class... Kinds>
constexpr bool check_distinct_kind_names() {
  if constexpr (sizeof...(Kinds) == 0) {
    return true;
  } else {
    return []<class T, class... Rest>(std::type_identity<T>, std::type_identity<Rest>...) {
      return check_distinct_names_from<T, Rest...>() && check_distinct_kind_names<Rest...>();
    }(std::type_identity<Kinds>{}...);
  }
}

// The constraint of basic_provenance_graph: each unmet requirement is a
// static_assert that names it, not a bare "constraints not satisfied".
template <class... Kinds>
constexpr bool check_source_kinds() {
  static_assert(sizeof...(Kinds) > 0, "sourcetrace: a provenance graph needs at least one source kind");
  static_assert(distinct_types<Kinds...>, "sourcetrace: a source kind is listed twice in one provenance graph");
  constexpr bool each = (check_source_kind<Kinds>() && ... && true);
  if constexpr (each && distinct_types<Kinds...>) {
    return sizeof...(Kinds) > 0 && check_distinct_kind_names<Kinds...>();
  } else {
    return false;
  }
}
}  // namespace detail

/// Which mention of a claim in its article a report is, for an article that
/// mentions the claim more than once: in its headline and its body, or once
/// in its own voice and once citing a source. The builder names the
/// statement `claim/agent@event#label`, or `#part` when no label is given.
struct report_mention {
  article_part part = article_part::unknown;  ///< where in the article the mention stands
  std::string label;                          ///< tells two mentions in one part apart ("own", "relayed")
};

/// A provenance graph over the source kinds `Kinds...` (at least one, each
/// listed once, no two with the same name; a mistake is a compile-time error
/// naming it).
///
/// Vertices are statements (one agent asserting one claim at one event),
/// edges are derivations pointing from a statement to the statement it was
/// taken from. The underlying Boost.Graph is `graph()`, so BGL algorithms and
/// property maps (`get(&statement::claim, g.graph())`) run on it directly; a
/// `statement_handle` is its vertex descriptor. Ids are interned: a statement's
/// bundled property holds five 32-bit numbers (the `adjacency_list` vertex
/// around it, with its two edge lists, is 72 bytes on x86-64).
template <class... Kinds>
requires(detail::check_source_kinds<Kinds...>()) class basic_provenance_graph {
 public:
  /// The Boost.Graph type holding statements and derivations.
  using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, statement, derivation>;
  /// A statement as a vertex of `graph_type`; every function here takes and gives `statement_handle`, which converts.
  using vertex_descriptor = typename boost::graph_traits<graph_type>::vertex_descriptor;
  /// A derivation: an edge of `graph_type`.
  using edge_descriptor = typename boost::graph_traits<graph_type>::edge_descriptor;
  /// Holds the kind of an agent, one of `Kinds...`.
  using kind_variant = std::variant<Kinds...>;

  /// The traits' constants of each kind, in the order of `Kinds...` (the
  /// order of `kind_variant`'s alternatives).
  static constexpr std::array<source_kind_info, sizeof...(Kinds)> kinds{kind_info<Kinds>()...};

  /// Returns the position in `kinds` of the kind named `name`, if the graph has one.
  static constexpr std::optional<std::size_t> find_kind(std::string_view name) noexcept {
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      if (kinds[i].name == name) return i;
    }
    return std::nullopt;
  }

  /// Returns the kind at position `index` of `kinds`, built from `fields` by its traits' `from_fields`.
  /// @throws field_error, or whatever the kind's `from_fields` throws, for fields it cannot hold.
  static kind_variant make_kind(std::size_t index, const attributes& fields) {
    using maker = kind_variant (*)(const attributes&);
    static constexpr maker makers[] = {[](const attributes& a) {
      return kind_variant(std::in_place_type<Kinds>, source_traits<Kinds>::from_fields(a));
    }...};
    return makers[index](fields);
  }

  /// Who speaks.
  struct agent {
    std::string id;     ///< unique id within the graph
    std::string name;   ///< display name ("Lee Seong-kweun")
    kind_variant kind;  ///< the agent's kind with its own fields
  };

  class chain;

  /// Makes an empty graph.
  basic_provenance_graph() = default;
  /// Copies every record.
  basic_provenance_graph(const basic_provenance_graph& other)
      : graph_(other.graph_ ? std::make_unique<graph_type>(*other.graph_) : nullptr),
        agents_(other.agents_),
        events_(other.events_),
        claims_(other.claims_),
        details_(other.details_),
        parts_(other.parts_),
        evidence_(other.evidence_),
        marks_(other.marks_),
        copies_(other.copies_),
        symbols_(other.symbols_),
        symbol_of_(other.symbol_of_) {}
  /// Copies every record.
  basic_provenance_graph& operator=(const basic_provenance_graph& other) {
    if (this != &other) {
      basic_provenance_graph copy(other);
      swap(copy);
    }
    return *this;
  }
  /// Moves every record in constant time, leaving `other` empty.
  basic_provenance_graph(basic_provenance_graph&& other) noexcept { swap(other); }
  /// Moves every record in constant time, leaving `other` empty.
  basic_provenance_graph& operator=(basic_provenance_graph&& other) noexcept {
    if (this != &other) {
      basic_provenance_graph gone(std::move(*this));
      swap(other);
    }
    return *this;
  }
  ~basic_provenance_graph() = default;

  /// Exchanges the contents of two graphs in constant time.
  void swap(basic_provenance_graph& other) noexcept {
    graph_.swap(other.graph_);
    agents_.swap(other.agents_);
    events_.swap(other.events_);
    claims_.swap(other.claims_);
    details_.swap(other.details_);
    parts_.swap(other.parts_);
    evidence_.swap(other.evidence_);
    marks_.swap(other.marks_);
    copies_.swap(other.copies_);
    std::swap(symbols_, other.symbols_);
    symbol_of_.swap(other.symbol_of_);
  }

  // ---- agents, events, claims ------------------------------------------------

  /// Adds an agent of kind `Kind`.
  /// @throws error if `id` is empty or already names something.
  template <class Kind>
  requires(std::same_as<Kind, Kinds> || ...) agent_handle add_agent(std::string_view id, std::string name, Kind kind) {
    auto index = static_cast<std::uint32_t>(agents_.size());
    add_symbol(id, record_kind::agent, index);
    agents_.push_back(agent{std::string(id), std::move(name), kind_variant(std::move(kind))});
    return agent_handle{index};
  }

  /// Adds an agent whose kind is held in `kind` (as `make_kind` builds it).
  /// @throws error if `id` is empty or already names something.
  agent_handle add_agent(std::string_view id, std::string name, kind_variant kind) {
    auto index = static_cast<std::uint32_t>(agents_.size());
    add_symbol(id, record_kind::agent, index);
    agents_.push_back(agent{std::string(id), std::move(name), std::move(kind)});
    return agent_handle{index};
  }

  /// Adds an event held by `host` (may be invalid when unknown).
  /// @throws error if `id` is empty or already names something, or `host` is not an agent of this graph.
  event_handle add_event(std::string_view id, event_kind kind, std::optional<partial_date> date, agent_handle host = {},
                         event_info info = {}) {
    if (host.valid()) check(host);
    auto index = static_cast<std::uint32_t>(events_.size());
    add_symbol(id, record_kind::event, index);
    events_.push_back(event{std::string(id), kind, date, host, std::move(info)});
    return event_handle{index};
  }

  /// Adds an event whose date is ISO 8601 text (empty when unknown) and whose
  /// host is named by id (empty when unknown).
  /// @throws error if the date is malformed or does not exist (naming the event), the
  /// host id names no agent, or `id` is empty or taken.
  event_handle add_event(std::string_view id, event_kind kind, std::string_view date, std::string_view host = {},
                         event_info info = {}) {
    std::optional<partial_date> when;
    if (!date.empty()) {
      std::string why;
      when = partial_date::try_parse(date, &why);
      if (!when) {
        throw error("event \"" + std::string(id) + "\": " + error::invalid_date(date, why).what());
      }
    }
    return add_event(id, kind, when, host.empty() ? agent_handle{} : agent_id(host), std::move(info));
  }

  /// Records that event `e` was held for `a` as well as for its host (the
  /// committee a briefing was given to). Adding a member again changes
  /// nothing; the check is linear in the audience, so add a large one at once.
  /// @throws error if a handle is not of this graph.
  void add_audience(event_handle e, agent_handle a) { add_audience(e, std::span<const agent_handle>(&a, 1)); }

  /// Records that event `e` was held for every agent of `members`, in their
  /// order, skipping those already in its audience.
  /// @throws error if a handle is not of this graph; then nothing is added.
  void add_audience(event_handle e, std::span<const agent_handle> members) {
    check(e);
    for (agent_handle a : members) check(a);
    auto& audience = events_[e.index].audience;
    if (audience.size() + members.size() <= 16) {
      for (agent_handle a : members) {
        if (std::find(audience.begin(), audience.end(), a) == audience.end()) audience.push_back(a);
      }
      return;
    }
    std::unordered_set<std::uint32_t> in;
    for (agent_handle a : audience) in.insert(a.index);
    for (agent_handle a : members) {
      if (in.insert(a.index).second) audience.push_back(a);
    }
  }

  /// Records an audience member of an event, both given by id.
  /// @throws error naming an id that is unknown or of the wrong kind.
  void add_audience(std::string_view event_ref, std::string_view agent_ref) {
    add_audience(event_id(event_ref), agent_id(agent_ref));
  }

  /// Adds a claim: a proposition in one sentence, with its structure; the
  /// figure in `details.quantity` is read into `details.amount`.
  /// @throws error if `id` is empty or already names something.
  claim_handle add_claim(std::string_view id, std::string text, claim_details details = {}) {
    auto index = static_cast<std::uint32_t>(claims_.size());
    add_symbol(id, record_kind::claim, index);
    claims_.push_back(claim{std::string(id), std::move(text), with_amount(std::move(details))});
    return claim_handle{index};
  }

  // ---- statements and derivations --------------------------------------------

  /// Adds a statement: `a` asserts `c` at `e` (invalid when unknown), as
  /// `stated`, whose figure is read into `stated.amount`, in `part` of its article.
  /// @throws error if `id` is empty or taken, or a handle is not of this graph.
  statement_handle add_statement(std::string_view id, agent_handle a, claim_handle c, event_handle e = {},
                                 claim_details stated = {}, article_part part = article_part::unknown) {
    check(a);
    check(c);
    if (e.valid()) check(e);
    auto v = static_cast<std::uint32_t>(boost::num_vertices(graph()));
    if (v == interner_npos - 1) throw error("too many statements: at most 4294967294 fit in one graph");
    statement s;
    s.id = add_symbol(id, record_kind::statement, v);
    s.claim = c;
    s.agent = a;
    s.event = e;
    if (!stated.empty()) {
      s.details = static_cast<std::uint32_t>(details_.size());
      details_.push_back(with_amount(std::move(stated)));
    }
    boost::add_vertex(s, mutable_graph());
    if (part != article_part::unknown) set_part(v, part);
    return v;
  }

  /// Adds a statement with every reference given by id (`event` may be empty).
  /// @throws error naming any id that is unknown or of the wrong kind.
  statement_handle add_statement(std::string_view id, std::string_view agent_ref, std::string_view claim_ref,
                                 std::string_view event_ref = {}, claim_details stated = {},
                                 article_part part = article_part::unknown) {
    return add_statement(id, agent_id(agent_ref), claim_id(claim_ref),
                         event_ref.empty() ? event_handle{} : event_id(event_ref), std::move(stated), part);
  }

  /// Records that statement `from` was taken from statement `to` by `kind`,
  /// as the annotator read it from `basis`. Adding the same derivation again
  /// returns the existing edge, giving it `basis` if it had none.
  /// @throws error if `from == to`, the two assert different claims, the pair is
  /// already joined by another kind or on another stated basis, or either is
  /// not a statement of this graph.
  edge_descriptor add_derivation(statement_handle from, statement_handle to,
                                 derivation_kind kind = derivation_kind::cites,
                                 derivation_basis basis = derivation_basis::unstated) {
    check_vertex(from);
    check_vertex(to);
    if (from == to) throw error::self_derivation(id(from));
    const statement& f = graph()[from];
    const statement& t = graph()[to];
    if (f.claim != t.claim) {
      throw error::cross_claim(id(from), claims_[f.claim.index].id, id(to), claims_[t.claim.index].id);
    }
    if (auto [e, exists] = boost::edge(from, to, graph()); exists) {
      const derivation& old = graph()[e];
      if (old.kind != kind) {
        throw error("statement \"" + std::string(id(from)) + "\" already derives from \"" + std::string(id(to)) +
                    "\" by " + std::string(to_string(old.kind)) + ", not " + std::string(to_string(kind)));
      }
      if (basis != derivation_basis::unstated && old.basis != basis) {
        if (old.basis != derivation_basis::unstated) {
          std::string text;
          text.append("statement \"")
              .append(id(from))
              .append("\" already derives from \"")
              .append(id(to))
              .append("\" on the basis ");
          text.append(to_string(old.basis)).append(", not ").append(to_string(basis));
          throw error(text);
        }
        mutable_graph()[e].basis = basis;
      }
      return e;
    }
    return boost::add_edge(from, to, derivation{kind, basis}, mutable_graph()).first;
  }

  /// Records a derivation between statements given by id.
  /// @throws error naming an unknown id, and as `add_derivation` above.
  edge_descriptor add_derivation(std::string_view from, std::string_view to,
                                 derivation_kind kind = derivation_kind::cites,
                                 derivation_basis basis = derivation_basis::unstated) {
    return add_derivation(statement_id(from), statement_id(to), kind, basis);
  }

  // ---- the builder -------------------------------------------------------------

  /// Starts a chain at the statement of `c` made at publication or event `e` by
  /// the event's host (an article by its outlet). Continue it with `via`.
  /// `mention` tells apart mentions of `c` in one article (`report_mention`).
  /// @throws error if `e` has no host agent, or the mention was already added
  /// with other stated details or in another part.
  chain report(event_handle e, claim_handle c, claim_details stated = {}, report_mention mention = {}) {
    check(e);
    const event& ev = events_[e.index];
    if (!ev.host.valid()) {
      throw error("event \"" + ev.id +
                  "\" has no host agent: say who made the statement with report(agent, event, claim)");
    }
    return report(ev.host, e, c, std::move(stated), std::move(mention));
  }

  /// Starts a chain at the statement of `c` by `a` at `e` (invalid when unknown).
  /// @throws error as `report(e, c, stated, mention)`.
  chain report(agent_handle a, event_handle e, claim_handle c, claim_details stated = {}, report_mention mention = {}) {
    return chain(*this, ensure_statement(a, c, e, std::move(stated), mention));
  }

  /// Starts a chain at the statement of claim `c` made at the event (or by the
  /// agent) named `source`; see `chain::via` for how `source` is read.
  /// @throws error naming an unknown id, and as `report(e, c, stated, mention)`.
  chain report(std::string_view source, std::string_view c, claim_details stated = {}, report_mention mention = {}) {
    auto [a, e] = speaker(source);
    return chain(*this, ensure_statement(a, claim_id(c), e, std::move(stated), mention));
  }

  /// A chain of attribution under construction: each `via` adds the statement
  /// the previous one was taken from.
  class chain {
   public:
    /// Continues the chain: the current statement was taken, by `kind`, from a
    /// statement of the same claim made by `source`, as the annotator read it
    /// from `basis`. `source` names an event (its host speaks there) or an
    /// agent (the statement's event is unknown). An identical statement
    /// already in the graph is reused, so chains that meet share their tail.
    /// @throws error naming an unknown id, or an event without a host, and as `add_derivation`.
    chain& via(std::string_view source, derivation_kind kind = derivation_kind::cites, claim_details stated = {},
               derivation_basis basis = derivation_basis::unstated) {
      auto [a, e] = g_->speaker(source);
      return via(a, e, kind, std::move(stated), basis);
    }

    /// Continues the chain with the statement `a` made at `e` (invalid when unknown).
    chain& via(agent_handle a, event_handle e, derivation_kind kind = derivation_kind::cites, claim_details stated = {},
               derivation_basis basis = derivation_basis::unstated) {
      auto next = g_->ensure_statement(a, g_->graph()[tail_].claim, e, std::move(stated), {});
      g_->add_derivation(tail_, next, kind, basis);
      tail_ = next;
      return *this;
    }

    /// Continues the chain with `agent`'s statement at `event`, both by id.
    chain& via(std::string_view agent_ref, std::string_view event_ref, derivation_kind kind = derivation_kind::cites,
               claim_details stated = {}, derivation_basis basis = derivation_basis::unstated) {
      return via(g_->agent_id(agent_ref), g_->event_id(event_ref), kind, std::move(stated), basis);
    }

    /// Returns the statement the chain started at (the report).
    statement_handle head() const noexcept { return head_; }
    /// Returns the statement the chain has reached so far.
    statement_handle tail() const noexcept { return tail_; }

   private:
    friend class basic_provenance_graph;
    chain(basic_provenance_graph& g, statement_handle v) : g_(&g), head_(v), tail_(v) {}
    basic_provenance_graph* g_;
    statement_handle head_;
    statement_handle tail_;
  };

  // ---- lookup ------------------------------------------------------------------

  /// Returns what `id` names, if anything.
  std::optional<record_kind> kind_of(std::string_view id) const noexcept {
    if (auto s = symbols_.find(id)) return symbol_of_[*s].kind;
    return std::nullopt;
  }
  /// Returns the agent named `id`, if any.
  std::optional<agent_handle> find_agent(std::string_view id) const noexcept {
    if (auto i = find(id, record_kind::agent)) return agent_handle{*i};
    return std::nullopt;
  }
  /// Returns the event named `id`, if any.
  std::optional<event_handle> find_event(std::string_view id) const noexcept {
    if (auto i = find(id, record_kind::event)) return event_handle{*i};
    return std::nullopt;
  }
  /// Returns the claim named `id`, if any.
  std::optional<claim_handle> find_claim(std::string_view id) const noexcept {
    if (auto i = find(id, record_kind::claim)) return claim_handle{*i};
    return std::nullopt;
  }
  /// Returns the statement named `id`, if any.
  std::optional<statement_handle> find_statement(std::string_view id) const noexcept {
    if (auto i = find(id, record_kind::statement)) return statement_handle{*i};
    return std::nullopt;
  }

  /// Returns the agent named `id`.
  /// @throws error if `id` names no agent.
  agent_handle agent_id(std::string_view id) const { return agent_handle{require(id, record_kind::agent)}; }
  /// Returns the event named `id`.
  /// @throws error if `id` names no event.
  event_handle event_id(std::string_view id) const { return event_handle{require(id, record_kind::event)}; }
  /// Returns the claim named `id`.
  /// @throws error if `id` names no claim.
  claim_handle claim_id(std::string_view id) const { return claim_handle{require(id, record_kind::claim)}; }
  /// Returns the statement named `id`.
  /// @throws error if `id` names no statement.
  statement_handle statement_id(std::string_view id) const { return require(id, record_kind::statement); }

  /// Returns the agent `a` refers to.
  const agent& operator[](agent_handle a) const { return agents_[a.index]; }
  /// Returns the event `e` refers to.
  const event& operator[](event_handle e) const { return events_[e.index]; }
  /// Returns the claim `c` refers to.
  const claim& operator[](claim_handle c) const { return claims_[c.index]; }
  /// Returns the statement at vertex `v`.
  const statement& operator[](statement_handle v) const { return graph()[v]; }

  /// Returns the id of statement `v`.
  std::string_view id(statement_handle v) const { return symbols_[graph()[v].id]; }
  /// Returns how statement `v` put its claim, or nullptr if it adds nothing to the claim's own details.
  const claim_details* stated(statement_handle v) const {
    auto d = graph()[v].details;
    return d == interner_npos ? nullptr : &details_[d];
  }
  /// Returns where in its article statement `v` stands (`article_part::unknown` if not said).
  article_part part(statement_handle v) const noexcept { return v < parts_.size() ? parts_[v] : article_part::unknown; }
  /// Records where in its article statement `v` stands. The parts take one
  /// byte per statement once any statement has one, and nothing before.
  /// @throws error if `v` is not a statement of this graph.
  void set_part(statement_handle v, article_part p) {
    check_vertex(v);
    if (v >= parts_.size()) {
      if (p == article_part::unknown) return;
      parts_.resize(statement_count(), article_part::unknown);
    }
    parts_[v] = p;
  }
  /// Returns true if any statement of the graph says where in its article it stands.
  bool has_parts() const noexcept {
    return std::any_of(parts_.begin(), parts_.end(), [](article_part p) { return p != article_part::unknown; });
  }

  /// Returns where statement `v` was read from its article, or null when it
  /// was not extracted (`extraction_graph` sets it).
  const text_evidence* evidence(statement_handle v) const {
    auto it = evidence_.find(static_cast<std::uint32_t>(v));
    return it == evidence_.end() ? nullptr : &it->second;
  }
  /// Records where statement `v` was read. It costs nothing until given.
  /// @throws error if `v` is not a statement of this graph.
  void set_evidence(statement_handle v, text_evidence e) {
    check_vertex(v);
    evidence_.insert_or_assign(static_cast<std::uint32_t>(v), std::move(e));
  }
  /// Returns true when some statement has evidence.
  bool has_evidence() const noexcept { return !evidence_.empty(); }

  /// Returns the mark of agent, event, claim or statement `id` when the
  /// extractor wrote it (`extraction_graph` sets it), or null. A statement
  /// read from an article's text has its `evidence` instead; one a chain
  /// reached upstream of it has a mark.
  const extraction_mark* extracted(std::string_view id) const {
    auto it = marks_.find(id);
    return it == marks_.end() ? nullptr : &it->second;
  }
  /// Marks record `id` as extracted. It costs nothing until given.
  /// @throws error if `id` names no record of this graph.
  void mark_extracted(std::string_view id, extraction_mark m) {
    if (!kind_of(id)) throw error("mark_extracted: \"" + std::string(id) + "\" names no record");
    marks_.insert_or_assign(std::string(id), std::move(m));
  }

  /// Returns what the reuse detector measured for the `copies` derivation
  /// `from` -> `to`, or null when it has no such record.
  const copy_evidence* copy_of(statement_handle from, statement_handle to) const {
    auto it = copies_.find({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)});
    return it == copies_.end() ? nullptr : &it->second;
  }
  /// Records what the reuse detector measured for derivation `from` -> `to`.
  /// @throws error if the two are not joined by a `copies` derivation.
  void set_copy(statement_handle from, statement_handle to, copy_evidence c) {
    check_vertex(from);
    check_vertex(to);
    auto [e, exists] = boost::edge(from, to, graph());
    if (!exists || graph()[e].kind != derivation_kind::copies)
      throw error("statement \"" + std::string(id(from)) + "\" does not derive from \"" + std::string(id(to)) +
                  "\" by copies: only a copies derivation has a similarity");
    copies_.insert_or_assign({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)}, c);
  }

  /// Returns the date of statement `v`'s event, if known.
  std::optional<partial_date> date(statement_handle v) const {
    auto e = graph()[v].event;
    if (!e.valid()) return std::nullopt;
    return events_[e.index].date;
  }
  /// Calls `f` with agent `a`'s kind (`const K&` for its kind `K`) and returns what it returns.
  template <class F>
  decltype(auto) visit_kind(agent_handle a, F&& f) const {
    return std::visit(std::forward<F>(f), agents_[a.index].kind);
  }
  /// Returns the traits' constants of agent `a`'s kind: name, role, named, PROV type, colour.
  const source_kind_info& kind(agent_handle a) const noexcept { return kinds[agents_[a.index].kind.index()]; }
  /// Returns the role of agent `a`'s kind.
  source_role role(agent_handle a) const noexcept { return kind(a).role; }
  /// Returns the name of agent `a`'s kind ("outlet", "telegram_channel").
  std::string_view kind_name(agent_handle a) const noexcept { return kind(a).name; }
  /// Returns the one-line label of agent `a`'s kind ("lawmaker, People Power Party").
  std::string kind_label(agent_handle a) const {
    return visit_kind(a, [](const auto& k) { return std::string(source_traits<std::decay_t<decltype(k)>>::label(k)); });
  }
  /// Returns the PROV type of agent `a`'s kind ("prov:Person").
  std::string_view kind_prov_type(agent_handle a) const noexcept { return kind(a).prov_type; }
  /// Returns the kind's own fields of agent `a`, as its traits write them.
  attributes kind_fields(agent_handle a) const {
    return visit_kind(a, [](const auto& k) { return attributes(source_traits<std::decay_t<decltype(k)>>::fields(k)); });
  }

  /// Returns the number of agents.
  std::size_t agent_count() const noexcept { return agents_.size(); }
  /// Returns the number of events.
  std::size_t event_count() const noexcept { return events_.size(); }
  /// Returns the number of claims.
  std::size_t claim_count() const noexcept { return claims_.size(); }
  /// Returns the number of statements.
  std::size_t statement_count() const noexcept { return boost::num_vertices(graph()); }
  /// Returns the number of derivations.
  std::size_t derivation_count() const noexcept { return boost::num_edges(graph()); }

  /// Returns the underlying Boost.Graph.
  const graph_type& graph() const noexcept {
    static const graph_type empty;
    return graph_ ? *graph_ : empty;
  }

  /// Reserves room for `statements` more statements whose ids total `id_bytes`.
  void reserve(std::size_t statements, std::size_t id_bytes) {
    symbols_.reserve(symbols_.size() + statements, symbols_.bytes() + id_bytes);
    symbol_of_.reserve(symbol_of_.size() + statements);
  }

 private:
  static constexpr std::uint32_t interner_npos = detail::interner::npos;

  graph_type& mutable_graph() {
    if (!graph_) graph_ = std::make_unique<graph_type>();
    return *graph_;
  }

  struct symbol {
    record_kind kind;
    std::uint32_t index;
  };

  // Interns `id` as naming entry `index` of `kind`; returns the id's symbol number.
  std::uint32_t add_symbol(std::string_view id, record_kind kind, std::uint32_t index) {
    if (id.empty()) throw error::empty_id(to_string(kind));
    auto [s, added] = symbols_.intern(id);
    if (!added) {
      const symbol& old = symbol_of_[s];
      if (old.kind == kind) throw error::duplicate_id(to_string(kind), id);
      throw error("duplicate id \"" + std::string(id) + "\": already names " + std::string(to_string(old.kind)) +
                  ", cannot also name " + std::string(to_string(kind)));
    }
    symbol_of_.push_back(symbol{kind, index});
    return s;
  }

  std::optional<std::uint32_t> find(std::string_view id, record_kind kind) const noexcept {
    auto s = symbols_.find(id);
    if (!s || symbol_of_[*s].kind != kind) return std::nullopt;
    return symbol_of_[*s].index;
  }

  std::uint32_t require(std::string_view id, record_kind kind) const {
    auto s = symbols_.find(id);
    if (!s) throw error::unknown_id(to_string(kind), id);
    const symbol& found = symbol_of_[*s];
    if (found.kind != kind) {
      throw error("id \"" + std::string(id) + "\" names " + std::string(to_string(found.kind)) + ", expected " +
                  std::string(to_string(kind)));
    }
    return found.index;
  }

  void check(agent_handle a) const {
    if (a.index >= agents_.size()) throw error("agent handle " + std::to_string(a.index) + " is not of this graph");
  }
  void check(event_handle e) const {
    if (e.index >= events_.size()) throw error("event handle " + std::to_string(e.index) + " is not of this graph");
  }
  void check(claim_handle c) const {
    if (c.index >= claims_.size()) throw error("claim handle " + std::to_string(c.index) + " is not of this graph");
  }
  void check_vertex(statement_handle v) const {
    if (v >= boost::num_vertices(graph())) throw error("statement " + std::to_string(v) + " is not of this graph");
  }

  // Who speaks at `source`: an event's host at that event, or an agent at an unknown event.
  std::pair<agent_handle, event_handle> speaker(std::string_view source) const {
    auto s = symbols_.find(source);
    if (!s) throw error::unknown_id("agent or event", source);
    const symbol& found = symbol_of_[*s];
    if (found.kind == record_kind::agent) return {agent_handle{found.index}, event_handle{}};
    if (found.kind == record_kind::event) {
      const event& ev = events_[found.index];
      if (!ev.host.valid()) {
        throw error("event \"" + ev.id + "\" has no host agent: name the speaker with via(agent, event)");
      }
      return {ev.host, event_handle{found.index}};
    }
    throw error("id \"" + std::string(source) + "\" names " + std::string(to_string(found.kind)) +
                ", expected agent or event");
  }

  // Reads the stated figure once, here, so that analyses never parse text.
  static claim_details with_amount(claim_details d) {
    d.amount = parse_quantity(d.quantity);
    return d;
  }

  // Returns the statement of `c` by `a` at `e`, adding it under the id
  // "claim/agent@event" (or "claim/agent"), with "#label" or "#part" for a
  // mention, if it is not there yet.
  statement_handle ensure_statement(agent_handle a, claim_handle c, event_handle e, claim_details stated,
                                    const report_mention& mention) {
    check(a);
    check(c);
    if (e.valid()) check(e);
    std::string id = claims_[c.index].id + "/" + agents_[a.index].id;
    if (e.valid()) id += "@" + events_[e.index].id;
    if (!mention.label.empty()) {
      id += "#" + mention.label;
    } else if (mention.part != article_part::unknown) {
      id += "#";
      id += to_string(mention.part);
    }
    if (auto v = find(id, record_kind::statement)) {
      const statement& s = graph()[*v];
      if (s.agent != a || s.claim != c || s.event != e) throw error::duplicate_id("statement", id);
      if (!stated.empty()) {
        const claim_details* old = this->stated(*v);
        if (!old) {
          mutable_graph()[*v].details = static_cast<std::uint32_t>(details_.size());
          details_.push_back(with_amount(std::move(stated)));
        } else if (*old != stated) {
          throw error("statement \"" + id + "\" was already added with other stated details");
        }
      }
      if (mention.part != article_part::unknown && part(*v) != mention.part) {
        if (part(*v) != article_part::unknown) {
          std::string text;
          text.append("statement \"").append(id).append("\" was already added in the ").append(to_string(part(*v)));
          text.append(", not the ").append(to_string(mention.part));
          throw error(text);
        }
        set_part(*v, mention.part);
      }
      return *v;
    }
    return add_statement(id, a, c, e, std::move(stated), mention.part);
  }

  // The Boost.Graph lives behind a pointer: adjacency_list has no move
  // constructor and its swap copies, so this is what makes moves cheap. A
  // moved-from graph holds none until it is added to again.
  std::unique_ptr<graph_type> graph_;
  std::vector<agent> agents_;
  std::vector<event> events_;
  std::vector<claim> claims_;
  std::vector<claim_details> details_;
  // Where in its article each statement stands; empty until one is given.
  std::vector<article_part> parts_;
  std::map<std::uint32_t, text_evidence> evidence_;            // by statement: only extracted ones have it
  std::map<std::string, extraction_mark, std::less<>> marks_;  // by record id: only extracted ones
  std::map<std::pair<std::uint32_t, std::uint32_t>, copy_evidence> copies_;  // by (from, to): found copies only
  detail::interner symbols_;
  std::vector<symbol> symbol_of_;
};

/// The provenance graph over the built-in kinds: organization, person,
/// outlet and anonymous.
using provenance_graph = basic_provenance_graph<organization, person, outlet, anonymous>;

namespace detail {
template <class G>
inline constexpr bool is_provenance_graph = false;
template <class... Kinds>
inline constexpr bool is_provenance_graph<basic_provenance_graph<Kinds...>> = true;
}  // namespace detail

/// A provenance graph type: some `basic_provenance_graph<Kinds...>`.
template <class G>
concept provenance_graph_type = detail::is_provenance_graph<G>;

/// Sorts the statements `vs` of `g` by id, in byte order. It is the order in
/// which the analyses list a claim's statements, its origins and the paths
/// of a trace, so that the same records read in another order give the same
/// answers: a statement's number is the order its record was read in, its id
/// is what the corpus says.
template <provenance_graph_type G>
void sort_by_id(const G& g, std::span<statement_handle> vs) {
  std::ranges::sort(vs, [&g](statement_handle a, statement_handle b) { return g.id(a) < g.id(b); });
}

/// The statements of a graph in the order of their ids (byte order, as
/// `sort_by_id`), computed once so that the many lists an output sorts are
/// ordered by comparing numbers rather than strings.
class id_order {
 public:
  /// Orders the statements of `g`: one sort of the ids, by their first eight
  /// bytes as a number and the rest compared only where those are equal.
  template <provenance_graph_type G>
  explicit id_order(const G& g) {
    const std::size_t n = g.statement_count();
    struct keyed {
      std::uint64_t key;
      std::uint32_t v;
    };
    std::vector<keyed> keys(n);
    for (std::size_t v = 0; v < n; ++v) {
      std::string_view id = g.id(static_cast<statement_handle>(v));
      std::uint64_t key = 0;
      for (std::size_t i = 0; i < 8; ++i) key = (key << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0U);
      keys[v] = {key, static_cast<std::uint32_t>(v)};
    }
    std::ranges::sort(keys, [&g](const keyed& a, const keyed& b) {
      if (a.key != b.key) return a.key < b.key;
      return g.id(a.v) < g.id(b.v);
    });
    sorted_.resize(n);
    rank_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      sorted_[i] = keys[i].v;
      rank_[keys[i].v] = static_cast<std::uint32_t>(i);
    }
  }
  /// Returns every statement, by id.
  std::span<const statement_handle> sorted() const noexcept { return sorted_; }
  /// Returns the place of statement `v` among the statements by id.
  std::uint32_t rank(statement_handle v) const noexcept { return rank_[v]; }
  /// Sorts statements `vs` by id, as `sort_by_id` does, comparing their places.
  void sort(std::span<statement_handle> vs) const {
    std::ranges::sort(vs, [this](statement_handle a, statement_handle b) { return rank_[a] < rank_[b]; });
  }

 private:
  std::vector<statement_handle> sorted_;
  std::vector<std::uint32_t> rank_;
};

/// The provenance graph over the built-in kinds plus the user's `Extra...`:
/// `provenance_graph_with<telegram_channel>`.
template <class... Extra>
using provenance_graph_with = basic_provenance_graph<organization, person, outlet, anonymous, Extra...>;

}  // namespace sourcetrace
