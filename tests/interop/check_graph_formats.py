#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
"""Reads the seed story's GraphML with NetworkX and renders its DOT with graphviz.

Run by ctest as: check_graph_formats.py --bin-dir DIR --work-dir DIR. Exits 0
when every check passes, 1 when one fails, and 77 (skipped) when a client is
missing, naming it; a missing client never counts as a pass.
"""

import argparse
import os
import shutil
import subprocess
import sys

STATEMENTS = 214
DERIVATIONS = 118
UNSOURCED = 39  # what outlets state in their own voice, as `sourcetrace origins` lists it
INFERRED = 7  # hops the annotator inferred
SKIP = 77


def fail(message):
    print("FAILED: " + message)
    return False


def check_graphml(path):
    """Returns True, False, or None when NetworkX is missing."""
    try:
        import networkx as nx
    except ImportError:
        print("SKIPPED: python3-networkx is not installed")
        return None
    g = nx.read_graphml(path)
    ok = True
    if not g.is_directed():
        ok = fail("NetworkX read an undirected graph")
    if g.number_of_nodes() != STATEMENTS:
        ok = fail(f"NetworkX read {g.number_of_nodes()} nodes, expected {STATEMENTS}")
    if g.number_of_edges() != DERIVATIONS:
        ok = fail(f"NetworkX read {g.number_of_edges()} edges, expected {DERIVATIONS}")
    wanted = ("id", "claim", "agent", "agent_name", "agent_kind", "origin", "unsourced", "on_cycle")
    for node, data in g.nodes(data=True):
        missing = [name for name in wanted if name not in data]
        if missing:
            ok = fail(f"node {node} lacks {', '.join(missing)}")
            break
    kinds = {data["agent_kind"] for _, data in g.nodes(data=True) if "agent_kind" in data}
    if kinds != {"organization", "person", "outlet", "anonymous"}:
        ok = fail(f"agent kinds read: {sorted(kinds)}")
    ids = [data.get("id") for _, data in g.nodes(data=True)]
    if len(set(ids)) != STATEMENTS:
        ok = fail("statement ids are not unique")
    origins = [n for n, data in g.nodes(data=True) if data.get("origin") is True]
    if any(g.out_degree(n) != 0 for n in origins):
        ok = fail("a node marked origin derives from another")
    unsourced = [n for n, data in g.nodes(data=True) if data.get("unsourced") is True]
    unsourced_ids = {g.nodes[n]["id"] for n in unsourced}
    if len(unsourced) != UNSOURCED or not {"defence-pact-2024/news-site@site-2025-06#body",
                                           "first-deployment/korea-herald@herald-2025-06-27#deck"} <= unsourced_ids:
        ok = fail(f"unsourced origins read: {sorted(unsourced_ids)}")
    if any(g.out_degree(n) != 0 or g.nodes[n]["agent_kind"] != "outlet" for n in unsourced):
        ok = fail("an unsourced origin derives from another or is not an outlet's")
    if g.nodes[next(n for n in g if g.nodes[n]["id"] == "deploy-jul-aug/korea-herald@herald-2025-06-27#headline")].get(
            "part") != "headline":
        ok = fail("the Herald's headline mention lacks its part")
    inferred = sum(1 for _, _, data in g.edges(data=True) if data.get("basis") == "inferred")
    if inferred != INFERRED:
        ok = fail(f"{inferred} edges read with basis inferred, expected {INFERRED}")
    edge_kinds = {data.get("kind") for _, _, data in g.edges(data=True)}
    if not edge_kinds <= {"quotes", "paraphrases", "cites", "copies"} or None in edge_kinds:
        ok = fail(f"edge kinds read: {sorted(map(str, edge_kinds))}")
    if ok:
        print(f"ok: NetworkX {nx.__version__} read {STATEMENTS} nodes and {DERIVATIONS} edges with their attributes")
    return ok


def check_dot(path, work_dir):
    """Returns True, False, or None when graphviz is missing."""
    dot = shutil.which("dot")
    if dot is None:
        print("SKIPPED: graphviz is not installed")
        return None
    svg_path = os.path.join(work_dir, "seed.svg")
    run = subprocess.run([dot, "-Tsvg", path, "-o", svg_path], capture_output=True, text=True)
    if run.returncode != 0:
        return fail(f"dot -Tsvg exited {run.returncode}: {run.stderr.strip()}")
    if run.stderr.strip():
        return fail(f"dot -Tsvg warned: {run.stderr.strip()}")
    with open(svg_path, encoding="utf-8") as f:
        svg = f.read()
    ok = True
    if "<svg" not in svg:
        ok = fail("dot wrote no SVG")
    nodes = svg.count('class="node"')
    if nodes != STATEMENTS:
        ok = fail(f"the SVG draws {nodes} nodes, expected {STATEMENTS}")
    edges = svg.count('class="edge"')
    if edges != DERIVATIONS:
        ok = fail(f"the SVG draws {edges} edges, expected {DERIVATIONS}")
    if ok:
        print(f"ok: dot -Tsvg drew {nodes} nodes and {edges} edges")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin-dir", required=True, help="folder holding export_graph_formats")
    parser.add_argument("--work-dir", required=True, help="scratch folder for the files")
    args = parser.parse_args()

    os.makedirs(args.work_dir, exist_ok=True)
    program = os.path.join(args.bin_dir, "export_graph_formats")
    run = subprocess.run([program, args.work_dir], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAILED: {program} exited {run.returncode}: {run.stderr.strip()}")
        return 1

    results = [
        check_graphml(os.path.join(args.work_dir, "seed.graphml")),
        check_dot(os.path.join(args.work_dir, "seed.dot"), args.work_dir),
    ]
    if False in results:
        return 1
    if None in results:
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main())
