#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Runs the sourcetrace command on the seed story and small corpora, checking
outputs, exit codes and determinism. Usage: cli_test.py SOURCETRACE EXAMPLE_DATA_DIR TEST_DATA_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

binary, example_data, test_data = sys.argv[1:4]
binary = os.path.abspath(binary)
seed = os.path.join(example_data, "seed_story.json")
circular = os.path.join(test_data, "circular.json")
passed = failed = 0


def run(*args, stdin=None, cwd=None):
    p = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAILED: {name} {detail}")


# check
rc, out, _ = run("check", seed)
check("check seed exits 0", rc == 0, rc)
check("check seed counts", out == f"{seed}: valid: 39 agents, 14 events, 76 claims, 214 statements, 118 derivations, 0 cycles\n", out)
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as bad:
    bad.write('{"agents": [{"id": "nis", "kind": "agency"}],\n "claims": [{"id": "c", "text": 5}]}\n')
rc, out, _ = run("check", bad.name)
check("check bad exits 2", rc == 2, rc)
check("check bad lists every problem", out.splitlines() == [
    f'{bad.name}:1:35: agent "nis": field "kind": expected one of organization, person, outlet, anonymous, found "agency"',
    f'{bad.name}:2:33: claim "c": field "text": expected a string, found a number',
    f"{bad.name}: invalid: 2 problems, nothing loaded"], out)
rc, _, err = run("origins", bad.name)
check("an analysis on a bad corpus exits 2 with the problems on stderr", rc == 2 and "nothing loaded" in err, (rc, err))
rc, out, _ = run("check", circular, "--fail-on-cycles")
check("check --fail-on-cycles exits 1 on circular reporting", rc == 1 and out.endswith("2 cycles\n"), (rc, out))
rc, _, _ = run("check", "/nonexistent.json")
check("a missing file exits 2", rc == 2, rc)

# origins --json: the documented contract
rc, out, _ = run("origins", seed, "--json")
rc2, out2, _ = run("origins", seed, "--json")
check("origins --json exits 0", rc == 0, rc)
check("origins --json is byte-identical across runs", out == out2)
doc = json.loads(out)
check("origins --json has exactly the three keys, sorted", list(doc) == ["cycles", "origins", "unsourced"], list(doc))
check("origins keys are sorted", list(doc["origins"]) == sorted(doc["origins"]))
check("every origin list is sorted", all(v == sorted(v) for v in doc["origins"].values()))
check("origins cover every statement", len(doc["origins"]) == 214, len(doc["origins"]))
check("the July/August report rests on the NIS briefing",
      doc["origins"]["deploy-jul-aug/korea-herald@herald-2025-06-27#body"] == ["deploy-jul-aug/nis@nis-briefing-2025-06-26"])
# What an outlet states in its own voice: the site's background, the Herald's own 11,000, the blog's estimate.
check("unsourced lists what outlets state in their own voice", len(doc["unsourced"]) == 39 and all(
    u in doc["unsourced"] for u in ["defence-pact-2024/news-site@site-2025-06#body",
                                    "first-deployment/korea-herald@herald-2025-06-27#deck",
                                    "first-deployment/news-blog@blog-2025-06#body"]), doc["unsourced"])
check("no cycles in the seed story", doc["cycles"] == [])
rc, out, _ = run("origins", circular, "--json", "--fail-on-cycles")
doc = json.loads(out)
check("origins --fail-on-cycles exits 1", rc == 1, rc)
check("cycles are listed with sorted ids", doc["cycles"] == [["a", "b"], ["c", "d"]], doc["cycles"])
check("statements on a closed cycle have no origin", doc["origins"]["a"] == [] and doc["origins"]["d"] == [])

# duplicates
rc, out, _ = run("duplicates", seed, "--claim", "deploy-jul-aug")
check("duplicates text", out.splitlines()[0] == "deploy-jul-aug: 3 reports (9 mentions), 1 independent origin, 1 unsourced", out)
rc, out, _ = run("duplicates", seed, "--json")
doc = json.loads(out)
claims = {c["id"]: c for c in doc["claims"]}
check("duplicates --json covers every claim", len(claims) == 76)
check("duplicates --json counts articles and mentions apart",
      (claims["deploy-jul-aug"]["report_count"], claims["deploy-jul-aug"]["mention_count"]) == (3, 9), claims["deploy-jul-aug"])
check("duplicates --json counts", claims["up-to-12000"]["independent_origins"] == 2 and claims["up-to-12000"]["report_count"] == 1 and claims["up-to-12000"]["mention_count"] == 1)
check("duplicates --json is sorted by claim", [c["id"] for c in doc["claims"]] == sorted(claims))

# trace
rc, out, _ = run("trace", seed, "--claim", "ceasefire-fragile")
check("trace text", out == "ceasefire-fragile/korea-herald@herald-2025-06-27#paraphrased\n"
      "  -paraphrases-> ceasefire-fragile/park-sun-won -paraphrases-> ceasefire-fragile/nis@nis-briefing-2025-06-26\n"
      "ceasefire-fragile/korea-herald@herald-2025-06-27#quoted\n"
      "  -quotes-> ceasefire-fragile/park-sun-won -paraphrases-> ceasefire-fragile/nis@nis-briefing-2025-06-26\n"
      "ceasefire-fragile/news-blog@blog-2025-06#paraphrased\n"
      "  -paraphrases-> ceasefire-fragile/nis@nis-briefing-2025-06-26\n"
      "ceasefire-fragile/news-blog@blog-2025-06#quoted\n"
      "  -quotes-> ceasefire-fragile/nis@nis-briefing-2025-06-26\n", out)
rc, out, _ = run("trace", circular, "--json")
doc = json.loads(out)
ends = sorted((p["end"], p["cycle"]) for s in doc["statements"] for p in s["paths"])
# Reports are a, b (publications) and c; d is the agency's statement others cite.
# Each is on a cycle: traced to it, and each cycle written once.
check("trace --json stops at cycles", ends == [("cycle", "a"), ("cycle", "a"), ("cycle", "c")], ends)
check("trace --json writes each cycle once",
      [(c["id"], c["statements"], c["closed"]) for c in doc["cycles"]] == [("a", ["a", "b"], True), ("c", ["c", "d"], True)],
      doc["cycles"])
rc, out, _ = run("trace", circular)
check("trace text traces each statement to its cycle and shows the cycle once", out ==
      "a\n  (on the cycle at a: circular reporting, shown below)\n"
      "b\n  (on the cycle at a: circular reporting, shown below)\n"
      "c\n  (on the cycle at c: circular reporting, shown below)\n"
      "cycles (circular reporting):\n"
      "the cycle at a: 2 statements, closed: what rests on it rests on no origin\n"
      "  a -cites-> b\n  b -copies-> a\n"
      "the cycle at c: 2 statements, closed: what rests on it rests on no origin\n"
      "  c -cites-> d\n  d -cites-> c\n", out)
# A claim whose only statements sit on a closed cycle has no report: trace
# still says where they rest, never prints nothing.
rc, out, _ = run("trace", circular, "--claim", "echo")
check("trace of a claim with no report outside its cycle still shows the cycle",
      rc == 0 and "the cycle at c: 2 statements, closed" in out, out)
rc, _, err = run("trace", seed, "--claim", "nope")
check("an unknown claim exits 2 naming it", rc == 2 and 'unknown claim id "nope"' in err, (rc, err))

# standard input and JSON Lines
with open(seed) as f:
    text = f.read()
rc, out, _ = run("check", "-", stdin=text)
check("a corpus on standard input", rc == 0 and out.startswith("-: valid: 39 agents"), out)

# report
rc, out, _ = run("report", seed)
check("report shows the verdict", rc == 0 and "\n3 reports (9 mentions), 1 independent origin, 1 unsourced\n" in out)

# when and quantity
rc, out, _ = run("when", "--published", "2025-06-27", "Thursday", "October last year", "July or August", "someday")
check("when", out.splitlines() == ["2025-06-26", "2024-10", "2024-07-01/2024-08-31", "unresolved"], out)
rc, _, _ = run("when", "--published", "2025-02-30", "Thursday")
check("when rejects an impossible publication date", rc == 2)
rc, out, _ = run("quantity", "as many as 12,000", "20,000 to 25,000")
lines = [json.loads(l) for l in out.splitlines()]
check("quantity", lines[0]["upper"] == 12000 and lines[0]["lower"] is None and lines[1]["qualifier"] == "range", out)

# timeline, drift, grade
rc, out, _ = run("timeline", seed, "--json")
doc = json.loads(out)
deploy = next(c for c in doc["claims"] if c["id"] == "deploy-jul-aug")
check("timeline --json origin date", deploy["origin_date"] == "2025-06-26" and deploy["last_report"] == "2025-06-27", deploy)
herald = next(r for r in deploy["reports"] if r["id"] == "deploy-jul-aug/korea-herald@herald-2025-06-27#body")
check("timeline --json delay", herald["delay_min"] == 1 and herald["delay_max"] == 1, herald)
check("timeline --json: a day's order is certain", herald["order_uncertain"] is False and herald["mentions"] == 3, herald)
deminers = next(c for c in doc["claims"] if c["id"] == "deminers-1000")["reports"][0]
# The NIS spoke between 2025-09-01 and 2025-11-30, the article appeared between
# 2025-10-21 and 2025-11-30: from 40 days before to 90 days after.
check("timeline --json keeps the raw range and marks the order uncertain",
      (deminers["delay_min"], deminers["delay_max"], deminers["order_uncertain"]) == (-40, 90, True), deminers)
undated = next(r for c in doc["claims"] for r in c["reports"] if r["delay_min"] is None)
check("timeline --json: no delay, no order", undated["order_uncertain"] is None, undated)
rc, out, _ = run("timeline", seed)
check("timeline text never says a report came before its origin when the dates cannot tell",
      "  2025-10-21/2025-11-30  0..90 days after its origin (dates too coarse to order)  "
      "deminers-1000/pravda@pravda-2025-11#body\n" in out and " -40" not in out and "before its origin" not in out, out)
rc, out, _ = run("drift", seed, "--claim", "first-deployment")
check("drift text", out.splitlines()[0] == "first-deployment: when precision: 2024-10-01/2024-12-31 vs 2024-10", out)
check("drift text: the Herald's own October against the blog's own November",
      "first-deployment: when contradiction: 2024-10 vs 2024-11\n" in out, out)
rc, out, _ = run("drift", seed, "--json")
doc = json.loads(out)
kinds = [(f["claim"], f["aspect"], f["kind"]) for f in doc["findings"]]
# 44 findings in 17 claims; the per-claim counts, by kind, as read from the articles.
by_claim = {}
for c, a, k in kinds:
    by_claim[c] = by_claim.get(c, 0) + 1
check("drift --json findings", len(kinds) == 44 and len(by_claim) == 17 and by_claim["deploy-jul-aug"] == 7
      and ("first-deployment", "when", "contradiction") in kinds
      and ("more-troops-feb-2025", "modality", "hardened") in kinds
      and kinds.count(("shells-supplied", "quantity", "precision")) == 3
      and [c for c, _, _ in kinds] == sorted(c for c, _, _ in kinds), kinds)
# The news site gives the second deployment's 4,000 troops without the month:
# a version not given, named "no date", unquoted in the text.
dropped = next((f for f in doc["findings"] if f["claim"] == "second-deployment"), None)
check("drift --json: a dropped date is a version not given",
      dropped is not None and (dropped["a"]["given"], dropped["a"]["value"], dropped["a"]["statements"], dropped["b"]["given"],
       dropped["b"]["value"]) == (False, "no date", ["second-deployment/news-site@site-2025-06#body"], True, "2025-02"),
      dropped)
check("drift --json: every version says whether it was given",
      all(isinstance(f[v].get("given"), bool) and isinstance(f[v]["value"], str) for f in doc["findings"] for v in "ab"),
      doc)
rc, out, _ = run("drift", seed, "--claim", "second-deployment")
check("drift text names the version not given unquoted", out.splitlines()[:3] == [
    "second-deployment: when precision: no date vs 2025-02",
    "  no date: second-deployment/news-site@site-2025-06#body",
    '  "2025-02": second-deployment/korea-herald@herald-2025-06-27#body second-deployment/korea-herald@herald-2025-06-27#deck'],
      out)
rc, out, _ = run("grade", seed, "--claim", "deploy-jul-aug")
check("grade text", out == "deploy-jul-aug: 3 (possibly true) 3 reports (9 mentions), 1 first-hand origin, 1 unsourced "
      "statement, and statements disagree on when (../2025-08-31 vs 2025-07-01/2025-08-31): not confirmed.\n", out)
rc, out, _ = run("grade", seed, "--json")
grades = {c["id"]: c["grade"] for c in json.loads(out)["claims"]}
check("grade --json", grades["deploy-jul-aug"] == 3 and grades["up-to-12000"] == 1 and grades["defence-pact-2024"] == 6
      and grades["casualty-rate-50pct"] == 2, grades)
for sub in ["timeline", "drift", "grade"]:
    a = run(sub, seed, "--json")[1]
    b = run(sub, seed, "--json")[1]
    check(f"{sub} --json is byte-identical across runs", a == b)

# export, import, render
work = tempfile.mkdtemp()
prov_json = os.path.join(work, "seed.provjson")
rc, _, _ = run("export", seed, "--to", "prov-json", "-o", prov_json)
check("export --to prov-json", rc == 0 and "entity" in json.load(open(prov_json)), rc)
corpus_back = os.path.join(work, "back.json")
rc, _, err = run("import", prov_json, "-o", corpus_back)
check("import of our own PROV-JSON loses nothing", rc == 0 and err.endswith("0 records not imported\n"), (rc, err))
rc, out, _ = run("check", corpus_back)
check("the imported corpus has the seed story's size", "39 agents, 14 events, 76 claims, 214 statements, 118 derivations" in out, out)
rc, a, _ = run("origins", seed, "--json")
rc, b, _ = run("origins", corpus_back, "--json")
check("origins survive a PROV-JSON round trip", a == b)
rc, out, _ = run("export", seed, "--to", "prov-n")
check("export --to prov-n", rc == 0 and out.startswith("document"), out[:40])
rc, out, _ = run("export", seed, "--to", "graphml")
check("export --to graphml", rc == 0 and "<graphml" in out)
rc, out, _ = run("export", seed, "--to", "dot")
check("export --to dot", rc == 0 and out.startswith("digraph"), out[:40])
rc, out, _ = run("export", seed, "--to", "corpus")
check("export --to corpus writes the corpus back", rc == 0 and json.loads(out)["sourcetrace"] == 1)
rc, lines_out, _ = run("export", seed, "--to", "corpus-jsonl")
check("export --to corpus-jsonl writes one record a line", rc == 0 and len(lines_out.splitlines()) == 39 + 14 + 76 + 214 + 118
      and all("record" in json.loads(l) for l in lines_out.splitlines()), rc)
rc, from_lines, _ = run("export", "-", "--format", "jsonl", "--to", "corpus", stdin=lines_out)
check("the JSON Lines export reads back to the same corpus", rc == 0 and from_lines == out, from_lines[:80])
rc, _, _ = run("export", seed, "--to", "pdf")
check("export to an unknown format is a usage error", rc == 2, rc)
foreign = os.path.join(test_data, "prov", "herald_chain.provn")
rc, _, err = run("import", foreign, "-o", os.path.join(work, "foreign.json"))
check("import of a foreign PROV-N reports what it could not map", rc == 0 and "2 records not imported" in err
      and ": not imported: used:" in err, (rc, err))
foreign_lines = os.path.join(work, "foreign.jsonl")
rc, _, err = run("import", foreign, "-o", foreign_lines)
check("import -o FILE.jsonl writes JSON Lines", rc == 0 and all("record" in json.loads(l) for l in open(foreign_lines)), (rc, err))
check("the JSON Lines import is the same corpus", run("export", foreign_lines, "--to", "corpus")[1]
      == open(os.path.join(work, "foreign.json")).read())
rc, _, _ = run("import", foreign, "--strict", "-o", os.path.join(work, "foreign.json"))
check("import --strict exits 1 when records were not imported", rc == 1, rc)
commented = os.path.join(work, "commented")
with open(foreign) as f, open(commented, "w") as out:
    out.write("// a comment before the document\n" + f.read())
rc, _, err = run("import", commented, "-o", os.path.join(work, "c.json"))
check("import sniffs PROV-N past a leading comment", rc == 0 and "imported 7 statements" in err, (rc, err))
empty = os.path.join(work, "empty")
open(empty, "w").close()
rc, _, err = run("import", empty)
check("import of an empty file says so", rc == 2 and "empty input" in err, (rc, err))
for name, text, message in [
        ("bad_ids.provn", b"document\n  prefix ex <http://example.org/>\n  entity(ex:a\xff)\n  entity(ex:a\xfe)\n"
         b"  wasDerivedFrom(ex:a\xff, ex:a\xfe)\nendDocument\n",
         '3:14: entity: invalid UTF-8 in identifier "ex:a\\xFF"'),
        ("bad_ids.provjson", b'{"prefix": {"ex": "http://example.org/"},\n "entity": {"ex:a\xff": {}, "ex:a\xfe": {}},\n'
         b' "wasDerivedFrom": {"_:d": {"prov:generatedEntity": "ex:a\xff", "prov:usedEntity": "ex:a\xfe"}}}\n',
         '2:18: invalid UTF-8 in key "ex:a\\xFF" (in "entity")')]:
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(text)
    corpus = path + ".json"
    rc, _, err = run("import", path, "-o", corpus)
    check(f"import of {name} exits 2 saying invalid UTF-8 at the byte",
          rc == 2 and err == f"sourcetrace: {path}:{message}\n", (rc, err))
    check(f"import of {name} writes no corpus", not os.path.exists(corpus))
implied = os.path.join(work, "implied.provjson")
with open(implied, "w") as f:
    f.write('{"prefix": {"ex": "http://example.org/"}, "notarealtype": {},\n'
            ' "wasDerivedFrom": {"_:d": {"prov:generatedEntity": "ex:a", "prov:usedEntity": "ex:b"}}}\n')
implied_corpus = os.path.join(work, "implied.json")
rc, _, err = run("import", implied, "-o", implied_corpus)
check("import reports an unknown PROV-JSON key and counts the implied elements", rc == 0 and err.splitlines() == [
    f'{implied}:1:43: not imported: unknown PROV-JSON key "notarealtype": not a PROV type or relation; skipped',
    f"{implied}: imported 2 statements, 1 derivation; 1 record not imported",
    f"{implied}: 2 elements implied by relations (not declared): ex:a, ex:b"], err)
rc, out, _ = run("check", implied_corpus)
check("the corpus import wrote passes check", rc == 0, (rc, out))
rc, _, _ = run("import", implied, "--strict", "-o", implied_corpus)
check("import --strict exits 1 on an unknown PROV-JSON key", rc == 1, rc)
if os.path.exists("/dev/full"):
    with open("/dev/full", "w") as full:
        p = subprocess.run([binary, "origins", seed, "--json"], stdout=full, stderr=subprocess.PIPE, text=True)
    check("output that cannot be written exits 2", p.returncode == 2 and "cannot write" in p.stderr, (p.returncode, p.stderr))
rc, _, _ = run("trace", seed, "--max-paths", "0")
check("--max-paths 0 is a usage error", rc == 2, rc)
picture = os.path.join(work, "seed.svg")
if shutil.which("dot"):
    rc, _, _ = run("render", seed, "-o", picture)
    check("render draws an SVG", rc == 0 and open(picture).read().count('class="node"') == 214, rc)
else:
    print("SKIPPED: render with graphviz (dot is not on PATH)")
p = subprocess.run([binary, "render", seed, "-o", picture], capture_output=True, text=True, env={"PATH": "/nonexistent"})
check("render without graphviz says so", p.returncode == 2 and "install graphviz" in p.stderr, p.stderr)
rc, _, err = run("render", seed, "-o", os.path.join(work, "seed.gif"))
check("render refuses an unknown picture type", rc == 2 and "expected a file name ending in .svg" in err, err)

# limits: each names the flag that raises it
many = os.path.join(work, "many.jsonl")
with open(many, "w") as f:
    for i in range(1, 151):
        f.write(f'{{"record": "agent", "id": "a{i}", "kind": "person", "colour": 1}}\n')
rc, out, _ = run("check", many)
lines = out.splitlines()
check("check shows the first 100 problems, then counts the rest", rc == 2 and len(lines) == 102 and
      lines[99].startswith(f"{many}:100:") and
      lines[100] == "... and 50 more problems (first at line 101), over the limit of 100 shown (--max-errors)" and
      lines[101] == f"{many}: invalid: 150 problems, nothing loaded", (rc, lines[98:]))
rc, out, _ = run("check", many, "--max-errors", "2")
check("--max-errors sets how many are shown", rc == 2 and out.splitlines()[2:] == [
    "... and 148 more problems (first at line 3), over the limit of 2 shown (--max-errors)",
    f"{many}: invalid: 150 problems, nothing loaded"], out)
rc, out, _ = run("check", many, "--max-errors", "0")
check("--max-errors 0 shows every problem", rc == 2 and len(out.splitlines()) == 151, len(out.splitlines()))
rc, _, err = run("origins", many, "--max-errors", "1")
check("an analysis prints the bounded problems on stderr", rc == 2 and err.splitlines()[1:] == [
    "... and 149 more problems (first at line 2), over the limit of 1 shown (--max-errors)",
    "150 problems, nothing loaded"], err)
rc, _, err = run("check", seed, "--max-bytes", "1K")
check("--max-bytes refuses a larger file, naming the flag", rc == 2 and err.startswith(f"sourcetrace: cannot read {seed}: input is ")
      and err.endswith(", over the limit of 1.0 KiB (--max-bytes)\n"), err)
rc, _, err = run("check", "-", "--max-bytes", "100", stdin=open(seed).read())
check("--max-bytes bounds standard input too", rc == 2 and
      err == "sourcetrace: cannot read <stdin>: input is over the limit of 100 bytes (--max-bytes)\n", err)
rc, out, _ = run("check", seed, "--max-records", "3")
check("--max-records stops at the record past it", rc == 2 and "record 4 is over the limit of 3 records (--max-records)" in out, out)
rc, out, _ = run("check", seed, "--max-string", "20")
check("--max-string names the string and the flag", rc == 2 and "is over the limit of 20 bytes (--max-string)" in out, out)
rc, out, _ = run("check", seed, "--max-depth", "2")
check("--max-depth names the flag", rc == 2 and "nesting deeper than the limit of 2 levels (--max-depth)" in out, out)
rc, out, _ = run("check", seed, "--max-bytes", "0", "--max-records", "0", "--max-string", "0")
check("0 lifts a limit", rc == 0, (rc, out))
rc, _, _ = run("check", seed, "--max-depth", "0")
check("--max-depth 0 is a usage error", rc == 2, rc)
for name in ["herald_chain.provjson", "herald_chain.provn"]:
    limited = os.path.join(work, "limited.json")
    rc, _, err = run("import", os.path.join(test_data, "prov", name), "--max-records", "1", "-o", limited)
    check(f"import of {name} takes the limits", rc == 2 and "record 2 is over the limit of 1 record (--max-records)" in err
          and not os.path.exists(limited), err)

# a corpus as fine as the text: article parts, bases, audiences, event kinds
mentions = os.path.join(test_data, "mentions.json")
rc, out, _ = run("check", mentions)
check("check mentions.json", rc == 0 and "valid: 5 agents, 3 events, 3 claims, 9 statements, 5 derivations" in out, out)
rc, out, _ = run("trace", mentions, "--claim", "deploy-jul-aug")
check("trace marks the path that rests on an inference", rc == 0 and out.splitlines() == [
    "deploy-jul-aug/korea-herald@herald-2025-06-27#body",
    "  -paraphrases-> deploy-jul-aug/lee-seong-kweun -cites-> deploy-jul-aug/nis@nis-briefing-2025-06-26",
    "deploy-jul-aug/korea-herald@herald-2025-06-27#headline",
    "  -cites-> deploy-jul-aug/nis@nis-briefing-2025-06-26 (rests on an inference)"], out)
rc, out, _ = run("trace", mentions, "--claim", "deploy-jul-aug", "--json")
paths = {s["id"]: s["paths"][0] for s in json.loads(out)["statements"]}
headline = paths["deploy-jul-aug/korea-herald@herald-2025-06-27#headline"]
body = paths["deploy-jul-aug/korea-herald@herald-2025-06-27#body"]
check("trace --json gives each hop's basis and each path's inference",
      headline["rests_on_inference"] is True and headline["hops"][0]["basis"] == "inferred"
      and body["rests_on_inference"] is False and [h["basis"] for h in body["hops"]] == ["text", "context"], out)
rc, out, _ = run("report", mentions)
check("report names each mention's part", rc == 0 and
      "    mention troops-2024/korea-herald@herald-2025-06-27#own in the body [as stated: 11,000]\n" in out and
      "  report: The Korea Herald (2025-06-27), in the body\n" in out, out)
check("report names drift inside one article and where it entered",
      "  drift (modality, hardened): confirmed (The Korea Herald's headline) vs appears (The Korea Herald's body)\n"
      "    within one article: a summer deployment expected\n"
      "    both rest on National Intelligence Service at closed-door briefing (2025-06-26); confirmed enters at The "
      "Korea Herald's headline -cites-> National Intelligence Service, appears at Lee Seong-kweun -cites-> National "
      "Intelligence Service\n" in out, out)
rc, out, _ = run("drift", mentions, "--claim", "deploy-jul-aug")
check("drift text: sibling hedges show where each enters, not an empty chain", rc == 0 and out == (
    "deploy-jul-aug: modality hardened: confirmed vs appears\n"
    "  \"confirmed\": deploy-jul-aug/korea-herald@herald-2025-06-27#headline\n"
    "  \"appears\": deploy-jul-aug/korea-herald@herald-2025-06-27#body\n"
    "  within one article: herald-2025-06-27\n"
    "  both rest on deploy-jul-aug/nis@nis-briefing-2025-06-26\n"
    "  \"confirmed\" enters at deploy-jul-aug/korea-herald@herald-2025-06-27#headline -cites-> "
    "deploy-jul-aug/nis@nis-briefing-2025-06-26\n"
    "  \"appears\" enters at deploy-jul-aug/lee-seong-kweun -cites-> deploy-jul-aug/nis@nis-briefing-2025-06-26\n"), out)
rc, out, _ = run("drift", mentions, "--json")
check("drift --json names the article of a finding inside one",
      [f["article"] for f in json.loads(out)["findings"]] == ["herald-2025-06-27", "herald-2025-06-27"], out)
rc, out, _ = run("drift", seed, "--json")
publications = {"herald-2025-06-27", "blog-2025-06", "site-2025-06", "pravda-2025-11", "rfa-2025-02-13"}


def one_article(finding):
    """The publication holding every statement of both versions, by their ids, or None."""
    events = {s.partition("@")[2].partition("#")[0] for v in "ab" for s in finding[v]["statements"]}
    return next(iter(events)) if len(events) == 1 and events <= publications else None


findings = json.loads(out)["findings"]
check("drift --json names the article exactly when every statement is in one",
      all(f["article"] == one_article(f) for f in findings)
      and sum(f["article"] is not None for f in findings) == 14, out[:200])
rc, out, _ = run("export", mentions, "--to", "graphml")
check("graphml declares part and basis when the corpus has them",
      rc == 0 and 'attr.name="part"' in out and 'attr.name="basis"' in out and ">headline<" in out, out[:200])
rc, out, _ = run("export", circular, "--to", "graphml")
check("graphml of a corpus without them declares neither", 'attr.name="part"' not in out and 'attr.name="basis"' not in out)
rc, out, _ = run("export", mentions, "--to", "dot")
check("dot labels an inferred hop", 'label="cites (inferred)"' in out and "2025-06-27, headline" in out, out[:300])
rc, out, _ = run("export", mentions, "--to", "corpus")
check("export writes the fine fields back", rc == 0 and '"audience": ["intelligence-committee"]' in out
      and '"kind": "visit"' in out and '"basis": "context"' in out, out[:200])

# extract: plain-text articles to a corpus, and explained
article_dir = tempfile.mkdtemp()
article = os.path.join(article_dir, "a.txt")
with open(article, "w", encoding="utf-8") as f:
    f.write("Exports fell again, ministry says\n\n"
            "The trade ministry said on Tuesday that exports fell for a third month.\n\n"
            "\u201cDemand is weak,\u201d said Ana Ruiz, an economist at Bank Corp.\n\n"
            "She said the slump could last until June.\n\n"
            "Shipments to Europe were the weakest since 2020.\n")
rc, out, err = run("extract", article, "--outlet", "Daily Ledger", "--published", "2025-03-06", "--explain")
check("extract --explain exits 0", rc == 0, (rc, err))
check("extract --explain marks source, cue and content", out == f"""== {article} (2025-03-06)

headline: {{Exports fell again}}, <ministry> [says]
  chain: article <- trade ministry (organization, say)
  claim: c-exports-fell-again

lead: <The trade ministry> [said] on Tuesday that {{exports fell for a third month}}.
  chain: article <- trade ministry (organization, say)
  claim: c-exports-fell-again (grouped at similarity 0.50)

body: \u201c{{Demand is weak}},\u201d [said] <Ana Ruiz>, an economist at Bank Corp.
  chain: article <- Ana Ruiz (person, say)
  claim: c-demand-is-weak

body: <She> [said] {{the slump could last until June}}.
  chain: article <- Ana Ruiz (person, say)
  claim: c-the-slump-could-last-until

body: {{Shipments to Europe were the weakest since 2020}}.
  own voice (unsourced)
  claim: c-shipments-to-europe-were-the

""", out)
rc, out, _ = run("extract", article, "--outlet", "Daily Ledger", "--published", "2025-03-06", "--explain", "--json")
lines = [json.loads(x) for x in out.splitlines()]
check("extract --explain --json gives one object per statement, offsets in characters",
      rc == 0 and len(lines) == 5 and lines[2]["text"] == "Demand is weak"
      and lines[2]["content"] == [109, 123] and lines[2]["chain"][0]["cue_text"] == "said", out[:300])
corpus = os.path.join(article_dir, "out.json")
rc, _, err = run("extract", article, "--outlet", "Daily Ledger", "--published", "2025-03-06", "-o", corpus)
rc2, out2, _ = run("check", corpus)
check("extract writes a corpus that checks", rc == 0 and rc2 == 0 and "valid: 3 agents, 2 events, 4 claims, 8 statements, 4 derivations" in out2,
      (rc, err, out2))
rc, out, _ = run("origins", corpus)
check("an own-voice sentence is unsourced in the corpus", rc == 0 and "c-shipments-to-europe-were-the/daily-ledger@a#s5: c-shipments-to-europe-were-the/daily-ledger@a#s5 [unsourced]" in out
      and "c-exports-fell-again/daily-ledger@a#s1: c-exports-fell-again/trade-ministry@trade-ministry-2025-03-04" in out,
      out[:400])
manifest = os.path.join(article_dir, "m.jsonl")
with open(manifest, "w") as f:
    f.write('{"file": "a.txt", "outlet": "Daily Ledger", "published": "2025-03-06"}\n{"file": "a.txt", "published": "2025-13-01"}\n')
rc, _, err = run("extract", "--manifest", manifest)
check("a bad manifest line exits 2 naming file, line and field",
      rc == 2 and f"{manifest}:2: field \"published\": expected a day YYYY-MM-DD" in err, (rc, err))
gaz = os.path.join(article_dir, "g.json")
with open(gaz, "w") as f:
    f.write('{"agents": [\n {"id": "x", "name": "X", "kind": "agency"}]}\n')
rc, _, err = run("extract", article, "--gazetteer", gaz)
check("a bad gazetteer exits 2 naming file, line, column, agent and field",
      rc == 2 and f'{gaz}:2:35: agent "x": field "kind": expected one of organization, person, outlet, anonymous, found "agency"' in err,
      (rc, err))
dev = os.path.join(test_data, "extraction", "dev", "manifest.jsonl")
rc, a, _ = run("extract", "--manifest", dev)
rc2, b, _ = run("extract", "--manifest", dev)
check("extract is byte-identical across runs", rc == 0 and a == b and '"sourcetrace": 1' in a[:40], rc)
# From the project's root, as the evidence names the file as given.
root = os.path.dirname(os.path.dirname(os.path.abspath(example_data)))
rc, out, err = run("extract", "tests/data/extraction/dev/15-fed-holds-rates.txt", "--outlet", "Example Ledger",
                   "--published", "2025-06-19", cwd=root)
with open(os.path.join(test_data, "extracted.json"), encoding="utf-8") as f:
    golden = f.read()
check("extract of one labelled article gives tests/data/extracted.json byte for byte (see tests/data/README.md)",
      rc == 0 and out == golden, (rc, err))
rc, out, _ = run("export", os.path.join(test_data, "extracted.json"), "--to", "corpus")
check("export keeps the evidence", rc == 0 and out == golden)
shutil.rmtree(article_dir)

# reuse: a copy with its byline and headline changed, and an unrelated article
reuse_dir = tempfile.mkdtemp()
paragraph = ("The harbour board voted on Monday to raise mooring fees by nine percent from April, saying the money "
             "would pay for dredging the main channel and repairing the north quay, which has been closed to larger "
             "vessels since a storm damaged it in January.")
for name, text in [("a.txt", "Harbour fees rise\n\n" + paragraph + "\n"),
                   ("b.txt", "Port charges go up\n\nBy Ann Lee\n\n" + paragraph + "\n"),
                   ("c.txt", "Library extends opening hours\n\nThe town library will stay open until eight in the "
                             "evening on weekdays from next month, after a survey found that most readers wanted later "
                             "hours and fewer staff were needed on Saturday mornings than the council had planned.\n")]:
    with open(os.path.join(reuse_dir, name), "w", encoding="utf-8") as f:
        f.write(text)
with open(os.path.join(reuse_dir, "m.jsonl"), "w") as f:
    f.write('{"file": "a.txt", "outlet": "Coast Post", "published": "2025-03-03", "url": "https://coast-post.test/a"}\n'
            '{"file": "b.txt", "outlet": "Bay News", "published": "2025-03-04"}\n'
            '{"file": "c.txt", "outlet": "Bay News", "published": "2025-03-04"}\n')
# 47 and 51 words: 43 and 47 shingles, 40 shared (the 44-word paragraph's own): Jaccard 40/50, containment 40/43.
rc, out, err = run("reuse", "--manifest", "m.jsonl", cwd=reuse_dir)
check("reuse finds the copy, the later copying the earlier", rc == 0 and out == """b.txt (2025-03-04) copies a.txt (2025-03-03)
  Jaccard 0.800, containment 0.930 (unweighted 0.800, 0.930), 1 shared passage
1 pair among 3 articles (1 candidate pair from 24 bands of 1 row)
""", (rc, out, err))
rc, out, err = run("reuse", "--manifest", "m.jsonl", "--json", cwd=reuse_dir)
check("reuse --json: the passage is the paragraph in both, in characters", rc == 0 and out == (
    '{"a": "a.txt", "b": "b.txt", "jaccard": 0.800, "containment": 0.930, "raw_jaccard": 0.800, '
    '"raw_containment": 0.930, "direction": "b copies a", "shared": [[19, 265, 32, 278]]}\n'), (rc, out, err))
with open(os.path.join(reuse_dir, "a.txt"), encoding="utf-8") as f:
    a_text = f.read()
check("reuse --json: the passage's text", a_text[19:265] == paragraph[:-1])
rc, out, err = run("reuse", "a.txt", "b.txt", "--published", "2025-03-03", cwd=reuse_dir)
check("reuse on files of one day: undecided", rc == 0 and out.startswith(
    "a.txt (2025-03-03) and b.txt (2025-03-03) share text; who copied whom is undecided\n"), (rc, out, err))
rc, out, err = run("reuse", "a.txt", "c.txt", cwd=reuse_dir)
check("reuse on unrelated files finds nothing", rc == 0 and out == "0 pairs among 2 articles (0 candidate pairs from 24 bands of 1 row)\n",
      (rc, out, err))
rc, _, err = run("reuse", "a.txt", "a.txt", cwd=reuse_dir)
check("reuse refuses a file given twice", rc == 2 and 'article "a.txt" is given twice' in err, (rc, err))
rc, _, err = run("reuse", "a.txt", "missing.txt", cwd=reuse_dir)
check("reuse names a missing file", rc == 2 and "missing.txt" in err, (rc, err))
rc, _, err = run("reuse", "a.txt", "b.txt", "--threshold", "0", cwd=reuse_dir)
check("reuse refuses a threshold of 0", rc == 2 and "the Jaccard threshold must be in (0, 1]" in err, (rc, err))
rc, _, err = run("reuse", "a.txt", "b.txt", "--threshold", "0.01", "--containment", "0.01", cwd=reuse_dir)
check("reuse refuses thresholds its LSH plan cannot reach, saying what to raise", rc == 2 and
      "thresholds this low need more than 128 MinHash values per document; raise the Jaccard or the containment threshold"
      in err, (rc, err))
with open(os.path.join(reuse_dir, "bad.txt"), "wb") as f:
    f.write(b"A headline\n\nfine words then \xff broken\n")
rc, _, err = run("reuse", "a.txt", "bad.txt", cwd=reuse_dir)
check("reuse refuses text that is not UTF-8 with its line and column", rc == 2 and "bad.txt:3:17: invalid UTF-8" in err,
      (rc, err))
rc, _, _ = run("reuse", cwd=reuse_dir)
check("reuse without articles exits 2", rc == 2)
# --into a corpus without the articles: each becomes a publication, and the copy derives from its source through
# a claim standing for the shared text; the analyses then count one chain.
with open(os.path.join(reuse_dir, "c.json"), "w") as f:
    f.write("{}\n")
rc, out, err = run("reuse", "--manifest", "m.jsonl", "--into", "c.json", cwd=reuse_dir)
check("reuse --into says what it added", rc == 0 and out.endswith(
    "c.json: 1 copies derivations for 1 pair (0 through claims both state, 1 through their shared text)\n"), (rc, out, err))
with open(os.path.join(reuse_dir, "c.json"), encoding="utf-8") as f:
    into = f.read()
check("reuse --into writes the copy with its figures", '{"from": "text/a/bay-news@b", "to": "text/a/coast-post@a", '
      '"kind": "copies", "reuse": {"jaccard": 0.8, "containment": 0.93}}' in into
      and '{"id": "b", "kind": "publication", "date": "2025-03-04", "host": "bay-news", "title": "Port charges go up"}' in into,
      into)
rc, out, _ = run("duplicates", "c.json", cwd=reuse_dir)
check("a copy and its source are one chain: 2 reports, 1 unsourced origin",
      rc == 0 and out.startswith("text/a: 2 reports, 0 independent origins, 1 unsourced\n"), out)
rc, out, _ = run("report", "c.json", cwd=reuse_dir)
check("the report shows the copy's similarity",
      "path: -copies (Jaccard 0.80, containment 0.93)-> Coast Post (2025-03-03)" in out, out)
rc, out, _ = run("export", "c.json", "--to", "dot", cwd=reuse_dir)
check("the picture labels the copy with its similarity", 'label="copies J 0.80 C 0.93"' in out, out[-400:])
before = into
rc, _, err = run("reuse", "--manifest", "m.jsonl", "--into", "c.json", cwd=reuse_dir)
with open(os.path.join(reuse_dir, "c.json"), encoding="utf-8") as f:
    check("reuse --into again changes nothing", rc == 0 and f.read() == before, err)
rc, _, err = run("reuse", "a.txt", "b.txt", "--into", "c.json", cwd=reuse_dir)
check("reuse --into finds the articles it added before", rc == 0, (rc, err))
with open(os.path.join(reuse_dir, "d.json"), "w") as f:
    f.write("{}\n")
rc, _, err = run("reuse", "a.txt", "b.txt", "--into", "d.json", cwd=reuse_dir)
check("reuse --into refuses an article it cannot place", rc == 2 and 'article "a.txt" is not in the corpus' in err
      and "give --outlet, or a manifest with \"outlet\"" in err, (rc, err))
rc, _, err = run("reuse", "a.txt", "./a.txt", cwd=reuse_dir)
check("reuse refuses one file given under two names", rc == 2 and 'is given twice (also as "' in err, (rc, err))
os.makedirs(os.path.join(reuse_dir, "x"))
os.makedirs(os.path.join(reuse_dir, "y"))
shutil.copy(os.path.join(reuse_dir, "a.txt"), os.path.join(reuse_dir, "x", "story.txt"))
shutil.copy(os.path.join(reuse_dir, "b.txt"), os.path.join(reuse_dir, "y", "story.txt"))
with open(os.path.join(reuse_dir, "d.json"), "w") as f:
    f.write("{}\n")
rc, _, err = run("reuse", "x/story.txt", "y/story.txt", "--outlet", "Bay News", "--into", "d.json", cwd=reuse_dir)
check("reuse --into refuses two articles that would be one publication", rc == 2 and
      'articles "x/story.txt" and "y/story.txt" would both be publication "story"' in err, (rc, err))
# Three copies of one text, one undated: the copies run by date, the undated last, and close no cycle.
for name in ["u1.txt", "u2.txt", "u3.txt"]:
    shutil.copy(os.path.join(reuse_dir, "a.txt"), os.path.join(reuse_dir, name))
with open(os.path.join(reuse_dir, "u.jsonl"), "w") as f:
    f.write('{"file": "u1.txt", "outlet": "One", "published": "2025-02-12"}\n{"file": "u2.txt", "outlet": "Two"}\n'
            '{"file": "u3.txt", "outlet": "Three", "published": "2025-02-10"}\n')
with open(os.path.join(reuse_dir, "u.json"), "w") as f:
    f.write("{}\n")
rc, _, err = run("reuse", "--manifest", "u.jsonl", "--into", "u.json", cwd=reuse_dir)
rc2, out, _ = run("check", "u.json", cwd=reuse_dir)
rc3, dup, _ = run("duplicates", "u.json", cwd=reuse_dir)
check("undated copies close no cycle: one chain on the earliest", rc == 0 and rc2 == 0 and out.endswith(", 0 cycles\n")
      and dup.startswith("text/u3: 3 reports, 0 independent origins, 1 unsourced\n"), (rc, err, out, dup))
bad_copy = into.replace('"kind": "copies", "reuse"', '"kind": "cites", "reuse"')
with open(os.path.join(reuse_dir, "bad.json"), "w") as f:
    f.write(bad_copy)
rc, out, _ = run("check", "bad.json", cwd=reuse_dir)
check("a reuse record on a derivation that is not a copy is refused, named",
      rc == 2 and 'field "reuse": only a copies derivation has one, this one cites' in out, out)
with open(os.path.join(reuse_dir, "bad.json"), "w") as f:
    f.write(into.replace('"jaccard": 0.8', '"jaccard": 1.8'))
rc, out, _ = run("check", "bad.json", cwd=reuse_dir)
check("a similarity over 1 is refused, named", rc == 2 and 'reuse: field "jaccard": expected a number from 0 to 1' in out, out)
# The same pairs, byte for byte, from another process and from the manifest in reverse order.
dev_copy = os.path.join(reuse_dir, "dev")
shutil.copytree(os.path.join(test_data, "reuse"), dev_copy)
with open(os.path.join(dev_copy, "manifest.jsonl"), encoding="utf-8") as f:
    lines = f.read().splitlines()
with open(os.path.join(dev_copy, "reversed.jsonl"), "w", encoding="utf-8") as f:
    f.write("\n".join(reversed(lines)) + "\n")
rc, a, _ = run("reuse", "--manifest", "dev/manifest.jsonl", "--json", cwd=reuse_dir)
rc2, b, _ = run("reuse", "--manifest", "dev/manifest.jsonl", "--json", cwd=reuse_dir)
rc3, c, _ = run("reuse", "--manifest", "dev/reversed.jsonl", "--json", cwd=reuse_dir)
check("reuse is byte-identical across processes and whatever the order of the manifest",
      rc == rc2 == rc3 == 0 and a == b == c and a.count("\n") == 34, (rc, rc2, rc3, len(a), len(c)))
# An extracted corpus: the copies join the claims both articles state.
rc, _, err = run("extract", "--manifest", os.path.abspath(os.path.join(test_data, "reuse", "manifest.jsonl")), "-o", "x.json",
                 cwd=reuse_dir)
rc2, out, err2 = run("reuse", "--into", "x.json", cwd=reuse_dir)
check("reuse --into an extracted corpus reads its articles and joins their claims", rc == 0 and rc2 == 0 and out.endswith(
    "x.json: 377 copies derivations for 34 pairs (34 through claims both state, 0 through their shared text)\n"),
    (rc, err, rc2, out[-300:], err2))
rc, out, _ = run("duplicates", "x.json", "--claim", "c-a-retired-physics-teacher-from", cwd=reuse_dir)
check("three articles in their own voice, an original and two copies, are one chain",
      rc == 0 and out.startswith("c-a-retired-physics-teacher-from: 3 reports, 0 independent origins, 1 unsourced\n"), out)
shutil.rmtree(reuse_dir)

# usage
for sub in ["check", "trace", "origins", "duplicates", "report", "timeline", "drift", "grade", "export", "import",
            "render", "when", "quantity", "extract", "reuse"]:
    rc, out, _ = run(sub, "--help")
    check(f"{sub} --help", rc == 0 and "Usage" in out, rc)
rc, _, _ = run()
check("no subcommand exits 2", rc == 2, rc)
rc, _, _ = run("origins", seed, "--no-such-flag")
check("an unknown flag exits 2", rc == 2, rc)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
