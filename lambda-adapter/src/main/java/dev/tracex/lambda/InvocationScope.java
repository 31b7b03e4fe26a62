package dev.tracex.lambda;

import dev.tracex.engine.Extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hand-off of one invocation's {@link Extraction}, open for the duration of the handler call: the
 * extraction is what {@link TracexLambda#current()} returns on this thread; with the OpenTelemetry API
 * present, the parent is the current OpenTelemetry {@code Context}'s remote parent span and its W3C
 * baggage is in OpenTelemetry's {@code Baggage}; with SLF4J
 * present, {@code dd.trace_id} and {@code dd.span_id} are in the MDC. {@link #close()} undoes all three
 * on the thread that opened it.
 *
 * <p>Never throws: a hand-off step that fails is skipped with one log line, and the handler runs. Not
 * thread-safe: open and close on the same thread, in a try-with-resources.
 *
 * <pre>{@code
 * Extraction found = TracexLambda.extract(event, context);
 * try (InvocationScope scope = TracexLambda.open(found)) {
 *     return handle(event, context);
 * }
 * }</pre>
 */
public final class InvocationScope implements AutoCloseable {
    private static final ThreadLocal<Extraction> CURRENT = new ThreadLocal<>();

    private final Extraction previous;
    private final List<AutoCloseable> undo;
    private boolean closed;

    private InvocationScope(Extraction previous, List<AutoCloseable> undo) {
        this.previous = previous;
        this.undo = undo;
    }

    static InvocationScope open(Extraction extraction) {
        Objects.requireNonNull(extraction, "extraction");
        Extraction previous = CURRENT.get();
        CURRENT.set(extraction);
        List<AutoCloseable> undo = new ArrayList<>(2);
        extraction.parent().ifPresent(parent -> {
            if (OptionalLibraries.OPENTELEMETRY) {
                try {
                    undo.add(OpenTelemetryHandOff.makeCurrent(parent));
                } catch (RuntimeException | LinkageError e) {
                    Log.warn("tracex: cannot make the parent current in OpenTelemetry: " + e);
                }
                try {
                    undo.add(BaggageHandOff.makeCurrent(parent));
                } catch (RuntimeException | LinkageError e) {
                    Log.warn("tracex: cannot make the baggage current in OpenTelemetry: " + e);
                }
            }
            if (OptionalLibraries.SLF4J) {
                try {
                    undo.add(MdcHandOff.put(parent));
                } catch (RuntimeException | LinkageError e) {
                    Log.warn("tracex: cannot put the trace ids in the SLF4J MDC: " + e);
                }
            }
        });
        return new InvocationScope(previous, undo);
    }

    /** The extraction of the invocation open on this thread, or {@link Extraction#none()}. */
    static Extraction current() {
        Extraction e = CURRENT.get();
        return e == null ? Extraction.none() : e;
    }

    /** Undoes the hand-off, in reverse order; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).close();
            } catch (Exception | LinkageError e) {
                Log.warn("tracex: cannot undo the hand-off: " + e);
            }
        }
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
