#!/usr/bin/env bash
# Reproducible builds (project.build.outputTimestamp): builds the published modules with the release profile
# (jars, -sources, -javadoc, SBOMs, tracex.jar, the layer zips) from two copies of this working tree at two
# different paths, tests skipped, and compares the SHA-256 of every archive and SBOM the two builds made.
#   release/reproducible.sh                 two builds, in target/reproducible/{a,b}
#   release/reproducible.sh --against DIR   one build, compared with the files of the same names under DIR's
#                                           */target (e.g. the tree that staged the release)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/reproducible
MODULES=engine,rules,lambda-adapter,tools/cli,tools/maven-plugin,bom

# build DIR: a copy of the tracked and new (not ignored) files, built there.
build() {
  rm -rf "$1" && mkdir -p "$1"
  git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$1"
  (cd "$1" && mvn -B -q -P release package -DskipTests -pl "$MODULES" -am >"$1.log" 2>&1) \
    || { cat "$1.log"; echo "reproducible: the build in $1 failed" >&2; exit 1; }
}

# outputs DIR: the archives and SBOMs directly in DIR's module target directories, one path a line.
outputs() {
  (cd "$1" && find engine rules lambda-adapter tools/cli tools/maven-plugin bom -maxdepth 2 -path '*/target/*' -type f \
    \( -name '*.jar' -o -name '*.zip' -o -name 'bom.json' \) | sort)
}

rm -rf "$WORK"
if [ "${1:-}" = --against ]; then
  reference=$(cd "$2" && pwd)
else
  reference=$WORK/a
  build "$reference"
fi
build "$WORK/b"
# What the second build made, compared file by file with the reference (which may hold more, e.g. test output).
outputs "$WORK/b" >"$WORK/files"
(cd "$reference" && xargs -a "$WORK/files" sha256sum) >"$WORK/a.sha256" 2>&1 || true
(cd "$WORK/b" && xargs -a "$WORK/files" sha256sum) >"$WORK/b.sha256"
n=$(wc -l <"$WORK/files")
if [ "$n" -gt 0 ] && diff "$WORK/a.sha256" "$WORK/b.sha256"; then
  echo "reproducible: $n archives and SBOMs byte-identical across two builds"
  echo "reproducible: 1 passed, 0 failed"
else
  echo "reproducible: the builds differ (lines above: < first build, > second)" >&2
  echo "reproducible: 0 passed, 1 failed"
  exit 1
fi
