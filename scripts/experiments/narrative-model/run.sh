#!/usr/bin/env bash
# Forward-in-time check of a statistical complement to the narrative rules (docs/narratives-evaluation.md):
# a per-label title model trained on the 2015-2017 EUvsDisinfo claims and scored on 2018, alone and
# OR-ed with the rules, with positives weighted x1, x2, x3 (label frequency grows year after year).
#   default        logistic regression over title lemmas, lemma pairs, tracked entity ids and the rules
#                  that fired (about 25 s)
#   --thresholds   the same model OR-ed with the rules, with a threshold per label chosen by 5-fold
#                  cross-validation on 2015-2017, with and without a prior shift that continues each
#                  label's 2016->2017 prevalence trend for one year (about 25 s)
#   --embeddings   logistic regression and a 10-nearest-neighbour vote over all-MiniLM-L6-v2 sentence
#                  embeddings of the titles (ONNX, from Maven Central through langchain4j, fetched by
#                  Maven the first time; 1.5-2.5 min)
# Needs python3 with numpy and scipy, the built jar (mvn -q -B package -DskipTests) and the shared data.
# Usage: scripts/experiments/narrative-model/run.sh [--thresholds|--embeddings] [CASES_CSV]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
mode=run
case "${1:-}" in
    --embeddings) mode=embeddings; shift ;;
    --thresholds) mode=thresholds; shift ;;
esac
csv=${1:-$root/../shared/data/euvsdisinfo/cases-2015-2019.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/experiment.py" titles "$csv" "$work/titles.jsonl" "$work/gold.json"
java -jar "$root/target/narrative-watch.jar" analyze "$work/titles.jsonl" --jsonl "$work/analysed.jsonl" \
    --narratives "$root/models/narratives" --tokens --no-db --out "$work/out" --quiet >&2 || [ $? -eq 1 ]
if [ $mode = embeddings ]; then
    mvn -q -B -f "$here/embeddings/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath" >&2
    javac -d "$work/classes" -cp "$(cat "$work/classpath")" "$here/embeddings/TitleEmbeddings.java"
    java -cp "$work/classes:$(cat "$work/classpath")" TitleEmbeddings "$csv" "$work/embeddings.bin" 2> >(grep -v SLF4J >&2)
    python3 "$here/experiment.py" embeddings "$work/embeddings.bin" "$work/analysed.jsonl" "$work/gold.json" "$root/models/narratives"
else
    python3 "$here/experiment.py" $mode "$work/analysed.jsonl" "$work/gold.json" "$root/models/narratives"
fi
