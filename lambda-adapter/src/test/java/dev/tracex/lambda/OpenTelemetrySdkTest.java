package dev.tracex.lambda;

import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.lambda.internal.handoff.ExtractionAttributes;
import dev.tracex.lambda.internal.handoff.OpenTelemetryInvocationSpan;
import dev.tracex.lambda.internal.invocation.HandlerTarget;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** With a real OpenTelemetry SDK: the span a function starts is a child of the extracted parent, and is what is sent on. */
class OpenTelemetrySdkTest {
    private static final EndedSpans ENDED = new EndedSpans();
    private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder().addSpanProcessor(ENDED).build();
    private static final Tracer TRACER = PROVIDER.get("orders");

    @BeforeEach
    void clear() {
        ENDED.clear();
    }

    @AfterAll
    static void shutdown() {
        PROVIDER.close();
    }

    @Test
    @SuppressWarnings("try") // the scope is used by being closed
    void sdkSpanStartedInTheHandler_isAChildOfTheExtractedParent_andIsWhatTraceHeadersSendOn() throws Exception {
        AtomicReference<SpanContext> parent = new AtomicReference<>();
        AtomicReference<SpanContext> child = new AtomicReference<>();
        AtomicReference<Map<String, String>> sent = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("sdk", (in, out, ctx) -> {
            Span span = TRACER.spanBuilder("process order").startSpan();
            try (Scope s = span.makeCurrent()) {
                parent.set(((ReadableSpan) span).getParentSpanContext());
                child.set(span.getSpanContext());
                sent.set(TraceHeaders.current());
            } finally {
                span.end();
            }
        }), TracingHandlerTest.rule("sqs"));
        h.invoke(TracingHandlerTest.event("sqs_event.json"), new ByteArrayOutputStream(), LocalContext.of("orders"));

        assertThat(ENDED.spans()).extracting(ReadableSpan::getName).containsExactly("process order");
        assertThat(parent.get().getTraceId()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(parent.get().getSpanId()).isEqualTo("6721a18bd12b57d0");
        assertThat(parent.get().isRemote()).isTrue();
        assertThat(child.get().getTraceId()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(child.get().isSampled()).as("the SDK's parent-based sampler follows the parent's flag").isTrue();
        assertThat(sent.get()).containsEntry("x-datadog-trace-id", "2684756524522091840")
                .containsEntry("x-datadog-parent-id", Long.toUnsignedString(Long.parseUnsignedLong(child.get().getSpanId(), 16)))
                .containsEntry("traceparent", "00-000000000000000025422bd5a88d3540-" + child.get().getSpanId() + "-01");
    }

    @Test
    @SuppressWarnings("try") // the scope is used by being closed
    void open_aTracersSpanIsCurrent_itStaysCurrentAndIsNotReParented() throws Exception {
        AtomicReference<SpanContext> current = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("sdk", (in, out, ctx) -> current.set(Span.current().getSpanContext())),
                TracingHandlerTest.rule("sqs"));
        Span tracers = TRACER.spanBuilder("tracer's invocation span").startSpan();
        try (Scope s = tracers.makeCurrent()) {
            h.invoke(TracingHandlerTest.event("sqs_event.json"), new ByteArrayOutputStream(), LocalContext.of("orders"));
        } finally {
            tracers.end();
        }
        assertThat(current.get()).isEqualTo(tracers.getSpanContext());
    }

    @Test
    void register_sdkHandedOver_tracexStartsTheInvocationSpanAndFlushesItBeforeReturning() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<SpanContext> current = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("sdk", (in, out, ctx) -> {
            current.set(Span.current().getSpanContext());
            order.add("handler");
        }), TracingHandlerTest.rule("sqs_batch"));
        io.opentelemetry.api.OpenTelemetry otel = io.opentelemetry.sdk.OpenTelemetrySdk.builder().setTracerProvider(PROVIDER).build();
        assertThat(TracexOpenTelemetry.register(otel, () -> order.add("flush"))).isTrue();
        try {
            LocalContext context = LocalContext.of("orders");
            h.invoke(TracingHandlerTest.event("sqs_event.json"), new ByteArrayOutputStream(), context);

            ReadableSpan server = ENDED.spans().stream().filter(sp -> sp.getKind() == io.opentelemetry.api.trace.SpanKind.SERVER)
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(order).containsExactly("handler", "flush");
            assertThat(server.getName()).isEqualTo("orders");
            assertThat(server.getParentSpanContext().getTraceId()).isEqualTo("000000000000000025422bd5a88d3540");
            assertThat(server.getParentSpanContext().getSpanId()).isEqualTo("6721a18bd12b57d0");
            assertThat(current.get()).isEqualTo(server.getSpanContext());
            assertThat(server.getAttribute(OpenTelemetryInvocationSpan.FAAS_INVOCATION_ID)).isEqualTo(context.getAwsRequestId());
            assertThat(server.getAttribute(OpenTelemetryInvocationSpan.CLOUD_ACCOUNT_ID)).isEqualTo("000000000000");
            assertThat(server.getAttribute(OpenTelemetryInvocationSpan.MESSAGING_BATCH_COUNT)).isEqualTo(2L);
            assertThat(server.toSpanData().getLinks()).hasSize(2);
            assertThat(server.getAttribute(ExtractionAttributes.RULE)).isEqualTo("sqs_batch");
            assertThat(server.getAttribute(ExtractionAttributes.OUTCOME)).isEqualTo("continued");
            assertThat(server.getAttribute(ExtractionAttributes.FORMAT)).isEqualTo("datadog");
            assertThat(server.getAttribute(ExtractionAttributes.RECORDS_WITH_CONTEXT)).isEqualTo(2L);
        } finally {
            TracexOpenTelemetry.unregister();
        }
        order.clear();
        h.invoke(TracingHandlerTest.event("sqs_event.json"), new ByteArrayOutputStream(), LocalContext.of("orders"));
        assertThat(order).as("unregistered: no span, no flush").containsExactly("handler");
        assertThat(current.get().isRemote()).as("the remote-parent hand-off again").isTrue();
    }

    @Test
    void register_eventWithoutAContext_theInvocationSpanSaysNotFoundAndWhichRuleWasTried() throws Exception {
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("sdk", (in, out, ctx) -> { }), TracingHandlerTest.rule("eventbridge"));
        TracexOpenTelemetry.register(io.opentelemetry.sdk.OpenTelemetrySdk.builder().setTracerProvider(PROVIDER).build(), () -> { });
        try {
            h.invoke("{\"detail\": {\"order\": 1}}".getBytes(java.nio.charset.StandardCharsets.UTF_8), new ByteArrayOutputStream(),
                    LocalContext.of("orders"));
        } finally {
            TracexOpenTelemetry.unregister();
        }
        ReadableSpan server = ENDED.spans().stream().filter(sp -> sp.getKind() == io.opentelemetry.api.trace.SpanKind.SERVER)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(server.getAttribute(ExtractionAttributes.RULE)).isEqualTo("eventbridge");
        assertThat(server.getAttribute(ExtractionAttributes.OUTCOME)).isEqualTo("not_found");
        assertThat(server.getAttribute(ExtractionAttributes.FORMAT)).isNull();
        assertThat(server.getAttribute(ExtractionAttributes.RECORDS_WITH_CONTEXT)).isNull();
    }

    @Test
    void register_sdkWithAMeterProvider_exportsTheExtractionCountByRuleAndOutcome() throws Exception {
        List<io.opentelemetry.sdk.metrics.data.MetricData> exported = new CopyOnWriteArrayList<>();
        io.opentelemetry.sdk.metrics.export.MetricExporter exporter = new io.opentelemetry.sdk.metrics.export.MetricExporter() {
            @Override
            public io.opentelemetry.sdk.common.CompletableResultCode export(java.util.Collection<io.opentelemetry.sdk.metrics.data.MetricData> m) {
                exported.addAll(m);
                return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
            }

            @Override
            public io.opentelemetry.sdk.common.CompletableResultCode flush() {
                return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
            }

            @Override
            public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
                return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
            }

            @Override
            public io.opentelemetry.sdk.metrics.data.AggregationTemporality getAggregationTemporality(
                    io.opentelemetry.sdk.metrics.InstrumentType type) {
                return io.opentelemetry.sdk.metrics.data.AggregationTemporality.CUMULATIVE;
            }
        };
        try (io.opentelemetry.sdk.metrics.SdkMeterProvider meters = io.opentelemetry.sdk.metrics.SdkMeterProvider.builder()
                .registerMetricReader(io.opentelemetry.sdk.metrics.export.PeriodicMetricReader.builder(exporter)
                        .setInterval(java.time.Duration.ofHours(1)).build()).build()) {
            TracexOpenTelemetry.register(io.opentelemetry.sdk.OpenTelemetrySdk.builder().setTracerProvider(PROVIDER)
                    .setMeterProvider(meters).build(), () -> meters.forceFlush().join(5, java.util.concurrent.TimeUnit.SECONDS));
            try {
                TracingHandler h = new TracingHandler(new HandlerTarget.Stream("sdk", (in, out, ctx) -> { }), TracingHandlerTest.rule("sqs"));
                h.invoke(TracingHandlerTest.event("sqs_event.json"), new ByteArrayOutputStream(), LocalContext.of("orders"));
                h.invoke(TracingHandlerTest.event("sqs_event.json"), new ByteArrayOutputStream(), LocalContext.of("orders"));
                h.invoke("{\"order\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), new ByteArrayOutputStream(),
                        LocalContext.of("orders"));
            } finally {
                TracexOpenTelemetry.unregister();
            }
        }
        io.opentelemetry.sdk.metrics.data.MetricData count = exported.stream().filter(m -> m.getName().equals("tracex.extractions"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("not exported: " + exported));
        assertThat(count.getInstrumentationScopeInfo().getName()).isEqualTo("dev.tracex.lambda");
        Map<String, Long> byRuleAndOutcome = new java.util.TreeMap<>();
        count.getLongSumData().getPoints().forEach(p -> byRuleAndOutcome.put(
                p.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("tracex.rule")) + " "
                        + p.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("tracex.outcome")), p.getValue()));
        assertThat(count.getLongSumData().isMonotonic()).isTrue();
        assertThat(byRuleAndOutcome).containsExactly(Map.entry("sqs continued", 2L), Map.entry("sqs not_found", 1L));
    }

    @Test
    void register_failingFlush_neverReachesTheFunction() throws Exception {
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("sdk", (in, out, ctx) -> out.write('1')), TracingHandlerTest.rule("sqs"));
        TracexOpenTelemetry.register(io.opentelemetry.sdk.OpenTelemetrySdk.builder().setTracerProvider(PROVIDER).build(), () -> {
            throw new IllegalStateException("exporter down");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            h.invoke(TracingHandlerTest.event("sqs_event.json"), out, LocalContext.of("orders"));
            assertThat(log.lines()).containsExactly("WARN tracex: the OpenTelemetry flush after the invocation failed: "
                    + "java.lang.IllegalStateException: exporter down");
        } finally {
            TracexOpenTelemetry.unregister();
        }
        assertThat(out.toString()).isEqualTo("1");
    }
}
