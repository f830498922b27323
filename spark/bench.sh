#!/usr/bin/env bash
# Throughput of the Spark job in local mode against the command line on the same articles, with
# the same number of cores, and a byte-for-byte check that both wrote the same records.
#
#   spark/bench.sh [ARTICLES] [CORES] [FIRST]
#
# ARTICLES: a folder (default ../shared/data/ptc/articles, 300 PTC articles); CORES: threads for the
# command line and local[CORES] for Spark (default 2); FIRST: only the first FIRST files of the
# folder, in name order (default all).
#
# The Spark job runs from the spark-submit job jar (mvn package -Pspark) on a class path laid out
# like a Spark distribution's jars/ folder (Spark and its dependencies, as Maven resolves them),
# plus the CoreNLP models jar, exactly as the README's spark-submit command passes them.
set -euo pipefail
cd "$(dirname "$0")/.."
in=${1:-../shared/data/ptc/articles}
cores=${2:-2}
label=$in
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${3:-}" ]; then
  mkdir "$work/first-$3"
  find "$in" -maxdepth 1 -type f ! -name '.*' | sort | sed -n "1,${3}p" | xargs cp -t "$work/first-$3"
  in="$work/first-$3"
  label="the first $3 of $label"
fi

mvn -q -B -o -Pspark package -DskipTests
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$work/spark.cp"
# What a Spark distribution ships besides the provided jars, and the job jar therefore leaves out.
dist_extra=$(ls target/lib/jackson-core-*.jar target/lib/jackson-databind-*.jar target/lib/jackson-annotations-*.jar \
  target/lib/slf4j-api-*.jar target/lib/commons-lang3-*.jar target/lib/commons-io-*.jar | paste -sd: -)
models=$(ls target/lib/stanford-corenlp-*-models.jar)
files=$(find "$in" -type f ! -name '.*' | wc -l)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

summary_field() { grep -o "\"$2\" : [0-9.]*" "$1" | head -n 1 | sed 's/.* : //'; }
# Runs a command with its stderr in $work/NAME.log and its wall, user and system seconds in $work/NAME.time.
timed() {
  local name=$1 TIMEFORMAT='%R %U %S'
  shift
  { time "$@" 2> "$work/$name.log" || true; } 2> "$work/$name.time"
}

# --no-db: the Spark job writes no SQL store, so the command line does not either.
timed cli java -Xmx4g -jar target/narrative-watch.jar analyze "$in" --out "$work/cli" --jsonl "$work/cli.jsonl" \
  --threads "$cores" --quiet --no-db
timed spark java -Xmx4g @spark/jvm-options -Dspark.master="local[$cores]" -Dspark.ui.enabled=false \
  -cp "$(cat "$work/spark.cp"):$dist_extra:target/narrative-watch-spark.jar:$models" \
  org.narrativewatch.spark.SparkMain "$in" --out "$work/spark"

cli_n=$(wc -l < "$work/cli.jsonl")
spark_n=$(cat "$work"/spark/articles.jsonl/part-* | wc -l)
if cmp -s <(sort "$work/cli.jsonl") <(cat "$work"/spark/articles.jsonl/part-* | sort); then
  same="identical"
else
  same="DIFFERENT"
fi

echo "inputs: $label ($files files), $cores cores; load average before and after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
row() { # name, articles, time file, summary.json
  awk -v name="$1" -v n="$2" -v a="$(summary_field "$4" wall_seconds)" -v t="$(cat "$3")" 'BEGIN {
    split(t, s, " "); cpu = s[2] + s[3];
    printf "%-16s %8d %9.1f %11.2f %9.1f %13.3f %11.1f %11.2f\n", name, n, s[1], n / s[1], cpu, cpu / n, a, n / a }'
}
printf '%-16s %8s %9s %11s %9s %13s %11s %11s\n' run articles "wall s" "articles/s" "CPU s" "CPU s/article" \
  "job wall s" "articles/s"
row "cli --threads $cores" "$cli_n" "$work/cli.time" "$work/cli/summary.json"
row "spark local[$cores]" "$spark_n" "$work/spark.time" "$work/spark/summary.json"
echo "wall s, CPU s: the whole JVM (start, model load, analysis, output). job wall s: summary.json wall_seconds"
echo "(cli: the analysis after the models are loaded, without the report; spark: the job, including the executor's"
echo "model load and the report)."

echo "records: cli $cli_n, spark $spark_n; sorted JSON lines $same"
[ "$same" = identical ]
