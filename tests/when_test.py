#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Runs `sourcetrace when` on open-ended, counted and event-relative
expressions, checking its text and --json output and its exit codes.
Usage: when_test.py SOURCETRACE"""
import json
import subprocess
import sys

binary = sys.argv[1]
passed = failed = 0


def run(*args):
    p = subprocess.run([binary, "when", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAILED: {name} {detail}")


# Text: open ends are written as ISO 8601-2 intervals.
rc, out, _ = run("--published", "2025-06-27", "by August", "as soon as July", "since September",
                 "in July, August", "two weeks ago", "within three months", "soon")
check("when exits 0", rc == 0, rc)
check("open-ended text", out.splitlines() == [
    "../2025-08-31", "2025-07-01/..", "2024-09-01/2025-06-27", "2024-07-01/2024-08-31",
    "2025-06-13", "2025-06-27/2025-09-27", "unresolved"], out)

# --tense future: a statement that looks ahead ("may send more troops in July, August").
rc, out, _ = run("--published", "2025-06-27", "--tense", "future", "in July, August", "by August")
check("--tense future", out.splitlines() == ["2025-07-01/2025-08-31", "../2025-08-31"], out)
rc, out, _ = run("--published", "2025-06-27", "--tense", "past", "as early as October", "by August")
check("--tense past", out.splitlines() == ["2024-10", "../2024-08-31"], out)
rc, _, err = run("--published", "2025-06-27", "--tense", "someday", "July")
check("an unknown --tense exits 2", rc == 2, (rc, err))

# --explain: the rule says the bound.
rc, out, _ = run("--published", "2025-06-27", "--explain", "by August")
check("--explain of a deadline", out == "../2025-08-31\tby August\tmonth name: the next that ends on or after "
      "publication; forward-looking cue \"by\" (a deadline): on or before its last day\n", out)

# --anchor: event-relative expressions need it and use it.
rc, out, _ = run("--published", "2025-06-27", "--explain", "about a month after Shoigu's trip")
check("without --anchor the rule names the event needed",
      out == "unresolved\tabout a month after Shoigu's trip\tunresolved: needs the date of the event it is "
      "relative to (\"Shoigu's trip\")\n", out)
rc, out, _ = run("--published", "2025-06-27", "--anchor", "2025-06-17", "--anchor-id", "shoigu-visit", "--explain",
                 "about a month after Shoigu's trip", "shortly afterward", "since then")
lines = out.splitlines()
check("--anchor resolves", [line.split("\t")[0] for line in lines] ==
      ["2025-07-10/2025-07-24", "2025-06-17/2025-07-01", "2025-06-17/2025-06-27"], out)
check("--anchor-id is named in the rule", all("anchor event \"shoigu-visit\": 2025-06-17" in line for line in lines),
      out)
rc, out, _ = run("--published", "2025-06-27", "--anchor", "../2025-08-31", "a month later")
check("an open-ended anchor stays open", out == "../2025-09-30\n", out)
rc, _, err = run("--published", "2025-06-27", "--anchor", "2025-02-30", "a month later")
check("an impossible --anchor exits 2", rc == 2 and "2025-02-30" in err, (rc, err))

# --json: one object per expression, keys sorted; an open side has no day.
rc, out, _ = run("--published", "2025-06-27", "--json", "by August", "as soon as July", "June 26", "soon")
check("--json exits 0", rc == 0, rc)
docs = [json.loads(line) for line in out.splitlines()]
check("--json one line per expression", len(docs) == 4, out)
check("--json keys sorted", all(list(d) == sorted(d) for d in docs), out)
check("--json open start", {k: docs[0][k] for k in ("expression", "first", "last", "open_start", "open_end",
                                                   "precision", "value")} ==
      {"expression": "by August", "first": None, "last": "2025-08-31", "open_start": True, "open_end": False,
       "precision": "period", "value": "../2025-08-31"}, docs[0])
check("--json open end", (docs[1]["first"], docs[1]["last"], docs[1]["open_end"], docs[1]["value"]) ==
      ("2025-07-01", None, True, "2025-07-01/.."), docs[1])
check("--json a day", (docs[2]["first"], docs[2]["last"], docs[2]["open_start"], docs[2]["precision"]) ==
      ("2025-06-26", "2025-06-26", False, "day"), docs[2])
check("--json unresolved", (docs[3]["value"], docs[3]["first"], docs[3]["open_start"], docs[3]["rule"]) ==
      (None, None, None, "unresolved: vague (\"soon\"); names no date"), docs[3])
rc2, out2, _ = run("--published", "2025-06-27", "--json", "by August", "as soon as July", "June 26", "soon")
check("--json is byte-identical across runs", out == out2)

# The publication date must be a day.
rc, _, _ = run("--published", "2025-06", "July")
check("a month as --published exits 2", rc == 2, rc)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
