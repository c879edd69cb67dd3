// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Events: when and where something was said, and the kinds of occasion a
/// news report names. A program may add kinds of its own without editing a
/// library header:
///
/// @code
/// // once, before any corpus that names it is read
/// static const sourcetrace::event_kind hearing =
///     sourcetrace::define_event_kind("hearing", {}, "a parliamentary hearing");
/// @endcode

#include <sourcetrace/error.hpp>
#include <sourcetrace/model/handle.hpp>
#include <sourcetrace/time/date.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace {

class event_kind;
namespace detail {
struct event_kind_access;
}

/// What an event kind means to the analyses: its traits, never its name,
/// decide how its events are treated.
struct event_traits {
  /// An article, post or broadcast: the unit of reporting. A statement at a
  /// publication of its own outlet is a report of the corpus; one at any
  /// other event is a relay or an origin on a chain.
  bool publication = false;
  friend bool operator==(const event_traits&, const event_traits&) = default;
};

/// What kind of occasion an event is: one of the built-in kinds below or one
/// a program defined with `define_event_kind`. It is a one-byte index into a
/// program-wide table of at most 256 kinds, so it compares and copies as an
/// enumeration does.
class event_kind {
 public:
  /// A closed or open briefing (the NIS to a committee).
  static const event_kind briefing;
  /// Remarks or a written statement.
  static const event_kind statement;
  /// A press conference.
  static const event_kind press_conference;
  /// An article, post or broadcast: the unit of reporting.
  static const event_kind publication;
  /// A visit or trip (a minister's trip to Pyongyang).
  static const event_kind visit;
  /// An official announcement by the one who acts.
  static const event_kind announcement;
  /// A report in the sense of a study or assessment (a think tank's), not an article.
  static const event_kind report;
  /// An interview given to a journalist.
  static const event_kind interview;
  /// A press statement or release.
  static const event_kind press_statement;

  /// The kind `briefing`.
  constexpr event_kind() noexcept = default;

  /// Returns the kind's position in the table: built-ins first, in the order above.
  constexpr std::uint8_t index() const noexcept { return index_; }
  /// Returns the kind's name ("briefing", or the name given to `define_event_kind`).
  std::string_view name() const noexcept;
  /// Returns what the kind means to the analyses.
  const event_traits& traits() const noexcept;
  /// Returns one line saying what the kind is.
  std::string_view description() const noexcept;

  friend constexpr bool operator==(event_kind, event_kind) noexcept = default;
  friend constexpr auto operator<=>(event_kind, event_kind) noexcept = default;

 private:
  friend struct detail::event_kind_access;
  constexpr explicit event_kind(std::uint8_t index) noexcept : index_(index) {}
  std::uint8_t index_ = 0;
};

inline constexpr event_kind event_kind::briefing{0};
inline constexpr event_kind event_kind::statement{1};
inline constexpr event_kind event_kind::press_conference{2};
inline constexpr event_kind event_kind::publication{3};
inline constexpr event_kind event_kind::visit{4};
inline constexpr event_kind event_kind::announcement{5};
inline constexpr event_kind event_kind::report{6};
inline constexpr event_kind event_kind::interview{7};
inline constexpr event_kind event_kind::press_statement{8};

namespace detail {

struct event_kind_entry {
  std::string name;
  event_traits traits;
  std::string description;
};

// The program-wide table. Entries are written once, under the mutex, before
// `count` is raised with release order; a reader that loads `count` with
// acquire order sees every entry below it whole, so lookups take no lock.
// An event_kind exists only for an entry already published.
struct event_kind_table {
  static constexpr std::size_t capacity = 256;
  std::array<event_kind_entry, capacity> entries;
  std::atomic<std::size_t> count{0};
  std::mutex define;

  event_kind_table() {
    struct built_in_kind {
      std::string_view name;
      event_traits traits;
      std::string_view description;
    };
    const built_in_kind built_in[] = {
        {"briefing", {}, "a closed or open briefing"},
        {"statement", {}, "remarks or a written statement"},
        {"press_conference", {}, "a press conference"},
        {"publication", {.publication = true}, "an article, post or broadcast: the unit of reporting"},
        {"visit", {}, "a visit or trip"},
        {"announcement", {}, "an official announcement"},
        {"report", {}, "a study or assessment, not an article"},
        {"interview", {}, "an interview given to a journalist"},
        {"press_statement", {}, "a press statement or release"},
    };
    std::size_t n = 0;
    for (const built_in_kind& k : built_in) {
      entries[n] = event_kind_entry{std::string(k.name), k.traits, std::string(k.description)};
      ++n;
    }
    count.store(n, std::memory_order_release);
  }
};

inline event_kind_table& event_kind_registry() {
  static event_kind_table table;
  return table;
}

struct event_kind_access {
  static constexpr event_kind at(std::size_t index) noexcept { return event_kind(static_cast<std::uint8_t>(index)); }
};

// A kind's name is written into every format as it is: keep it a plain word.
inline bool valid_event_kind_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 64) return false;
  for (char ch : name) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace detail

inline std::string_view event_kind::name() const noexcept { return detail::event_kind_registry().entries[index_].name; }
inline const event_traits& event_kind::traits() const noexcept {
  return detail::event_kind_registry().entries[index_].traits;
}
inline std::string_view event_kind::description() const noexcept {
  return detail::event_kind_registry().entries[index_].description;
}

/// Returns the name of `k`, as `k.name()` does.
inline std::string_view to_string(event_kind k) noexcept { return k.name(); }

/// Returns the kind named `s`, built-in or defined, if there is one.
inline std::optional<event_kind> event_kind_from_string(std::string_view s) noexcept {
  auto& table = detail::event_kind_registry();
  std::size_t n = table.count.load(std::memory_order_acquire);
  for (std::size_t i = 0; i < n; ++i) {
    if (table.entries[i].name == s) return detail::event_kind_access::at(i);
  }
  return std::nullopt;
}

/// Returns every kind known now, built-in kinds first, then defined ones in the order defined.
inline std::vector<event_kind> event_kinds() {
  std::vector<event_kind> out;
  std::size_t n = detail::event_kind_registry().count.load(std::memory_order_acquire);
  for (std::size_t i = 0; i < n; ++i) out.push_back(detail::event_kind_access::at(i));
  return out;
}

/// Returns the names of every kind known now, separated by ", ", as error messages list them.
inline std::string event_kind_names() {
  std::string out;
  for (event_kind k : event_kinds()) {
    if (!out.empty()) out += ", ";
    out += k.name();
  }
  return out;
}

/// Adds a kind of event named `name`, with `traits` and a one-line
/// `description`, to the program-wide table, and returns it. Defining a name
/// again with the same traits returns the kind already defined, so a kind may
/// be defined in every translation unit that uses it. Safe to call from
/// several threads.
/// @throws error if `name` is not 1 to 64 of `a-z`, `0-9`, `_` and `-`, if it
/// names a kind with other traits, or if 256 kinds are already defined.
inline event_kind define_event_kind(std::string_view name, event_traits traits, std::string_view description = {}) {
  // Appends rather than `"text" + std::string&&`, which GCC 12 misreports at -O3 (PR 105651).
  auto message = [&](std::string_view why) {
    std::string text;
    text.append("event kind \"").append(name).append("\"").append(why);
    return error(text);
  };
  if (!detail::valid_event_kind_name(name)) throw message(": a name is 1 to 64 lower-case letters, digits, '_' or '-'");
  auto& table = detail::event_kind_registry();
  std::lock_guard lock(table.define);
  std::size_t n = table.count.load(std::memory_order_relaxed);
  for (std::size_t i = 0; i < n; ++i) {
    if (table.entries[i].name != name) continue;
    if (table.entries[i].traits != traits) throw message(" is already defined with other traits");
    return detail::event_kind_access::at(i);
  }
  if (n == detail::event_kind_table::capacity) throw message(": 256 kinds are already defined");
  table.entries[n] = detail::event_kind_entry{std::string(name), traits, std::string(description)};
  table.count.store(n + 1, std::memory_order_release);
  return detail::event_kind_access::at(n);
}

/// The descriptive fields of an event, all optional.
struct event_info {
  std::string title;   ///< headline of an article, name of a briefing
  std::string byline;  ///< author(s) of an article
  std::string url;     ///< where it can be read
  std::string place;   ///< where it happened or was filed from
  std::string note;    ///< how the date or attribution was established, where not printed
  friend bool operator==(const event_info&, const event_info&) = default;
};

/// An occasion on which statements were made.
struct event {
  std::string id;                    ///< unique id within its graph
  event_kind kind{};                 ///< what kind of occasion
  std::optional<partial_date> date;  ///< when, as precisely as known
  agent_handle host;                 ///< who held it: the outlet of a publication, the agency of a briefing
  event_info info;                   ///< title, byline, url, place
  /// Who it was held for besides its host, where the text names them (the
  /// committee the NIS briefed), in the order added.
  std::vector<agent_handle> audience;
};

}  // namespace sourcetrace
