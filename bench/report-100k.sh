#!/usr/bin/env bash
# Benchmark of `narrative-watch report` at scale: generates N realistic per-article JSON records
# (default 100000; paragraphs of corpus/ shuffled with a fixed seed, entities and narratives from
# the test fixtures) into WORK/articles, then runs `report` on them under /usr/bin/time -v with a
# 256 MB heap (override with REPORT_JAVA_OPTS) and prints wall time and peak RSS.
# Usage: bench/report-100k.sh [N] [WORK]    (WORK defaults to a new temporary folder; the
# generated records are reused when WORK already holds N of them)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=${2:-$(mktemp -d -t nw-report-bench.XXXXXX)}
mvn -q -B package -DskipTests
mvn -q -B test-compile
cp="target/classes:target/test-classes:target/lib/*"
if [ ! -f "$work/articles/.generated-$n" ]; then
  rm -rf "$work/articles"
  java -cp "$cp" org.narrativewatch.report.GenerateArticles "$n" "$work/articles"
  touch "$work/articles/.generated-$n"
fi
echo "records: $(find "$work/articles" -name '*.json' | wc -l) files, $(du -sh "$work/articles" | cut -f1)"
rm -rf "$work/reports"
/usr/bin/time -v java ${REPORT_JAVA_OPTS:--Xmx256m} -jar target/narrative-watch.jar report \
  --from "$work/articles" --out "$work/reports" 2> "$work/time.txt" || { cat "$work/time.txt"; exit 1; }
grep -E "^report:" "$work/time.txt" || true
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU" "$work/time.txt"
echo "outputs: $(find "$work/reports/html/articles" -name '*.html' | wc -l) article pages, $(du -sh "$work/reports" | cut -f1) in $work/reports"
echo "load average during the run (other processes on the machine): $(cut -d' ' -f1-3 /proc/loadavg)"
