package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Hex;

import java.util.Map;
import java.util.Objects;

/**
 * W3C Trace Context: {@code traceparent} ({@code version-traceid-parentid-flags}, lowercase hex) and
 * {@code tracestate}, whose {@code dd=} member carries Datadog's sampling priority, origin and tags.
 *
 * <p>Stateless and thread-safe. Extraction follows the spec's parsing rules: version {@code ff}, a wrong
 * length, uppercase or non-hex digits and all-zero ids give {@code null}; a version above {@code 00} may
 * carry more fields after a {@code -}. The raw {@code tracestate} is kept on the context so other vendors'
 * members travel on. Never throws.
 *
 * <pre>{@code
 * TraceContext ctx = TraceContextFormat.INSTANCE.extract(HeaderCarrier.of(Map.of(
 *     "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
 *     "tracestate", "dd=s:2;o:rum,congo=t61rcWkgMzE")));
 * }</pre>
 */
public final class TraceContextFormat implements PropagationFormat {
    public static final TraceContextFormat INSTANCE = new TraceContextFormat();

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    // Offsets in "vv-<32 hex trace id>-<16 hex parent id>-ff".
    private static final int TRACE_ID_START = 3;
    private static final int PARENT_ID_START = 36;
    private static final int FLAGS_START = 53;
    private static final int LENGTH_V00 = 55;
    private static final int SAMPLED_BIT = 0x01;

    private TraceContextFormat() {
    }

    @Override
    public String name() {
        return "tracecontext";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        if (carrier == null) {
            return null;
        }
        String raw = carrier.get(TRACEPARENT);
        if (raw == null) {
            return null;
        }
        String tp = DatadogTracestate.trimOws(raw);
        if (!isWellFormed(tp)) {
            return null;
        }
        long high = Hex.parse(tp, TRACE_ID_START, 16, true);
        long low = Hex.parse(tp, TRACE_ID_START + 16, 16, true);
        long parentId = Hex.parse(tp, PARENT_ID_START, 16, true);
        boolean sampled = (Hex.parse(tp, FLAGS_START, 2, true) & SAMPLED_BIT) != 0;

        String tracestate = carrier.get(TRACESTATE);
        tracestate = tracestate == null ? null : DatadogTracestate.trimOws(tracestate);
        if (tracestate != null && tracestate.isEmpty()) {
            tracestate = null;
        }
        DatadogTracestate.Member dd = DatadogTracestate.parse(tracestate);

        TraceContext.Builder b = TraceContext.builder()
                .traceId(high, low)
                .parentId(parentId)
                .sampledFlag(sampled)
                .samplingPriority(priority(sampled, dd.priority()))
                .origin(dd.origin())
                .tags(dd.tags())
                .tracestate(tracestate)
                .format(name());
        return b.isValid() ? b.build() : null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(headers, "headers");
        headers.put(TRACEPARENT, context.traceparent());
        headers.put(TRACESTATE, DatadogTracestate.inject(context));
    }

    /**
     * Datadog's reconciliation of the flag and the {@code s:} priority: the flag is the decision every
     * W3C hop can see, so a priority that contradicts it (or none) is replaced by the plain keep/drop; a
     * priority that agrees is kept for its detail (user keep, user reject).
     */
    static int priority(boolean sampled, Integer fromTracestate) {
        if (sampled && (fromTracestate == null || fromTracestate <= 0)) {
            return 1;
        }
        if (!sampled && (fromTracestate == null || fromTracestate > 0)) {
            return 0;
        }
        return fromTracestate;
    }

    /** The spec's version, length, delimiter and digit rules; zero ids are left to the builder. */
    private static boolean isWellFormed(String tp) {
        if (tp.length() < LENGTH_V00 || !Hex.isHex(tp, 0, 2, true)) {
            return false;
        }
        String version = tp.substring(0, 2);
        if (version.equals("ff")) {
            return false;
        }
        if (tp.length() > LENGTH_V00 && (version.equals("00") || tp.charAt(LENGTH_V00) != '-')) {
            // Version 00 has exactly four fields; later versions may append fields, after a '-'.
            return false;
        }
        return tp.charAt(2) == '-'
                && tp.charAt(PARENT_ID_START - 1) == '-'
                && tp.charAt(FLAGS_START - 1) == '-'
                && Hex.isHex(tp, TRACE_ID_START, 32, true)
                && Hex.isHex(tp, PARENT_ID_START, 16, true)
                && Hex.isHex(tp, FLAGS_START, 2, true);
    }
}
