package dev.tracex.lambda.internal.invocation;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.handoff.ExtractionOutcome;

import java.util.List;

/**
 * The one debug line an invocation's extraction gives, in {@code key=value} words a log query can match
 * ({@code outcome=not_found}), e.g.
 * {@code tracex: outcome=continued rule=builtin.sqs_string_headers_record format=datadog trace_id=2684756524522091840
 * parent_id=7431398482019833808 records=2/3}, or on a miss
 * {@code tracex: outcome=not_found rule=orders why: rule "orders": $.detail._datadog not found; rule "builtin.default" -> ...}.
 * Ids may be printed; the event's content never is (the engine's reasons name rules and paths only).
 */
final class ExtractionDebugLine {
    private ExtractionDebugLine() {
    }

    static String of(ExtractionOutcome o, Extraction e, List<String> reasons) {
        StringBuilder b = new StringBuilder(160).append("tracex: outcome=").append(o.outcome()).append(" rule=").append(o.rule());
        TraceContext parent = e.parent().orElse(null);
        if (parent != null) {
            b.append(" format=").append(o.format()).append(" trace_id=").append(parent.traceId())
                    .append(" parent_id=").append(parent.parentIdDecimal());
        }
        if (o.batch()) {
            b.append(" records=").append(o.withContext()).append('/').append(o.records());
        }
        if (parent == null && !reasons.isEmpty()) {
            b.append(" why: ").append(String.join("; ", reasons));
        }
        return b.toString();
    }
}
