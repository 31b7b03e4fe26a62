package dev.tracex.lambda;

import dev.tracex.lambda.internal.handoff.DatadogExtensionHandOff;
import dev.tracex.lambda.internal.handoff.DatadogExtensionHandOffTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tracex.lambda.ExportedSpans.Span;
import static dev.tracex.lambda.LambdaLayerIT.bytes;
import static dev.tracex.lambda.LambdaLayerIT.response;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * tracex's layer chained to a tracer's layer, with layers and variables alone ({@link LayerFunction}: a function
 * that knows nothing of tracex or the tracer, the real runtime client, the real agents). The other layers'
 * wrappers are written here from their sources, as they would sit in /opt:
 * <ul>
 * <li>OpenTelemetry's Java agent layer, {@code /opt/otel-handler} (open-telemetry/opentelemetry-lambda,
 * {@code java/layer-javaagent/scripts/otel-handler}): prepends {@code -javaagent:/opt/opentelemetry-javaagent.jar}
 * to {@code JAVA_TOOL_OPTIONS}, defaults {@code OTEL_PROPAGATORS=tracecontext,baggage,xray} and
 * {@code service.name}, then execs the command line;</li>
 * <li>Datadog's layers, {@code /opt/datadog_wrapper} (DataDog/datadog-lambda-extension,
 * {@code scripts/datadog_wrapper}, its Java branch): with {@code /opt/java/lib/dd-java-agent.jar} present (Datadog's
 * Java layer) it turns off JMXFetch, runtime metrics, remote configuration and AppSec, drops
 * {@code -XX:-TieredCompilation} and puts {@code -javaagent:/opt/java/lib/dd-java-agent.jar -XX:TieredStopAtLevel=1}
 * after the java command; the extension itself is {@link DatadogExtensionStandIn} on 127.0.0.1:8124.</li>
 * </ul>
 * One JVM per tracer (an agent takes 2-3 s to start), several invocations each.
 */
class LambdaLayerWithTracersIT {
    private static final String RULES = "extractors:\n  orders:\n    headers: $.meta\n";

    @TempDir
    Path dir;

    /** The agents are linked in from the build; JUnit would warn about each link out of its directory when deleting it. */
    @AfterEach
    void removeAgentLinks() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void otelAgentLayer_chained_oneServerSpanPerInvocationParentedOnTheExtractedContext() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(function.taskRoot().resolve("extractors.yaml"), RULES);
        Files.createSymbolicLink(function.opt().resolve("opentelemetry-javaagent.jar"), agent("tracex.test.otelAgent"));
        function.writeOptScript("otel-handler", String.join("\n",
                "#!/bin/bash",
                "set -ef -o pipefail",
                "export JAVA_TOOL_OPTIONS=\"-javaagent:/opt/opentelemetry-javaagent.jar ${JAVA_TOOL_OPTIONS}\"",
                "if [[ $OTEL_RESOURCE_ATTRIBUTES != *\"service.name=\"* ]]; then",
                "  export OTEL_RESOURCE_ATTRIBUTES=\"service.name=${AWS_LAMBDA_FUNCTION_NAME},${OTEL_RESOURCE_ATTRIBUTES}\"",
                "fi",
                "if [[ -z \"$OTEL_PROPAGATORS\" ]]; then",
                "  export OTEL_PROPAGATORS=\"tracecontext,baggage,xray\"",
                "fi",
                "export OTEL_INSTRUMENTATION_AWS_LAMBDA_FLUSH_TIMEOUT=10000",
                "exec \"$@\"", ""));
        Map<String, String> env = Map.of(
                "TRACEX_NEXT_WRAPPER", "/opt/otel-handler",
                "DD_TRACE_EXTRACTOR", "extractors.orders",
                "OTEL_TRACES_EXPORTER", "logging-otlp",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none");
        record Invocation(String requestId, byte[] event, String traceId, String parentId) {
        }
        List<Invocation> invocations = List.of(
                new Invocation("order", bytes("{\"order\": 7, \"meta\": {\"traceparent\": "
                        + "\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}}"),
                        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"),
                // The rule finds nothing; builtin.default reads Datadog's 64-bit ids in the SQS message attribute.
                new Invocation("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"),
                        "000000000000000025422bd5a88d3540", "6721a18bd12b57d0"),
                new Invocation("plain", bytes("{\"order\": 8}"), null, null));
        try (RuntimeApiServer api = new RuntimeApiServer(); RunningFunction running = function.start("otel", api, env)) {
            for (Invocation i : invocations) {
                api.enqueue(i.requestId(), i.event(), Map.of("Lambda-Runtime-Trace-Id",
                        "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1"));
            }
            for (Invocation i : invocations) {
                response(running, i.requestId());
            }
            List<Span> spans = awaitSpans(running, invocations.size());
            String log = running.log();
            assertThat(log).as("the agent came from OpenTelemetry's wrapper").contains("Picked up JAVA_TOOL_OPTIONS: "
                    + "-javaagent:/opt/opentelemetry-javaagent.jar");
            assertThat(spans.stream().filter(Span::isServer)).as("exactly one SERVER span per invocation\n" + log)
                    .hasSize(invocations.size());
            for (Invocation i : invocations) {
                Span server = spans.stream().filter(s -> s.isServer() && i.requestId().equals(s.attribute("faas.invocation_id")))
                        .findFirst().orElseThrow(() -> new AssertionError("no SERVER span for " + i.requestId() + "\n" + log));
                if (i.traceId() == null) {
                    assertThat(server.parentSpanId()).as(i.requestId()).isNull();
                } else {
                    assertThat(server.traceId()).as(i.requestId()).isEqualTo(i.traceId());
                    assertThat(server.parentSpanId()).as(i.requestId()).isEqualTo(i.parentId());
                }
            }
            assertThat(log).doesNotContain("WARNING");
        }
    }

    @Test
    void datadogLayers_chainedWithTheExtensionHandOff_theTracersInvocationSpanIsTheExtractedParentsChild() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(function.taskRoot().resolve("extractors.yaml"), RULES);
        // The opt-in hand-off starts dd-trace-java's invocation span through the OpenTelemetry API (served by
        // dd-trace-java with DD_TRACE_OTEL_ENABLED=true): the function bundles the API, as one using it does.
        function.bundle("opentelemetry-api-1", "opentelemetry-context-1", "opentelemetry-common-1");
        Files.createSymbolicLink(function.opt().resolve("java/lib/dd-java-agent.jar"), agent("tracex.test.ddAgent"));
        function.writeOptScript("datadog_wrapper", String.join("\n",
                "#!/bin/bash",
                "args=(\"$@\")",
                "DD_Agent_Jar=/opt/java/lib/dd-java-agent.jar",
                "if [[ \"$AWS_EXECUTION_ENV\" == *\"java\"* ]] && [ -f \"$DD_Agent_Jar\" ]; then",
                "  export DD_JMXFETCH_ENABLED=\"false\"",
                "  export DD_RUNTIME_METRICS_ENABLED=\"false\"",
                "  export DD_REMOTE_CONFIG_ENABLED=\"false\"",
                "  export DD_APPSEC_ENABLED=\"false\"",
                "  start=${args[0]}",
                "  rest=(\"${args[@]:1}\")",
                "  for index in \"${!rest[@]}\"; do",
                "    [[ ${rest[$index]} == \"-XX:-TieredCompilation\" ]] && unset -v 'rest[$index]'",
                "  done",
                "  args=(\"$start\" \"-javaagent:$DD_Agent_Jar\" -XX:TieredStopAtLevel=1 \"${rest[@]}\")",
                "fi",
                "exec \"${args[@]}\"", ""));
        Map<String, String> env = new HashMap<>(Map.of(
                "TRACEX_NEXT_WRAPPER", "/opt/datadog_wrapper",
                "DD_TRACE_EXTRACTOR", "extractors.orders",
                DatadogExtensionHandOff.ENV, "true",
                "DD_TRACE_AWS_LAMBDA_ENABLED", "false",
                "DD_WRITER_TYPE", "PrintingWriter",
                "DD_SERVICE", "orders",
                "DD_TRACE_OTEL_ENABLED", "true",
                "DD_INSTRUMENTATION_TELEMETRY_ENABLED", "false",
                "DD_PROFILING_ENABLED", "false",
                "DD_TRACE_STARTUP_LOGS", "false"));
        env.put("DD_CRASHTRACKING_ENABLED", "false");
        env.put("DD_DATA_STREAMS_ENABLED", "false");
        // A W3C parent in a custom payload: only tracex's rule reads it, the extension finds nothing of its own.
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parent = "00f067aa0ba902b7";
        try (DatadogExtensionStandIn extension = new DatadogExtensionStandIn(); RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("datadog", api, env)) {
            api.enqueue("order", bytes("{\"order\": 7, \"meta\": {\"traceparent\": \"00-" + trace + "-" + parent + "-01\"}}"), Map.of());
            response(running, "order");
            List<DatadogExtensionStandIn.Request> starts = extension.requests("/lambda/start-invocation");
            List<DatadogExtensionStandIn.Request> ends = extension.requests("/lambda/end-invocation");
            assertThat(starts).as(running.log()).hasSize(1);
            assertThat(ends).hasSize(1);
            String low64 = Long.toUnsignedString(Long.parseUnsignedLong(trace.substring(16), 16));
            assertThat(starts.get(0).header("x-datadog-trace-id")).isEqualTo(low64);
            assertThat(starts.get(0).header("x-datadog-parent-id")).isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong(parent, 16)));
            assertThat(starts.get(0).header("traceparent")).startsWith("00-" + trace + "-" + parent + "-");
            assertThat(ends.get(0).header("x-datadog-span-id")).as("the end reports the tracer's invocation span\n" + running.log()).isNotNull();
            List<DatadogExtensionHandOffTest.Span> spans = awaitDatadogSpans(running, 1);
            DatadogExtensionHandOffTest.Span invocation = DatadogExtensionHandOffTest.Span.byId(spans, ends.get(0).header("x-datadog-span-id"));
            assertThat(invocation.traceId()).isEqualTo(low64);
            assertThat(invocation.parentId()).isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong(parent, 16)));
            assertThat(running.log()).doesNotContain("tracex:");
        }
    }

    private static Path agent(String property) {
        String agent = System.getProperty(property);
        assertThat(agent).as("system property %s: the agent jar copied by the build", property).isNotNull();
        assertThat(Path.of(agent)).isRegularFile();
        return Path.of(agent).toAbsolutePath();
    }

    /** The OTLP spans printed so far, once at least {@code n} are (the agent flushes at the end of each invocation). */
    private static List<Span> awaitSpans(RunningFunction running, int n) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Span> spans = ExportedSpans.fromLog(running.log());
        while (spans.stream().filter(Span::isServer).count() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
            spans = ExportedSpans.fromLog(running.log());
        }
        return spans;
    }

    /** dd-trace-java's PrintingWriter spans printed so far, once at least {@code n} are. */
    private static List<DatadogExtensionHandOffTest.Span> awaitDatadogSpans(RunningFunction running, int n) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<DatadogExtensionHandOffTest.Span> spans = DatadogExtensionHandOffTest.parse(writerLines(running.log()));
        while (spans.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
            spans = DatadogExtensionHandOffTest.parse(writerLines(running.log()));
        }
        return spans;
    }

    /** The lines dd-trace-java's PrintingWriter printed (JSON), without the agent's own "[dd.trace ...]" log lines. */
    private static String writerLines(String log) {
        StringBuilder out = new StringBuilder();
        for (String line : log.split("\n")) {
            if (line.startsWith("{") || line.startsWith("[{") || line.startsWith("[[")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
