package dev.tracex.lambda;

import dev.tracex.engine.TraceContext;
import io.opentelemetry.api.trace.SpanContext;

import java.util.List;
import java.util.Objects;

/**
 * The extracted contexts as OpenTelemetry {@link SpanContext}s, for code that starts its own spans:
 * the batch records' contexts to add as span links, or any context as a remote parent. Use only with the
 * OpenTelemetry API on the class path (the rest of the adapter does not need it).
 *
 * <pre>{@code
 * SpanBuilder b = tracer.spanBuilder("process batch");
 * TracexOpenTelemetry.currentLinks().forEach(b::addLink);
 * }</pre>
 */
public final class TracexOpenTelemetry {
    private TracexOpenTelemetry() {
    }

    /** The batch records' contexts of the invocation on this thread, as remote span contexts. */
    public static List<SpanContext> currentLinks() {
        return OpenTelemetryHandOff.spanContexts(TracexLambda.currentLinks());
    }

    /**
     * {@code context} as a remote {@link SpanContext}: its 128-bit trace id and parent span id in W3C form,
     * sampled as {@link TraceContext#sampled()} says, with the {@code tracestate} it came with.
     */
    public static SpanContext spanContext(TraceContext context) {
        return OpenTelemetryHandOff.spanContext(Objects.requireNonNull(context, "context"));
    }
}
