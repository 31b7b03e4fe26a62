package dev.tracex.lambda.internal.batch;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.RecordContext;
import dev.tracex.lambda.internal.handoff.RecordMeta;
import dev.tracex.lambda.internal.invocation.Sneaky;
import dev.tracex.lambda.internal.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs a handler over a batch's records, each in its own {@link RecordHandOff}. */
public final class BatchRun {
    private BatchRun() {
    }

    /** Every record in order; the first failure, after its scope is closed, propagates unchanged and ends the batch. */
    public static <R> void forEach(List<R> records, List<RecordMeta> metas, Supplier<Extraction> extractNow, RecordWork<R> handler) {
        List<RecordContext> contexts = CurrentRecord.match(ids(metas), extractNow);
        for (int i = 0; i < records.size(); i++) {
            try {
                run(records.get(i), contexts.get(i), metas.get(i), handler);
            } catch (Exception e) {
                throw Sneaky.rethrow(e);
            }
        }
    }

    /**
     * Every record in order, a failure noted and the next record processed; returns the positions of the
     * records that failed. With {@code stopAtFirstFailure} (SQS FIFO: later messages must not overtake a failed
     * one) the records after the first failure are not processed and count as failed.
     */
    public static <R> List<Integer> collectFailures(List<R> records, List<RecordMeta> metas, Supplier<Extraction> extractNow,
                                             RecordWork<R> handler, boolean stopAtFirstFailure) {
        List<RecordContext> contexts = CurrentRecord.match(ids(metas), extractNow);
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (stopAtFirstFailure && !failed.isEmpty()) {
                failed.add(i);
                continue;
            }
            try {
                run(records.get(i), contexts.get(i), metas.get(i), handler);
            } catch (Exception | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
                Log.warn("tracex: record " + (metas.get(i).id() == null ? "#" + i : metas.get(i).id())
                        + " failed and is reported in the batch response: " + e);
                failed.add(i);
            }
        }
        return failed;
    }

    @SuppressWarnings("try") // the scope is used by being closed
    static <R> void run(R record, RecordContext context, RecordMeta meta, RecordWork<R> handler) throws Exception {
        try (RecordHandOff scope = RecordHandOff.open(context, meta)) {
            try {
                handler.run(record, context);
            } catch (Exception | Error e) {
                scope.failed(e);
                throw e;
            }
        }
    }

    private static List<String> ids(List<RecordMeta> metas) {
        List<String> ids = new ArrayList<>(metas.size());
        for (RecordMeta m : metas) {
            ids.add(m.id());
        }
        return ids;
    }
}
