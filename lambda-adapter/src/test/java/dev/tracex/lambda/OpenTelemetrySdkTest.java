package dev.tracex.lambda;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** With a real OpenTelemetry SDK: the span a function starts is a child of the extracted parent, and is what is sent on. */
class OpenTelemetrySdkTest {
    private static final List<ReadableSpan> ENDED = new CopyOnWriteArrayList<>();
    private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {
        @Override
        public void onStart(io.opentelemetry.context.Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ENDED.add(span);
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }).build();
    private static final Tracer TRACER = PROVIDER.get("orders");

    @AfterAll
    static void shutdown() {
        PROVIDER.close();
    }

    @Test
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

        assertThat(ENDED).extracting(ReadableSpan::getName).containsExactly("process order");
        assertThat(parent.get().getTraceId()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(parent.get().getSpanId()).isEqualTo("6721a18bd12b57d0");
        assertThat(parent.get().isRemote()).isTrue();
        assertThat(child.get().getTraceId()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(child.get().isSampled()).as("the SDK's parent-based sampler follows the parent's flag").isTrue();
        assertThat(sent.get()).containsEntry("x-datadog-trace-id", "2684756524522091840")
                .containsEntry("x-datadog-parent-id", Long.toUnsignedString(Long.parseUnsignedLong(child.get().getSpanId(), 16)))
                .containsEntry("traceparent", "00-000000000000000025422bd5a88d3540-" + child.get().getSpanId() + "-01");
    }
}
