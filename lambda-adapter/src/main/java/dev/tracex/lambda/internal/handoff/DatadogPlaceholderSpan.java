package dev.tracex.lambda.internal.handoff;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Map;

/**
 * The tracer's span for one invocation in the extension hand-off, started through the OpenTelemetry API,
 * which dd-trace-java serves with its own spans when {@code DD_TRACE_OTEL_ENABLED=true}. It plays the part
 * of the span dd-trace-java's Lambda integration starts: resource {@code dd-tracer-serverless-span} (which
 * the extension drops, keeping its id as the {@code aws.lambda} span's), current while the handler runs so
 * the function's spans are its children, and the tag {@code request_id}, by which the extension finds the
 * invocation whose {@code aws.lambda} span gets this span's tags (tracex's {@code tracex.*} among them): as
 * dd-trace-java's {@code LambdaHandlerInstrumentation} sets it, and as the extension reads it (bottlecap,
 * {@code lifecycle/invocation/processor.rs}: {@code add_tracer_span} takes {@code span.meta["request_id"]};
 * {@code context.rs}: the invocation span's meta and metrics extended with the tracer span's). Loaded only
 * when {@link OptionalLibraries#OPENTELEMETRY}.
 *
 * <p>The parent is handed over as propagation headers through the global propagator (with the agent,
 * dd-trace-java's own), so that a context the extension answered with, a trace id without a parent span
 * id, parents it as it parents dd-trace-java's own span.
 */
final class DatadogPlaceholderSpan {
    /** The resource (and operation) name the extension recognises and drops ({@code traces/mod.rs}: {@code INVOCATION_SPAN_RESOURCE}). */
    static final String RESOURCE = "dd-tracer-serverless-span";
    /** The tag naming the invocation, which the extension matches to copy this span's tags onto {@code aws.lambda}. */
    static final String REQUEST_ID = "request_id";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @SuppressWarnings("deprecation") // still abstract in the API
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Span span;
    private final Scope scope;

    private DatadogPlaceholderSpan(Span span, Scope scope) {
        this.span = span;
        this.scope = scope;
    }

    /**
     * Starts the span as a child of the context in {@code parentHeaders} (a root when empty), tagged with the
     * invocation's {@code requestId} (none when null) and carrying {@code outcome} (none when null), and makes it
     * current.
     */
    static DatadogPlaceholderSpan start(Map<String, String> parentHeaders, String requestId, ExtractionOutcome outcome) {
        SpanBuilder builder = GlobalOpenTelemetry.getTracer("dev.tracex.lambda").spanBuilder(RESOURCE)
                // dd-trace-java's OpenTelemetry API reserves these two attributes for its span's names.
                .setAttribute("operation.name", RESOURCE)
                .setAttribute("resource.name", RESOURCE);
        if (requestId != null) {
            builder.setAttribute(REQUEST_ID, requestId);
        }
        if (outcome != null) {
            ExtractionAttributes.set(builder, outcome);
        }
        if (parentHeaders.isEmpty()) {
            builder.setNoParent();
        } else {
            builder.setParent(GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
                    .extract(Context.root(), parentHeaders, GETTER));
        }
        Span span = builder.startSpan();
        return new DatadogPlaceholderSpan(span, span.makeCurrent());
    }

    boolean valid() {
        return span.getSpanContext().isValid();
    }

    /** The lower 64 bits of its trace id: Datadog's {@code x-datadog-trace-id}. */
    long traceIdLow() {
        return Long.parseUnsignedLong(span.getSpanContext().getTraceId().substring(16), 16);
    }

    long spanId() {
        return Long.parseUnsignedLong(span.getSpanContext().getSpanId(), 16);
    }

    boolean sampled() {
        SpanContext sc = span.getSpanContext();
        return sc.isSampled();
    }

    void failed() {
        span.setStatus(StatusCode.ERROR);
    }

    /** Leaves the span's scope and ends it; on the thread that started it. */
    void end() {
        scope.close();
        span.end();
    }
}
