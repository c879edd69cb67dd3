#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
"""The Python peers bench/compare measures sourcetrace against: what a
researcher writes today, with Debian's packages, to get the origins of every
statement of a JSON Lines corpus, or to read a PROV-JSON document.

    /usr/bin/python3 bench/compare_peers.py networkx CORPUS.jsonl OUT.json
    /usr/bin/python3 bench/compare_peers.py igraph CORPUS.jsonl OUT.json
    /usr/bin/python3 bench/compare_peers.py prov DOCUMENT.provjson

networkx and igraph read the corpus with the json module (one json.loads per
line), build the graph in bulk, make sourcetrace's pass (bench/origin_common.py:
strong components, then the condensation in reverse topological order, equal
sets shared) and write {"cycles": [...], "origins": {...}} to OUT.json as
`sourcetrace origins --json` does, keys and ids sorted. prov reads the
document with python3-prov and counts its statements (entities other than
claims) and derivations. Each prints its phase times and peak resident size.

Each peer runs with Python's cyclic garbage collector off, as a tuned bulk
load would: it finds nothing to free here, and left on it costs NetworkX
about a third of its time at 1M statements. The comparison gives the peers
their best run, not their default one.
"""

import gc
import json
import sys

from origin_common import origin_sets, peak_mib, stopwatch

CLAIM_TYPE = "https://sourcetrace.dev/ns#Claim"


def read_corpus(path):
    """Returns (statement ids, from list, to list) of a JSON Lines corpus, the
    derivations as statement numbers in the order the statements come."""
    ids, froms, tos = [], [], []
    loads = json.loads
    with open(path, "rb") as f:
        for line in f:
            if line.isspace():
                continue
            record = loads(line)
            kind = record["record"]
            if kind == "statement":
                ids.append(record["id"])
            elif kind == "derivation":
                froms.append(record["from"])
                tos.append(record["to"])
    number = {s: v for v, s in enumerate(ids)}
    try:
        return ids, [number[s] for s in froms], [number[t] for t in tos]
    except KeyError as e:
        sys.exit(f"{path}: a derivation names {e.args[0]!r}, which is no statement")


def networkx_pass(statements, sources, targets):
    """Returns (component of each statement, members of each component, self-loops, origin set of each component)."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(range(statements))
    g.add_edges_from(zip(sources, targets))
    dag = nx.condensation(g)
    mapping = dag.graph["mapping"]
    component_of = [mapping[v] for v in range(statements)]
    members = [None] * dag.number_of_nodes()
    for c, m in dag.nodes(data="members"):
        members[c] = list(m)
    self_loops = {v for v, _ in nx.selfloop_edges(g)}
    order = reversed(list(nx.topological_sort(dag)))
    set_of, _ = origin_sets(len(members), lambda c: dag.succ[c], members.__getitem__, self_loops, order)
    return component_of, members, self_loops, set_of


def igraph_pass(statements, sources, targets):
    """Returns (component of each statement, members of each component, self-loops, origin set of each component)."""
    import igraph as ig

    g = ig.Graph(n=statements, edges=list(zip(sources, targets)), directed=True)
    self_loops = {s for s, t in zip(sources, targets) if s == t}
    component_of = g.connected_components(mode="strong").membership
    members = [[] for _ in range(max(component_of) + 1 if statements else 0)]
    for v, c in enumerate(component_of):
        members[c].append(v)
    g.contract_vertices(component_of)
    g.simplify(multiple=True, loops=True)
    successors = g.get_adjlist(mode="out")
    order = reversed(g.topological_sorting(mode="out"))
    set_of, _ = origin_sets(len(members), successors.__getitem__, members.__getitem__, self_loops, order)
    return component_of, members, self_loops, set_of


def write_origins(path, ids, component_of, members, self_loops, set_of):
    """Writes the cycles and the origins of every statement by id, as
    `sourcetrace origins --json` does: keys, ids and cycles sorted."""
    names = {}
    origins = {}
    for v in sorted(range(len(ids)), key=ids.__getitem__):
        s = set_of[component_of[v]]
        key = id(s)
        if key not in names:
            names[key] = sorted(ids[x] for x in s)
        origins[ids[v]] = names[key]
    cycles = sorted((sorted(ids[v] for v in m) for m in members if len(m) > 1 or m[0] in self_loops),
                    key=lambda c: c[0])
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"cycles": cycles, "origins": origins}, f)


def origins_peer(impl, corpus, output):
    """Reads `corpus`, computes the origins with `impl` (networkx or igraph) and writes them to `output`."""
    clock = stopwatch()
    ids, sources, targets = read_corpus(corpus)
    read = clock.lap()
    component_of, members, self_loops, set_of = (networkx_pass if impl == "networkx" else igraph_pass)(
        len(ids), sources, targets)
    compute = clock.lap()
    write_origins(output, ids, component_of, members, self_loops, set_of)
    write = clock.lap()
    print(f"impl={impl} read={read:.3f}s compute={compute:.3f}s write={write:.3f}s peak={peak_mib():.1f}MiB")


def prov_peer(document):
    """Reads a PROV-JSON document with python3-prov and prints how many statements and derivations it holds."""
    from prov.model import PROV_TYPE, ProvDerivation, ProvDocument, ProvEntity

    clock = stopwatch()
    doc = ProvDocument.deserialize(source=document, format="json")
    read = clock.lap()
    statements = sum(1 for e in doc.get_records(ProvEntity)
                     if not any(getattr(t, "uri", None) == CLAIM_TYPE for t in e.get_attribute(PROV_TYPE)))
    derivations = sum(1 for _ in doc.get_records(ProvDerivation))
    print(f"impl=prov read={read:.3f}s statements={statements} derivations={derivations} peak={peak_mib():.1f}MiB")


def main():
    gc.disable()
    args = sys.argv[1:]
    if len(args) == 3 and args[0] in ("networkx", "igraph"):
        origins_peer(*args)
    elif len(args) == 2 and args[0] == "prov":
        prov_peer(args[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
