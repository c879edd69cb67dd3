#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Scores `sourcetrace extract` against the labelled articles of
tests/data/extraction/ (docs/accuracy.md says how they were written and
what each figure means).

    extraction_accuracy.py SOURCETRACE DIR... [--gazetteer G.json]
                           [--min source=0.85 --min chain=0.75 ...] [--json]

Each DIR holds articles (NAME.txt), their labels (NAME.gold.json) and a
manifest.jsonl. For each DIR and for all together it prints precision,
recall and F1 of sources, cues, contents and chains, and of own-voice
sentences. With --min METRIC=F it exits 1 when the F1 of METRIC over all
DIRs is below F: the guard test runs it so.
"""

import argparse
import json
import os
import re
import subprocess
import sys

STOP = {"the", "a", "an", "of", "and", "'s", "s"}


def norm_tokens(name):
    name = name.replace("\u2019", "'").lower()
    name = re.sub(r"'s\b", "", name)
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", name)
    return [w for w in words if w not in STOP]


def same_agent(a, b):
    """Two names of one agent: equal, or the words of one within the other's."""
    x, y = norm_tokens(a), norm_tokens(b)
    if not x or not y:
        return False
    if x == y:
        return True
    small, big = (x, y) if len(x) <= len(y) else (y, x)
    return all(w in big for w in small)


def nearest(text, needle, span, before=False):
    """The occurrence of `needle` in `text` nearest to `span` (before it, if asked)."""
    best = None
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            break
        j = i + len(needle)
        if before and j > span[1]:
            break
        d = 0 if (i < span[1] and j > span[0]) else min(abs(i - span[1]), abs(j - span[0]))
        if best is None or d < best[0]:
            best = (d, (i, j))
        start = i + 1
    return best[1] if best else None


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a, b):
    o = overlap(a, b)
    return o / (max(a[1], b[1]) - min(a[0], b[0])) if o else 0.0


class Counts:
    def __init__(self):
        self.tp = {}
        self.pred = {}
        self.gold = {}

    def add(self, metric, tp=0, pred=0, gold=0):
        self.tp[metric] = self.tp.get(metric, 0) + tp
        self.pred[metric] = self.pred.get(metric, 0) + pred
        self.gold[metric] = self.gold.get(metric, 0) + gold

    def merge(self, other):
        for m in other.tp:
            self.add(m, other.tp[m], other.pred[m], other.gold[m])

    def prf(self, metric):
        tp, p, g = self.tp.get(metric, 0), self.pred.get(metric, 0), self.gold.get(metric, 0)
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1


METRICS = ["source", "cue", "content", "chain", "own_voice"]


def score_article(text, gold, predicted):
    c = Counts()
    golds = []
    for g in gold["attributions"]:
        i = text.find(g["content"])
        span = (i, i + len(g["content"]))
        src = None
        if g["source"] is not None:
            src = nearest(text, g["source"], span, before=bool(g.get("carried")))
        cue = nearest(text, g["cue"], span) if g.get("cue") else None
        golds.append({"content": span, "source": src, "cue": cue, "chain": g["chain"],
                      "sourced": g["source"] is not None})
    preds = []
    for p in predicted:
        chain = p["chain"]
        preds.append({
            "content": tuple(p["content"]),
            "sourced": bool(chain),
            "source": tuple(chain[0]["source"]) if chain else None,
            "cue": tuple(chain[0]["cue"]) if chain and chain[0]["cue"] else None,
            "chain": [h["name"] for h in chain],
        })
    # Pair each prediction with the gold attribution its content overlaps
    # most, one to one, largest overlaps first.
    cand = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            o = overlap(p["content"], g["content"])
            if o:
                cand.append((-o, pi, gi))
    cand.sort()
    pair_of_pred, used = {}, set()
    for _, pi, gi in cand:
        if pi in pair_of_pred or gi in used:
            continue
        pair_of_pred[pi] = gi
        used.add(gi)
    for g in golds:
        if g["sourced"]:
            c.add("source", gold=1)
            c.add("content", gold=1)
            c.add("chain", gold=1)
            if g["cue"]:
                c.add("cue", gold=1)
        else:
            c.add("own_voice", gold=1)
    for pi, p in enumerate(preds):
        g = golds[pair_of_pred[pi]] if pi in pair_of_pred else None
        if not p["sourced"]:
            c.add("own_voice", pred=1,
                  tp=int(g is not None and not g["sourced"] and jaccard(p["content"], g["content"]) >= 0.5))
            continue
        ok = g is not None and g["sourced"]
        c.add("source", pred=1, tp=int(ok and g["source"] is not None and overlap(p["source"], g["source"]) > 0))
        c.add("content", pred=1, tp=int(ok and jaccard(p["content"], g["content"]) >= 0.5))
        chain_ok = ok and len(p["chain"]) == len(g["chain"]) and all(
            same_agent(a, b) for a, b in zip(p["chain"], g["chain"]))
        c.add("chain", pred=1, tp=int(chain_ok))
        if p["cue"]:
            c.add("cue", pred=1, tp=int(ok and g["cue"] is not None and overlap(p["cue"], g["cue"]) > 0))
    return c


def score_dir(sourcetrace, d, gazetteer):
    cmd = [sourcetrace, "extract", "--manifest", os.path.join(d, "manifest.jsonl"), "--explain", "--json"]
    if gazetteer:
        cmd += ["--gazetteer", gazetteer]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    by_file = {}
    for line in out.splitlines():
        if line.strip():
            rec = json.loads(line)
            by_file.setdefault(os.path.basename(rec["file"]), []).append(rec)
    total = Counts()
    articles = 0
    for name in sorted(os.listdir(d)):
        if not name.endswith(".gold.json"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(d, gold["file"]), encoding="utf-8") as f:
            text = f.read()
        total.merge(score_article(text, gold, by_file.get(gold["file"], [])))
        articles += 1
    return articles, total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sourcetrace")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--gazetteer")
    ap.add_argument("--min", action="append", default=[], metavar="METRIC=F1")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    overall = Counts()
    rows = []
    n_all = 0
    for d in a.dirs:
        n, c = score_dir(a.sourcetrace, d, a.gazetteer)
        overall.merge(c)
        n_all += n
        rows.append((os.path.basename(os.path.normpath(d)), n, c))
    rows.append(("all", n_all, overall))
    if a.json:
        print(json.dumps({name: {"articles": n, **{m: dict(zip(("precision", "recall", "f1"),
                                                               [round(x, 3) for x in c.prf(m)]))
                                                   for m in METRICS}} for name, n, c in rows},
                         sort_keys=True))
    else:
        print(f"{'set':<10} {'articles':>8}  " + "  ".join(f"{m + ' P/R/F1':>20}" for m in METRICS))
        for name, n, c in rows:
            cells = ["{:.2f}/{:.2f}/{:.2f}".format(*c.prf(m)) for m in METRICS]
            print(f"{name:<10} {n:>8}  " + "  ".join(f"{x:>20}" for x in cells))
    failed = False
    for m in a.min:
        metric, _, level = m.partition("=")
        if metric not in METRICS:
            sys.exit(f"--min: unknown metric {metric!r}; one of {', '.join(METRICS)}")
        f1 = overall.prf(metric)[2]
        if f1 < float(level):
            print(f"FAIL: {metric} F1 {f1:.3f} is below {level}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
