package dev.tracex.lambda;

import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.batch.RecordHandOff;

import java.util.Optional;

/**
 * One batch record's context, current on this thread until {@link #close()}: {@link TracexLambda#current()}
 * returns it (the batch's links stay in {@link TracexLambda#currentLinks()}); with an OpenTelemetry SDK handed
 * to tracex ({@link TracexOpenTelemetry#register}) a CONSUMER {@code process} span for the record is current,
 * its parent the record's context and linked to the invocation span (a record without a context: a child of
 * the invocation span); without one, with the OpenTelemetry API present, the record's context is the current
 * remote parent; with SLF4J, {@code dd.trace_id}/{@code dd.span_id} in the MDC are the record's. A record
 * without a context leaves the invocation's context, MDC and {@code current()} as they are.
 *
 * <p>Opened by {@link TracexBatch} and {@link TracexLambda#forEachRecord} around each record, or by the
 * function itself for a record another library hands it ({@link TracexBatch#open}, e.g. inside Powertools'
 * batch handler). Never throws; open and close on the same thread, in a try-with-resources.
 *
 * <pre>{@code
 * try (RecordScope scope = TracexBatch.open(message)) {
 *     process(message);
 * } // the invocation's context again
 * }</pre>
 */
public final class RecordScope implements AutoCloseable {
    private final RecordHandOff handOff;

    RecordScope(RecordHandOff handOff) {
        this.handOff = handOff;
    }

    /** The record's position, identity and context. */
    public RecordContext record() {
        return handOff.record();
    }

    /** The record's extracted context; empty when it carried none (it runs under the invocation's). */
    public Optional<TraceContext> context() {
        return handOff.context();
    }

    /**
     * Notes that processing the record failed with {@code failure} (the record's span, if tracex started one,
     * gets status error); the caller decides what happens to the exception. Never throws.
     */
    public void failed(Throwable failure) {
        handOff.failed(failure);
    }

    /** Puts back the invocation's context, MDC and {@code current()}; a second call does nothing. */
    @Override
    public void close() {
        handOff.close();
    }
}
