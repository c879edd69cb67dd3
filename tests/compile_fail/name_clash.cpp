// SPDX-License-Identifier: BSL-1.0
// expect: two_source_kinds_share_the_name<sourcetrace::detail::fixed_name<6>."outlet"., sourcetrace::outlet,
// my_outlet>::value.* evaluates to false A user's kind named like a built-in one: after a round trip through any format
// its agents would come back as the other kind.
#include <sourcetrace/graph.hpp>

struct my_outlet {};
template <>
struct sourcetrace::source_traits<my_outlet> : sourcetrace::source_traits_base<my_outlet> {
  static constexpr std::string_view name = "outlet";
};

int main() { sourcetrace::provenance_graph_with<my_outlet> g; }
