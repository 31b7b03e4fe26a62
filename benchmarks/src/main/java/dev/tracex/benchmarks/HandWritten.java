package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.TraceContext;

/**
 * The floor: what a careful engineer writes by hand with Jackson for one event shape, with the same
 * validation the rules apply (unsigned 64-bit decimal ids, non-zero, optional priority, {@code _dd.p.tid})
 * and producing the same {@link TraceContext}.
 */
final class HandWritten {
    private HandWritten() {
    }

    /** {@code headers: $._datadog} done by hand. */
    static TraceContext datadogHeaders(JsonNode event) {
        JsonNode carrier = event.get("_datadog");
        if (carrier == null || !carrier.isObject()) {
            return null;
        }
        long traceId = decimal(carrier.get("x-datadog-trace-id"));
        long parentId = decimal(carrier.get("x-datadog-parent-id"));
        if (traceId == 0 || parentId == 0) {
            return null;
        }
        TraceContext.Builder b = TraceContext.builder().traceId(0, traceId).parentId(parentId).format("datadog").rule("json");
        JsonNode priority = carrier.get("x-datadog-sampling-priority");
        if (priority != null) {
            try {
                b.samplingPriority(Integer.parseInt(priority.asText()));
            } catch (NumberFormatException e) {
                // absent
            }
        }
        JsonNode origin = carrier.get("x-datadog-origin");
        if (origin != null) {
            b.origin(origin.asText());
        }
        JsonNode tags = carrier.get("x-datadog-tags");
        if (tags != null && tags.asText().length() <= 512) {
            for (String pair : tags.asText().split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.startsWith("_dd.p.")) {
                    String k = pair.substring(0, eq);
                    String v = pair.substring(eq + 1);
                    if (k.equals("_dd.p.tid")) {
                        if (v.length() == 16) {
                            b.traceIdHigh(Long.parseUnsignedLong(v, 16));
                        }
                    } else {
                        b.tag(k, v);
                    }
                }
            }
        }
        return b.build();
    }

    /** The {@code fields:} rule on {@code $.meta} done by hand. */
    static TraceContext metaFields(JsonNode event) {
        JsonNode meta = event.get("meta");
        if (meta == null) {
            return null;
        }
        long traceId = decimal(meta.get("traceId"));
        long parentId = decimal(meta.get("spanId"));
        if (traceId == 0 || parentId == 0) {
            return null;
        }
        TraceContext.Builder b = TraceContext.builder().traceId(0, traceId).parentId(parentId).format("fields").rule("custom");
        JsonNode sampled = meta.get("sampled");
        if (sampled != null && sampled.canConvertToInt()) {
            b.samplingPriority(sampled.intValue());
        }
        JsonNode origin = meta.get("origin");
        if (origin != null) {
            b.origin(origin.asText());
        }
        return b.build();
    }

    private static long decimal(JsonNode v) {
        if (v == null) {
            return 0;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() && v.longValue() > 0 ? v.longValue() : 0;
        }
        String s = v.asText();
        if (s.isEmpty() || s.length() > 20) {
            return 0;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return 0;
            }
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
