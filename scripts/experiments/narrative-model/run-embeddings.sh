#!/usr/bin/env bash
# Forward-in-time check of a sentence-embedding complement to the narrative rules
# (docs/narratives-evaluation.md): all-MiniLM-L6-v2 (quantised, ONNX, from Maven Central through
# langchain4j) embeds every claim title; per-label logistic regression and a 10-nearest-neighbour vote,
# trained on 2015-2017, are scored on 2018 alone and OR-ed with the rules. Needs network access to
# Maven Central the first time, python3 with numpy and scipy, the built jar and the shared data.
# Usage: scripts/experiments/narrative-model/run-embeddings.sh [CASES_CSV]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
csv=${1:-$root/../shared/data/euvsdisinfo/cases-2015-2019.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B -f "$here/embeddings/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath" >&2
javac -d "$work/classes" -cp "$(cat "$work/classpath")" "$here/embeddings/TitleEmbeddings.java"
java -cp "$work/classes:$(cat "$work/classpath")" TitleEmbeddings "$csv" "$work/embeddings.bin" 2> >(grep -v SLF4J >&2)
python3 "$here/experiment.py" titles "$csv" "$work/titles.jsonl" "$work/gold.json"
java -jar "$root/target/narrative-watch.jar" analyze "$work/titles.jsonl" --jsonl "$work/analysed.jsonl" \
    --narratives "$root/models/narratives" --tokens --no-db --out "$work/out" --quiet >&2 || [ $? -eq 1 ]
python3 "$here/embeddings/embeddings.py" "$work/embeddings.bin" "$work/analysed.jsonl" "$work/gold.json" "$root/models/narratives"
