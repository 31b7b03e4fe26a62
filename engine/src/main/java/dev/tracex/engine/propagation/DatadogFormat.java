package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Ids;

import java.util.Map;
import java.util.Objects;

/**
 * Datadog's own headers: {@code x-datadog-trace-id} and {@code x-datadog-parent-id} (unsigned 64-bit
 * decimal, both required), {@code x-datadog-sampling-priority}, {@code x-datadog-origin} and
 * {@code x-datadog-tags}, whose {@code _dd.p.tid} carries the upper 64 bits of a 128-bit trace id.
 *
 * <p>Stateless and thread-safe. Extraction never throws: a missing, malformed, zero or overflowing id gives
 * {@code null}; a malformed sampling priority or tag is left out and the context kept.
 *
 * <pre>{@code
 * TraceContext ctx = DatadogFormat.INSTANCE.extract(HeaderCarrier.of(Map.of(
 *     "x-datadog-trace-id", "1234", "x-datadog-parent-id", "5678", "x-datadog-sampling-priority", "1")));
 * }</pre>
 */
public final class DatadogFormat implements PropagationFormat {
    public static final DatadogFormat INSTANCE = new DatadogFormat();

    /** The header names, lowercase, as every Datadog tracer writes them. */
    public static final String TRACE_ID = "x-datadog-trace-id";
    public static final String PARENT_ID = "x-datadog-parent-id";
    public static final String SAMPLING_PRIORITY = "x-datadog-sampling-priority";
    public static final String ORIGIN = "x-datadog-origin";
    public static final String TAGS = "x-datadog-tags";

    private DatadogFormat() {
    }

    @Override
    public String name() {
        return "datadog";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        if (carrier == null) {
            return null;
        }
        // 0 stands for "absent or malformed" too: a zero id is invalid on the wire anyway.
        long traceIdLow = Ids.decimal(carrier.get(TRACE_ID));
        long parentId = Ids.decimal(carrier.get(PARENT_ID));
        if (traceIdLow == 0 || parentId == 0) {
            return null;
        }
        DatadogTags.Parsed tags = DatadogTags.parse(carrier.get(TAGS));
        String origin = carrier.get(ORIGIN);
        return TraceContext.builder()
                .traceId(tags.traceIdHigh(), traceIdLow)
                .parentId(parentId)
                .samplingPriority(parsePriority(carrier.get(SAMPLING_PRIORITY)))
                .origin(origin == null || origin.isEmpty() ? null : origin)
                .tags(tags.tags())
                .format(name())
                .build();
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(headers, "headers");
        headers.put(TRACE_ID, context.traceId());
        headers.put(PARENT_ID, context.parentIdDecimal());
        context.samplingPriority().ifPresent(p -> headers.put(SAMPLING_PRIORITY, Integer.toString(p)));
        context.origin().ifPresent(o -> headers.put(ORIGIN, o));
        String tags = DatadogTags.format(context.tags());
        if (tags != null) {
            headers.put(TAGS, tags);
        }
    }

    /**
     * A signed 32-bit decimal ({@code [+-]?[0-9]+}), or {@code null} when absent or malformed. Datadog's
     * tracer drops the whole context on a bad priority; the ids are still good, so here only the priority
     * is lost and the local sampler decides.
     */
    static Integer parsePriority(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length() || s.length() - start > 10) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }
}
