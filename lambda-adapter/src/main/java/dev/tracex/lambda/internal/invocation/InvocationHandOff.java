package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.handoff.BaggageHandOff;
import dev.tracex.lambda.internal.handoff.DatadogExtensionHandOff;
import dev.tracex.lambda.internal.handoff.DatadogTracer;
import dev.tracex.lambda.internal.handoff.ExtractionAttributes;
import dev.tracex.lambda.internal.handoff.ExtractionMetrics;
import dev.tracex.lambda.internal.handoff.ExtractionOutcome;
import dev.tracex.lambda.internal.handoff.MdcHandOff;
import dev.tracex.lambda.internal.handoff.OpenTelemetryHandOff;
import dev.tracex.lambda.internal.handoff.OpenTelemetryInvocationSpan;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code dev.tracex.lambda.InvocationScope} does (its class comment says what, for users): the steps of one
 * invocation's hand-off opened in order, undone in reverse at {@link #close()}, and the extraction current on
 * each thread, which the public accessors, record scopes and carried contexts read and swap. Not thread-safe:
 * open and close on the same thread.
 */
public final class InvocationHandOff implements AutoCloseable {
    private static final ThreadLocal<Extraction> CURRENT = new ThreadLocal<>();

    private final Extraction previous;
    private final List<AutoCloseable> undo;
    private final Context lambdaContext;
    // Told of the handler's failure, in this order (fields, not a chain of lambdas: each would be a class spun at the
    // cold start's first invocation).
    private final DatadogExtensionHandOff datadog;
    private final OpenTelemetryInvocationSpan span; // null: tracex started no span
    private boolean closed;

    private InvocationHandOff(Extraction previous, List<AutoCloseable> undo, Context lambdaContext,
                              DatadogExtensionHandOff datadog, OpenTelemetryInvocationSpan span) {
        this.previous = previous;
        this.undo = undo;
        this.lambdaContext = lambdaContext;
        this.datadog = datadog;
        this.span = span;
    }

    /**
     * Opens the hand-off of {@code extraction} for an invocation with Lambda context {@code lambda} (may be
     * {@code null}) on {@code event} (its raw JSON, or {@code null} when only a deserialized object is at hand).
     */
    public static InvocationHandOff open(Extraction extraction, Context lambda, byte[] event) {
        return open(extraction, lambda, event, false);
    }

    /**
     * What {@link #open(Extraction, Context, byte[])} does, but only the steps that stay on this thread (the
     * current extraction, OpenTelemetry's current context and baggage, the client context, the MDC), none that
     * tells anyone else of an invocation (the Datadog extension, a span of tracex's own, exported): SnapStart
     * priming runs it before the snapshot, so a restored function's first invocation finds its classes loaded.
     */
    public static InvocationHandOff openForPriming(Extraction extraction, Context lambda) {
        return open(extraction, lambda, null, true);
    }

    private static InvocationHandOff open(Extraction extraction, Context lambda, byte[] event, boolean priming) {
        Objects.requireNonNull(extraction, "extraction");
        Extraction previous = CURRENT.get();
        CURRENT.set(extraction);
        // Made only when something takes it (metrics, tracex's span, the extension hand-off): an invocation with
        // none of them allocates nothing for it.
        ExtractionOutcome outcome = null;
        if (!priming) {
            ExtractionMetrics metrics = ExtractionMetrics.process();
            if (metrics.active() || DatadogExtensionHandOff.ENABLED
                    || (OptionalLibraries.OPENTELEMETRY && OpenTelemetryInvocationSpan.isRegistered())) {
                outcome = LastExtraction.outcomeOf(extraction);
                metrics.record(outcome); // never throws, never waits
            }
        }
        List<AutoCloseable> undo = new ArrayList<>(4);
        TraceContext parent = extraction.parent().orElse(null);
        DatadogExtensionHandOff datadog = priming ? DatadogExtensionHandOff.NONE
                : DatadogExtensionHandOff.start(event, lambda, extraction, outcome);
        undo.add(datadog);
        OpenTelemetryInvocationSpan started = null;
        // Seen before tracex starts a span of its own: whether a tracer's span (dd-trace-java's, the
        // extension hand-off's, an agent's) already runs this invocation and owns the log correlation.
        boolean tracerSpan = tracerSpanActive();
        if (OptionalLibraries.OPENTELEMETRY) {
            try {
                OpenTelemetryInvocationSpan span = priming ? null : OpenTelemetryInvocationSpan.start(extraction, lambda, event, outcome);
                if (span != null) {
                    undo.add(span);
                    started = span;
                } else if (parent != null && !tracerSpan) {
                    AutoCloseable remote = OpenTelemetryHandOff.makeCurrent(parent);
                    if (remote != null) {
                        undo.add(remote);
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot hand the parent to OpenTelemetry: " + e);
            }
        }
        if (OptionalLibraries.OPENTELEMETRY && parent != null && !parent.baggage().isEmpty()) {
            try {
                undo.add(BaggageHandOff.makeCurrent(parent));
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot make the baggage current in OpenTelemetry: " + e);
            }
        }
        Context forHandler = lambda;
        if (parent != null) {
            try {
                forHandler = PropagatingContext.of(lambda, parent);
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot add the parent to the client context: " + e);
            }
            // tracex's upstream ids in the MDC would override a tracer's log correlation (dd-trace-java's
            // logback values lose to the MDC's): only without a tracer span.
            if (OptionalLibraries.SLF4J && !tracerSpan) {
                try {
                    undo.add(MdcHandOff.put(parent));
                } catch (RuntimeException | LinkageError e) {
                    Log.warn("tracex: cannot put the trace ids in the SLF4J MDC: " + e);
                }
            }
        }
        return new InvocationHandOff(previous, undo, forHandler, datadog, started);
    }

    /**
     * Whether a tracer's span is active on this thread: a dd-trace-java span, or a local OpenTelemetry
     * span (an agent's or an SDK's, not a remote parent). Never throws.
     */
    static boolean tracerSpanActive() {
        if (DatadogTracer.spanActive()) {
            return true;
        }
        if (OptionalLibraries.OPENTELEMETRY) {
            try {
                return OpenTelemetryHandOff.hasLocalSpan();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Puts the open invocation's outcome on the tracer span current now ({@link ExtractionAttributes}): called by
     * tracex's handler adapters, inside the OpenTelemetry agent's SERVER span (or the SQS CONSUMER span the agent
     * starts beneath it for a typed {@code SQSEvent}), which starts after the hand-off opened. Never throws.
     */
    static void annotateTracerSpan() {
        Extraction open = CURRENT.get();
        if (open == null || !OptionalLibraries.OPENTELEMETRY) {
            return;
        }
        try {
            ExtractionAttributes.setOnCurrentSpan(() -> LastExtraction.outcomeOf(open));
        } catch (RuntimeException | LinkageError e) {
            Log.warn("tracex: cannot put the extraction's outcome on the invocation span: " + e);
        }
    }

    /** The extraction of the invocation open on this thread, or {@code null} when none is. */
    public static Extraction openOrNull() {
        return CURRENT.get();
    }

    /**
     * Makes {@code e} what this thread's accessors read ({@code null}: nothing open) and returns what was there,
     * to be put back the same way: a record's scope and a task carried to another thread.
     */
    public static Extraction swap(Extraction e) {
        Extraction previous = CURRENT.get();
        if (e == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(e);
        }
        return previous;
    }

    /** The extraction of the invocation open on this thread, or {@link Extraction#none()}. */
    public static Extraction current() {
        Extraction e = CURRENT.get();
        return e == null ? Extraction.none() : e;
    }

    /**
     * The Lambda context to pass to the handler: the invocation's own, with the extracted parent added to its
     * client context as {@code traceparent}/{@code tracestate}; the invocation's own unchanged when nothing
     * was extracted ({@code null} when opened without one).
     */
    public Context lambdaContext() {
        return lambdaContext;
    }

    /**
     * Notes that the handler threw {@code failure}, for the invocation span tracex started (its status
     * becomes error); the caller rethrows it unchanged. Never throws.
     */
    public void failed(Throwable failure) {
        if (failure == null) {
            return;
        }
        try {
            datadog.failed(failure);
            if (span != null) {
                span.failed(failure);
            }
        } catch (RuntimeException | LinkageError e) {
            Log.warn("tracex: cannot record the failure on the invocation span: " + e);
        }
    }

    /** Undoes the hand-off, in reverse order; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Undo.inReverse(undo, "the hand-off");
        swap(previous);
    }
}
