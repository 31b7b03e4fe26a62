package dev.tracex.lambda;

import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.handoff.OpenTelemetryHandOff;
import dev.tracex.lambda.internal.handoff.OpenTelemetryInvocationSpan;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.logging.Log;
import io.opentelemetry.api.OpenTelemetry;
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

    /**
     * Hands tracex the function's own OpenTelemetry SDK (no agent): from then on every invocation that tracex
     * wraps ({@link TracingHandler}, {@link TracexLambda#wrap}, the base classes) runs under an invocation span
     * tracex starts with {@code openTelemetry}'s tracer (kind SERVER, named after the function, with
     * OpenTelemetry's FaaS attributes, parented on the extracted context, one link per batch record that carried
     * one), current for the handler, ended when it returns or throws, then flushed with {@code forceFlush} on the
     * invocation's thread before the response goes out (Lambda may freeze the process right after).
     *
     * <p>Call it once, at init (a handler's constructor or static initializer); a later call replaces the
     * instance. Ignored, with a warning, when the OpenTelemetry Java agent is attached: the agent starts the
     * invocation span itself, and a second one would split the trace. When a tracer span is already current at
     * the start of an invocation, tracex starts none either.
     *
     * <p>Why a flush callback rather than an {@code OpenTelemetrySdk}: the API has no flush, and taking the SDK
     * type would make every function that uses tracex carry the SDK; the callback is one line for the caller.
     *
     * <pre>{@code
     * OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
     * TracexOpenTelemetry.register(sdk, () -> sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS));
     * }</pre>
     *
     * @return whether tracex will start invocation spans with it ({@code false} under the agent)
     */
    public static boolean register(OpenTelemetry openTelemetry, Runnable forceFlush) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        Objects.requireNonNull(forceFlush, "forceFlush");
        if (OptionalLibraries.openTelemetryAgent()) {
            Log.warn("tracex: the OpenTelemetry Java agent is attached and starts the invocation span itself; "
                    + "TracexOpenTelemetry.register is ignored");
            return false;
        }
        OpenTelemetryInvocationSpan.register(openTelemetry, forceFlush);
        return true;
    }

    /** Undoes {@link #register}: tracex starts no invocation spans of its own again. */
    public static void unregister() {
        OpenTelemetryInvocationSpan.unregister();
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
