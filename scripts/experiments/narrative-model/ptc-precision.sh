#!/usr/bin/env bash
# Precision of the narrative hits on real news articles (docs/narratives-evaluation.md, "Precision on
# real articles"): analyses the 300 PTC articles with a catalog and scores every hit against the
# hand judgements in ptc-hit-judgements.jsonl (`carries`: the evidence makes the narrative's claim,
# possibly attributed to someone; `topic`: only its subject; `wrong`: a misreading). Prints the counts
# per narrative and overall; hits the judgements do not cover are listed, to be judged and added.
# --held-out scores the 75 unlabelled PTC articles against ptc-unlabeled-hit-judgements.jsonl instead:
# they were judged once, with the catalog before the precision rounds, and not used to change a rule until
# the article-level round, which read the hits of its `tuning` half (ptc-unlabeled-article-narratives.jsonl);
# the precision over the 37 articles of its `held-out` half is printed on a line of its own.
#
# usage (from the repository root, with ../shared beside it):
#   scripts/experiments/narrative-model/ptc-precision.sh [--held-out] [CATALOG] [JAR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
articles=../shared/data/ptc/articles
judgements=$here/ptc-hit-judgements.jsonl
if [ "${1:-}" = --held-out ]; then
    articles=../shared/data/ptc/unlabeled
    judgements=$here/ptc-unlabeled-hit-judgements.jsonl
    shift
fi
catalog=${1:-models/narratives}
jar=${2:-target/narrative-watch.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" analyze "$articles" --no-db --no-article-pages --quiet --narratives "$catalog" \
    --jsonl "$work/hits.jsonl" --out "$work/out" > /dev/null

python3 - "$work/hits.jsonl" "$judgements" "$here/ptc-unlabeled-article-narratives.jsonl" <<'PY'
import json, sys
from collections import Counter, defaultdict
held_out = {json.loads(line)["article"] for line in open(sys.argv[3], encoding="utf-8")
            if json.loads(line)["half"] == "held-out"}
judged = {}
for line in open(sys.argv[2], encoding="utf-8"):
    j = json.loads(line)
    judged[(j["article"], j["narrative"])] = j
hits, unjudged = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    for hit in record["narratives"]:
        j = judged.get((record["id"], hit["id"]))
        if j is None:
            unjudged.append(f'{record["id"]} {hit["id"]}: ' + " | ".join(e["text"][:80] for e in hit["evidence"]))
        else:
            hits.append((hit["id"], j["judgement"], record["id"] in held_out))
per = defaultdict(Counter)
for narrative, judgement, _ in hits:
    per[narrative][judgement] += 1
print(f"{'narrative':32} {'hits':>5} {'carries':>8} {'topic':>6} {'wrong':>6}")
for narrative, c in sorted(per.items(), key=lambda kv: -sum(kv[1].values())):
    print(f"{narrative:32} {sum(c.values()):5} {c['carries']:8} {c['topic']:6} {c['wrong']:6}")
def summary(name, judgements):
    total = Counter(judgements)
    n = sum(total.values())
    print(f"{name} {n}: carries {total['carries']}, topic {total['topic']}, wrong {total['wrong']}; "
          f"precision {total['carries'] / n if n else 0:.3f}")
if any(h for _, _, h in hits):
    summary("hits in the articles of the held-out half", [j for _, j, h in hits if h])
summary("judged hits", [j for _, j, _ in hits])
print(f"hits without a judgement: {len(unjudged)}")
for u in unjudged:
    print("  " + u)
PY
