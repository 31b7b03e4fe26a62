#!/usr/bin/env bash
# Builds the deployable zips of a minimal function (a handler class and a 50-rule extractors.yaml) from
# the reactor's jars: benchmarks/target/function-yaml.zip (YAML rules only: no GraalVM) and
# function-js.zip (with GraalVM polyglot and GraalJS, for JS rules), and prints their sizes.
#
# usage: benchmarks/function-zips.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
T=$PWD/benchmarks/target
[ "${1:-}" = --no-build ] || mvn -B -q -pl benchmarks -am package -DskipTests
rm -f "$T/dependency-trees.txt"
mvn -B -q -pl lambda-adapter -am dependency:tree -Dscope=runtime -DoutputFile="$T/dependency-trees.txt" -DappendOutput=true
python3 benchmarks/function_layout.py "$T/dependency-trees.txt" "$T"
if unzip -l "$T/function-yaml.zip" | grep -q -E 'graalvm|truffle'; then
  echo "function-yaml.zip contains GraalVM" >&2
  exit 1
fi
echo "function-yaml.zip: no GraalVM"
