package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.json.Projection;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code each:} the rule's body applied to every record a path matches (paths in the body are relative
 * to the record). Every record's context becomes a link, in order; the parent is the first record's
 * context, as Datadog's libraries take {@code Records[0]}.
 */
public final class EachRule implements CompiledRule {
    private static final int EXPLAINED_RECORDS = 10;

    private final JsonAccessor records;
    private final CompiledRule body;

    public EachRule(JsonAccessor records, CompiledRule body) {
        this.records = records;
        this.body = body;
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
        TraceContext parent = null;
        List<TraceContext> links = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            // An explanation follows the first records; a batch of thousands would bury the answer.
            ExtractionTrace recordTrace = trace != null && i < EXPLAINED_RECORDS ? trace : null;
            if (recordTrace != null) {
                noteRecord(recordTrace, i);
            } else if (trace != null && i == EXPLAINED_RECORDS) {
                noteUnexplained(trace, i, all.size());
            }
            Extraction e = body.extract(all.get(i), context, recordTrace);
            if (recordTrace != null) {
                recordTrace.exit(ExtractionTrace.outcome(e));
            }
            if (e.parent().isPresent()) {
                links.add(e.parent().get());
                if (i == 0) {
                    parent = e.parent().get();
                }
            }
        }
        return Extraction.of(parent, links);
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
        body.project(records.project(root));
    }

    @Override
    public java.util.List<CompiledRule> children() {
        return java.util.List.of(body);
    }

    @Override
    public String toString() {
        return "Each(" + records + ", " + body + ")";
    }
}
