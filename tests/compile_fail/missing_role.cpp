// SPDX-License-Identifier: BSL-1.0
// expect: static assertion failed: sourcetrace: source_traits<K> needs `static constexpr source_role role`
// Traits written by hand without the base, forgetting `role`.
#include <sourcetrace/graph.hpp>

struct channel {};
template <>
struct sourcetrace::source_traits<channel> {
  static constexpr std::string_view name = "channel";
  static constexpr std::string_view prov_type = "prov:Agent";
  static std::string label(const channel&) { return "channel"; }
  static attributes fields(const channel&) { return {}; }
  static channel from_fields(const attributes&) { return {}; }
};

int main() { sourcetrace::provenance_graph_with<channel> g; }
