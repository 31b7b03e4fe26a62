package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code lambda-xray}: Lambda's own X-Ray header ({@code _X_AMZN_TRACE_ID},
 * {@code Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=0|1}) → Datadog headers as Datadog's Lambda
 * libraries convert it when merging X-Ray traces: trace id = the last 16 hex digits of {@code Root} with
 * bit 63 cleared, parent = {@code Parent}, priority 2 (user keep) when {@code Sampled=1}, else -1 (user
 * reject). Internal.
 */
final class LambdaXRayStep implements Step {
    private static final int USER_KEEP = 2;
    private static final int USER_REJECT = -1;

    @Override
    public String name() {
        return "lambda-xray";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (!in.isTextual()) {
            return null;
        }
        XRayHeader h = XRayHeader.parse(in.textValue());
        if (!h.hasWellFormedRoot()) {
            return null;
        }
        // Datadog's 64-bit ids were signed once; its libraries keep the low 63 bits of X-Ray's root.
        long traceId = h.rootLow64() & Long.MAX_VALUE;
        long parentId = h.parentId();
        if (traceId == 0 || parentId == 0) {
            return null;
        }
        return DatadogHeaders.of(traceId, parentId, "1".equals(h.sampled()) ? USER_KEEP : USER_REJECT);
    }
}
