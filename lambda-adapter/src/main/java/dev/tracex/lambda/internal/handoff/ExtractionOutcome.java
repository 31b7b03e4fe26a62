package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;

/**
 * What one invocation's extraction came to, in the words tracex shows it in (span attributes, metrics, the debug
 * line): the rule that answered (on a miss, the extractor that was tried), the outcome, the format of the parent,
 * and for a batch its records and how many carried a context. Ids and event content are not part of it.
 *
 * @param rule       the answering rule as the engine names it ({@code builtin.sqs_string_headers_record},
 *                   {@code orders}); on a miss the selected extractor ({@code builtin.default}); never null
 * @param outcome    {@link #CONTINUED}, {@link #NOT_FOUND} or {@link #ERROR}
 * @param format     the parent's format ({@code datadog}, {@code tracecontext}, {@code b3}, {@code b3multi},
 *                   {@code xray}, {@code fields}, {@code js}), or null without a parent
 * @param records    the batch's records, 0 for a single event
 * @param withContext the batch's records that carried a context
 */
public record ExtractionOutcome(String rule, String outcome, String format, int records, int withContext) {
    public static final String CONTINUED = "continued";
    public static final String NOT_FOUND = "not_found";
    public static final String ERROR = "error";

    /** The rule name when nothing says which extractor ran (an extraction the function made itself). */
    public static final String UNKNOWN_RULE = "unknown";

    /** The outcome of {@code e}, extracted by {@code extractor} (null: unknown), {@code failed} if it threw. */
    public static ExtractionOutcome of(Extraction e, String extractor, boolean failed) {
        TraceContext parent = e.parent().orElse(null);
        int records = e.records().size();
        int withContext = records == 0 ? 0 : e.links().size();
        if (parent != null) {
            return new ExtractionOutcome(parent.rule(), CONTINUED, parent.format(), records, withContext);
        }
        String rule = !e.links().isEmpty() ? e.links().get(0).rule() : extractor != null ? extractor : UNKNOWN_RULE;
        return new ExtractionOutcome(rule, failed ? ERROR : NOT_FOUND, null, records, withContext);
    }

    /** True for a batch event. */
    public boolean batch() {
        return records > 0;
    }
}
