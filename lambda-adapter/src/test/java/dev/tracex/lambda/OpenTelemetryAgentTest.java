package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tracex.lambda.ExportedSpans.Span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The wrapper under the real OpenTelemetry Java agent ({@code -javaagent:opentelemetry-javaagent.jar} 2.31.1)
 * and the real Runtime Interface Client, the function laid out as Lambda lays it out ({@link LambdaFunctionJvm#laidOut}),
 * the spans read from what the agent exports ({@code OTEL_TRACES_EXPORTER=logging-otlp}). For every invocation:
 * exactly one SERVER span, its trace id the extracted 128-bit trace id and its parent the extracted parent id,
 * {@code faas.invocation_id} the request id, and the span the user's code starts (through
 * {@code GlobalOpenTelemetry}) its child. An event without a context leaves the agent as it is without tracex.
 *
 * When tracex's code runs inside that span (a method handler, or a handler class the agent is told not to instrument,
 * both called through tracex's adapter), the span carries {@code tracex.rule}, {@code tracex.outcome} and
 * {@code tracex.format}; a handler class the agent instruments still gets exactly one span, without them.
 *
 * <p>Agents start slowly (2.5-3 s a JVM), so each JVM runs every kind of event once, and the JVMs cover the handler
 * forms, both ways of telling the agent to leave a class alone ({@code -Dotel.javaagent.exclude-classes},
 * {@code OTEL_JAVAAGENT_EXCLUDE_CLASSES}) and the three propagator settings that matter between them: the agent's
 * default, the OpenTelemetry Lambda layer's {@code tracecontext,baggage,xray} and ADOT's {@code baggage,xray,tracecontext}.
 * The agent reads the parent only from the client context (the handler interfaces' implementers are
 * instrumented, the runtime client's own wrappers are not), so the form and the propagators are independent;
 * but tracex honours {@code OTEL_PROPAGATORS} too, so where it leaves {@code datadog} out, Datadog headers are
 * no context. ADOT's order is given as the system property {@code -Dotel.propagators}, which the agent and tracex
 * both read before the variable: were tracex to miss it, it would continue the Datadog headers there.
 */
class OpenTelemetryAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda's own X-Ray header for every invocation: tracex's parent must win over it. */
    private static final String LAMBDA_XRAY = "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1";

    @TempDir
    static Path taskRoot;
    static LambdaFunctionJvm function;

    /** One invocation: its event, the Runtime API headers, the parent the SERVER span must have (null: a root). */
    record Invocation(String requestId, byte[] event, Map<String, String> headers, String traceId, String parentId) {
    }

    static List<Invocation> invocations() throws IOException {
        return List.of(
                // Datadog 64-bit ids in the SQS message attributes (builtin.sqs): zero-padded to 128 bits.
                new Invocation("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of(),
                        "000000000000000025422bd5a88d3540", "6721a18bd12b57d0"),
                // W3C traceparent in the HTTP API's headers.
                new Invocation("http", RuntimeInterfaceClientTest.event("apigw_v2_event.json"), Map.of(),
                        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"),
                // Datadog 64-bit id with _dd.p.tid: the upper 64 bits.
                new Invocation("dd128", bytes("{\"headers\": {\"x-datadog-trace-id\": \"1234567890123456789\", "
                        + "\"x-datadog-parent-id\": \"987654321987654321\", \"x-datadog-sampling-priority\": \"1\", "
                        + "\"x-datadog-tags\": \"_dd.p.tid=66a1b2c300000000\"}}"), Map.of(),
                        "66a1b2c300000000112210f47de98115", "0db4da5f7ef412b1"),
                // No context anywhere: the agent's own root span, as without tracex.
                new Invocation("plain", bytes("{\"order\": 1}"), Map.of(), null, null),
                // The caller's own client context traceparent, nothing in the event: the agent parents on it,
                // as it does without tracex.
                new Invocation("caller-client-context", bytes("{\"order\": 2}"), Map.of("Lambda-Runtime-Client-Context",
                        "{\"custom\":{\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}}"),
                        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
    }

    /** How a setup tells the agent not to instrument the user's handler class (the agent's {@code otel.javaagent.exclude-classes}). */
    enum Exclusion { NONE, SYSTEM_PROPERTY, ENVIRONMENT }

    static Stream<Arguments> setups() {
        return Stream.of(
                argumentSet("RequestHandler<I,O> excluded by system property, the agent's default propagators",
                        "dev.tracex.lambda.functions.UserWork$Typed", null, Exclusion.SYSTEM_PROPERTY),
                argumentSet("RequestStreamHandler excluded by variable, the OpenTelemetry Lambda layer's propagators",
                        "dev.tracex.lambda.functions.UserWork$Streaming", "tracecontext,baggage,xray", Exclusion.ENVIRONMENT),
                argumentSet("POJO method, ADOT's propagators as the system property otel.propagators",
                        "dev.tracex.lambda.functions.UserWork$PojoMethod::handle", "-Dotel.propagators=baggage,xray,tracecontext",
                        Exclusion.NONE),
                argumentSet("RequestHandler<I,O> not excluded, the agent's default propagators",
                        "dev.tracex.lambda.functions.UserWork$Typed", null, Exclusion.NONE));
    }

    @BeforeAll
    static void layOut() throws IOException {
        function = LambdaFunctionJvm.laidOut(taskRoot).julAtFine();
    }

    static Path agent() {
        Path agent = Path.of(System.getProperty("tracex.test.otelAgent", "target/agents/opentelemetry-javaagent.jar"));
        assertThat(agent).as("the agent jar, copied by the build (mvn process-test-resources)").isRegularFile();
        return agent;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("setups")
    void agent_everyEvent_oneServerSpanParentedOnTheExtractedContextWithTheUsersSpanBeneath(String userHandler, String propagators,
                                                                                           Exclusion exclusion) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "DD_LAMBDA_HANDLER", userHandler,
                "OTEL_TRACES_EXPORTER", "logging-otlp",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_SERVICE_NAME", "orders",
                "DD_LOG_LEVEL", "debug"));
        // Set as the variable, or as the system property both the agent and tracex read first.
        boolean asProperty = propagators != null && propagators.startsWith("-D");
        if (propagators != null && !asProperty) {
            env.put("OTEL_PROPAGATORS", propagators);
        }
        String handlerClass = userHandler.split("::")[0];
        LambdaFunctionJvm jvm = function.jvmOptions("-javaagent:" + agent());
        if (asProperty) {
            jvm = jvm.jvmOptions(propagators);
        }
        if (exclusion == Exclusion.SYSTEM_PROPERTY) {
            jvm = jvm.jvmOptions("-Dotel.javaagent.exclude-classes=dev.tracex.lambda.functions.Other," + handlerClass);
        } else if (exclusion == Exclusion.ENVIRONMENT) {
            env.put("OTEL_JAVAAGENT_EXCLUDE_CLASSES", "dev.tracex.lambda.functions.UserWork$*");
        }
        String name = userHandler.substring(userHandler.lastIndexOf('$') + 1).replace("::", "-") + "-" + exclusion;
        List<Invocation> invocations = invocations();
        // The agent's SERVER span starts in advice on the first handleRequest of a handler interface it instruments. A
        // method handler, and a handler class the agent is told to leave alone, run behind tracex's adapter, which is
        // that method: tracex's code runs inside the span and puts the extraction's outcome on it. A handler class the
        // agent instruments is itself that method, and the span starts where no tracex code runs.
        boolean annotated = userHandler.contains("::") || exclusion != Exclusion.NONE;
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = jvm.env(env).start(name, api)) {
            for (Invocation i : invocations) {
                Map<String, String> headers = new HashMap<>(i.headers());
                headers.put("Lambda-Runtime-Trace-Id", LAMBDA_XRAY);
                api.enqueue(i.requestId(), i.event(), headers);
            }
            Map<String, JsonNode> seen = new HashMap<>();
            for (Invocation i : invocations) {
                RuntimeApiServer.Outcome o = f.await(i.requestId(), 90);
                assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                seen.put(i.requestId(), JSON.readTree(o.body()));
            }
            List<Span> spans = awaitSpans(f, 2 * invocations.size());
            String log = f.log();
            assertThat(spans.stream().filter(Span::isServer)).as("exactly one SERVER span per invocation\n" + log)
                    .hasSize(invocations.size());
            for (Invocation i : invocations) {
                List<Span> server = spans.stream().filter(s -> s.isServer() && i.requestId().equals(s.attribute("faas.invocation_id"))).toList();
                assertThat(server).as(i.requestId() + "\n" + log).hasSize(1);
                Span invocation = server.get(0);
                // tracex reads the styles OTEL_PROPAGATORS names, as the agent would: without datadog among them, the
                // x-datadog-* headers are no context (the agent's own root span, as without tracex).
                boolean unread = i.requestId().equals("dd128") && propagators != null && !propagators.contains("datadog");
                if (i.traceId() == null || unread) {
                    assertThat(invocation.parentSpanId()).as(i.requestId()).isNull();
                } else {
                    assertThat(invocation.traceId()).as(i.requestId()).isEqualTo(i.traceId());
                    assertThat(invocation.parentSpanId()).as(i.requestId()).isEqualTo(i.parentId());
                }
                if (annotated) {
                    String outcome = i.traceId() == null || unread ? "not_found" : "continued";
                    assertThat(invocation.attribute("tracex.outcome")).as(i.requestId() + "\n" + log).isEqualTo(outcome);
                    assertThat(invocation.attribute("tracex.rule")).as(i.requestId()).isEqualTo(expectedRule(i, unread));
                    if (outcome.equals("continued")) {
                        assertThat(invocation.attribute("tracex.format")).as(i.requestId()).isEqualTo(expectedFormat(i, propagators));
                    } else {
                        assertThat(invocation.attributes()).as(i.requestId()).doesNotContainKey("tracex.format");
                    }
                } else {
                    assertThat(invocation.attributes()).as(i.requestId()).doesNotContainKeys("tracex.outcome", "tracex.rule");
                }
                JsonNode user = seen.get(i.requestId());
                assertThat(user.get("current_span_id").asText()).as("the invocation span is current for the handler")
                        .isEqualTo(invocation.spanId());
                Span userSpan = spans.stream().filter(s -> s.spanId().equals(user.get("user_span_id").asText())).findFirst()
                        .orElseThrow(() -> new AssertionError("user span of " + i.requestId() + " not exported\n" + log));
                assertThat(userSpan.name()).isEqualTo("user-work");
                assertThat(userSpan.traceId()).isEqualTo(invocation.traceId());
                assertThat(userSpan.parentSpanId()).as("the user's span is a child of the invocation span").isEqualTo(invocation.spanId());
            }
            assertThat(log).doesNotContain("WARNING tracex").doesNotContain("[WARN] dev.tracex");
            // At debug, a cold start under the agent says why a handler class's span is not annotated, and how to.
            String hint = "tracex: the OpenTelemetry agent instruments " + handlerClass + " itself, so its SERVER span "
                    + "starts before tracex's code and carries no tracex.* attributes; OTEL_JAVAAGENT_EXCLUDE_CLASSES="
                    + handlerClass + " (the agent then leaves that class's methods alone)";
            if (annotated) {
                assertThat(log).doesNotContain("itself, so its SERVER span");
            } else {
                assertThat(log).contains(hint);
            }
        }
    }

    /**
     * A typed {@code SQSEvent} handler excluded from the agent: the agent's events instrumentation (aws-lambda-events-2.2,
     * active because the function has the events library) still sees the typed event through tracex's adapter, so
     * the invocation has one SERVER span, parented on the extracted context, and beneath it the one CONSUMER span the
     * agent starts for an SQS batch. The agent makes that CONSUMER span current before the adapter runs, so it is the
     * span tracex annotates (the OpenTelemetry API offers no way to reach the SERVER span beneath it), and the user's
     * span is its child.
     */
    @Test
    void agent_typedSqsHandlerExcluded_oneServerSpanAndTheOutcomeOnTheAgentsConsumerSpan() throws Exception {
        String handler = "dev.tracex.lambda.functions.UserWork$SqsTyped";
        Map<String, String> env = Map.of(
                "DD_LAMBDA_HANDLER", handler,
                "OTEL_JAVAAGENT_EXCLUDE_CLASSES", handler,
                "OTEL_TRACES_EXPORTER", "logging-otlp",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_SERVICE_NAME", "orders");
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function.env(env).jvmOptions("-javaagent:" + agent()).start("SqsTyped", api)) {
            api.enqueue("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of("Lambda-Runtime-Trace-Id", LAMBDA_XRAY));
            RuntimeApiServer.Outcome o = f.await("sqs", 90);
            assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
            JsonNode user = JSON.readTree(o.body());
            assertThat(user.get("records").asText()).isEqualTo("2");
            List<Span> spans = awaitSpans(f, 3);
            String log = f.log();
            List<Span> server = spans.stream().filter(Span::isServer).toList();
            assertThat(server).as("exactly one SERVER span\n" + log).hasSize(1);
            Span invocation = server.get(0);
            assertThat(invocation.traceId()).isEqualTo("000000000000000025422bd5a88d3540");
            assertThat(invocation.parentSpanId()).isEqualTo("6721a18bd12b57d0");
            assertThat(invocation.attributes()).doesNotContainKeys("tracex.outcome", "tracex.rule");
            List<Span> consumer = spans.stream().filter(s -> s.kind() == ExportedSpans.CONSUMER).toList();
            assertThat(consumer).as("the agent's SQS batch span\n" + log).hasSize(1);
            Span batch = consumer.get(0);
            assertThat(batch.name()).isEqualTo("aws:sqs process");
            assertThat(batch.parentSpanId()).isEqualTo(invocation.spanId());
            assertThat(batch.attribute("tracex.outcome")).as(spans.toString()).isEqualTo("continued");
            assertThat(batch.attribute("tracex.rule")).isEqualTo("builtin.sqs_string_headers_record");
            assertThat(batch.attribute("tracex.format")).isEqualTo("datadog");
            assertThat(batch.attribute("tracex.records_with_context")).isEqualTo("2");
            assertThat(user.get("current_span_id").asText()).isEqualTo(consumer.get(0).spanId());
            Span userSpan = spans.stream().filter(s -> s.spanId().equals(user.get("user_span_id").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("user span not exported\n" + log));
            assertThat(userSpan.parentSpanId()).isEqualTo(consumer.get(0).spanId());
            assertThat(log).doesNotContain("WARNING tracex").doesNotContain("[WARN] dev.tracex");
        }
    }

    /** The rule that answers each invocation, as the debug line names it. */
    static String expectedRule(Invocation i, boolean unread) {
        if (unread || i.traceId() == null) {
            return "builtin.default";
        }
        return switch (i.requestId()) {
            case "sqs" -> "builtin.sqs_string_headers_record";
            case "http", "dd128" -> "builtin.http_headers";
            case "caller-client-context" -> "builtin.client_context_custom";
            default -> throw new AssertionError(i.requestId());
        };
    }

    /** The format that answers: the SQS message's {@code _datadog} carries both, and Datadog's is read first when read. */
    static String expectedFormat(Invocation i, String propagators) {
        boolean datadogRead = propagators == null || propagators.contains("datadog");
        return switch (i.requestId()) {
            case "dd128" -> "datadog";
            case "sqs" -> datadogRead ? "datadog" : "tracecontext";
            default -> "tracecontext";
        };
    }

    /** The spans exported so far, once at least {@code n} are (the agent flushes at the end of each invocation). */
    static List<Span> awaitSpans(RunningFunction f, int n) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Span> spans = ExportedSpans.fromLog(f.log());
        while (spans.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
            spans = ExportedSpans.fromLog(f.log());
        }
        return spans;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
