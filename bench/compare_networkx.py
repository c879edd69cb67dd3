#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
"""The origin set of every statement of an edge list, with NetworkX.

    /usr/bin/python3 bench/compare_networkx.py EDGES [--no-checksum]

EDGES is written by `generate_corpus N CORPUS --edges EDGES`. The pass is the
one sourcetrace makes: strong components (nx.condensation), then the
condensation in reverse topological order, each component taking the union
of its successors' sets, equal sets stored once. Prints the times and the
peak resident size, then the summary line with the checksum that
bench/origins_from_edges and bench/compare_igraph.py print for the same file.
"""

import sys

import networkx as nx

from origin_common import origin_sets, peak_mib, read_edges, stopwatch, summary_line


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    clock = stopwatch()
    statements, sources, targets = read_edges(sys.argv[1])
    load = clock.lap()

    g = nx.DiGraph()
    g.add_nodes_from(range(statements))
    g.add_edges_from(zip(sources, targets))
    del sources, targets
    build = clock.lap()

    dag = nx.condensation(g)
    component_of = dag.graph["mapping"]
    members = {c: list(m) for c, m in dag.nodes(data="members")}
    self_loops = {v for v, _ in nx.selfloop_edges(g)}
    order = list(reversed(list(nx.topological_sort(dag))))
    set_of, distinct = origin_sets(dag.number_of_nodes(), lambda c: dag.succ[c], members.__getitem__, self_loops,
                                   order)
    compute = clock.lap()

    print(f"impl=networkx load={load:.3f}s build={build:.3f}s origins={compute:.3f}s peak={peak_mib():.1f}MiB",
          flush=True)
    if "--no-checksum" not in sys.argv:
        print(summary_line(statements, component_of, set_of, distinct))


if __name__ == "__main__":
    main()
