package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code aws-trace-header}: an X-Ray header in the form Datadog's tracers write into SQS's
 * {@code AWSTraceHeader} ({@code Root=1-<8 hex>-00000000<16 hex trace id>;Parent=<16 hex>;Sampled=0|1})
 * → Datadog headers: the trace id is the 16 hex digits after the eight zeros, the parent {@code Parent},
 * the priority the {@code Sampled} digit. A root without the eight zeros was written by X-Ray itself or
 * another tracer, not by Datadog, and gives nothing, as in Datadog's Lambda libraries. Internal.
 */
final class AwsTraceHeaderStep implements Step {
    /** Where a 64-bit Datadog id sits in a 24-digit X-Ray root: after eight zero digits. */
    private static final String PADDING = "00000000";

    @Override
    public String name() {
        return "aws-trace-header";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (!in.isTextual()) {
            return null;
        }
        XRayHeader h = XRayHeader.parse(in.textValue());
        if (!h.hasWellFormedRoot() || !h.root().startsWith(PADDING, 11)) {
            return null;
        }
        long traceId = h.rootLow64();
        long parentId = h.parentId();
        if (traceId == 0 || parentId == 0) {
            return null;
        }
        Integer priority = "1".equals(h.sampled()) ? Integer.valueOf(1) : "0".equals(h.sampled()) ? Integer.valueOf(0) : null;
        return DatadogHeaders.of(traceId, parentId, priority);
    }
}
