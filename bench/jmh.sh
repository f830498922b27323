#!/usr/bin/env bash
# JMH microbenchmarks of the hot components (src/test/java/org/narrativewatch/bench), one article
# per operation on the 100-article PTC set, and of the narrative stage on long inputs. Not part of
# `mvn verify`.
#   bench/jmh.sh                       all components
#   bench/jmh.sh 'nlp|reader'          those matching a regular expression
#   bench/jmh.sh LongInputBenchmarks   5,000 to 40,000 words as one sentence or as sentences
# Extra JMH options may follow the pattern, e.g. bench/jmh.sh nlp -f 1 -wi 2 -i 3 -prof gc
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >/dev/null
pattern=${1:-ComponentBenchmarks}
[ $# -gt 0 ] && shift
exec java -Dnw.shared="$here/../shared" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main "$pattern" "$@"
