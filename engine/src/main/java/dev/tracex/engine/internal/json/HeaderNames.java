package dev.tracex.engine.internal.json;

import java.util.List;

/**
 * The names of every propagation header a {@code headers:} rule can read, lowercase: what its carrier keeps when
 * an embedded document is decoded pruned ({@link Projection#keepHeaders()}). {@code HeaderNamesTest} holds this list
 * to the names the propagation formats ask a carrier for. Internal: may change without notice.
 */
final class HeaderNames {
    static final List<String> ALL = List.of("x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
            "x-datadog-origin", "x-datadog-tags", "traceparent", "tracestate", "baggage", "b3", "x-b3-traceid",
            "x-b3-spanid", "x-b3-sampled", "x-b3-flags", "x-amzn-trace-id");
    private static final String[] NAMES = ALL.toArray(new String[0]);

    private HeaderNames() {
    }

    /** Whether {@code name}, in any letter case, is one of {@link #ALL}. */
    static boolean isHeader(String name) {
        int n = name.length();
        for (String h : NAMES) {
            if (h.length() == n && h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
