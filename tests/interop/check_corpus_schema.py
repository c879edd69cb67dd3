#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The corpus files the project ships, and what write_corpus writes, validate
against docs/corpus.schema.json (with python3-jsonschema)."""
import argparse
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
parser = argparse.ArgumentParser()
parser.add_argument("--bin-dir", required=True)
parser.add_argument("--work-dir", required=True)
args = parser.parse_args()

try:
    import jsonschema
except ImportError:
    print("SKIPPED: python3-jsonschema is not installed")
    sys.exit(77)

with open(os.path.join(root, "docs", "corpus.schema.json")) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

os.makedirs(args.work_dir, exist_ok=True)
written = os.path.join(args.work_dir, "seed_written.json")
subprocess.run([os.path.join(args.bin_dir, "write_seed_corpus"), written], check=True)

passed = failed = 0
for path in [os.path.join(root, "examples", "data", "seed_story.json"),
             os.path.join(root, "tests", "data", "circular.json"),
             os.path.join(root, "tests", "data", "mentions.json"),
             os.path.join(root, "tests", "data", "extracted.json"), written]:
    with open(path) as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        failed += 1
        for e in errors[:10]:
            print(f"FAILED: {path}: {list(e.path)}: {e.message}")
    else:
        passed += 1

# A corpus the reader refuses for its shape is refused by the schema too.
bad = {"agents": [{"id": "a", "kind": "person", "colour": "red"}]}
if list(validator.iter_errors(bad)):
    passed += 1
else:
    failed += 1
    print("FAILED: the schema accepts an unknown field")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
