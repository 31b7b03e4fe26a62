package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Hex;

/**
 * What the two B3 encodings share: ids as lowercase hex (trace id 16 or 32 digits, span id 16) and the
 * sampling state.
 *
 * <p>Hex case: the B3 specification says "lower-hex" and OpenTelemetry's {@code B3Propagator} rejects
 * uppercase digits, while Datadog's codec parses either case. This follows OpenTelemetry and the spec, so
 * a header that one strict reader in the path would drop is not silently continued here.
 */
final class B3 {
    private B3() {
    }

    /**
     * The context for these id fields (whole strings), or {@code null} when either is malformed or zero.
     * A 16-digit trace id is a 64-bit one: the upper bits are 0.
     */
    static TraceContext context(String traceId, String spanId, Integer priority, String format) {
        if (traceId == null || spanId == null) {
            return null;
        }
        int n = traceId.length();
        if ((n != 16 && n != 32) || !Hex.isHex(traceId, true)
                || spanId.length() != 16 || !Hex.isHex(spanId, true)) {
            return null;
        }
        long high = n == 32 ? Hex.parse(traceId, 0, 16, true) : 0;
        long low = Hex.parse(traceId, n - 16, 16, true);
        TraceContext.Builder b = TraceContext.builder()
                .traceId(high, low)
                .parentId(Hex.parse(spanId, 0, 16, true))
                .samplingPriority(priority)
                .sampledFlag(priority == null ? null : priority > 0)
                .format(format);
        return b.isValid() ? b.build() : null;
    }

    /**
     * Priority for a sampling state: {@code d} (debug, single header only) 2, {@code 1} or {@code true} 1,
     * anything else 0, as both OpenTelemetry and Datadog read an unknown state as "not sampled".
     */
    static int priority(String sampled, boolean debugAllowed) {
        if (debugAllowed && sampled.equals("d")) {
            return 2;
        }
        return sampled.equals("1") || sampled.equalsIgnoreCase("true") ? 1 : 0;
    }

    /** The trace id as B3 writes it: 16 digits for a 64-bit id, so it reads back unchanged, else 32. */
    static String traceIdHex(TraceContext context) {
        return context.traceIdHigh() == 0 ? Hex.of64(context.traceIdLow()) : context.traceIdHex();
    }

    /**
     * Datadog writes {@code 1} for any keep and {@code 0} for any drop; user keep (2) is not B3's debug,
     * which also asks collectors to bypass their own sampling.
     */
    static String sampled(int priority) {
        return priority > 0 ? "1" : "0";
    }
}
