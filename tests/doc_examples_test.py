#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Runs every `$ sourcetrace ...` example of the given Markdown files and
checks that the output shown is what the command prints, so the docs stay
true to the code. Usage:

    doc_examples_test.py SOURCETRACE REPO_ROOT FILE.md... [--update]

An example is a line `$ sourcetrace ARGS` inside a fenced block; its output is
the lines after it up to the next `$ ` line, a blank line before one, or the
block's end. A line `...` in the shown output stands for any number of lines
the doc leaves out, and a line that ends in `...` for any line that starts
as it does. A fenced block right after a line `<!-- output of: sourcetrace
ARGS -->` is checked as the output of that command. `# exit N` after the command gives its exit code (0
otherwise). Examples that read a file the docs invent (`bad.json`, see
INVENTED), or that write files (`-o`), are left alone and counted as skipped.

With --update the shown output of an example that elides nothing is replaced
by what the command prints; one that elides lines is left to be edited by hand."""
import os
import re
import shlex
import subprocess
import sys

args = [a for a in sys.argv[1:] if a != "--update"]
update = "--update" in sys.argv[1:]
binary, root, files = args[0], args[1], args[2:]
passed = failed = skipped = 0


# Files the docs' examples invent (a corpus with mistakes) or that an earlier
# example writes: an example that reads one is skipped. Any other file an
# example names must exist, so a renamed path fails here instead of being skipped.
INVENTED = {"bad.json", "bad.jsonl", "herald.json", "seed.provjson", "corpus.json", "big.jsonl", "x.json", "x.jsonl"}


def runnable(argv):
    """Returns false for an example that writes files (-o) or reads one the docs invent."""
    return "-o" not in argv and not any(a in INVENTED for a in argv)


def line_pattern(line):
    """The pattern of one shown line: `...` alone (indented or not) is any run of lines; a line
    that ends in `...` is any line that starts with what comes before it."""
    if line.strip() == "...":
        return ".*?"
    if line.endswith("..."):
        return re.escape(line[:-3]) + "[^\n]*\n"
    return re.escape(line + "\n")


def matches(shown, actual):
    """Returns true when `actual` (lines) is `shown` (lines), read by `line_pattern`."""
    pattern = "".join(line_pattern(line) for line in shown)
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual), re.S) is not None


for path in files:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i, in_block = [], 0, False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.startswith("```"):
            in_block = not in_block
            # A block after `<!-- output of: sourcetrace ARGS -->` is that command's output, whole or elided.
            m = re.fullmatch(r"<!-- output of: (sourcetrace .*) -->", lines[i - 2]) if i >= 2 else None
            if not (in_block and m):
                continue
            command, comment = m.group(1), ""
        elif in_block and line.startswith("$ sourcetrace "):
            command, _, comment = line[2:].partition(" #")
        else:
            continue
        code = int(m.group(1)) if (m := re.search(r"exit (\d+)", comment)) else 0
        # The output shown: up to the next command, the blank line before one, or the block's end.
        j = i
        while j < len(lines) and not lines[j].startswith("```") and not lines[j].startswith("$ "):
            j += 1
        end = j
        while end > i and lines[end - 1] == "":
            end -= 1
        shown = lines[i:end]
        argv = shlex.split(command)[1:]
        if not runnable(argv):
            skipped += 1
            continue
        p = subprocess.run([binary] + argv, cwd=root, capture_output=True, text=True)
        actual = (p.stdout + p.stderr).rstrip("\n").split("\n") if (p.stdout + p.stderr) else []
        where = f"{os.path.relpath(path, root)}:{i}: {command}"
        if p.returncode == code and matches(shown, actual):
            passed += 1
        elif update and p.returncode == code and not any(x.endswith("...") for x in shown):
            out.extend(actual)
            i = end
            passed += 1
            print(f"UPDATED: {where}")
        else:
            failed += 1
            print(f"FAILED: {where}")
            if p.returncode != code:
                print(f"  exit code {p.returncode}, expected {code}")
            for k, (a, b) in enumerate(zip(shown + [""] * len(actual), actual + [""] * len(shown))):
                if a != b and not a.endswith("..."):
                    print(f"  first difference at output line {k + 1}:\n    shown:  {a}\n    actual: {b}")
                    break
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
