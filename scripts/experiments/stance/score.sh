#!/usr/bin/env bash
# How well the stance of narrative hits (asserts, reports, disputes) is read, on a set of texts written
# for the purpose (docs/narratives-evaluation.md, "Stance"): set-a to set-al, each written blind by someone
# who had not seen the code, measured once on the version it had not seen and then used to tune the next
# (set-g and set-h are held out for version 6, set-i for version 7, set-j and set-k for the first part of the
# precision round, "Precision on fresh text", set-l and set-m for its second, set-n and set-o for its third,
# set-p and set-q for its fourth, set-r and set-s for the first part of "Recall on fresh text, second round",
# set-t and set-u for its second; set-v, set-w and set-x for "Attribution and recall on fresh text", set-x held
# out of its first part, set-y and set-z of its second, set-aa and set-ab of its third; set-ac to set-aj for
# "Questions, claim lines and recall on fresh text", set-ae and set-af held out of its first part, set-ag and
# set-ah of its second, set-ai and set-aj of its third; set-ak and set-al held out of "Fact-checks that argue
# from the record"). Each set has texts/*.txt and expected.json: per
# text, every narrative whose claim it asserts, reports or disputes, with that stance.
# Texts named A.. are in the voice of pro-Kremlin outlets, R.. wire reports of others' claims, D.. fact-checks
# and explainers, N.. (sets g to aj) ordinary news that carries no narrative.
#
# Prints the expected narratives found, how many of them have the expected stance (by expected stance),
# how many of all hits were expected (their precision: sets j to aj label every narrative a text carries, the
# earlier sets the planned ones, their writers having edited stray claims out), and what a dashboard counting
# only `asserts` keeps: of all hits in pro-Kremlin texts, of all hits in reports and fact-checks, and of all
# hits in ordinary news (expected or not).
#
# usage (from the repository root, after `mvn package`):
#   scripts/experiments/stance/score.sh SET [CATALOG] [JAR]
set -euo pipefail
set_dir=${1:?usage: score.sh SET [CATALOG] [JAR]}
catalog=${2:-models/narratives}
jar=${3:-target/narrative-watch.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" analyze "$set_dir/texts" --no-db --no-article-pages --quiet --narratives "$catalog" \
    --jsonl "$work/hits.jsonl" --out "$work/out" > /dev/null

python3 - "$work/hits.jsonl" "$set_dir/expected.json" <<'PY'
import json, sys
from collections import Counter
expected = json.load(open(sys.argv[2], encoding="utf-8"))
found, right, total = Counter(), Counter(), Counter()
kept, hits = Counter(), Counter()
unexpected = []
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    name = record["origin"]["file"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stances = {h["id"]: h["stance"] for h in record["narratives"]}
    kind = {"A": "pro-Kremlin texts", "N": "ordinary news"}.get(name[0], "reports and fact-checks")
    for narrative, stance in stances.items():
        hits[kind] += 1
        kept[kind] += stance == "asserts"
        if narrative not in {label["narrative"] for label in expected[name]}:
            unexpected.append(f"  {name}: {narrative} ({stance}) not expected")
    for label in expected[name]:
        total[label["stance"]] += 1
        got = stances.get(label["narrative"])
        if got is None:
            print(f"  {name}: {label['narrative']} ({label['stance']}) not found")
            continue
        found[label["stance"]] += 1
        right[label["stance"]] += got == label["stance"]
        if got != label["stance"]:
            print(f"  {name}: {label['narrative']} expected {label['stance']}, read {got}")
print("\n".join(unexpected))
print(f"expected narratives found: {sum(found.values())} of {sum(total.values())}")
all_hits = sum(hits.values())
print(f"hits expected: {all_hits - len(unexpected)} of {all_hits} ({(all_hits - len(unexpected)) / max(1, all_hits):.2f})")
print(f"stance right: {sum(right.values())} of {sum(found.values())} found ("
      + ", ".join(f"{s} {right[s]}/{found[s]}" for s in ("asserts", "reports", "disputes")) + ")")
for kind in [k for k in ("pro-Kremlin texts", "reports and fact-checks", "ordinary news") if k in hits]:
    print(f"hits in {kind}: {hits[kind]}, of which asserts {kept[kind]} ({kept[kind] / max(1, hits[kind]):.2f})")
PY
