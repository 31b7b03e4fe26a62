#!/usr/bin/env bash
# Cold start on two JDKs, interleaved: each run starts every case on the first JDK, then on the second, so
# both see the same machine load (on a shared machine, two cold-start.sh runs minutes apart do not). Same
# harness, layouts, event and JVM options as cold-start.sh (the JS cases with the documented setting for JS
# rules, docs/snapstart-and-runtimes.md); the cases that compare JDKs: empty handler, YAML rule, bare GraalJS context, JS rule.
#
# usage: benchmarks/cold-start-jdks.sh [RUNS] [JDK_HOME_A] [JDK_HOME_B]
#        (default 11 runs; JDK 17 = the `java` on the PATH, JDK 25 = /usr/lib/jvm/temurin-25-jdk-amd64)
# Needs benchmarks/function-zips.sh first. Prints one table; the runs are kept in benchmarks/target/coldstart-jdks/.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-11}
JAVA_A=${2:+$2/bin/}java
JAVA_B=${3:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
T=benchmarks/target
OUT=$T/coldstart-jdks
EVENT=benchmarks/src/main/resources/events/sqs_10_records_event.json
JVM_OPTS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
JS_OPTS=(--enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow)

[ -d $T/function-yaml ] && [ -d $T/function-js ] || { echo "run benchmarks/function-zips.sh first" >&2; exit 2; }
rm -rf $OUT && mkdir -p $OUT/harness/dev/tracex/benchmarks/coldstart
for c in ColdStartMain ColdStartBreakdown HarnessContext SimulatedSnapStart BareGraalJs; do
  cp $T/classes/dev/tracex/benchmarks/coldstart/$c*.class $OUT/harness/dev/tracex/benchmarks/coldstart/
done

version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p'; }
A=$(version "$JAVA_A")
B=$(version "$JAVA_B")

# one JAVA JDK_LABEL CASE LAYOUT MODE EXTRACTOR [JVM_OPTION...]
one() {
  local java=$1 jdk=$2 label=$3 layout=$T/$4 mode=$5 extractor=$6
  shift 6
  env -i PATH="$PATH" HOME="$HOME" LAMBDA_TASK_ROOT="$PWD/$layout" \
      DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler ${extractor:+DD_TRACE_EXTRACTOR=$extractor} \
    "$java" "${JVM_OPTS[@]}" "$@" -Dcoldstart.t0="${EPOCHREALTIME/./}" \
      -cp "$OUT/harness:$layout:$layout/lib/*" dev.tracex.benchmarks.coldstart.ColdStartMain "$mode" "$EVENT" \
    2>>"$OUT/stderr-$jdk.txt" | grep '^{' >> "$OUT/$label-$jdk.jsonl"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$RUNS"); do
  for jdk in a b; do
    java=$JAVA_A; [ $jdk = b ] && java=$JAVA_B
    one "$java" $jdk empty function-yaml empty  ""
    one "$java" $jdk yaml  function-yaml tracex extractors.orders_sqs
    one "$java" $jdk graal function-js   graal  "" "${JS_OPTS[@]}"
    one "$java" $jdk js    function-js   tracex extractors.orders_js "${JS_OPTS[@]}"
  done
done
echo "$RUNS runs per case and JDK, interleaved; load average at the start $LOAD_START, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM warnings printed: JDK $A $(grep -c '^WARNING:' "$OUT/stderr-a.txt" || true), JDK $B $(grep -c '^WARNING:' "$OUT/stderr-b.txt" || true)"

python3 - "$OUT" "$A" "$B" <<'PY'
import json, os, statistics, sys
out, a, b = sys.argv[1:4]
def runs(label, jdk):
    return [json.loads(l) for l in open(os.path.join(out, f"{label}-{jdk}.jsonl"))]
names = {"empty": "empty handler, no tracex", "yaml": "YAML rule", "graal": "bare GraalJS `Context`, then the empty handler",
         "js": "JS rule"}
print(f"| case | JDK {a}: to first context, ms (min-max) | JDK {b} | {b} / {a} | peak RSS MB, {a} / {b} |")
print("|---|---|---|---|---|")
for label, name in names.items():
    ra, rb = runs(label, "a"), runs(label, "b")
    ta, tb = [r["totalMs"] for r in ra], [r["totalMs"] for r in rb]
    ma, mb = statistics.median(ta), statistics.median(tb)
    rss = lambda rs: statistics.median(r["vmHwmKb"] for r in rs) / 1024
    print(f"| {name} | {ma:.0f} ({min(ta):.0f}-{max(ta):.0f}) | {mb:.0f} ({min(tb):.0f}-{max(tb):.0f}) | {mb / ma:.2f}x | "
          f"{rss(ra):.0f} / {rss(rb):.0f} |")
PY
