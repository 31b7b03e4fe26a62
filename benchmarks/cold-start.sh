#!/usr/bin/env bash
# Cold start in fresh JVMs: JVM start -> first extracted context, median of RUNS runs per case, with each
# process's own peak RSS (VmHWM). Runs on the function layouts that benchmarks/function-zips.sh builds
# (benchmarks/target/function-yaml, function-js), with the Lambda Java runtime's JIT setting.
#
# usage: [JAVA_HOME=/path/to/jdk] benchmarks/cold-start.sh [RUNS]   (default 11; needs bash 5 for EPOCHREALTIME)
# The JDK is $JAVA_HOME's when set, else the `java` on the PATH; results go to benchmarks/target/coldstart-jdk<N>: the
# runs (CASE.jsonl), this output (cold-start-jdk<N>.txt) and their charts (cold-start.png, cold-start-memory.png).
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
MISS_EVENT=benchmarks/src/main/resources/events/sqs_10_records_no_context_event.json
M2=${MAVEN_REPO:-$HOME/.m2/repository}
CRAC=$M2/org/crac/crac/1.5.0/crac-1.5.0.jar
# The runtime interface client the tests run (the parent POM's aws-lambda-ric.version): its CRaC shim for the primed
# case, the client itself for the runtime_case runs.
RIC=$M2/com/amazonaws/aws-lambda-java-runtime-interface-client/2.10.1/aws-lambda-java-runtime-interface-client-2.10.1.jar
# A typed SQSEvent function's own jars: the events library and its one dependency.
EVENTS=$M2/com/amazonaws/aws-lambda-java-events/3.16.1/aws-lambda-java-events-3.16.1.jar
JODA=$M2/joda-time/joda-time/2.10.8/joda-time-2.10.8.jar
# What AWS Lambda's Java runtimes start the JVM with by default.
JVM_OPTS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# The documented setting for functions with JS rules (docs/snapstart-and-runtimes.md) (JAVA_TOOL_OPTIONS there; on the command line here, so the
# JVM's "Picked up" line stays out of the output): java25 needs it for a quiet start, java17 ignores it.
# Given to every case of the JS layout.
JS_OPTS=(--enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow)

[ -d $T/function-yaml ] && [ -d $T/function-js ] || { echo "run benchmarks/function-zips.sh first" >&2; exit 2; }
for jar in "$CRAC" "$RIC" "$EVENTS" "$JODA"; do
  [ -f "$jar" ] || { echo "missing $jar (mvn -pl benchmarks,lambda-adapter -am verify resolves it)" >&2; exit 2; }
done

# The runtime simulation, outside the function's own layout.
rm -rf $OUT && mkdir -p $OUT/harness/dev/tracex/benchmarks/coldstart
for c in ColdStartMain ColdStartBreakdown HarnessContext SimulatedSnapStart BareGraalJs; do
  cp $T/classes/dev/tracex/benchmarks/coldstart/$c*.class $OUT/harness/dev/tracex/benchmarks/coldstart/
done

# case LABEL LAYOUT MODE EXTRACTOR EXTRA_CLASSPATH [JVM_OPTION...]; $HANDLER is DD_LAMBDA_HANDLER (ContextHandler).
case_() {
  local label=$1 layout=$T/$2 mode=$3 extractor=$4 extra=$5
  shift 5
  for _ in $(seq "$RUNS"); do
    env -i PATH="$PATH" HOME="$HOME" LAMBDA_TASK_ROOT="$PWD/$layout" \
        DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.${HANDLER:-ContextHandler} ${extractor:+DD_TRACE_EXTRACTOR=$extractor} \
      "$JAVA" "${JVM_OPTS[@]}" "$@" -Dcoldstart.t0="${EPOCHREALTIME/./}" \
        -cp "$OUT/harness:$layout:$layout/lib/*$extra" dev.tracex.benchmarks.coldstart.ColdStartMain "$mode" "$EVENT"
  done > "$OUT/$label.jsonl"
}

# classes LAYOUT MODE EXTRACTOR [JVM_OPTION]: "<loaded> <not from the JDK's CDS archive> <GraalVM or Truffle>" classes of one run.
classes() {
  env -i PATH="$PATH" HOME="$HOME" LAMBDA_TASK_ROOT="$PWD/$T/$1" \
      DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler ${3:+DD_TRACE_EXTRACTOR=$3} \
    "$JAVA" "${JVM_OPTS[@]}" "${JS_OPTS[@]}" ${4:+"$4"} -Xlog:class+load=info:file="$OUT/classes.log" \
      -cp "$OUT/harness:$T/$1:$T/$1/lib/*" dev.tracex.benchmarks.coldstart.ColdStartMain "$2" "$EVENT" > /dev/null
  echo "$(grep -c . "$OUT/classes.log") $(grep -vc 'shared objects file' "$OUT/classes.log") $(grep -c -E 'org\.graalvm|com\.oracle\.truffle' "$OUT/classes.log")"
}

CRAC_CP=":$CRAC:$RIC"
CRAC_OPT=-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac
EVENTS_CP=":$EVENTS:$JODA"
case_ empty        function-yaml empty  "" ""
case_ yaml         function-yaml tracex extractors.orders_sqs ""
case_ yaml-primed  function-yaml tracex-primed extractors.orders_sqs "$CRAC_CP" $CRAC_OPT
HANDLER=SqsHandler case_ typed-empty function-yaml typed-empty "" "$EVENTS_CP"
HANDLER=SqsHandler case_ typed       function-yaml tracex extractors.orders_sqs "$EVENTS_CP"
case_ empty-js     function-js   empty  "" "" "${JS_OPTS[@]}"
case_ graal        function-js   graal  "" "" "${JS_OPTS[@]}"
case_ graal-call   function-js   graal-call "" "" "${JS_OPTS[@]}"
# orders_js is in the compiled JS subset: on the YAML layout (no GraalVM jars) it runs compiled; the js cases
# force it onto GraalJS, as every JS rule ran before issue 27.
case_ js-compiled  function-yaml tracex extractors.orders_js ""
case_ js           function-js   tracex extractors.orders_js "" "${JS_OPTS[@]}" -Dtracex.js.forceGraal=true
case_ js-primed    function-js   tracex-primed extractors.orders_js "$CRAC_CP" $CRAC_OPT "${JS_OPTS[@]}" -Dtracex.js.forceGraal=true

# Application class-data sharing: one training run per case writes an archive of the classes it loaded
# (-XX:ArchiveClassesAtExit), the measured runs map it (-XX:SharedArchiveFile). The JVM refuses to archive with
# a non-empty directory on the class path, so these runs take the harness and the function's classes from
# jars, and the rules file from LAMBDA_TASK_ROOT alone. See benchmarks/README.md for what this does and does
# not say about Lambda.
CDS=$OUT/cds
mkdir -p "$CDS"
"${JAVA%java}jar" cf "$CDS/harness.jar" -C "$OUT/harness" .
"${JAVA%java}jar" cf "$CDS/function.jar" -C "$T/function-yaml" dev
# cds_case LABEL MODE EXTRACTOR RUNS ARCHIVE_OPTION
cds_case() {
  for _ in $(seq "$4"); do
    env -i PATH="$PATH" HOME="$HOME" LAMBDA_TASK_ROOT="$PWD/$T/function-yaml" \
        DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler ${3:+DD_TRACE_EXTRACTOR=$3} \
      "$JAVA" "${JVM_OPTS[@]}" "$5" -Dcoldstart.t0="${EPOCHREALTIME/./}" \
        -cp "$CDS/harness.jar:$CDS/function.jar:$T/function-yaml/lib/*" dev.tracex.benchmarks.coldstart.ColdStartMain "$2" "$EVENT"
  done > "$OUT/$1.jsonl"
}
for c in empty:empty: yaml:tracex:extractors.orders_sqs; do
  IFS=: read -r label mode extractor <<< "$c"
  cds_case "$label-cds-training" "$mode" "$extractor" 1 -XX:ArchiveClassesAtExit="$CDS/$label.jsa"
  [ -f "$CDS/$label.jsa" ] || { echo "the training run wrote no $CDS/$label.jsa" >&2; exit 1; }
  cds_case "$label-cds" "$mode" "$extractor" "$RUNS" -XX:SharedArchiveFile="$CDS/$label.jsa"
done

# Through the real runtime client (AWSLambda main, its own class loader for the function in LAMBDA_TASK_ROOT)
# against a loopback Runtime API: JVM start to the response at the API (runtime_cold_start.py).
RIC_CP="$RIC:$M2/com/amazonaws/aws-lambda-java-core/1.4.0/aws-lambda-java-core-1.4.0.jar"
RIC_CP="$RIC_CP:$M2/com/amazonaws/aws-lambda-java-serialization/1.2.0/aws-lambda-java-serialization-1.2.0.jar"
RIC_CP="$RIC_CP:$M2/software/amazon/awssdk/utils-lite/2.34.0/utils-lite-2.34.0.jar"
# The first event is $RUNTIME_EVENT (default $EVENT, whose records carry a context); the function's layout is
# $RUNTIME_LAYOUT (default $T/function-yaml).
runtime_case() {
  local label=$1 handler=$2
  shift 2
  for _ in $(seq "$RUNS"); do
    python3 benchmarks/runtime_cold_start.py "$PWD/${RUNTIME_LAYOUT:-$T/function-yaml}" "$handler" "$PWD/${RUNTIME_EVENT:-$EVENT}" "$RIC_CP" "$@" -- "${JVM_OPTS[@]}"
  done > "$OUT/$label.jsonl"
}
# The same function with its rules file precompiled beside it (tracex compile, what tracex-maven-plugin's compile
# goal writes), and a function whose file holds the selected rule alone, without and with its precompiled form.
PRE=$T/function-yaml-precompiled
ONE=$T/function-yaml-1rule
ONE_PRE=$T/function-yaml-1rule-precompiled
CLI_JAR=tools/cli/target/tracex.jar
[ -f $CLI_JAR ] || { echo "missing $CLI_JAR (mvn -B -q -DskipTests package builds it)" >&2; exit 2; }
rm -rf $PRE $ONE $ONE_PRE
cp -r $T/function-yaml $PRE
java -jar $CLI_JAR compile $PRE/extractors.yaml > /dev/null
cp -r $T/function-yaml $ONE
cp benchmarks/src/main/function/extractors-1rule.yaml $ONE/extractors.yaml
cp -r $ONE $ONE_PRE
java -jar $CLI_JAR compile $ONE_PRE/extractors.yaml > /dev/null
runtime_case runtime-empty dev.tracex.benchmarks.coldstart.EmptyHandler
runtime_case runtime-yaml dev.tracex.lambda.TracingHandler::handleRequest \
  DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=extractors.orders_sqs
for c in $PRE:runtime-yaml-precompiled $ONE:runtime-yaml1 $ONE_PRE:runtime-yaml1-precompiled; do
  RUNTIME_LAYOUT=${c%%:*} runtime_case "${c#*:}" dev.tracex.lambda.TracingHandler::handleRequest \
    DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=extractors.orders_sqs
done
# The same function selecting a built-in, and selecting nothing (builtin.default): built from the built-ins' form.
runtime_case runtime-builtin-sqs dev.tracex.lambda.TracingHandler::handleRequest \
  DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=builtin.sqs
runtime_case runtime-default dev.tracex.lambda.TracingHandler::handleRequest \
  DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler
# The same function whose first event has no context (the selected rule misses, builtin.default runs behind it),
# and the empty function on that event.
RUNTIME_EVENT=$MISS_EVENT runtime_case runtime-empty-miss dev.tracex.benchmarks.coldstart.EmptyHandler
RUNTIME_EVENT=$MISS_EVENT runtime_case runtime-yaml-miss dev.tracex.lambda.TracingHandler::handleRequest \
  DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=extractors.orders_sqs
# The same with an AppCDS archive each, trained through the runtime client (it archives the classes its own
# class loader defines from the function's jars too).
for c in empty:dev.tracex.benchmarks.coldstart.EmptyHandler yaml:dev.tracex.lambda.TracingHandler::handleRequest; do
  label=${c%%:*}
  handler=${c#*:}
  env_=(DD_LAMBDA_HANDLER=dev.tracex.benchmarks.coldstart.ContextHandler DD_TRACE_EXTRACTOR=extractors.orders_sqs)
  [ "$label" = empty ] && env_=()
  plain=("${JVM_OPTS[@]}")
  JVM_OPTS=("${plain[@]}" -XX:ArchiveClassesAtExit="$PWD/$CDS/runtime-$label.jsa") # the JVM runs in the task root
  RUNS=1 runtime_case "runtime-$label-cds-training" "$handler" "${env_[@]}"
  # A missing archive would not fail the runs: the JVM would run them with no class sharing at all.
  [ -f "$CDS/runtime-$label.jsa" ] || { echo "the training run wrote no $CDS/runtime-$label.jsa" >&2; exit 1; }
  JVM_OPTS=("${plain[@]}" -XX:SharedArchiveFile="$PWD/$CDS/runtime-$label.jsa")
  runtime_case "runtime-$label-cds" "$handler" "${env_[@]}"
  JVM_OPTS=("${plain[@]}")
done

# The summary, also kept beside the runs (the charts read the JDK from its "JDK" line), then the charts of the runs.
{
  read -r EMPTY_ALL EMPTY_OWN _ <<< "$(classes function-yaml empty "")"
  read -r YAML_ALL YAML_OWN _ <<< "$(classes function-yaml tracex extractors.orders_sqs)"
  read -r _ _ YAML_ON_JS_GRAAL <<< "$(classes function-js tracex extractors.orders_sqs)"
  read -r JS_ALL JS_OWN JS_GRAAL <<< "$(classes function-js tracex extractors.orders_js -Dtracex.js.forceGraal=true)"
  echo "Classes loaded (all; not from the JDK's CDS archive):"
  echo "  empty handler $EMPTY_ALL; $EMPTY_OWN    YAML rule $YAML_ALL; $YAML_OWN    JS rule $JS_ALL; $JS_OWN"
  echo "GraalVM/Truffle classes loaded, YAML rule on the JS layout: $YAML_ON_JS_GRAAL"
  echo "GraalVM/Truffle classes loaded, JS rule on the JS layout:   $JS_GRAAL"

  echo "Where the YAML rule's cold start goes (one run):"
  "$JAVA" "${JVM_OPTS[@]}" -cp "$OUT/harness:$T/function-yaml/lib/*" dev.tracex.benchmarks.coldstart.ColdStartBreakdown \
    $T/function-yaml/extractors.yaml orders_sqs "$EVENT" 2>/dev/null | sed 's/^/  /'
  echo "The same with the file precompiled (one run):"
  "$JAVA" "${JVM_OPTS[@]}" -cp "$OUT/harness:$PRE/lib/*" dev.tracex.benchmarks.coldstart.ColdStartBreakdown \
    $PRE/extractors.yaml orders_sqs "$EVENT" --precompiled 2>/dev/null | sed 's/^/  /'
  echo "The same, the node and compiler classes loaded first (the most a form without them could save; one run):"
  "$JAVA" "${JVM_OPTS[@]}" -cp "$OUT/harness:$PRE/lib/*" dev.tracex.benchmarks.coldstart.ColdStartBreakdown \
    $PRE/extractors.yaml orders_sqs "$EVENT" --precompiled --compiler-first 2>/dev/null | sed 's/^/  /'

  echo "JDK $JDK_VERSION ($JAVA), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 benchmarks/cold-start-report.py "$OUT"
} | tee "$OUT/cold-start-jdk$JDK_FEATURE.txt"
benchmarks/charts.sh "$OUT"
