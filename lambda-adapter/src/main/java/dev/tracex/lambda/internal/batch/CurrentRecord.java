package dev.tracex.lambda.internal.batch;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.invocation.InvocationHandOff;
import dev.tracex.lambda.internal.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Matches the records of an event to their contexts: by identity in the extraction of the invocation open on
 * this thread (the wrapper already extracted the event), by position when the rule declares no
 * {@code record_id:} and the counts agree, and when no invocation is open (another thread, no wrapper) by
 * extracting the event now.
 */
public final class CurrentRecord {
    private CurrentRecord() {
    }

    /**
     * One {@link RecordContext} per id, in order, from the open invocation's extraction, else from
     * {@code extractNow}.
     */
    public static List<RecordContext> match(List<String> ids, Supplier<Extraction> extractNow) {
        Extraction open = InvocationHandOff.openOrNull();
        Extraction e;
        if (open != null) {
            e = open;
        } else {
            try {
                e = extractNow.get();
            } catch (RuntimeException | LinkageError failure) {
                Log.warn("tracex: cannot extract the batch's contexts, its records run without: " + failure);
                e = Extraction.none();
            }
        }
        return match(ids, e);
    }

    static List<RecordContext> match(List<String> ids, Extraction e) {
        List<RecordContext> extracted = e.records();
        List<RecordContext> out = new ArrayList<>(ids.size());
        boolean byIndex = !e.hasRecordIds() && extracted.size() == ids.size();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            RecordContext r = byIndex ? extracted.get(i) : e.record(id).orElse(null);
            TraceContext c = r == null ? null : r.context().orElse(null);
            out.add(RecordContext.of(i, id, c));
        }
        return out;
    }
}
