package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrapper under the real AWS Lambda Runtime Interface Client ({@code AWSLambda}, with its native
 * Runtime API client) in a child JVM, talking to {@link RuntimeApiServer} on loopback: the function's
 * handler is {@code dev.tracex.lambda.TracingHandler::handleRequest}, the user's is in
 * {@code DD_LAMBDA_HANDLER}, the rules come from {@code DD_TRACE_EXTRACTOR}.
 */
public class RuntimeInterfaceClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    public static byte[] event(String name) throws IOException {
        try (InputStream in = RuntimeInterfaceClientTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    /**
     * The wrapper as the handler, everything on the JVM's class path (GraalJS for the JS rules too), and the documented
     * setting for JS rules as a function's configuration sets it, in {@code JAVA_TOOL_OPTIONS} (valid on every runtime;
     * from JDK 24 it also quiets the runtime client's own native-access warning). JvmWarningsTest runs without it.
     */
    private LambdaFunctionJvm function(Map<String, String> env) {
        return LambdaFunctionJvm.onTheClassPath(taskRoot).javaToolOptions(LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME)
                .julAtFine().env(env);
    }

    @Test
    void ric_sqsFunctionWithYamlRule_manyInvocationsOneCompileAndErrorsThroughTheErrorEndpoint() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of(
                     "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler",
                     "DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs",
                     "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"))
                     // org.crac finds the RIC's own CRaC context this way, as on Lambda's managed runtime.
                     .jvmOptions("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac").start("function", api)) {
            int n = 25;
            for (int i = 0; i < n; i++) {
                api.enqueue("req-" + i, event("sqs_event.json"), Map.of(
                        "Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
            }
            api.enqueue("bad-event", "[1, 2]".getBytes(StandardCharsets.UTF_8), Map.of());
            api.enqueue("after-bad", event("sqs_event.json"), Map.of());

            for (int i = 0; i < n; i++) {
                RuntimeApiServer.Outcome o = f.await("req-" + i, 60);
                assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                JsonNode seen = JSON.readTree(o.body());
                assertThat(seen.get("request_id").asText()).isEqualTo("req-" + i);
                assertThat(seen.get("records").asInt()).isEqualTo(2);
                assertThat(seen.get("trace_id").asText()).isEqualTo("2684756524522091840");
                assertThat(seen.get("otel_trace_id").asText()).isEqualTo("000000000000000025422bd5a88d3540");
                assertThat(seen.get("otel_span_id").asText()).isEqualTo("6721a18bd12b57d0");
                assertThat(seen.get("otel_remote").asBoolean()).isTrue();
                assertThat(seen.get("mdc_trace_id").asText()).isEqualTo("2684756524522091840");
            }
            RuntimeApiServer.Outcome bad = f.await("bad-event", 60);
            assertThat(bad.error()).isTrue();
            JsonNode error = JSON.readTree(bad.body());
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.RuntimeException");
            assertThat(error.get("errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
            assertThat(f.await("after-bad", 60).error()).as("the function goes on after a failed invocation").isFalse();

            String log = f.log();
            assertThat(count(log, "compiled at cold start")).as(log).isEqualTo(1);
            assertThat(log).contains("FINE tracex: extractor sqs (then builtin.default) compiled at cold start");
            assertThat(count(log, "SnapStart priming ran extractor sqs before the checkpoint")).as(log).isEqualTo(1);
            assertThat(log).doesNotContain("WARNING");
            assertThat(api.calls).contains("GET restore/next");
        }
    }

    @Test
    void ric_sqsFunctionWithJsRule_compiledOnceAndAThrowingSnippetNeverReachesTheHandler() throws Exception {
        // The Node-style extractor a datadog-lambda-js user already has, as an inline JS rule.
        Files.writeString(taskRoot.resolve("extractors.yaml"), String.join("\n",
                "extractors:",
                "  sqs_js:",
                "    js: |",
                "      (payload, context) => {",
                "        const d = JSON.parse(payload.Records[0].messageAttributes._datadog.stringValue);",
                "        return { traceID: d[\"x-datadog-trace-id\"], parentID: d[\"x-datadog-parent-id\"],",
                "                 sampleMode: parseInt(d[\"x-datadog-sampling-priority\"], 10), source: \"event\" };",
                "      }",
                ""));
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of(
                     "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler",
                     "DD_TRACE_EXTRACTOR", "extractors.sqs_js")).start("function", api)) {
            int n = 10;
            for (int i = 0; i < n; i++) {
                api.enqueue("js-" + i, event("sqs_event.json"), Map.of());
            }
            // No _datadog attribute: the snippet throws a TypeError, which must stay inside tracex.
            api.enqueue("js-throws", ("{\"Records\": [{\"messageId\": \"m-1\", \"body\": \"plain\", "
                    + "\"eventSource\": \"aws:sqs\", \"messageAttributes\": {}}]}").getBytes(StandardCharsets.UTF_8), Map.of());
            api.enqueue("js-after", event("sqs_event.json"), Map.of());

            for (int i = 0; i < n; i++) {
                RuntimeApiServer.Outcome o = f.await("js-" + i, 120);
                assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                JsonNode seen = JSON.readTree(o.body());
                assertThat(seen.get("trace_id").asText()).isEqualTo("2684756524522091840");
                assertThat(seen.get("otel_span_id").asText()).isEqualTo("6721a18bd12b57d0");
                assertThat(seen.get("otel_remote").asBoolean()).isTrue();
            }
            RuntimeApiServer.Outcome throwing = f.await("js-throws", 60);
            assertThat(throwing.error()).as(throwing.body()).isFalse();
            JsonNode seen = JSON.readTree(throwing.body());
            assertThat(seen.get("records").asInt()).isEqualTo(1);
            assertThat(seen.get("first_body").asText()).isEqualTo("plain");
            assertThat(seen.has("trace_id")).as(throwing.body()).isFalse();
            assertThat(JSON.readTree(f.await("js-after", 60).body()).get("trace_id").asText())
                    .isEqualTo("2684756524522091840");

            String log = f.log();
            assertThat(count(log, "compiled at cold start")).as(log).isEqualTo(1);
            assertThat(log).contains("extractor sqs_js (then builtin.default) compiled at cold start");
            assertThat(log).doesNotContain("WARNING");
        }
    }

    /**
     * A rules file with its precompiled form beside it in the task root (as the Maven plugin's compile goal and
     * {@code tracex compile} put it): the rule is loaded from the form; after an edit of the YAML the stale form is
     * one warning and the YAML is compiled, with the same answer.
     */
    @Test
    void ric_precompiledForm_isLoaded_andAStaleOneIsOneWarning() throws Exception {
        String rules = "extractors:\n  unused:\n    headers: $.nothing\n  sqs:\n"
                + "    headers: $.Records[0].messageAttributes._datadog.stringValue | json\n";
        Files.writeString(taskRoot.resolve("extractors.yaml"), rules);
        Files.write(taskRoot.resolve("extractors.yaml.tracex"), dev.tracex.engine.PrecompiledRules.write(rules, "extractors.yaml", null));
        for (boolean stale : new boolean[] {false, true}) {
            if (stale) {
                Files.writeString(taskRoot.resolve("extractors.yaml"), rules.replace("$.nothing", "$.nothing_else"));
            }
            try (RuntimeApiServer api = new RuntimeApiServer();
                 RunningFunction f = function(Map.of(
                         "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler",
                         "DD_TRACE_EXTRACTOR", "extractors.sqs")).start("function", api)) {
                api.enqueue("r1", event("sqs_event.json"), Map.of());
                RuntimeApiServer.Outcome o = f.await("r1", 60);
                assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                assertThat(JSON.readTree(o.body()).get("trace_id").asText()).isEqualTo("2684756524522091840");
                String log = f.log();
                if (stale) {
                    assertThat(count(log, "WARNING ")).as(log).isEqualTo(1);
                    assertThat(log).contains("WARNING " + taskRoot.resolve("extractors.yaml") + ".tracex not used, compiling "
                            + taskRoot.resolve("extractors.yaml") + ": it was made from another text of the file");
                    assertThat(log).contains("FINE tracex: extractor sqs (then builtin.default) compiled at cold start");
                } else {
                    assertThat(log).doesNotContain("WARNING")
                            .contains("FINE tracex: extractor sqs (then builtin.default) loaded from its rules file's precompiled form");
                }
            }
        }
    }

    @Test
    void ric_userExceptionAndMisconfiguredExtractor_errorReportedFunctionKeepsRunning() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of(
                     "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.Handlers$Failing::handle",
                     "DD_TRACE_EXTRACTOR", "missing.sqs")).start("function", api)) {
            api.enqueue("r1", "{\"order\": 7}".getBytes(StandardCharsets.UTF_8), Map.of());
            api.enqueue("r2", "{\"order\": 8}".getBytes(StandardCharsets.UTF_8), Map.of());
            RuntimeApiServer.Outcome o = f.await("r1", 60);
            assertThat(o.error()).isTrue();
            JsonNode error = JSON.readTree(o.body());
            assertThat(error.get("errorType").asText()).isEqualTo("dev.tracex.lambda.functions.Handlers$OrderRejected");
            assertThat(error.get("errorMessage").asText()).isEqualTo("order 7 rejected");
            assertThat(JSON.readTree(f.await("r2", 60).body()).get("errorMessage").asText()).isEqualTo("order 8 rejected");
            String log = f.log();
            assertThat(count(log, "WARNING DD_TRACE_EXTRACTOR=missing.sqs cannot be used, continuing with builtin.default: "
                    + "no rules file missing{.yaml,.yml,.js} in " + taskRoot)).as(log).isEqualTo(1);
        }
    }

    @Test
    void ric_strictWithACompileError_failsTheInitThroughTheInitErrorEndpoint() throws Exception {
        Files.writeString(taskRoot.resolve("extractors.yaml"), "extractors:\n  sqs:\n    headers: $.Records[0] | b64\n");
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of(
                     "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler",
                     "DD_TRACE_EXTRACTOR", "extractors.sqs",
                     "DD_TRACE_EXTRACTOR_STRICT", "true")).start("function", api)) {
            JsonNode error = JSON.readTree(f.awaitInitError(60));
            assertThat(f.exited(30)).as("the RIC exits after an init error").isTrue();
            assertThat(f.log()).contains("DD_TRACE_EXTRACTOR=extractors.sqs cannot be used "
                    + "(DD_TRACE_EXTRACTOR_STRICT=true): " + taskRoot.resolve("extractors.yaml") + ":3:29: rule \"sqs\": "
                    + "unknown step \"b64\" (known: json, base64, gzip, text, lowercase-keys, stepfunctions, aws-trace-header, lambda-xray, xray-carrier, apigw-authorizer, message-attributes, bytes, kafka-headers, dynamodb-json, durable-checkpoint)");
            assertThat(f.exitValue()).isEqualTo(1);
        }
    }

    @Test
    void ric_baseClassAsTheHandler_runtimeResolvesItsTypesAndTheHandOffIsOpen() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs"))
                     .handler("dev.tracex.lambda.functions.BaseClassHandler").start("function", api)) {
            api.enqueue("b1", event("sqs_event.json"), Map.of());
            RuntimeApiServer.Outcome o = f.await("b1", 60);
            assertThat(o.error()).as(o.body()).isFalse();
            JsonNode seen = JSON.readTree(o.body());
            assertThat(seen.get("records").asInt()).isEqualTo(2);
            assertThat(seen.get("otel_trace_id").asText()).isEqualTo("000000000000000025422bd5a88d3540");
            assertThat(seen.get("mdc_span_id").asText()).isEqualTo("7431398482019833808");
        }
    }

    @Test
    void ric_builtinDefault_readsHeadersClientContextAndXRayThroughTheRealRuntimeContext() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of(
                     "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.MapHandler::handle",
                     "DD_MERGE_XRAY_TRACES", "true")).start("function", api)) {
            api.enqueue("http", event("apigw_v2_event.json"), Map.of());
            // The Runtime API passes a direct invoke's client context as JSON in this header.
            api.enqueue("invoke", "{\"order\": 5}".getBytes(StandardCharsets.UTF_8), Map.of("Lambda-Runtime-Client-Context",
                    "{\"custom\":{\"_datadog\":\"{\\\"x-datadog-trace-id\\\":\\\"6022140857747474747\\\",\\\"x-datadog-parent-id\\\":\\\"1380649000000000001\\\"}\"}}"));
            api.enqueue("xray", "{\"order\": 6}".getBytes(StandardCharsets.UTF_8), Map.of("Lambda-Runtime-Trace-Id",
                    "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));

            JsonNode http = JSON.readTree(f.await("http", 60).body());
            assertThat(http.get("otel_trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(http.get("otel_tracestate").asText()).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");

            JsonNode invoke = JSON.readTree(f.await("invoke", 60).body());
            assertThat(invoke.get("trace_id").asText()).isEqualTo("6022140857747474747");
            assertThat(invoke.get("rule").asText()).isEqualTo("builtin.client_context_datadog");
            assertThat(invoke.get("order").asInt()).isEqualTo(5);

            JsonNode xray = JSON.readTree(f.await("xray", 60).body());
            assertThat(xray.get("trace_id").asText())
                    .isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong("e1be46a994272793", 16) & Long.MAX_VALUE));
            assertThat(xray.get("parent_id").asText()).isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong("53995c3f42cd8ad8", 16)));
        }
    }

    @Test
    void ric_sqsBatchPerRecordWithSdkAndPoolOf8_eachRecordAndWorkerUnderItsOwnContext_partialBatchResponse() throws Exception {
        String a01 = "4b5b6c1e-0d5c-4f2a-9a3e-2f1d6c7b8a01";
        String a02 = "4b5b6c1e-0d5c-4f2a-9a3e-2f1d6c7b8a02";
        String a03 = "4b5b6c1e-0d5c-4f2a-9a3e-2f1d6c7b8a03";
        String a04 = "4b5b6c1e-0d5c-4f2a-9a3e-2f1d6c7b8a04";
        // The records' contexts (sqs_batch_event.json): a01 trace A, a02 none, a03 trace B (its body makes it throw), a04 trace C.
        String traceA = "00000000000000000f6b75ab2bc471c7";
        String traceB = "00000000000000001ed6eb565788e38e";
        String traceC = "00000000000000002e426101834d5555";
        Map<String, String> decimal = Map.of(a01, "1111111111111111111", a02, "1111111111111111111", a04, "3333333333333333333");
        Map<String, String> otelTrace = Map.of(a01, traceA, a02, traceA, a04, traceC);
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function(Map.of(
                     "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsBatchFunction",
                     "DD_TRACE_EXTRACTOR", "builtin.sqs")).start("function", api)) {
            api.enqueue("batch-1", event("sqs_batch_event.json"), Map.of());
            api.enqueue("batch-2", event("sqs_batch_event.json"), Map.of());
            for (String id : List.of("batch-1", "batch-2")) {
                RuntimeApiServer.Outcome o = f.await(id, 60);
                assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                assertThat(JSON.readTree(o.body()).get("batchItemFailures").findValuesAsText("itemIdentifier"))
                        .as("the throwing record, and only it, in the partial batch response").containsExactly(a03);
            }
            String log = f.log();
            List<JsonNode> records = lines(log, "RECORD");
            List<JsonNode> workers = lines(log, "WORKER");
            assertThat(records).extracting(r -> r.get("id").asText()).containsExactly(a01, a02, a04, a01, a02, a04);
            assertThat(workers).hasSize(18);
            for (JsonNode seen : concat(records, workers)) {
                String id = seen.get("id").asText();
                assertThat(seen.get("trace_id").asText()).as("current() for %s", seen).isEqualTo(decimal.get(id));
                assertThat(seen.get("mdc_trace_id").asText()).as("MDC for %s", seen).isEqualTo(decimal.get(id));
                assertThat(seen.get("otel_trace_id").asText()).as("OpenTelemetry for %s", seen).isEqualTo(otelTrace.get(id));
                assertThat(seen.get("otel_remote").asBoolean()).as("a span of the function's SDK is current").isFalse();
            }
            assertThat(workers).extracting(w -> w.get("thread").asText()).allMatch(t -> t.startsWith("pool-"));
            List<JsonNode> probes = lines(log, "PROBE");
            assertThat(probes).as("8 pool threads probed before each invocation").hasSize(16);
            assertThat(probes).allSatisfy(probe -> {
                assertThat(probe.has("trace_id")).as("current() on an idle pool thread: %s", probe).isFalse();
                assertThat(probe.get("mdc_trace_id").isNull()).as("MDC on an idle pool thread: %s", probe).isTrue();
                assertThat(probe.has("otel_trace_id")).as("OpenTelemetry on an idle pool thread: %s", probe).isFalse();
            });
            assertThat(lines(log, "AFTER")).as("after the batch, the invocation's context again").allSatisfy(after -> {
                assertThat(after.get("trace_id").asText()).isEqualTo("1111111111111111111");
                assertThat(after.get("mdc_trace_id").asText()).isEqualTo("1111111111111111111");
            }).hasSize(2);

            List<ExportedSpans.Span> spans = ExportedSpans.fromLog(log);
            List<ExportedSpans.Span> servers = spans.stream().filter(ExportedSpans.Span::isServer).toList();
            assertThat(servers).hasSize(2);
            for (ExportedSpans.Span server : servers) {
                assertThat(server.traceId()).isEqualTo(traceA);
                assertThat(server.parentSpanId()).isEqualTo("0de0b6b3a7640001");
                List<ExportedSpans.Span> consumers = spans.stream()
                        .filter(s -> s.kind() == ExportedSpans.CONSUMER && s.links().contains(server.traceId() + "-" + server.spanId())
                                || s.kind() == ExportedSpans.CONSUMER && server.spanId().equals(s.parentSpanId()))
                        .toList();
                assertThat(consumers).extracting(s -> s.attribute("messaging.message.id")).containsExactlyInAnyOrder(a01, a02, a03, a04);
                for (ExportedSpans.Span c : consumers) {
                    assertThat(c.name()).isEqualTo("process orders");
                    assertThat(c.attribute("messaging.operation.type")).isEqualTo("process");
                    assertThat(c.attribute("messaging.system")).isEqualTo("aws_sqs");
                    String id = c.attribute("messaging.message.id");
                    switch (id.substring(id.length() - 3)) {
                        case "a01" -> assertThat(List.of(c.traceId(), c.parentSpanId())).containsExactly(traceA, "0de0b6b3a7640001");
                        case "a02" -> assertThat(List.of(c.traceId(), c.parentSpanId())).as("no context: a child of the invocation span")
                                .containsExactly(traceA, server.spanId());
                        case "a03" -> {
                            assertThat(List.of(c.traceId(), c.parentSpanId())).containsExactly(traceB, "1bc16d674ec80002");
                            assertThat(c.status()).isEqualTo(ExportedSpans.STATUS_ERROR);
                        }
                        default -> assertThat(List.of(c.traceId(), c.parentSpanId())).containsExactly(traceC, "29a2241af62c0003");
                    }
                    if (!id.endsWith("a02")) {
                        assertThat(c.links()).as("linked to the invocation span").containsExactly(server.traceId() + "-" + server.spanId());
                    }
                    if (!id.endsWith("a03")) {
                        assertThat(spans).filteredOn(s -> c.spanId().equals(s.parentSpanId()))
                                .as("the workers' spans are children of their record's span")
                                .extracting(ExportedSpans.Span::name).containsExactly("save part", "save part", "save part");
                    }
                }
            }
        }
    }

    private static List<JsonNode> lines(String log, String kind) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith(kind + " {")) {
                out.add(JSON.readTree(line.substring(kind.length() + 1)));
            }
        }
        return out;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
