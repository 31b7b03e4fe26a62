package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.lambda.functions.Handlers;
import dev.tracex.lambda.functions.SqsHandler;
import dev.tracex.lambda.internal.coldstart.ColdStart;
import dev.tracex.lambda.internal.invocation.HandlerTarget;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TracingHandlerTest {
    private static final ClassLoader LOADER = TracingHandlerTest.class.getClassLoader();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Extractor rule(String name) {
        return ColdStart.resolve(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules." + name), LOADER, w -> {
            throw new AssertionError(w);
        });
    }

    static byte[] event(String name) throws IOException {
        try (InputStream in = TracingHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    static JsonNode invoke(TracingHandler h, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new java.io.ByteArrayInputStream(event), out, LocalContext.of("orders"));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void handleRequest_sqsEvent_handlerSeesTheParentThroughEveryChannel() throws IOException {
        TracingHandler h = new TracingHandler(HandlerTarget.load(SqsHandler.class.getName(), LOADER), rule("sqs"));
        JsonNode seen = invoke(h, event("sqs_event.json"));

        assertThat(seen.get("records").asInt()).isEqualTo(2);
        assertThat(seen.get("trace_id").asText()).isEqualTo("2684756524522091840");
        assertThat(seen.get("parent_id").asText()).isEqualTo("7431398482019833808");
        assertThat(seen.get("rule").asText()).isEqualTo("sqs");
        assertThat(seen.get("otel_trace_id").asText()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(seen.get("otel_span_id").asText()).isEqualTo("6721a18bd12b57d0");
        assertThat(seen.get("otel_sampled").asBoolean()).isTrue();
        assertThat(seen.get("otel_remote").asBoolean()).isTrue();
        assertThat(seen.get("otel_tracestate").asText()).isEqualTo("dd=s:1,congo=t61rcWkgMzE");
        assertThat(seen.get("mdc_trace_id").asText()).isEqualTo("2684756524522091840");
        assertThat(seen.get("mdc_span_id").asText()).isEqualTo("7431398482019833808");
        JsonNode headers = seen.get("headers");
        assertThat(headers.get("x-datadog-trace-id").asText()).isEqualTo("2684756524522091840");
        assertThat(headers.get("x-datadog-parent-id").asText()).isEqualTo("7431398482019833808");
        assertThat(headers.get("x-datadog-sampling-priority").asText()).isEqualTo("1");
        assertThat(headers.get("traceparent").asText()).isEqualTo("00-000000000000000025422bd5a88d3540-6721a18bd12b57d0-01");
        assertThat(headers.get("tracestate").asText()).contains("congo=t61rcWkgMzE");
    }

    @Test
    void handleRequest_afterTheCall_everyChannelIsCleared() throws IOException {
        TracingHandler h = new TracingHandler(HandlerTarget.load(SqsHandler.class.getName(), LOADER), rule("sqs"));
        invoke(h, event("sqs_event.json"));
        assertThat(TracexLambda.current()).isEmpty();
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
        assertThat(MDC.get("dd.trace_id")).isNull();
        assertThat(MDC.get("dd.span_id")).isNull();
    }

    @Test
    void handleRequest_mdcValuesOfTheCaller_areRestored() throws IOException {
        MDC.put("dd.trace_id", "outer");
        try {
            TracingHandler h = new TracingHandler(HandlerTarget.load(SqsHandler.class.getName(), LOADER), rule("sqs"));
            invoke(h, event("sqs_event.json"));
            assertThat(MDC.get("dd.trace_id")).isEqualTo("outer");
        } finally {
            MDC.remove("dd.trace_id");
        }
    }

    @Test
    void handleRequest_batch_recordsBecomeLinksVisibleAsSpanContexts() throws IOException {
        List<SpanContext> links = new ArrayList<>();
        AtomicReference<String> parent = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("batch", (in, out, ctx) -> {
            links.addAll(TracexOpenTelemetry.currentLinks());
            parent.set(Span.current().getSpanContext().getTraceId());
        }), rule("sqs_batch"));
        h.handleRequest(new java.io.ByteArrayInputStream(event("sqs_event.json")), new ByteArrayOutputStream(), LocalContext.of("batch"));

        assertThat(parent.get()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(links).extracting(SpanContext::getTraceId)
                .containsExactly("000000000000000025422bd5a88d3540", String.format("%032x", 1111111111111111111L));
        assertThat(links).extracting(SpanContext::isSampled).containsExactly(true, false);
        assertThat(links).allMatch(SpanContext::isRemote);
    }

    @Test
    void handleRequest_extractorThrows_handlerRunsWithTheOriginalEventNoParentAndOneLogLine() throws IOException {
        Extractor failing = new ThrowingExtractor();
        TracingHandler h = new TracingHandler(HandlerTarget.load(EchoHandlerNames.ECHO, LOADER), failing);
        byte[] event = event("custom_payload_event.json");
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        JsonNode seen;
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            seen = invoke(h, event);
            assertThat(log.lines()).containsExactly("WARN tracex: extractor broken failed, the invocation has no parent: "
                    + "java.lang.IllegalStateException: rule blew up");
        } finally {
            System.setOut(stdout);
        }
        assertThat(seen.get("trace_id").asText()).isEqualTo("none");
        assertThat(seen.get("event").asText()).isEqualTo(new String(event, StandardCharsets.UTF_8));
        assertThat(printed.size()).as("nothing on stdout").isZero();
    }

    @Test
    void handleRequest_malformedEvent_streamHandlerGetsTheBytesAndNoParentWithoutWarning() throws IOException {
        TracingHandler h = new TracingHandler(HandlerTarget.load(EchoHandlerNames.ECHO, LOADER), rule("sqs"));
        byte[] bad = "{\"Records\": [".getBytes(StandardCharsets.UTF_8);
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            JsonNode seen = invoke(h, bad);
            assertThat(seen.get("trace_id").asText()).isEqualTo("none");
            assertThat(seen.get("event").asText()).isEqualTo("{\"Records\": [");
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void handleRequest_userException_propagatesUnchangedAndTheScopeIsClosed() throws IOException {
        TracingHandler h = new TracingHandler(HandlerTarget.load("dev.tracex.lambda.functions.Handlers$Failing::handle", LOADER),
                rule("custom"));
        byte[] event = "{\"order\":9,\"meta\":{\"traceId\":\"5\",\"spanId\":\"6\"}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> invoke(h, event))
                .isExactlyInstanceOf(Handlers.OrderRejected.class)
                .hasMessage("order 9 rejected");
        assertThat(TracexLambda.current()).isEmpty();
        assertThat(MDC.get("dd.trace_id")).isNull();
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void handleRequest_priorityZero_otelParentIsNotSampled() throws IOException {
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("s",
                (in, out, ctx) -> seen.set(Span.current().getSpanContext())), rule("custom"));
        h.invoke("{\"meta\":{\"traceId\":\"5\",\"spanId\":\"6\",\"sampled\":0}}".getBytes(StandardCharsets.UTF_8),
                new ByteArrayOutputStream(), LocalContext.of("s"));
        assertThat(seen.get().isSampled()).isFalse();
        assertThat(seen.get().getSpanId()).isEqualTo("0000000000000006");
    }

    @Test
    void invoke_returnsTheExtractionHandedOff() throws IOException {
        TracingHandler h = new TracingHandler(HandlerTarget.load(EchoHandlerNames.ECHO, LOADER), rule("sqs"));
        Extraction e = h.invoke(event("sqs_event.json"), new ByteArrayOutputStream(), LocalContext.of("orders"));
        assertThat(e.parent().orElseThrow().traceId()).isEqualTo("2684756524522091840");
    }

    /**
     * Regression guard for the double SERVER span: were the entry point a handler interface implementer again,
     * the OpenTelemetry agent would start an invocation span on it as well as on the user's handler beneath it
     * (OpenTelemetryAgentTest counts the spans under the real agent).
     */
    @Test
    void entryPoint_implementsNoHandlerInterface_andKeepsTheDocumentedMethod() throws NoSuchMethodException {
        for (Class<?> c = TracingHandler.class; c != null; c = c.getSuperclass()) {
            assertThat(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class.isAssignableFrom(c)).as(c.getName()).isFalse();
            assertThat(com.amazonaws.services.lambda.runtime.RequestHandler.class.isAssignableFrom(c)).as(c.getName()).isFalse();
        }
        java.lang.reflect.Method m = TracingHandler.class.getMethod("handleRequest", InputStream.class,
                java.io.OutputStream.class, com.amazonaws.services.lambda.runtime.Context.class);
        assertThat(java.lang.reflect.Modifier.isPublic(m.getModifiers())).isTrue();
    }

    @Test
    void handleRequest_withAParent_handlerContextCarriesTraceparentAndKeepsTheCallersEntries() throws IOException {
        AtomicReference<com.amazonaws.services.lambda.runtime.Context> seen = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("s", (in, out, ctx) -> seen.set(ctx)), rule("sqs"));
        LocalContext runtime = LocalContext.of("orders").withCustom(Map.of("app", "checkout"));
        h.handleRequest(new java.io.ByteArrayInputStream(event("sqs_event.json")), new ByteArrayOutputStream(), runtime);

        com.amazonaws.services.lambda.runtime.Context c = seen.get();
        assertThat(c.getAwsRequestId()).isEqualTo(runtime.getAwsRequestId());
        assertThat(c.getInvokedFunctionArn()).isEqualTo(runtime.getInvokedFunctionArn());
        assertThat(c.getClientContext().getCustom()).containsExactly(
                Map.entry("app", "checkout"),
                Map.entry("traceparent", "00-000000000000000025422bd5a88d3540-6721a18bd12b57d0-01"),
                Map.entry("tracestate", "dd=s:1;p:6721a18bd12b57d0,congo=t61rcWkgMzE"));
    }

    @Test
    void handleRequest_withoutAParent_handlerGetsTheRuntimesContextItself() throws IOException {
        AtomicReference<com.amazonaws.services.lambda.runtime.Context> seen = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("s", (in, out, ctx) -> seen.set(ctx)), rule("sqs"));
        LocalContext runtime = LocalContext.of("orders");
        h.handleRequest(new java.io.ByteArrayInputStream("{\"order\": 1}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), runtime);
        assertThat(seen.get()).isSameAs(runtime);
        assertThat(seen.get().getClientContext()).isNull();
    }

    @Test
    void handleRequest_pojoMethodHandler_isCalledThroughTheRequestHandlerInterface() throws IOException {
        TracingHandler h = new TracingHandler(HandlerTarget.load("dev.tracex.lambda.functions.Handlers$CallerFrames::handle", LOADER),
                rule("sqs"));
        JsonNode frames = invoke(h, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.convertValue(frames, List.class)).containsSubsequence(
                "dev.tracex.lambda.internal.invocation.HandlerTarget.invoke", "dev.tracex.lambda.internal.invocation.HandlerTarget$PojoMethod.handleRequest");
    }

    static final class EchoHandlerNames {
        static final String ECHO = "dev.tracex.lambda.functions.EchoStreamHandler";
    }

    /** An extractor whose rule throws: what a bug in a rule or the engine would look like. */
    static final class ThrowingExtractor implements Extractor {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Extraction extract(JsonNode event, InvocationContext context) {
            throw new IllegalStateException("rule blew up");
        }

        @Override
        public Extraction extract(byte[] json, InvocationContext context) {
            throw new IllegalStateException("rule blew up");
        }

        @Override
        public Extraction extract(String json, InvocationContext context) {
            throw new IllegalStateException("rule blew up");
        }

        @Override
        public Extraction extract(InputStream json, InvocationContext context) {
            throw new IllegalStateException("rule blew up");
        }
    }
}
