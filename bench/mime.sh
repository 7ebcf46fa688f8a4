#!/usr/bin/env bash
# MIME parsing beside Python's email package (issue #15): JMH (bench/jmh/java/.../MimeBenchmark.java) runs the raw-email
# adapter's parsing over every message of the shared corpus, then bench/mime_python.py runs Python's
# email.message_from_bytes(policy=default) over the same corpus, one after the other on the same machine. Writes
# bench/results/mime-<date>.txt with messages/s for both and the ratios.
#
# Usage: bench/mime.sh          compiles the project and resolves JMH with mvnl if needed (Maven lock), then re-runs
#                               itself holding that lock so no build disturbs the measurement
#        flock /tmp/leadgate-maven.lock bench/mime.sh   the same when target/ is already up to date
# Environment: CORPUS_DIR (default ../shared/conformance/email).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS_DIR:-../shared/conformance/email}
cpfile=target/jmh-classpath.txt
. bench/lib.sh
require java javac python3
ls "$corpus"/*.eml >/dev/null || { echo "no .eml files in $corpus"; exit 1; }
cp_stale() { older_than_sources "$cpfile"; }
build_jmh() {
  mvn_ -q -Pjmh compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
  touch "$cpfile"
}
with_lock cp_stale build_jmh "build first with mvnl -q -Pjmh compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$cpfile" "$0" "$@"

cp="target/jmh-classes:target/classes:$(cat "$cpfile")"
rm -rf target/jmh-classes && mkdir -p target/jmh-classes
javac -nowarn -d target/jmh-classes -cp "$cp" $(find bench/jmh/java -name '*.java') 2>&1 \
  | grep -v '^Note:' || true
mkdir -p bench/results
out=bench/results/mime-$(date -u +%Y%m%d-%H%M).txt
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=$(ls "$corpus"/*.eml | wc -l)
echo "JMH" >&2
java -cp "$cp" org.openjdk.jmh.Main MimeBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -tu s \
  -jvmArgsAppend "-Dcorpus.dir=$corpus" > "$tmp/jmh.txt" 2>&1
echo "Python" >&2
python3 bench/mime_python.py "$corpus" 10 3 > "$tmp/python.txt"
java_inquiry=$(awk '$1 ~ /MimeBenchmark.inquiry$/ && $2 == "thrpt" {print $4}' "$tmp/jmh.txt")
java_parse=$(awk '$1 ~ /MimeBenchmark.parse$/ && $2 == "thrpt" {print $4}' "$tmp/jmh.txt")
python=$(awk '{for (i = 1; i <= NF; i++) if ($(i + 1) == "messages/s") print $i}' "$tmp/python.txt")
{
  echo "# MIME parsing $(date -u '+%F %T UTC'), $(nproc) cores (shared with whatever else runs), corpus $corpus ($n messages)"
  echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (uncommitted changes in src)'), $(java -version 2>&1 | head -1), $(head -1 "$tmp/python.txt" | cut -d: -f1)"
  echo
  echo "One thread each; every message of the corpus in turn. Java: JMH 1 fork, 3 x 2 s warm-up, 5 x 2 s measured."
  echo "Python: 3 s warm-up, then 10 s."
  echo
  printf '%-58s %12s %10s\n' "what" "messages/s" "x Python"
  awk -v j="$java_inquiry" -v p="$python" 'BEGIN { printf "%-58s %12.0f %10.2f\n", "Java bytes -> normalised inquiry (EmailParser + EmailMapper)", j, j / p }'
  awk -v j="$java_parse" -v p="$python" 'BEGIN { printf "%-58s %12.0f %10.2f\n", "Java bytes -> parsed mail (EmailParser.parse)", j, j / p }'
  awk -v p="$python" 'BEGIN { printf "%-58s %12.0f %10.2f\n", "Python email.message_from_bytes(policy=default) + walk", p, 1 }'
  echo
  echo "## JMH"
  sed -n '/^Benchmark/,$p' "$tmp/jmh.txt"
} > "$out"
cat "$out"
