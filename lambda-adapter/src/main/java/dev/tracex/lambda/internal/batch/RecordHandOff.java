package dev.tracex.lambda.internal.batch;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.handoff.MdcHandOff;
import dev.tracex.lambda.internal.handoff.OpenTelemetryHandOff;
import dev.tracex.lambda.internal.handoff.OpenTelemetryRecordSpan;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.handoff.RecordMeta;
import dev.tracex.lambda.internal.invocation.InvocationHandOff;
import dev.tracex.lambda.internal.invocation.Undo;
import dev.tracex.lambda.internal.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code dev.tracex.lambda.RecordScope} does (its class comment says what, for users): one record's
 * context made current on this thread over the invocation's, undone at {@link #close()}. Never throws; open and
 * close on the same thread.
 */
public final class RecordHandOff implements AutoCloseable {
    private final RecordContext record;
    private final Extraction previous;
    private final List<AutoCloseable> undo;
    private final Consumer<Throwable> onFailure;
    private boolean closed;

    private RecordHandOff(RecordContext record, Extraction previous, List<AutoCloseable> undo, Consumer<Throwable> onFailure) {
        this.record = record;
        this.previous = previous;
        this.undo = undo;
        this.onFailure = onFailure;
    }

    public static RecordHandOff open(RecordContext record, RecordMeta meta) {
        TraceContext c = record.context().orElse(null);
        Extraction invocation = InvocationHandOff.openOrNull();
        Extraction previous = invocation;
        if (c != null) {
            InvocationHandOff.swap(invocation == null ? Extraction.ofRecords(c, List.of(record)) : invocation.withParent(c));
        }
        List<AutoCloseable> undo = new ArrayList<>(2);
        Consumer<Throwable> onFailure = t -> { };
        if (OptionalLibraries.OPENTELEMETRY) {
            try {
                OpenTelemetryRecordSpan span = OpenTelemetryRecordSpan.start(c, meta);
                if (span != null) {
                    undo.add(span);
                    onFailure = span::failed;
                } else if (c != null) {
                    undo.add(OpenTelemetryHandOff.makeRemoteCurrent(c));
                }
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot make the record's context current in OpenTelemetry: " + e);
            }
        }
        if (c != null && OptionalLibraries.SLF4J) {
            try {
                undo.add(MdcHandOff.put(c));
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot put the record's trace ids in the SLF4J MDC: " + e);
            }
        }
        return new RecordHandOff(record, previous, undo, onFailure);
    }

    /** The record's position, identity and context. */
    public RecordContext record() {
        return record;
    }

    /** The record's extracted context; empty when it carried none (it runs under the invocation's). */
    public Optional<TraceContext> context() {
        return record.context();
    }

    /**
     * Notes that processing the record failed with {@code failure} (the record's span, if tracex started one,
     * gets status error); the caller decides what happens to the exception. Never throws.
     */
    public void failed(Throwable failure) {
        if (failure == null) {
            return;
        }
        try {
            onFailure.accept(failure);
        } catch (RuntimeException | LinkageError e) {
            Log.warn("tracex: cannot record the failure on the record's span: " + e);
        }
    }

    /** Puts back the invocation's context, MDC and {@code current()}; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Undo.inReverse(undo, "the record's hand-off");
        InvocationHandOff.swap(previous);
    }
}
