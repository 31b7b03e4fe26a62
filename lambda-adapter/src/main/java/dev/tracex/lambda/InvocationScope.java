package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracex.engine.Extraction;
import dev.tracex.lambda.internal.invocation.InvocationHandOff;

/**
 * The hand-off of one invocation's {@link Extraction}, open for the duration of the handler call:
 * <ul>
 * <li>the extraction is what {@link TracexLambda#current()} returns on this thread;</li>
 * <li>the Lambda {@link Context} for the handler ({@link #lambdaContext()}) carries the parent as
 * {@code traceparent}/{@code tracestate} in its client context, where the OpenTelemetry agent and
 * OpenTelemetry's Lambda wrappers read the parent of the invocation span they start;</li>
 * <li>with an OpenTelemetry SDK handed to tracex ({@link TracexOpenTelemetry#register}) and no tracer span
 * current, tracex's own invocation span is current, ended and flushed at {@link #close()}; otherwise, with the
 * OpenTelemetry API present and no tracer span current, the parent is the current context's remote parent
 * span (a tracer's local span is never re-parented); the parent's W3C baggage is added to OpenTelemetry's
 * current {@code Baggage};</li>
 * <li>with SLF4J present and no tracer span current, {@code dd.trace_id} and {@code dd.span_id} are in the
 * MDC (a tracer's own log correlation, dd-trace-java's, is never overridden);</li>
 * <li>with {@code TRACEX_DATADOG_EXTENSION_HANDOFF=true} and the raw event at hand, the Datadog extension
 * is told of the invocation with tracex's context, and the tracer span it parents is current; this comes
 * first, so the steps above see that span.</li>
 * </ul>
 * {@link #close()} undoes all of it on the thread that opened it.
 *
 * <p>Never throws: a hand-off step that fails is skipped with one log line, and the handler runs. Not
 * thread-safe: open and close on the same thread, in a try-with-resources.
 *
 * <pre>{@code
 * Extraction found = TracexLambda.extract(event, context);
 * try (InvocationScope scope = TracexLambda.open(found, context)) {
 *     return handle(event, scope.lambdaContext());
 * }
 * }</pre>
 */
public final class InvocationScope implements AutoCloseable {
    private final InvocationHandOff handOff;

    private InvocationScope(InvocationHandOff handOff) {
        this.handOff = handOff;
    }

    /**
     * Opens the hand-off of {@code extraction} for an invocation with Lambda context {@code lambda} (may be
     * {@code null}) on {@code event} (its raw JSON, or {@code null} when only a deserialized object is at hand).
     */
    static InvocationScope open(Extraction extraction, Context lambda, byte[] event) {
        return new InvocationScope(InvocationHandOff.open(extraction, lambda, event));
    }

    /**
     * The Lambda context to pass to the handler: the invocation's own, with the extracted parent added to its
     * client context as {@code traceparent}/{@code tracestate}; the invocation's own unchanged when nothing
     * was extracted ({@code null} when opened without one).
     */
    public Context lambdaContext() {
        return handOff.lambdaContext();
    }

    /**
     * Notes that the handler threw {@code failure}, for the invocation span tracex started (its status
     * becomes error); the caller rethrows it unchanged. Never throws.
     */
    public void failed(Throwable failure) {
        handOff.failed(failure);
    }

    /** Undoes the hand-off, in reverse order; a second call does nothing. */
    @Override
    public void close() {
        handOff.close();
    }
}
