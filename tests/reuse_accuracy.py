#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Scores `sourcetrace reuse` on labelled sets of articles.

    reuse_accuracy.py SOURCETRACE DIR [DIR ...] [--min verbatim=0.95 ...] [--json] [--files-only]

Each DIR holds articles, a manifest.jsonl and a gold.jsonl (tests/data/reuse/
README.md gives the format). The command is run on each DIR's manifest with
its default thresholds (with --files-only, on the articles alone); its pairs
are matched to the gold pairs by file name.

For each copy kind, recall is the share of its gold pairs found, and
precision is TP / (TP + FP): the pairs of that kind found, against every
false pair the run reported (a negative pair, or any pair gold does not
list), as if the set held only copies of that kind. For each negative kind
the count of its pairs reported is shown. Direction accuracy is the share
of found copy pairs whose direction ("b copies a", "a copies b",
"undecided") is the gold one.

With --min KIND=X it exits 1 when precision or recall of KIND over all
DIRs is below X; --min direction=X bounds the direction accuracy.
"""

import argparse
import json
import os
import subprocess
import sys

COPY_KINDS = ("verbatim", "light", "heavy", "partial_ab", "partial_ba", "wire")
NEGATIVE_KINDS = ("independent", "boilerplate", "unrelated")


def run(sourcetrace, d, files_only):
    if files_only:
        args = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))
    else:
        args = ["--manifest", os.path.join(d, "manifest.jsonl")]
    out = subprocess.run([sourcetrace, "reuse", *args, "--json"], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"reuse failed on {d} ({out.returncode}): {out.stderr}")
    found = {}
    for line in out.stdout.splitlines():
        p = json.loads(line)
        a, b = os.path.basename(p["a"]), os.path.basename(p["b"])
        found[(a, b)] = p
    return found


def score(sourcetrace, dirs, files_only=False):
    tally = {k: {"gold": 0, "found": 0} for k in COPY_KINDS}
    negatives = {k: {"pairs": 0, "reported": 0} for k in NEGATIVE_KINDS}
    false_pairs = 0
    direction_right = direction_all = 0
    articles = 0
    for d in dirs:
        with open(os.path.join(d, "manifest.jsonl"), encoding="utf-8") as f:
            n = sum(1 for line in f if line.strip())
        articles += n
        gold = {}
        with open(os.path.join(d, "gold.jsonl"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    g = json.loads(line)
                    gold[(g["a"], g["b"])] = g
        found = run(sourcetrace, d, files_only)
        for key, g in gold.items():
            if g["copy"]:
                t = tally.setdefault(g["kind"], {"gold": 0, "found": 0})
                t["gold"] += 1
                if key in found:
                    t["found"] += 1
                    direction_all += 1
                    direction_right += found[key]["direction"] == g["direction"]
            else:
                t = negatives.setdefault(g["kind"], {"pairs": 0, "reported": 0})
                t["pairs"] += 1
                if key in found:
                    t["reported"] += 1
                    false_pairs += 1
        unlisted = [k for k in found if k not in gold]
        negatives["unrelated"]["pairs"] += n * (n - 1) // 2 - len(gold)
        negatives["unrelated"]["reported"] += len(unlisted)
        false_pairs += len(unlisted)
    result = {"articles": articles, "kinds": {}, "negatives": negatives, "false_pairs": false_pairs}
    for k, t in tally.items():
        if t["gold"] == 0:
            continue
        recall = t["found"] / t["gold"]
        # Nothing reported: no precision to give (None), and --min fails on it.
        precision = t["found"] / (t["found"] + false_pairs) if t["found"] + false_pairs else None
        result["kinds"][k] = {"pairs": t["gold"], "found": t["found"], "precision": None if precision is None else round(precision, 3),
                              "recall": round(recall, 3)}
    result["direction"] = round(direction_right / direction_all, 3) if direction_all else 0.0
    result["direction_pairs"] = direction_all
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sourcetrace")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--min", action="append", default=[], metavar="KIND=X")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--files-only", action="store_true",
                    help="give the articles alone, without the manifest: no dates (every direction undecided) "
                         "and no sites (furniture only down-weighted)")
    a = ap.parse_args()
    r = score(a.sourcetrace, a.dirs, a.files_only)
    if a.json:
        print(json.dumps(r, sort_keys=True))
    else:
        print(f"{r['articles']} articles; {r['false_pairs']} false pairs reported")
        print(f"{'kind':<12} {'pairs':>5} {'found':>5} {'precision':>9} {'recall':>6}")
        for k, t in r["kinds"].items():
            p = "n/a" if t["precision"] is None else f"{t['precision']:.2f}"
            print(f"{k:<12} {t['pairs']:>5} {t['found']:>5} {p:>9} {t['recall']:>6.2f}")
        for k, t in r["negatives"].items():
            if t["pairs"]:
                print(f"{k:<12} {t['pairs']:>5} negative pairs, {t['reported']} reported")
        print(f"direction right on {r['direction']:.2f} of {r['direction_pairs']} found copies")
    failed = False
    for m in a.min:
        kind, _, level = m.partition("=")
        if kind == "direction":
            if r["direction"] < float(level):
                print(f"FAIL: direction accuracy {r['direction']:.3f} is below {level}", file=sys.stderr)
                failed = True
            continue
        if kind not in r["kinds"]:
            sys.exit(f"--min: no gold pairs of kind {kind!r}; kinds: {', '.join(r['kinds'])}")
        t = r["kinds"][kind]
        for metric in ("precision", "recall"):
            if t[metric] is None or t[metric] < float(level):
                shown = "n/a" if t[metric] is None else f"{t[metric]:.3f}"
                print(f"FAIL: {kind} {metric} {shown} is below {level}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
