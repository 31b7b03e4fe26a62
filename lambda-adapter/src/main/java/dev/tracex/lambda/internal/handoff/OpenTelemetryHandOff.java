package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;
import java.util.Map;

/**
 * The only class that touches the OpenTelemetry API for the hand-off; loaded only when
 * {@link OptionalLibraries#OPENTELEMETRY} says the API is there.
 */
public final class OpenTelemetryHandOff {
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @SuppressWarnings("deprecation") // still abstract in the API; the W3C propagator never calls it
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private OpenTelemetryHandOff() {
    }

    /**
     * Makes a context with {@code parent} as the remote parent span current, until the scope is closed; does
     * nothing (returns {@code null}) when a local span is current, which a tracer started (a tracer's own
     * span is never re-parented by tracex).
     */
    public static AutoCloseable makeCurrent(TraceContext parent) {
        if (hasLocalSpan()) {
            return null;
        }
        Scope scope = Context.current().with(Span.wrap(spanContext(parent))).makeCurrent();
        return scope::close;
    }

    /**
     * Makes {@code c} the current remote parent even under a tracer's span: a batch record's scope, opened
     * because the function asked for that record's context (the tracer's own span is not touched).
     */
    public static AutoCloseable makeRemoteCurrent(TraceContext c) {
        Scope scope = Context.current().with(Span.wrap(spanContext(c))).makeCurrent();
        return scope::close;
    }

    /** This thread's current OpenTelemetry context, to carry to another thread ({@link #attach}). */
    public static Object captureContext() {
        return Context.current();
    }

    /** Makes a context from {@link #captureContext} current on this thread until the scope is closed. */
    public static AutoCloseable attach(Object context) {
        Scope scope = ((Context) context).makeCurrent();
        return scope::close;
    }

    /** Whether the current span is a valid local one (an SDK or agent started it, not a remote parent). */
    public static boolean hasLocalSpan() {
        SpanContext sc = Span.current().getSpanContext();
        return sc.isValid() && !sc.isRemote();
    }

    /**
     * The remote {@link SpanContext} for {@code c}: W3C ids, sampled flag from {@link TraceContext#sampled()},
     * and the {@code tracestate} it came with, parsed by OpenTelemetry's own W3C propagator (which drops
     * a malformed one rather than the context).
     */
    public static SpanContext spanContext(TraceContext c) {
        TraceFlags flags = c.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault();
        if (c.tracestate().isEmpty() || c.tracestate().get().isBlank()) {
            return SpanContext.createFromRemoteParent(c.traceIdHex(), c.parentIdHex(), flags, TraceState.getDefault());
        }
        Context parsed = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of("traceparent", c.traceparent(), "tracestate", c.tracestate().get()), GETTER);
        SpanContext sc = Span.fromContext(parsed).getSpanContext();
        return sc.isValid() ? sc
                : SpanContext.createFromRemoteParent(c.traceIdHex(), c.parentIdHex(), flags, TraceState.getDefault());
    }

    public static List<SpanContext> spanContexts(List<TraceContext> contexts) {
        return contexts.stream().map(OpenTelemetryHandOff::spanContext).toList();
    }

    /**
     * The current span's context when it is a local span (an SDK or agent started it), as a
     * {@link TraceContext}; {@code null} when there is none or it is only the remote parent put there
     * by the hand-off. Datadog fields ({@code _dd.p.*} tags, origin) are taken from {@code extracted}
     * when it is the same trace.
     */
    public static TraceContext localSpan(TraceContext extracted) {
        SpanContext sc = Span.current().getSpanContext();
        if (!sc.isValid() || sc.isRemote()) {
            return null;
        }
        String traceId = sc.getTraceId();
        long high = Long.parseUnsignedLong(traceId.substring(0, 16), 16);
        long low = Long.parseUnsignedLong(traceId.substring(16), 16);
        TraceContext.Builder b = extracted != null && extracted.traceIdHigh() == high && extracted.traceIdLow() == low
                ? extracted.toBuilder() : TraceContext.builder();
        b.traceId(high, low).parentId(Long.parseUnsignedLong(sc.getSpanId(), 16))
                .samplingPriority(sc.isSampled() ? 1 : 0).sampledFlag(sc.isSampled())
                .rule("opentelemetry").format("opentelemetry");
        if (!sc.getTraceState().isEmpty()) {
            StringBuilder ts = new StringBuilder();
            sc.getTraceState().forEach((k, v) -> ts.append(ts.length() == 0 ? "" : ",").append(k).append('=').append(v));
            b.tracestate(ts.toString());
        }
        return b.build();
    }
}
