#!/usr/bin/env bash
# Cold starts through the real runtime client, this checkout against another commit, interleaved run by run so that
# both sides meet the same machine: the empty handler, then for each side the YAML rule of the 50-rule file and of a
# 1-rule file, each without and with its precompiled form (the cases runtime-yaml, -yaml-precompiled, -yaml1 and
# -yaml1-precompiled of cold-start.sh), and a built-in selected (DD_TRACE_EXTRACTOR=builtin.sqs) and none selected
# (builtin.default, the adapter's default), and the JS rule of the 50-rule file, precompiled (orders_js, in the compiled
# subset). The other side is this checkout's function layouts with tracex's own jars
# (engine, rules, adapter) built at REV, so only tracex differs. Medians, ranges, the fastest tenth's bound, peak RSS
# and classes loaded over the empty handler.
#
# usage: benchmarks/runtime-ab.sh REV [RUNS]      (after benchmarks/function-zips.sh and tools/cli's package)
#        RUNTIME_AB_CASES="yaml-precompiled js-precompiled" benchmarks/runtime-ab.sh REV [RUNS]   (some cases only)
# Writes benchmarks/target/runtime-ab/: one .jsonl per side and case (runtime_cold_start.py's lines), one .classes
# (the classes one more run of the case loads, from the JVM's class-load log), summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
REV=$1
RUNS=${2:-11}
T=benchmarks/target
OUT=$T/runtime-ab
M2=${MAVEN_REPO:-$HOME/.m2/repository}
RIC_CP="$M2/com/amazonaws/aws-lambda-java-runtime-interface-client/2.10.1/aws-lambda-java-runtime-interface-client-2.10.1.jar"
RIC_CP="$RIC_CP:$M2/com/amazonaws/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar"
RIC_CP="$RIC_CP:$M2/com/amazonaws/aws-lambda-java-serialization/1.2.0/aws-lambda-java-serialization-1.2.0.jar"
RIC_CP="$RIC_CP:$M2/software/amazon/awssdk/utils-lite/2.34.0/utils-lite-2.34.0.jar"
EVENT=benchmarks/src/main/resources/events/sqs_10_records_event.json
JVM_OPTS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
ENV=(DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=extractors.orders_sqs)
read -r -a CASES <<< "${RUNTIME_AB_CASES:-yaml yaml-precompiled yaml1 yaml1-precompiled builtin-sqs default js-precompiled}"
# A case's layout and environment: the built-in cases run in the 50-rule layout, whose file they do not read.
case_args() {
  case $1 in
    builtin-sqs) echo "yaml DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=builtin.sqs" ;;
    default) echo "yaml DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler" ;;
    js-precompiled) echo "yaml-precompiled DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=extractors.orders_js" ;;
    *) echo "$1 ${ENV[*]}" ;;
  esac
}
CLI_JAR=tools/cli/target/tracex.jar
[ -d $T/function-yaml ] || { echo "missing $T/function-yaml (benchmarks/function-zips.sh makes it)" >&2; exit 2; }
[ -f $CLI_JAR ] || { echo "missing $CLI_JAR (mvn -B -q -DskipTests package builds it)" >&2; exit 2; }

# The four layouts of one side under $1, from function-yaml, forms written by that side's CLI jar ($2).
layouts() {
  local root=$1 cli=$2
  rm -rf "$root" && mkdir -p "$root"
  cp -r $T/function-yaml "$root/yaml"
  cp -r $T/function-yaml "$root/yaml1"
  cp benchmarks/src/main/function/extractors-1rule.yaml "$root/yaml1/extractors.yaml"
  for f in yaml yaml1; do
    cp -r "$root/$f" "$root/$f-precompiled"
    java -jar "$cli" compile "$root/$f-precompiled/extractors.yaml" > /dev/null
  done
}

# The other side: tracex's jars built at REV in a worktree of its own, over copies of this side's layouts.
WT=$T/runtime-ab-worktree
rm -rf "$WT" && git worktree prune
git worktree add -q --detach "$WT" "$REV"
trap 'git worktree remove --force "$WT"' EXIT
(cd "$WT" && mvn -B -q -pl tools/cli,lambda-adapter -am package -DskipTests -Djacoco.skip=true -Dinvoker.skip=true)
layouts "$OUT/this" $CLI_JAR
layouts "$OUT/rev" "$WT/tools/cli/target/tracex.jar"
for f in yaml yaml1 yaml-precompiled yaml1-precompiled; do
  for m in engine rules lambda-adapter; do
    rm "$OUT/rev/$f/lib/tracex-$m-"*.jar
    for jar in "$WT/$m/target/tracex-$m-"*.jar; do
      case $jar in *-sources.jar | *-javadoc.jar | *-tests.jar) ;; *) cp "$jar" "$OUT/rev/$f/lib/" ;; esac
    done
  done
done

LOG_OPTS=()
one() {
  python3 benchmarks/runtime_cold_start.py "$PWD/$1" "$2" "$PWD/$EVENT" "$RIC_CP" "${@:3}" -- "${JVM_OPTS[@]}" "${LOG_OPTS[@]}"
}
rm -f "$OUT"/*.jsonl "$OUT"/*.classes
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/summary.txt"
for _ in $(seq "$RUNS"); do
  one "$OUT/this/yaml" dev.tracex.benchmarks.coldstart.EmptyHandler >> "$OUT/empty.jsonl"
  for side in rev this; do
    for c in "${CASES[@]}"; do
      read -r layout env <<< "$(case_args "$c")"
      # shellcheck disable=SC2086 # the environment's words, one per variable
      one "$OUT/$side/$layout" dev.tracex.lambda.TracingHandler::handleRequest $env >> "$OUT/$side-$c.jsonl"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/summary.txt"
# One more run of each case with the JVM's class-load log (its time not kept): how many classes the case loads.
classes() {
  local name=$1; shift
  LOG_OPTS=("-Xlog:class+load:file=$PWD/$OUT/$name.classes.log")
  one "$@" > /dev/null
  grep -c ' source: ' "$OUT/$name.classes.log" > "$OUT/$name.classes"
  rm "$OUT/$name.classes.log"
}
classes empty "$OUT/this/yaml" dev.tracex.benchmarks.coldstart.EmptyHandler
for side in rev this; do
  for c in "${CASES[@]}"; do
    read -r layout env <<< "$(case_args "$c")"
    # shellcheck disable=SC2086
    classes "$side-$c" "$OUT/$side/$layout" dev.tracex.lambda.TracingHandler::handleRequest $env
  done
done
python3 - "$OUT" "$REV" "$(git rev-parse --short HEAD)" "$RUNS" "${CASES[@]}" >> "$OUT/summary.txt" <<'PY'
import json, os, statistics, sys
out, rev, head, runs, *cases = sys.argv[1:]
def row(name):
    lines = [json.loads(l) for l in open(os.path.join(out, name + ".jsonl"))]
    ms = sorted(l["totalMs"] for l in lines)
    classes = int(open(os.path.join(out, name + ".classes")).read())
    # The fastest tenth's bound too: on a shared machine whose speed comes and goes, medians of two cases can fall in
    # different modes; the runs least disturbed agree better.
    return (statistics.median(ms), ms[0], ms[-1], statistics.median(l["vmHwmKb"] for l in lines) / 1024, classes,
            ms[len(ms) // 10])
e = row("empty")
print(f"{runs} interleaved runs per case, JVM start to the response, medians (min-max) and the fastest tenth's bound"
      " (p10); peak RSS medians; classes loaded in one more run")
print(f"{'empty handler':30s} {e[0]:6.1f} ms ({e[1]:.0f}-{e[2]:.0f})            p10 {e[5]:6.1f}         RSS {e[3]:.1f} MB"
      f"         {e[4]} classes")
for f in cases:
    for side, label in [("rev", rev), ("this", head)]:
        m, lo, hi, mb, n, p10 = row(f"{side}-{f}")
        print(f"{label + ' ' + f:30s} {m:6.1f} ms ({lo:.0f}-{hi:.0f})  +{m - e[0]:5.1f}  p10 {p10:6.1f} +{p10 - e[5]:5.1f}"
              f"  RSS {mb:.1f} MB (+{mb - e[3]:.1f})  {n} classes (+{n - e[4]})")
PY
cat "$OUT/summary.txt"
