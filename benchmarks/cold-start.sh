#!/usr/bin/env bash
# Cold start in fresh JVMs: JVM start -> first extracted context, median of RUNS runs per case, with each
# process's own peak RSS (VmHWM). Runs on the function layouts that benchmarks/function-zips.sh builds
# (benchmarks/target/function-yaml, function-js), with the Lambda Java runtime's JIT setting.
#
# usage: [JAVA_HOME=/path/to/jdk] benchmarks/cold-start.sh [RUNS]   (default 11; needs bash 5 for EPOCHREALTIME)
# The JDK is $JAVA_HOME's when set, else the `java` on the PATH; results go to benchmarks/target/coldstart-jdk<N>.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-11}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JDK_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
JDK_FEATURE=${JDK_VERSION%%.*}
JDK_FEATURE=${JDK_FEATURE%%+*}
T=benchmarks/target
OUT=$T/coldstart-jdk$JDK_FEATURE
EVENT=benchmarks/src/main/resources/events/sqs_10_records_event.json
M2=${MAVEN_REPO:-$HOME/.m2/repository}
CRAC=$M2/org/crac/crac/1.5.0/crac-1.5.0.jar
RIC=$M2/com/amazonaws/aws-lambda-java-runtime-interface-client/2.9.0/aws-lambda-java-runtime-interface-client-2.9.0.jar
# What AWS Lambda's Java runtimes start the JVM with by default.
JVM_OPTS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# The README's setting for functions with JS rules (JAVA_TOOL_OPTIONS there; on the command line here, so the
# JVM's "Picked up" line stays out of the output): java25 needs it for a quiet start, java17 ignores it.
# Given to every case of the JS layout.
JS_OPTS=(--enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow)

[ -d $T/function-yaml ] && [ -d $T/function-js ] || { echo "run benchmarks/function-zips.sh first" >&2; exit 2; }
[ -f "$CRAC" ] && [ -f "$RIC" ] || { echo "missing $CRAC or $RIC (mvn -pl lambda-adapter -am verify resolves them)" >&2; exit 2; }

# The runtime simulation, outside the function's own layout.
rm -rf $OUT && mkdir -p $OUT/harness/dev/tracex/benchmarks/coldstart
for c in ColdStartMain ColdStartBreakdown HarnessContext SimulatedSnapStart BareGraalJs; do
  cp $T/classes/dev/tracex/benchmarks/coldstart/$c*.class $OUT/harness/dev/tracex/benchmarks/coldstart/
done

# case LABEL LAYOUT MODE EXTRACTOR EXTRA_CLASSPATH [JVM_OPTION...]
case_() {
  local label=$1 layout=$T/$2 mode=$3 extractor=$4 extra=$5
  shift 5
  for _ in $(seq "$RUNS"); do
    env -i PATH="$PATH" HOME="$HOME" LAMBDA_TASK_ROOT="$PWD/$layout" \
        DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler ${extractor:+DD_TRACE_EXTRACTOR=$extractor} \
      "$JAVA" "${JVM_OPTS[@]}" "$@" -Dcoldstart.t0="${EPOCHREALTIME/./}" \
        -cp "$OUT/harness:$layout:$layout/lib/*$extra" dev.tracex.benchmarks.coldstart.ColdStartMain "$mode" "$EVENT"
  done > "$OUT/$label.jsonl"
}

CRAC_CP=":$CRAC:$RIC"
CRAC_OPT=-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac
case_ empty        function-yaml empty  "" ""
case_ yaml         function-yaml tracex extractors.orders_sqs ""
case_ yaml-primed  function-yaml tracex-primed extractors.orders_sqs "$CRAC_CP" $CRAC_OPT
case_ empty-js     function-js   empty  "" "" "${JS_OPTS[@]}"
case_ graal        function-js   graal  "" "" "${JS_OPTS[@]}"
case_ js           function-js   tracex extractors.orders_js "" "${JS_OPTS[@]}"
case_ js-primed    function-js   tracex-primed extractors.orders_js "$CRAC_CP" $CRAC_OPT "${JS_OPTS[@]}"

# Proof that a YAML rule loads no GraalVM class even with GraalVM on the class path (the JS layout).
verbose() {
  env -i PATH="$PATH" HOME="$HOME" LAMBDA_TASK_ROOT="$PWD/$T/function-js" \
      DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=$1 \
    "$JAVA" "${JVM_OPTS[@]}" "${JS_OPTS[@]}" -verbose:class -cp "$OUT/harness:$T/function-js:$T/function-js/lib/*" \
      dev.tracex.benchmarks.coldstart.ColdStartMain tracex "$EVENT" | grep -c -E 'org\.graalvm|com\.oracle\.truffle' || true
}
echo "GraalVM/Truffle classes loaded, YAML rule on the JS layout: $(verbose extractors.orders_sqs)"
echo "GraalVM/Truffle classes loaded, JS rule on the JS layout:   $(verbose extractors.orders_js)"

echo "Where the YAML rule's cold start goes (one run):"
"$JAVA" "${JVM_OPTS[@]}" -cp "$OUT/harness:$T/function-yaml/lib/*" dev.tracex.benchmarks.coldstart.ColdStartBreakdown \
  $T/function-yaml/extractors.yaml orders_sqs "$EVENT" 2>/dev/null | sed 's/^/  /'

echo "JDK $JDK_VERSION ($JAVA), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT" <<'PY'
import json, os, statistics, sys
out = sys.argv[1]
rows = {}
for label in ["empty", "yaml", "yaml-primed", "empty-js", "graal", "js", "js-primed"]:
    runs = [json.loads(l) for l in open(os.path.join(out, label + ".jsonl")) if l.startswith("{")]
    med = lambda k: statistics.median(r[k] for r in runs)
    rows[label] = {k: med(k) for k in ["totalMs", "jvmToMainMs", "initMs", "primeMs", "firstInvokeMs", "vmHwmKb"]}
    rows[label]["n"] = len(runs)
    rows[label]["range"] = (min(r["totalMs"] for r in runs), max(r["totalMs"] for r in runs))
print("| case | runs | JVM start -> first context, ms (median; min-max) | init ms | priming ms | first invocation ms | peak RSS MB |")
print("|---|---|---|---|---|---|---|")
for label, r in rows.items():
    print(f"| {label} | {r['n']} | {r['totalMs']:.0f} ({r['range'][0]:.0f}-{r['range'][1]:.0f}) | {r['initMs']:.0f} | "
          f"{r['primeMs']:.0f} | {r['firstInvokeMs']:.1f} | {r['vmHwmKb'] / 1024:.0f} |")
yaml_adds = rows["yaml"]["totalMs"] - rows["empty"]["totalMs"]
js_adds = rows["js"]["totalMs"] - rows["yaml"]["totalMs"]
bare = rows["graal"]["totalMs"] - rows["empty-js"]["totalMs"]
print(f"\nYAML rule adds {yaml_adds:.0f} ms to the empty handler (target < 150 ms)")
print(f"a JS rule adds {js_adds:.0f} ms over the YAML rule (JS total {rows['js']['totalMs'] - rows['empty-js']['totalMs']:.0f} ms over the empty handler); "
      f"a bare GraalJS context adds {bare:.0f} ms (target: <= {bare * 1.15:.0f} ms = bare + 15%)")
PY
