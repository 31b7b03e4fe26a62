package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.json.Projection;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code each:} the rule's body applied to every record a path matches (paths in the body are relative
 * to the record). The result lists every record in order with its identity ({@code record_id:}) and its
 * context or none; every context is a link; the parent is the one the rule's {@code parent:} policy
 * picks (default {@link ParentPolicy#FIRST}, as Datadog's libraries take {@code Records[0]}).
 */
public final class EachRule implements CompiledRule {
    private static final int EXPLAINED_RECORDS = 10;

    private final JsonAccessor records;
    private final CompiledRule body;
    private final RecordId recordId;
    private final ParentPolicy policy;

    public EachRule(JsonAccessor records, CompiledRule body) {
        this(records, body, null, ParentPolicy.FIRST);
    }

    /** @param recordId how a record names itself, or {@code null} */
    public EachRule(JsonAccessor records, CompiledRule body, RecordId recordId, ParentPolicy policy) {
        this.records = records;
        this.body = body;
        this.recordId = recordId;
        this.policy = policy;
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        List<JsonNode> all = records.readAll(root);
        if (trace != null) {
            noteRecords(trace, all.size());
        }
        if (all.isEmpty()) {
            return Extraction.none();
        }
        List<RecordContext> found = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            JsonNode record = all.get(i);
            // An explanation follows the first records; a batch of thousands would bury the answer.
            ExtractionTrace recordTrace = trace != null && i < EXPLAINED_RECORDS ? trace : null;
            if (recordTrace != null) {
                noteRecord(recordTrace, i);
            } else if (trace != null && i == EXPLAINED_RECORDS) {
                noteUnexplained(trace, i, all.size());
            }
            Extraction e = body.extract(record, context, recordTrace);
            if (recordTrace != null) {
                recordTrace.exit(ExtractionTrace.outcome(e));
            }
            TraceContext c = e.parent().orElse(null);
            found.add(RecordContext.of(i, recordId == null ? null : recordId.read(record), c));
        }
        return Extraction.ofRecords(policy.choose(found), found, policy.settlesAbsence());
    }

    // The explanation's lines, out of line so extract stays small for the JIT.
    private void noteRecords(ExtractionTrace trace, int n) {
        trace.note("each " + records + ": " + n + (n == 1 ? " record" : " records"));
    }

    private static void noteRecord(ExtractionTrace trace, int i) {
        trace.enter("record " + i + ":");
    }

    private static void noteUnexplained(ExtractionTrace trace, int from, int n) {
        trace.note("records " + from + " to " + (n - 1) + ": not explained");
    }

    @Override
    public void project(Projection root) {
        Projection record = records.project(root);
        body.project(record);
        if (recordId != null) {
            recordId.project(record);
        }
    }

    @Override
    public java.util.List<CompiledRule> children() {
        return java.util.List.of(body);
    }

    // What the precompiled form's plan is written from (dev.tracex.engine.internal.plan.PlanWriter).

    public JsonAccessor records() {
        return records;
    }

    public CompiledRule body() {
        return body;
    }

    /** How a record names itself, or {@code null}. */
    public RecordId recordId() {
        return recordId;
    }

    public ParentPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "Each(" + records + (recordId == null ? "" : ", id=" + recordId)
                + (policy == ParentPolicy.FIRST ? "" : ", parent=" + policy.key()) + ", " + body + ")";
    }
}
