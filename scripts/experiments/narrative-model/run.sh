#!/usr/bin/env bash
# Forward-in-time check of a statistical complement to the narrative rules (docs/narratives-evaluation.md):
# per-label logistic regression over title lemmas, lemma pairs, tracked entity ids and the rules that
# fired, trained on the 2015-2017 EUvsDisinfo claims and scored on 2018, alone and OR-ed with the rules,
# with positives weighted x1, x2, x3 (label frequency grows year after year). Needs python3 with numpy
# and scipy, the built jar (mvn -q -B package -DskipTests) and the shared data.
# Usage: scripts/experiments/narrative-model/run.sh [CASES_CSV]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
csv=${1:-$root/../shared/data/euvsdisinfo/cases-2015-2019.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/experiment.py" titles "$csv" "$work/titles.jsonl" "$work/gold.json"
java -jar "$root/target/narrative-watch.jar" analyze "$work/titles.jsonl" --jsonl "$work/analysed.jsonl" \
    --narratives "$root/models/narratives" --tokens --no-db --out "$work/out" --quiet >&2 || [ $? -eq 1 ]
python3 "$here/experiment.py" run "$work/analysed.jsonl" "$work/gold.json" "$root/models/narratives"
