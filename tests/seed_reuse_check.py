#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The five seed articles report one story in their own words: `reuse` finds
no pair among them. Usage: seed_reuse_check.py SOURCETRACE SEEDS_DIR.
Exits 77 (skipped) where SEEDS_DIR does not exist."""
import glob
import os
import subprocess
import sys

binary, seeds = sys.argv[1:3]
if not os.path.isdir(seeds):
    print(f"skipped: {seeds} is not here")
    sys.exit(77)
files = sorted(glob.glob(os.path.join(seeds, "*.txt")))
if len(files) != 5:
    sys.exit(f"expected the five seed articles in {seeds}, found {len(files)}")
p = subprocess.run([binary, "reuse", "--json", *files], capture_output=True, text=True)
if p.returncode != 0 or p.stdout != "":
    sys.exit(f"reuse on the seeds: exit {p.returncode}, pairs:\n{p.stdout}{p.stderr}")
print("reuse: no pair among the five seed articles")
