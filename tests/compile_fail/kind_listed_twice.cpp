// SPDX-License-Identifier: BSL-1.0
// expect: static assertion failed: sourcetrace: a source kind is listed twice in one provenance graph
#include <sourcetrace/graph.hpp>

int main() { sourcetrace::provenance_graph_with<sourcetrace::person> g; }
