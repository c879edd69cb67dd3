// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Events: when and where something was said.

#include <sourcetrace/model/handle.hpp>
#include <sourcetrace/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sourcetrace {

/// What kind of occasion an event is.
enum class event_kind : std::uint8_t {
  briefing,          ///< a closed or open briefing (the NIS to a committee)
  statement,         ///< remarks or a written statement
  press_conference,  ///< a press conference
  publication,       ///< an article, post or broadcast: the unit of reporting
};

/// Returns "briefing", "statement", "press_conference" or "publication".
inline std::string_view to_string(event_kind k) noexcept {
  switch (k) {
    case event_kind::briefing: return "briefing";
    case event_kind::statement: return "statement";
    case event_kind::press_conference: return "press_conference";
    case event_kind::publication: return "publication";
  }
  return "?";
}

/// Parses the names `to_string(event_kind)` returns.
inline std::optional<event_kind> event_kind_from_string(std::string_view s) noexcept {
  for (auto k : {event_kind::briefing, event_kind::statement, event_kind::press_conference, event_kind::publication}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
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
};

}  // namespace sourcetrace
