package dev.tracex.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function of {@code template.yaml}, run as Lambda runs it: a JVM of its own whose environment is
 * the function's (Globals merged with its own variables), the template's {@code Handler} instantiated
 * and called on the function's event from {@code events/}. The class path is what
 * {@code target/functions.zip} holds, {@code target/classes} (as {@code /var/task}) and
 * {@code target/lib/*}, plus the test's {@link LocalLambda} standing in for the runtime. The expected ids are
 * worked out by hand from the event files (decimal ids as sent; {@code _dd.p.tid} is the upper 64 bits).
 */
class ExampleFunctionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TASK_ROOT = Path.of("target/classes").toAbsolutePath();
    private static final Path LIB = Path.of("target/lib").toAbsolutePath();
    private static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();

    private static final String JS_RULES_JAVA_TOOL_OPTIONS = "--enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow";

    private static Map<String, Object> parameters;
    private static Map<String, Object> globals;
    private static Map<String, Object> resources;

    @TempDir
    Path workDir;

    /** What the last function run wrote to standard error (its logger's lines). */
    private String lastStderr;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTemplate() throws IOException {
        try (Reader r = Files.newBufferedReader(Path.of("template.yaml"))) {
            Map<String, Object> template = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            parameters = (Map<String, Object>) template.get("Parameters");
            globals = (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
            resources = (Map<String, Object>) template.get("Resources");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void template_everyFunction_isOnTheChosenJavaRuntimeBehindTheWrapperWithSnapStartOnItsAlias() {
        assertThat((Map<String, Object>) parameters.get("JavaRuntime")).containsEntry("Default", "java17")
                .containsEntry("AllowedValues", java.util.List.of("java17", "java21", "java25"));
        assertThat(globals).containsEntry("Runtime", Map.of("Ref", "JavaRuntime"))
                .containsEntry("Handler", "dev.tracex.lambda.TracingHandler::handleRequest")
                .containsEntry("CodeUri", "target/functions.zip")
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsKey("AutoPublishAlias");
        Map<String, Map<String, String>> selections = new java.util.TreeMap<>();
        resources.forEach((name, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (r.get("Type").equals("AWS::Serverless::Function")) {
                Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>)
                        ((Map<String, Object>) r.get("Properties")).get("Environment")).get("Variables");
                selections.put(name, (Map<String, String>) (Map<String, ?>) variables);
            }
        });
        // The functions the tests below run, each with its handler and rule, and one under the OpenTelemetry agent layer.
        assertThat(selections).isEqualTo(Map.of(
                "TracedShipmentFunction", Map.of("DD_LAMBDA_HANDLER", "dev.tracex.examples.EchoContextHandler",
                        "DD_TRACE_EXTRACTOR", "extractors.json", "AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-handler",
                        "OTEL_SERVICE_NAME", "shipments", "OTEL_PROPAGATORS", "tracecontext,baggage,xray",
                        "OTEL_JAVAAGENT_EXCLUDE_CLASSES", "dev.tracex.examples.EchoContextHandler",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"),
                "OrdersQueueFunction", Map.of("DD_LAMBDA_HANDLER", "dev.tracex.examples.OrderQueueHandler",
                        "DD_TRACE_EXTRACTOR", "extractors.sqs"),
                "OrderBatchFunction", Map.of("DD_LAMBDA_HANDLER", "dev.tracex.examples.OrderBatchHandler",
                        "DD_TRACE_EXTRACTOR", "extractors.sqs_records"),
                "ShipmentFunction", Map.of("DD_LAMBDA_HANDLER", "dev.tracex.examples.EchoContextHandler",
                        "DD_TRACE_EXTRACTOR", "extractors.json"),
                "QuotesFunction", Map.of("DD_LAMBDA_HANDLER", "dev.tracex.examples.EchoContextHandler",
                        "DD_TRACE_EXTRACTOR", "extractors.jaeger", "JAVA_TOOL_OPTIONS", JS_RULES_JAVA_TOOL_OPTIONS),
                "NodeExtractorFunction", Map.of("DD_LAMBDA_HANDLER", "dev.tracex.examples.EchoContextHandler",
                        "DD_TRACE_EXTRACTOR", "extractors.json", "DD_TRACE_EXTRACTOR_PATH", "/var/task/node",
                        "JAVA_TOOL_OPTIONS", JS_RULES_JAVA_TOOL_OPTIONS),
                "LayerOnlyFunction", Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/opt/tracex-wrapper",
                        "DD_TRACE_EXTRACTOR", "extractors.sqs")));
        Map<String, Object> traced = (Map<String, Object>) ((Map<String, Object>) resources.get("TracedShipmentFunction")).get("Properties");
        assertThat(traced.get("Layers")).isEqualTo(java.util.List.of(Map.of("Ref", "OtelJavaAgentLayerArn")));
    }

    /**
     * The layer-only function as deployed: its own handler, its package without tracex, tracex's layer as built
     * by lambda-adapter (which runs it through the wrapper script under the real runtime client: LambdaLayerIT).
     */
    @Test
    @SuppressWarnings("unchecked")
    void template_layerOnlyFunction_hasItsOwnHandlerAndNoTracexInItsPackage() throws IOException {
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) resources.get("LayerOnlyFunction")).get("Properties");
        assertThat(function).containsEntry("Handler", "dev.tracex.examples.plain.PlainOrderHandler::handleRequest")
                .containsEntry("CodeUri", "target/layer-function.zip")
                .containsEntry("Layers", java.util.List.of(Map.of("Ref", "TracexLayer")));
        Map<String, Object> layer = (Map<String, Object>) resources.get("TracexLayer");
        assertThat(layer).containsEntry("Type", "AWS::Serverless::LayerVersion");
        String contentUri = (String) ((Map<String, Object>) layer.get("Properties")).get("ContentUri");
        assertThat(Path.of(contentUri)).as("the layer built by lambda-adapter's package").isRegularFile();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile("target/layer-function.zip")) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> !n.endsWith("/")))
                    .containsExactlyInAnyOrder("dev/tracex/examples/plain/PlainOrderHandler.class", "extractors.yaml",
                            "extractors.yaml.tracex",
                            "lib/aws-lambda-java-events-3.16.1.jar", "lib/joda-time-2.10.8.jar");
        }
        // The handler's class refers to no tracex class: it loads with tracex absent.
        try (java.net.URLClassLoader plain = new java.net.URLClassLoader(new java.net.URL[]{
                Path.of("target/layer-function.zip").toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            byte[] bytecode = plain.getResourceAsStream("dev/tracex/examples/plain/PlainOrderHandler.class").readAllBytes();
            assertThat(new String(bytecode, StandardCharsets.ISO_8859_1)).doesNotContain("dev/tracex/lambda", "dev/tracex/engine");
        }
    }

    @Test
    void tracedShipmentFunction_underTheAgentLayersEnvironment_stillSeesTheContext() throws Exception {
        // The agent itself is not attached here (OpenTelemetryAgentTest in lambda-adapter runs it); the
        // function's own environment, exec wrapper variable included, must leave the wrapper working.
        JsonNode report = run("TracedShipmentFunction", Path.of("events/custom_payload_event.json"));
        assertThat(report.get("result").get("trace_id").asText()).isEqualTo("5827296727441744253");
        assertThat(report.get("result").get("rule").asText()).isEqualTo("json");
    }

    /**
     * The package carries the shared rules file precompiled by the build's tracex-maven-plugin (goal compile):
     * the function loads its rule from it, and answers as the other tests check.
     */
    @Test
    void ordersQueueFunction_loadsItsRuleFromThePrecompiledFormTheBuildWrote() throws Exception {
        assertThat(TASK_ROOT.resolve("extractors.yaml.tracex")).isRegularFile();

        JsonNode report = run("OrdersQueueFunction", Path.of("events/sqs_event.json"), Map.of("DD_LOG_LEVEL", "debug"));

        assertThat(lastStderr).contains("tracex: extractor sqs (then builtin.default) loaded from its rules file's precompiled form");
        assertThat(report.toString()).contains("3430719526451169030");
    }

    @Test
    void ordersQueueFunction_sqsEvent_passesRecordZerosContextOnWithEveryShipment() throws Exception {
        JsonNode report = run("OrdersQueueFunction", Path.of("events/sqs_event.json"));

        // Record 0's attribute: trace 3430719526451169030 = 0x2f9c5d3b8a1e4706, upper half 6745f1c800000000,
        // parent 6592735288943113240 = 0x5b7e19d0c3a2f418, priority 1. Both shipments continue that trace
        // (record 1's own context is a batch link at most, as in Datadog's libraries). tracestate's dd member
        // carries the propagated tags but not _dd.p.tid, which traceparent's trace id already holds.
        JsonNode datadog = JSON.readTree("""
                {"x-datadog-trace-id": "3430719526451169030",
                 "x-datadog-parent-id": "6592735288943113240",
                 "x-datadog-sampling-priority": "1",
                 "x-datadog-tags": "_dd.p.dm=-0,_dd.p.tid=6745f1c800000000",
                 "traceparent": "00-6745f1c8000000002f9c5d3b8a1e4706-5b7e19d0c3a2f418-01",
                 "tracestate": "dd=s:1;p:5b7e19d0c3a2f418;t.dm:-0"}""");
        assertThat(report.get("result")).isEqualTo(JSON.readTree("""
                [{"orderId": "ord-20261125-0042", "quantity": 2, "_datadog": %s},
                 {"orderId": "ord-20261125-0043", "quantity": 1, "_datadog": %s}]""".formatted(datadog, datadog)));
    }

    @Test
    void orderBatchFunction_sqsBatch_eachOrderUnderItsOwnTrace_theMalformedOneInTheBatchResponse() throws Exception {
        JsonNode report = run("OrderBatchFunction", Path.of("events/sqs_batch_event.json"));

        assertThat(report.get("result")).isEqualTo(JSON.readTree("""
                {"batchItemFailures": [{"itemIdentifier": "8d1c2b3a-4e5f-4a6b-9c7d-0e1f2a3b4c5d"}]}"""));
        // Message 1: 3430719526451169030 = 0x2f9c5d3b8a1e4706 with _dd.p.tid 6745f1c800000000; message 2:
        // 1885667171979194497 = 0x1a2b3c4d5e6f7081; message 4: 6151017474352412307 = 0x555ccdcdadfef693.
        assertThat(lastStderr.lines().filter(l -> l.startsWith("order ")).toList()).containsExactly(
                "order ord-20261125-0042 (message 059f36b4-87a3-44ab-83d2-661975830a7d): trace 6745f1c8000000002f9c5d3b8a1e4706",
                "order ord-20261125-0043 (message 2e1424d4-f796-459a-8184-9c92662be6da): trace 00000000000000001a2b3c4d5e6f7081",
                "order ord-20261125-0045 (message c0ffee00-1234-4abc-8def-0123456789ab): trace 0000000000000000555ccdcdadfef693");
    }

    @Test
    void shipmentFunction_customPayloadEvent_seesTheDatadogHeadersAtTheTop() throws Exception {
        JsonNode report = run("ShipmentFunction", Path.of("events/custom_payload_event.json"));

        // 5827296727441744253 = 0x50deb77fcff6217d, 4112390218134436401 = 0x3912251d71b1ba31.
        assertThat(report.get("result")).isEqualTo(expected(report, """
                {"rule": "json", "format": "datadog",
                 "trace_id": "5827296727441744253", "trace_id_128": "6745f1c80000000050deb77fcff6217d",
                 "parent_id": "4112390218134436401", "sampling_priority": 1,
                 "tags": {"_dd.p.dm": "-0", "_dd.p.tid": "6745f1c800000000"},
                 "traceparent": "00-6745f1c80000000050deb77fcff6217d-3912251d71b1ba31-01",
                 "otel_trace_id": "6745f1c80000000050deb77fcff6217d", "otel_parent_span_id": "3912251d71b1ba31"}"""));
    }

    @Test
    void shipmentFunction_payloadWithoutContext_returnsAnEmptyMap() throws Exception {
        Path event = Files.writeString(workDir.resolve("order.json"), "{\"orderId\": \"ord-20261125-0044\"}");
        JsonNode report = run("ShipmentFunction", event);

        assertThat(report.get("result")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void quotesFunction_httpApiEventWithUberTraceId_inlineJsRuleReadsIt() throws Exception {
        JsonNode report = run("QuotesFunction", Path.of("events/apigw_v2_event.json"));

        // uber-trace-id a3ce929d0e0e4736:f067aa0ba902b7:0:1 (URL-encoded): a 64-bit trace id, a span id
        // whose leading zeros Jaeger dropped, flags 1 = sampled. 0xa3ce929d0e0e4736 = 11803532876627986230,
        // 0x00f067aa0ba902b7 = 67667974448284343; a sampled traceparent without Datadog state is priority 1.
        assertThat(report.get("result")).isEqualTo(expected(report, """
                {"rule": "jaeger", "format": "tracecontext",
                 "trace_id": "11803532876627986230", "trace_id_128": "0000000000000000a3ce929d0e0e4736",
                 "parent_id": "67667974448284343", "sampling_priority": 1, "tags": {},
                 "traceparent": "00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-01",
                 "otel_trace_id": "0000000000000000a3ce929d0e0e4736", "otel_parent_span_id": "00f067aa0ba902b7"}"""));
    }

    @Test
    void nodeExtractorFunction_nodeProducersPayload_datadogsExtractorsJsReadsIt() throws Exception {
        JsonNode report = run("NodeExtractorFunction", Path.of("events/node_producer_payload_event.json"));

        // {traceID, parentID, sampleMode} from the Node snippet: 1885667171979194497 = 0x1a2b3c4d5e6f7081,
        // 81985529216486895 = 0x0123456789abcdef, sampleMode 2 (user keep).
        assertThat(report.get("result")).isEqualTo(expected(report, """
                {"rule": "json", "format": "js",
                 "trace_id": "1885667171979194497", "trace_id_128": "00000000000000001a2b3c4d5e6f7081",
                 "parent_id": "81985529216486895", "sampling_priority": 2, "tags": {},
                 "traceparent": "00-00000000000000001a2b3c4d5e6f7081-0123456789abcdef-01",
                 "otel_trace_id": "00000000000000001a2b3c4d5e6f7081", "otel_parent_span_id": "0123456789abcdef"}"""));
    }

    /** {@code context} plus the request id the run used, which the function echoes. */
    private static JsonNode expected(JsonNode report, String context) throws IOException {
        ObjectNode o = (ObjectNode) JSON.readTree(context);
        o.put("aws_request_id", report.get("aws_request_id").asText());
        return o;
    }

    /** Runs function {@code name} of the template on {@code event} in a fresh JVM; its report. */
    private JsonNode run(String name, Path event) throws IOException, InterruptedException {
        return run(name, event, Map.of());
    }

    /** As {@link #run(String, Path)}, with {@code extra} added to the function's environment. */
    @SuppressWarnings("unchecked")
    private JsonNode run(String name, Path event, Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, Object> function = (Map<String, Object>) resources.get(name);
        assertThat(function).as("function %s in template.yaml", name).isNotNull();
        Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> p : java.util.List.of(globals, properties)) {
            Object environment = p.get("Environment");
            if (environment != null) {
                ((Map<String, Object>) ((Map<String, Object>) environment).get("Variables"))
                        .forEach((k, v) -> env.put(k, String.valueOf(v).replace("/var/task", TASK_ROOT.toString())));
            }
        }
        String handler = (String) properties.getOrDefault("Handler", globals.get("Handler"));
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", TASK_ROOT.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.putAll(extra);

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", String.join(File.pathSeparator, TEST_CLASSES.toString(), TASK_ROOT.toString(), LIB + File.separator + "*"),
                LocalLambda.class.getName(), event.toAbsolutePath().toString())
                .directory(workDir.toFile());
        // The function sees only its own configuration, never the build's.
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_") || k.startsWith("_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        File out = workDir.resolve(name + ".out").toFile();
        File err = workDir.resolve(name + ".err").toFile();
        Process p = pb.redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 60 s");
        }
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        lastStderr = stderr;
        assertThat(p.exitValue()).as("exit of %s; stderr:%n%s", name, stderr).isZero();
        // A configuration problem would be a warning and a silent fallback to builtin.default.
        assertThat(stderr).as("stderr of %s", name).doesNotContain("cannot be used", ".tracex not used");
        // On the JDK running the tests (17 or 25, .ci/run), with the template's settings: no JVM warning.
        assertThat(stderr).as("stderr of %s on JDK %d", name, Runtime.version().feature())
                .doesNotContain("WARNING: A restricted method", "WARNING: A terminally deprecated method");
        return JSON.readTree(Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }
}
