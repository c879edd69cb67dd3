# SPDX-License-Identifier: BSL-1.0
"""What bench/compare_networkx.py and bench/compare_igraph.py share: reading
the edge list `generate_corpus --edges` writes, the origin-set pass over a
condensation, and the summary line bench/origins_from_edges prints, so that
the three programs can be checked against each other by their checksums."""

import resource
import sys
import time

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def read_edges(path):
    """Returns (statements, from list, to list) of an edge list file."""
    with open(path, "rb") as f:
        header = f.readline().split()
        statements, derivations = int(header[0]), int(header[1])
        numbers = f.read().split()
    if len(numbers) != 2 * derivations:
        sys.exit(f"{path}: expected {derivations} edges, found {len(numbers) / 2}")
    sources = list(map(int, numbers[0::2]))
    targets = list(map(int, numbers[1::2]))
    del numbers
    return statements, sources, targets


def origin_sets(component_count, successors, members, self_loops, order):
    """Returns the origin set of each component, equal sets shared.

    `order` lists the components so that every successor of a component
    comes before it. A component without exits is its own origin when it is
    one vertex without a self-loop, and rests on nothing when it is a closed
    cycle; any other component takes the union of its successors' sets, as
    sourcetrace's detail::compute_origin_sets does."""
    empty = frozenset()
    interned = {empty: empty}
    set_of = [empty] * component_count
    for c in order:
        succ = successors(c)
        if not succ:
            m = members(c)
            if len(m) == 1 and m[0] not in self_loops:
                s = frozenset(m)
                set_of[c] = interned.setdefault(s, s)
            continue
        sets = {id(set_of[d]): set_of[d] for d in succ if set_of[d]}
        if not sets:
            continue
        if len(sets) == 1:
            set_of[c] = next(iter(sets.values()))
            continue
        s = frozenset().union(*sets.values())
        set_of[c] = interned.setdefault(s, s)
    return set_of, len(interned) - 1


def set_hash(s):
    """FNV-1a-64 over the ascending members, as bench/synthetic.hpp's set_hash."""
    h = 14695981039346656037
    for x in sorted(s):
        h = ((h ^ x) * 1099511628211) & MASK
    return h


def summary_line(statements, component_of, set_of, distinct):
    """The line bench::print_summary writes, for the same checksum."""
    hashes = {}
    total = empty = checksum = 0
    for v in range(statements):
        s = set_of[component_of[v]]
        h = hashes.get(id(s))
        if h is None:
            h = hashes[id(s)] = set_hash(s)
        total += len(s)
        if not s:
            empty += 1
        checksum = (checksum + ((h ^ v) * GOLDEN)) & MASK
    return (f"statements={statements} distinct_sets={distinct} total_origins={total} "
            f"empty={empty} checksum={checksum:016x}")


def peak_mib():
    """The process's peak resident size so far, in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class stopwatch:
    def __init__(self):
        self.t = time.perf_counter()

    def lap(self):
        now = time.perf_counter()
        elapsed, self.t = now - self.t, now
        return elapsed
