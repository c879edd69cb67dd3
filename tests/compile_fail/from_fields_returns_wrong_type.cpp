// SPDX-License-Identifier: BSL-1.0
// expect: static assertion failed: sourcetrace: source_traits<K> needs `static K from_fields\(const attributes&\)`
// returning K A hand-written from_fields that returns something else than the kind.
#include <sourcetrace/graph.hpp>

#include <optional>

struct channel {};
template <>
struct sourcetrace::source_traits<channel> : sourcetrace::source_traits_base<channel> {
  static constexpr std::string_view name = "channel";
  static std::optional<channel> from_fields(const attributes&) { return std::nullopt; }
};

int main() { sourcetrace::provenance_graph_with<channel> g; }
