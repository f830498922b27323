#!/usr/bin/env bash
# Throughput benchmark: our default pipeline end to end (`narrative-watch analyze`: read, NLP,
# entities, narratives, JSON written) against the stock CoreNLP command line
# (-annotators tokenize,ssplit,pos,lemma,ner) on the same articles with the same thread count,
# back to back in one run. Prints wall time, tokens/s, articles/s and peak RSS of each, and the
# ratio of wall times. See docs/performance.md.
#
#   bench/throughput.sh                     100 PTC articles, 2 threads, ours vs stock, 3 rounds
#   bench/throughput.sh --rounds 1 --threads 1
#   bench/throughput.sh --scaling           ours only: 100 / 1,000 / 10,000 articles x 1 and 2 threads
#   bench/throughput.sh --articles 1000 --no-stock
#   bench/throughput.sh --incremental --articles 1000   ours only: a full run, then 1% of the
#                                           articles changed and the same command again
#
# Work files go to target/bench. Articles: the first 100 files of ../shared/data/ptc/articles in name order (override with
# --source DIR); larger sets repeat them under unique names (r<k>-<file>), so ids stay unique.
# Tokens are counted by our tokenizer (summary.json) and used for both tools.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source_dir="$here/../shared/data/ptc/articles"
articles=100
threads=2
rounds=3
stock=1
scaling=0
incremental=0
work="$here/target/bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --source) source_dir=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-stock) stock=0; shift ;;
    --scaling) scaling=1; stock=0; shift ;;
    --incremental) incremental=1; stock=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 3; }
[ -d "$source_dir" ] || { echo "bench: no articles in $source_dir" >&2; exit 3; }
mvn -q -B -o -f "$here/pom.xml" package -DskipTests >/dev/null
mkdir -p "$work"

# corpus N: a folder with N articles (the first 100 source files, repeated under unique names).
corpus() {
  local n=$1 dir="$work/corpus-$1"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    mapfile -t files < <(find "$source_dir" -maxdepth 1 -type f -name '*.txt' | sort | head -n 100)
    local i=0 k=0
    while [ $i -lt "$n" ]; do
      for f in "${files[@]}"; do
        [ $i -lt "$n" ] || break
        if [ $k -eq 0 ]; then cp "$f" "$dir/"; else cp "$f" "$dir/r$k-$(basename "$f")"; fi
        i=$((i + 1))
      done
      k=$((k + 1))
    done
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# timed LABEL CMD...: runs CMD under /usr/bin/time; sets wall (s) and rss (MB).
timed() {
  local label=$1; shift
  local log="$work/$label.time"
  if ! /usr/bin/time -v -o "$log" "$@" >"$work/$label.out" 2>&1; then
    echo "bench: $label failed, see $work/$label.out" >&2; tail -5 "$work/$label.out" >&2; exit 1
  fi
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
}

row() { # tool articles threads tokens wall rss
  awk -v t="$1" -v a="$2" -v j="$3" -v tok="$4" -v w="$5" -v r="$6" 'BEGIN {
    printf "%-14s %8d %7d %9.2f %12.0f %12.0f %10.1f %9d\n", t, a, j, w, tok/w, tok/w/j, a/w, r }'
}
header() {
  printf "%-14s %8s %7s %9s %12s %12s %10s %9s\n" tool articles threads wall_s tokens/s tok/s/thread articles/s rss_MB
}

ours() { # articles threads -> wall rss tokens
  local dir out; dir=$(corpus "$1"); out="$work/out-$1-$2"
  rm -rf "$out"
  timed "ours-$1-$2" "$here/narrative-watch" analyze "$dir" --out "$out" --threads "$2" --quiet
  tokens=$(grep -o '"tokens" : [0-9]*' "$out/summary.json" | head -1 | grep -o '[0-9]*$')
}

stock_corenlp() { # articles threads -> wall rss
  local dir out; dir=$(corpus "$1"); out="$work/stock-$1-$2"
  rm -rf "$out"; mkdir -p "$out"
  find "$dir" -maxdepth 1 -type f -name '*.txt' | sort >"$work/filelist-$1"
  timed "stock-$1-$2" java -cp "$here/target/lib/*" edu.stanford.nlp.pipeline.StanfordCoreNLP \
    -annotators tokenize,ssplit,pos,lemma,ner -threads "$2" -filelist "$work/filelist-$1" \
    -outputFormat json -outputDirectory "$out"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $scaling -eq 1 ]; then
  header
  for n in 100 1000 10000; do
    for j in 1 2; do
      ours "$n" "$j"; row narrative-watch "$n" "$j" "$tokens" "$wall" "$rss"
    done
  done
  exit 0
fi

if [ $incremental -eq 1 ]; then
  # A copy of the corpus in which every 100th article (1%) gets one more sentence after the first run.
  src=$(corpus "$articles"); dir="$work/incremental-$articles"; out="$work/out-incremental-$articles"
  rm -rf "$dir" "$out"; cp -r "$src" "$dir"; rm -f "$dir/.complete"
  header
  timed incremental-first "$here/narrative-watch" analyze "$dir" --out "$out" --threads "$threads" --quiet
  tokens=$(grep -o '"tokens" : [0-9]*' "$out/summary.json" | head -1 | grep -o '[0-9]*$')
  row full-run "$articles" "$threads" "$tokens" "$wall" "$rss"
  changed=0
  for f in $(find "$dir" -maxdepth 1 -type f -name '*.txt' | sort | awk 'NR % 100 == 1'); do
    printf '\nThe ministry did not comment.\n' >>"$f"; changed=$((changed + 1))
  done
  timed incremental-second "$here/narrative-watch" analyze "$dir" --out "$out" --threads "$threads" --quiet
  row rerun-1%-changed "$articles" "$threads" "$tokens" "$wall" "$rss"
  echo "changed articles: $changed; summary.json of the re-run:"
  grep -E '"articles_(analyzed|reused|partly_reused)"' "$out/summary.json"
  exit 0
fi

for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds"
  header
  ours "$articles" "$threads"; our_wall=$wall
  row narrative-watch "$articles" "$threads" "$tokens" "$wall" "$rss"
  if [ $stock -eq 1 ]; then
    stock_corenlp "$articles" "$threads"
    row stock-corenlp "$articles" "$threads" "$tokens" "$wall" "$rss"
    awk -v s="$wall" -v o="$our_wall" 'BEGIN { printf "ratio (stock wall / our wall): %.1fx\n", s/o }'
  fi
done
