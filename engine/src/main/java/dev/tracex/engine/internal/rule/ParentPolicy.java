package dev.tracex.engine.internal.rule;

import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;

import java.util.List;

/**
 * {@code parent:} of an {@code each:} rule, which record's context (if any) the invocation continues.
 * Every record's context is a link whatever the policy. Internal: may change without notice.
 */
public enum ParentPolicy {
    /** Record 0's context, none if it has none: what Datadog's libraries do with {@code Records[0]}. */
    FIRST("first"),
    /** The first record that carries a context: Datadog's extension's choice for Kafka. */
    FIRST_FOUND("first-found"),
    /** Links only: OpenTelemetry's messaging conventions for a batch. */
    NONE("none"),
    /** The context of a batch of exactly one record. */
    IF_SINGLE("if-single"),
    /** The first context found, when every record that has one belongs to the same trace. */
    IF_SAME_TRACE("if-same-trace");

    private final String key;

    ParentPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ParentPolicy byKey(String key) {
        for (ParentPolicy p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    public static String known() {
        StringBuilder b = new StringBuilder();
        for (ParentPolicy p : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(p.key);
        }
        return b.toString();
    }

    /**
     * Whether no parent is a decision of this policy (none, if-single, if-same-trace), so composed rules keep
     * the result; {@code first} and {@code first-found} only failed to find one, and others may look on.
     */
    boolean settlesAbsence() {
        return this == NONE || this == IF_SINGLE || this == IF_SAME_TRACE;
    }

    /** The parent among {@code records} (in record order), or {@code null}. */
    TraceContext choose(List<RecordContext> records) {
        switch (this) {
            case FIRST:
                return records.isEmpty() ? null : records.get(0).context().orElse(null);
            case FIRST_FOUND:
                return firstFound(records);
            case NONE:
                return null;
            case IF_SINGLE:
                return records.size() == 1 ? records.get(0).context().orElse(null) : null;
            case IF_SAME_TRACE:
                TraceContext first = firstFound(records);
                if (first == null) {
                    return null;
                }
                for (RecordContext r : records) {
                    TraceContext c = r.context().orElse(null);
                    if (c != null && (c.traceIdHigh() != first.traceIdHigh() || c.traceIdLow() != first.traceIdLow())) {
                        return null;
                    }
                }
                return first;
            default:
                throw new IllegalStateException(name());
        }
    }

    private static TraceContext firstFound(List<RecordContext> records) {
        for (RecordContext r : records) {
            if (r.context().isPresent()) {
                return r.context().get();
            }
        }
        return null;
    }
}
