#!/usr/bin/env bash
# The performance charts from a directory of benchmark results, each chart from the files present
# (dev.tracex.benchmarks.charts.Charts): per-invocation-c1.png and per-invocation-c2.png from pi-c1.json and
# pi-c2.json (JMH), cold-start.png and cold-start-memory.png from cold-start.sh's CASE.jsonl runs and its
# cold-start-jdk<N>.txt. Every number drawn is read from those files. Builds benchmarks/target/benchmarks.jar
# first when it is missing or older than the generator's sources.
#
# usage: benchmarks/charts.sh RESULTS_DIR [OUT_DIR]      (OUT_DIR defaults to RESULTS_DIR)
# The charts of docs/performance.md: benchmarks/charts.sh benchmarks/results/2026-12-01-cold-start docs/images
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: benchmarks/charts.sh RESULTS_DIR [OUT_DIR]" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# The charts name their source: relative to the repository when it is inside it.
RESULTS=$(realpath -m --relative-base="$ROOT" "$1")
OUT=$(realpath -m --relative-base="$ROOT" "${2:-$1}")
cd "$ROOT"
JAR=benchmarks/target/benchmarks.jar
if [ ! -f "$JAR" ] || [ -n "$(find benchmarks/src/main/java/dev/tracex/benchmarks/charts benchmarks/pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" -Djava.awt.headless=true -cp "$JAR" dev.tracex.benchmarks.charts.Charts "$RESULTS" "$OUT"
