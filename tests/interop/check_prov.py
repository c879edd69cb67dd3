#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
"""Checks sourcetrace's PROV-JSON and PROV-N against python3-prov, both ways.

1. export_prov writes the seed story; python-prov must load the PROV-JSON
   with the record counts the C++ side says it wrote.
2. python-prov must serialize it back to PROV-JSON and PROV-N, and
   sourcetrace must read both with the same counts.
3. A document python-prov writes from scratch (bundle, typed and
   language-tagged values, qualified names) must read in sourcetrace with
   python-prov's counts and import with nothing silently lost.

Exits 77 (skipped) when python3-prov is missing.
"""
import argparse
import collections
import datetime
import json
import os
import subprocess
import sys

try:
    import prov.model as pm
    from prov.constants import PROV_N_MAP
except ImportError:
    print("SKIPPED: python3-prov is not installed")
    sys.exit(77)

failures = []


def check(what, got, expected):
    if got != expected:
        failures.append(f"{what}: got {got}, expected {expected}")
        print(f"FAIL {what}: got {got}, expected {expected}")
    else:
        print(f"ok   {what}")


def counts(document):
    c = collections.Counter(PROV_N_MAP[r.get_type()] for r in document.get_records())
    for bundle in document.bundles:
        c.update(PROV_N_MAP[r.get_type()] for r in bundle.get_records())
    return dict(sorted(c.items()))


def read_with_sourcetrace(exe, flag, path):
    out = subprocess.run([exe, flag, path], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.work_dir, exist_ok=True)
    exe = os.path.join(args.bin_dir, "export_prov")
    subprocess.run([exe, args.work_dir], check=True)
    work = lambda name: os.path.join(args.work_dir, name)

    # 1. python-prov loads what sourcetrace wrote.
    with open(work("counts.json")) as f:
        written = json.load(f)
    document = pm.ProvDocument.deserialize(work("seed.provjson"), format="json")
    check("python-prov record counts of seed.provjson", counts(document), written)

    # 2. python-prov writes it back; sourcetrace reads python's PROV-JSON and PROV-N.
    again = document.serialize(format="json")
    check("counts after a python-prov PROV-JSON round trip",
          counts(pm.ProvDocument.deserialize(content=again, format="json")), written)
    with open(work("python-seed.provjson"), "w") as f:
        f.write(again)
    with open(work("python-seed.provn"), "w") as f:
        f.write(document.serialize(format="provn"))
    seed = read_with_sourcetrace(exe, "--read", work("python-seed.provjson"))
    check("sourcetrace counts of python-prov's PROV-JSON", seed["counts"], written)
    check("issues importing python-prov's PROV-JSON of the seed story", seed["issues"], 0)
    check("statements imported from python-prov's PROV-JSON", seed["statements"], written["wasAttributedTo"])
    check("derivations imported from python-prov's PROV-JSON", seed["derivations"], written["wasDerivedFrom"])
    seed_n = read_with_sourcetrace(exe, "--read-provn", work("python-seed.provn"))
    check("sourcetrace counts of python-prov's PROV-N", seed_n["counts"], written)
    check("statements imported from python-prov's PROV-N", seed_n["statements"], written["wasAttributedTo"])

    # 3. A document python-prov writes from scratch.
    d = pm.ProvDocument()
    ex = d.add_namespace("ex", "https://example.org/news#")
    d.agent(ex["korea-herald"], {"prov:type": pm.PROV["Organization"], "prov:label": "The Korea Herald"})
    d.agent(ex["lee"], {"prov:type": pm.PROV["Person"],
                        "prov:label": pm.Literal("Lee Seong-kweun", langtag="en")})
    d.activity(ex["briefing"], datetime.datetime(2025, 6, 26, 10, 0), datetime.datetime(2025, 6, 26, 12, 0))
    d.entity(ex["notes"], {"prov:label": "briefing notes", ex["troops"]: 11000})
    d.entity(ex["remarks"], {"prov:label": "Lee's remarks"})
    d.entity(ex["article"], {"prov:label": "the article", ex["score"]: 0.5})
    d.wasGeneratedBy(ex["notes"], ex["briefing"])
    d.wasAttributedTo(ex["remarks"], ex["lee"])
    d.wasAttributedTo(ex["article"], ex["korea-herald"])
    d.wasDerivedFrom(ex["remarks"], ex["notes"], other_attributes={"prov:type": pm.PROV["PrimarySource"]})
    d.wasDerivedFrom(ex["article"], ex["remarks"], other_attributes={"prov:type": pm.PROV["Quotation"]})
    d.used(ex["briefing"], ex["notes"])
    b = d.bundle(ex["digest"])
    b.entity(ex["digest-item"], {"prov:label": "digest item"})
    b.wasDerivedFrom(ex["digest-item"], ex["article"])
    with open(work("foreign.provjson"), "w") as f:
        f.write(d.serialize(format="json"))
    with open(work("foreign.provn"), "w") as f:
        f.write(d.serialize(format="provn"))
    foreign = read_with_sourcetrace(exe, "--read", work("foreign.provjson"))
    check("sourcetrace counts of a python-prov document", foreign["counts"], counts(d))
    check("statements imported from it", foreign["statements"], 4)
    check("derivations imported from it", foreign["derivations"], 3)
    check("records reported as not mapped (the usage)", foreign["issues"], 1)
    foreign_n = read_with_sourcetrace(exe, "--read-provn", work("foreign.provn"))
    check("sourcetrace counts of its PROV-N", foreign_n["counts"], counts(d))

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
