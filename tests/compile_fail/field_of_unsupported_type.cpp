// SPDX-License-Identifier: BSL-1.0
// expect: sourcetrace: a field's member must be std::string, bool, an integer
// A declared field whose member no format can hold as one value.
#include <sourcetrace/graph.hpp>

#include <tuple>
#include <vector>

struct channel {
  std::vector<int> counts;
};
template <>
struct sourcetrace::source_traits<channel> : sourcetrace::source_traits_base<channel> {
  static constexpr std::string_view name = "channel";
  static constexpr std::tuple members{field{"counts", &channel::counts}};
};

int main() { return static_cast<int>(sourcetrace::source_traits<channel>::fields(channel{}).size()); }
