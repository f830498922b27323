#!/usr/bin/env bash
# Article-level precision and recall on PTC articles (docs/narratives-evaluation.md, "Recall on real
# articles"): analyses them with a catalog and compares the narratives each article is tagged with to a
# list where developers recorded, blind to the rules and to the matcher's output, the narratives each
# article carries (with the sentences that carry them). Two lists:
#   ptc-unlabeled-article-narratives.jsonl  the 75 unlabelled articles (ptc/unlabeled), split `tuning`
#                                           (first 38 by name) and `held-out` (last 37);
#   ptc-labeled-article-narratives.jsonl    the 300 articles (ptc/articles), split `tuning` and `held-out`
#                                           alternately by name.
# Misses and misreads of a `tuning` half may be read to change rules; a `held-out` half is scored only.
# Prints each half of each list with each missed and each extra pair of a `tuning` half (a `held-out` half's
# pairs only with --show-held-out: a developer who reads them can no longer call that half held out); then,
# for the `tuning` halves, how often a narrative's tags are right when they rest on one piece of evidence and
# on more (what the article thresholds were chosen from), and how far the hit judgements (`carries`) agree
# with the blind lists.
#
# usage (from the repository root, with ../shared beside it):
#   scripts/experiments/narrative-model/ptc-article-narratives.sh [--show-held-out] [CATALOG] [JAR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
show_held_out=no
if [ "${1:-}" = --show-held-out ]; then show_held_out=yes; shift; fi
catalog=${1:-models/narratives}
jar=${2:-target/narrative-watch.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for set in unlabeled articles; do
    java -jar "$jar" analyze "../shared/data/ptc/$set" --no-db --no-article-pages --quiet --narratives "$catalog" \
        --jsonl "$work/$set.jsonl" --out "$work/out-$set" > /dev/null
done
cat "$work/unlabeled.jsonl" "$work/articles.jsonl" > "$work/hits.jsonl"

for list in unlabeled labeled; do
python3 - "$work/hits.jsonl" "$here/ptc-$list-article-narratives.jsonl" "$list" "$show_held_out" <<'PY'
import json, sys
found = {}
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    found[record["id"]] = {h["id"]: h for h in record["narratives"]}
gold = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
for half in ("tuning", "held-out"):
    items = [g for g in gold if g["half"] == half]
    tp = fp = fn = 0
    missed, extra = [], []
    for g in items:
        want = {n["id"] for n in g["narratives"]}
        got = set(found.get(g["article"], {}))
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        missed += [f'{g["article"]} {n}' for n in sorted(want - got)]
        extra += [f'{g["article"]} {n}: ' + " | ".join(e["text"][:70] for e in found[g["article"]][n]["evidence"])
                  for n in sorted(got - want)]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{sys.argv[3]} {half}: {len(items)} articles, {tp + fn} article-narrative pairs carried; "
          f"tagged {tp + fp}, right {tp}: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    if half == "tuning" or sys.argv[4] == "yes":
        for m in missed:
            print("  missed " + m)
        for e in extra:
            print("  extra  " + e)
PY
done

python3 - "$work/hits.jsonl" "$here" <<'PY'
import json, sys
from collections import defaultdict
found = {}
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    found[record["id"]] = {h["id"]: h for h in record["narratives"]}
gold, half = {}, {}
for name in ("unlabeled", "labeled"):
    for line in open(f"{sys.argv[2]}/ptc-{name}-article-narratives.jsonl", encoding="utf-8"):
        g = json.loads(line)
        gold[g["article"]] = {n["id"] for n in g["narratives"]}
        half[g["article"]] = g["half"]
counts = defaultdict(lambda: [0, 0, 0, 0])  # one piece: right, tagged; more: right, tagged
for article, hits in found.items():
    if half.get(article) != "tuning":
        continue
    for narrative, hit in hits.items():
        c = counts[narrative]
        k = 0 if len(hit["evidence"]) == 1 else 2
        c[k] += narrative in gold[article]
        c[k + 1] += 1
for narrative, c in sorted(counts.items()):
    print(f"  evidence {narrative} (tuning halves): one piece right {c[0]} of {c[1]}; more right {c[2]} of {c[3]}")
for name, judged in (("labeled", "ptc-hit-judgements.jsonl"), ("unlabeled", "ptc-unlabeled-hit-judgements.jsonl")):
    carried = {(j["article"], j["narrative"]) for j in map(json.loads, open(f"{sys.argv[2]}/{judged}", encoding="utf-8"))
               if j["judgement"] == "carries"}
    listed = sum(1 for a, n in carried if n in gold[a])
    print(f"  agreement {name}: {len(carried)} pairs judged carried at hit level (every catalog version), "
          f"{listed} of them on the blind list")
PY
