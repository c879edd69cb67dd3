#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Runs every output subcommand of the sourcetrace command twice, as separate
processes, on each corpus given and compares the bytes; then runs each on a
copy of the corpus whose records are in reverse order within each section and
compares those bytes too, and on a copy shuffled in every section but its
claims. Usage: determinism_test.py SOURCETRACE CORPUS_JSON...

Two calls in one process share an address space, an allocator's state and
every static; two processes share none of them, so only this comparison
catches output that depends on pointer values, hash seeds or uninitialized
memory. The reordered copy holds the same ids, so output keyed by id must not
change; see ORDERED below for the output that follows the corpus's order."""
import difflib
import json
import re
import os
import random
import shutil
import subprocess
import sys
import tempfile

binary, corpora = sys.argv[1], sys.argv[2:]
work = tempfile.mkdtemp()
passed = failed = 0

# Each output subcommand with the flags that choose its output. "{out}" is a
# file the command writes instead of standard output.
COMMANDS = [
    ["check"],
    ["report"],
    ["trace"],
    ["trace", "--all", "--json"],
    ["origins"],
    ["origins", "--json"],
    ["duplicates"],
    ["duplicates", "--json"],
    ["timeline"],
    ["timeline", "--json"],
    ["drift"],
    ["drift", "--json"],
    ["grade"],
    ["grade", "--json"],
    ["export", "--to", "prov-json"],
    ["export", "--to", "prov-n"],
    ["export", "--to", "graphml"],
    ["export", "--to", "dot"],
    ["export", "--to", "corpus"],
]
if shutil.which("dot"):
    COMMANDS.append(["render", "-o", "{out}.svg"])
else:
    print("SKIPPED: render (graphviz's dot is not on PATH)")

# Output that follows the order in which the corpus lists its records, so a
# reordered corpus changes its order but not its content (docs/testing.md,
# "Determinism"). For these the reversed copy must give the same lines up to
# order, with positional names (GraphML's n0 and e0, PROV's _:id1, DOT's
# cluster_3) and DOT's invisible layout edges between neighbouring clusters
# set aside.
ORDERED = {
    # Reads claim by claim in the corpus's order, the order a person wrote
    # the corpus in; each claim's reports come by id.
    ("report",): "the report reads claims in the corpus's order",
    # Serializations of the graph write its records in the order read, so
    # that a corpus read and written back keeps its order and a diff stays small.
    ("export", "--to", "prov-json"): "writes records in the order read",
    ("export", "--to", "prov-n"): "writes records in the order read",
    ("export", "--to", "graphml"): "writes records in the order read",
    ("export", "--to", "dot"): "writes records in the order read",
    ("export", "--to", "corpus"): "writes records in the order read",
}
# graphviz lays the picture out in the order of the DOT it reads, so a
# reordered corpus draws another picture of the same graph: only the two runs
# on each order are compared.
LAYOUT = {("render", "-o", "{out}.svg")}

POSITIONAL = re.compile(rb"\b[ne][0-9]+\b|_:id[0-9]+|cluster_[0-9]+")


def canonical_json(value):
    """Returns `value` with every list sorted and positional names blanked,
    recursively; an object keyed by positional names becomes a list."""
    if isinstance(value, dict):
        if value and all(POSITIONAL.fullmatch(k.encode()) for k in value):
            return canonical_json(list(value.values()))
        return {k: canonical_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((canonical_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, str):
        return POSITIONAL.sub(b"#", value.encode()).decode()
    return value


def same_up_to_order(output):
    """Returns `output` in a form that ignores order: JSON with every list
    sorted; text as its sorted lines, each split into its sorted parts at
    commas, colons and brackets. Positional names are blanked and DOT layout
    edges dropped."""
    try:
        return json.dumps(canonical_json(json.loads(output)), sort_keys=True).encode()
    except ValueError:
        pass
    lines = []
    for line in POSITIONAL.sub(b"#", output).splitlines():
        if line.endswith(b"[style=invis];"):
            continue
        lines.append(b"|".join(sorted(p.strip() for p in re.split(rb"[,():]", line))))
    return b"\n".join(sorted(lines))


def run(corpus, args):
    """Returns (exit code, output bytes, error bytes) of one process."""
    out_file = os.path.join(work, "out")
    argv = [binary, args[0], corpus] + [a.replace("{out}", out_file) for a in args[1:]]
    p = subprocess.run(argv, capture_output=True)
    output = p.stdout
    for a in argv:
        if a.startswith(out_file):
            with open(a, "rb") as f:
                output += f.read()
    # The file's name appears in some output (check); compare outputs, not names.
    return p.returncode, output.replace(corpus.encode(), b"CORPUS"), p.stderr.replace(corpus.encode(), b"CORPUS")


def check(name, a, b):
    global passed, failed
    if a == b:
        passed += 1
        return
    failed += 1
    print(f"FAILED: {name}")
    if a[0] != b[0]:
        print(f"  exit codes differ: {a[0]} vs {b[0]}")
    for label, x, y in (("output", a[1], b[1]), ("standard error", a[2], b[2])):
        if x != y:
            diff = difflib.unified_diff(x.decode(errors="replace").splitlines(), y.decode(errors="replace").splitlines(),
                                        "first", "second", lineterm="", n=1)
            print(f"  {label} differs:")
            for i, line in enumerate(diff):
                if i == 40:
                    print("  ...")
                    break
                print("  " + line)



def reordered_copy(corpus_path, prefix, reorder):
    """Writes a copy of the corpus with `reorder(section, records)` applied to
    the records of each section, and returns its path. Within a record
    nothing moves: a report's "via" list is a chain, in order."""
    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    for section, records in corpus.items():
        if isinstance(records, list):
            reorder(section, records)
    path = os.path.join(work, prefix + os.path.basename(corpus_path))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(corpus, f, ensure_ascii=False, indent=1)
    return path


def reversed_copy(corpus_path):
    """A copy with the records of every section in reverse order."""
    return reordered_copy(corpus_path, "reversed_", lambda section, records: records.reverse())


def shuffled_copy(corpus_path):
    """A copy whose records are shuffled (with a fixed seed) in every section
    but "claims". The report reads claims in the corpus's order and
    everything within a claim by id, so on this copy it must give the same
    bytes."""
    shuffle = random.Random(20251203).shuffle
    return reordered_copy(corpus_path, "shuffled_",
                          lambda section, records: None if section == "claims" else shuffle(records))


for seed in corpora:
    reordered = reversed_copy(seed)
    shuffled = shuffled_copy(seed)
    base = os.path.basename(seed)
    for args in COMMANDS:
        name = base + ": " + " ".join(args).replace(" -o {out}.svg", " (SVG)")
        first = run(seed, args)
        if first[0] != 0:
            check(f"{name} exits 0", (first[0],), (0,))
            print("  " + first[2].decode(errors="replace"))
            continue
        check(f"{name}: two processes on the corpus write the same bytes", first, run(seed, args))
        reversed_run = run(reordered, args)
        check(f"{name}: two processes on the reversed copy write the same bytes", reversed_run, run(reordered, args))
        if tuple(args) in LAYOUT:
            continue
        if tuple(args) in ORDERED:
            check(f"{name}: the reversed copy gives the same content ({ORDERED[tuple(args)]})",
                  (first[0], same_up_to_order(first[1]), first[2]),
                  (reversed_run[0], same_up_to_order(reversed_run[1]), reversed_run[2]))
        else:
            check(f"{name}: the reversed copy gives the same bytes", first, reversed_run)
        if tuple(args) not in ORDERED or args == ["report"]:
            check(f"{name}: a copy shuffled but for its claims gives the same bytes", first, run(shuffled, args))

shutil.rmtree(work)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
