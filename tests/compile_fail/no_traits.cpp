// SPDX-License-Identifier: BSL-1.0
// expect: static assertion failed: sourcetrace: no source_traits<K> for this kind
// A kind used before (or without) its traits.
#include <sourcetrace/graph.hpp>

struct channel {};

int main() { sourcetrace::provenance_graph_with<channel> g; }
