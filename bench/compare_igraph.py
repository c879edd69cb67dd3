#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
"""The origin set of every statement of an edge list, with python-igraph.

    /usr/bin/python3 bench/compare_igraph.py EDGES [--no-checksum]

EDGES is written by `generate_corpus N CORPUS --edges EDGES`. The pass is the
one sourcetrace makes: strong components (igraph's, in C), the condensation
(contract_vertices, simplify) in reverse topological order, each component
taking the union of its successors' sets, equal sets stored once. Prints the
times and the peak resident size, then the summary line with the checksum
that bench/origins_from_edges and bench/compare_networkx.py print for the
same file.
"""

import sys

import igraph as ig

from origin_common import origin_sets, peak_mib, read_edges, stopwatch, summary_line


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    clock = stopwatch()
    statements, sources, targets = read_edges(sys.argv[1])
    load = clock.lap()

    g = ig.Graph(n=statements, edges=list(zip(sources, targets)), directed=True)
    self_loops = {s for s, t in zip(sources, targets) if s == t}
    del sources, targets
    build = clock.lap()

    component_of = g.connected_components(mode="strong").membership
    count = max(component_of) + 1 if statements else 0
    members = [[] for _ in range(count)]
    for v, c in enumerate(component_of):
        members[c].append(v)
    dag = g.copy()
    dag.contract_vertices(component_of)
    dag.simplify(multiple=True, loops=True)
    successors = dag.get_adjlist(mode="out")
    order = list(reversed(dag.topological_sorting(mode="out")))
    set_of, distinct = origin_sets(count, successors.__getitem__, members.__getitem__, self_loops, order)
    compute = clock.lap()

    print(f"impl=igraph load={load:.3f}s build={build:.3f}s origins={compute:.3f}s peak={peak_mib():.1f}MiB",
          flush=True)
    if "--no-checksum" not in sys.argv:
        print(summary_line(statements, component_of, set_of, distinct))


if __name__ == "__main__":
    main()
