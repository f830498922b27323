#!/usr/bin/env bash
# Selection check for a catalog change (see docs/narratives-evaluation.md, "Protocol" and the rounds):
#   1. EUvsDisinfo claims of 2015-2018: every title whose predicted labels differ, then per changed label
#      predictions, true positives, F1 and F1 with positives counted twice, then macro-F1 (x1, x2);
#   2. the 300 PTC articles: narrative ids with their evidence rules and sentence indices, article by article.
# 2019 claims are never read.
#
# usage (from the repository root, with ../shared beside it):
#   scripts/experiments/narrative-model/compare-catalogs.sh OLD_CATALOG NEW_CATALOG [JAR]
# e.g. against the last commit: git archive HEAD models/narratives | tar -x -C /tmp/old &&
#      compare-catalogs.sh /tmp/old/models/narratives models/narratives
set -euo pipefail
old=$1; new=$2; jar=${3:-target/narrative-watch.jar}
gold=../shared/data/euvsdisinfo/cases-2015-2019.csv
ptc=../shared/data/ptc/articles
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for side in old new; do
  catalog=${!side}
  java -jar "$jar" evaluate narratives --gold "$gold" --to 2018-12-31 --narratives "$catalog" \
      --predictions "$work/$side.jsonl" > "$work/$side.json" 2>/dev/null
  java -jar "$jar" analyze "$ptc" --no-db --out "$work/ptc-$side" --narratives "$catalog" > /dev/null 2>&1 || true
done

python3 - "$work" <<'PY'
import glob, json, os, sys
work = sys.argv[1]
read = lambda p: [json.loads(l) for l in open(p, encoding="utf-8")]
changed = 0
for a, b in zip(read(f"{work}/old.jsonl"), read(f"{work}/new.jsonl")):
    if a["predicted"] != b["predicted"]:
        changed += 1
        print(f"{(a.get('date') or '')[:4]} {a['text'][:110]} | gold {'+'.join(a['gold'])} | "
              f"{'+'.join(a['predicted'])} -> {'+'.join(b['predicted'])}")
print(f"2015-2018 titles whose predictions changed: {changed}")

def f1(label, weight):
    tp, pred, support = label["true_positives"], label["predicted"], label["support"]
    return 0.0 if tp == 0 else 2 * weight * tp / (2 * weight * tp + (pred - tp) + weight * (support - tp))
reports = {side: json.load(open(f"{work}/{side}.json")) for side in ("old", "new")}
for name, a in reports["old"]["labels"].items():
    b = reports["new"]["labels"][name]
    if (a["predicted"], a["true_positives"]) != (b["predicted"], b["true_positives"]):
        print(f"{name}: predicted {a['predicted']} -> {b['predicted']}, right {a['true_positives']} -> "
              f"{b['true_positives']}, F1 {f1(a, 1):.4f} -> {f1(b, 1):.4f}, x2 {f1(a, 2):.4f} -> {f1(b, 2):.4f}")
for side, report in reports.items():
    labels = report["labels"].values()
    print(f"{side} catalog {report['catalog']}: macro-F1 {report['macro_f1']:.4f}, "
          f"x2 {sum(f1(l, 2) for l in labels) / len(labels):.4f}")

def hits(side):
    out = {}
    for path in sorted(glob.glob(f"{work}/ptc-{side}/articles/*.json")):
        article = json.load(open(path, encoding="utf-8"))
        out[article["id"]] = [(n["id"], sorted((e["rule"], e["sentence"]) for e in n["evidence"]))
                              for n in article.get("narratives") or []]
    return out
old_hits, new_hits = hits("old"), hits("new")
differ = [k for k in sorted(set(old_hits) | set(new_hits)) if old_hits.get(k) != new_hits.get(k)]
print(f"PTC articles analysed: {len(old_hits)} / {len(new_hits)}; narrative hits "
      f"{sum(map(len, old_hits.values()))} / {sum(map(len, new_hits.values()))}; articles that differ: {len(differ)}")
for k in differ:
    print(f"  {k}: {old_hits.get(k)} -> {new_hits.get(k)}")
PY
