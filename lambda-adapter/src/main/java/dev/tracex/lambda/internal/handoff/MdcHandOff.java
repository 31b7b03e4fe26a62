package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.TraceContext;
import org.slf4j.MDC;

/**
 * The only class that touches SLF4J: puts {@code dd.trace_id} and {@code dd.span_id} into the MDC for
 * the call and puts back what was there before. Loaded only when {@link OptionalLibraries#SLF4J}.
 *
 * <p>{@code dd.trace_id} is the decimal lower 64 bits for a 64-bit trace id and the 32-hex id when the
 * upper 64 bits are set, as Datadog's tracers write it for log correlation; {@code dd.span_id} is the
 * parent span id in decimal.
 */
public final class MdcHandOff {
    static final String TRACE_ID = "dd.trace_id";
    static final String SPAN_ID = "dd.span_id";

    private MdcHandOff() {
    }

    public static AutoCloseable put(TraceContext c) {
        String previousTrace = MDC.get(TRACE_ID);
        String previousSpan = MDC.get(SPAN_ID);
        MDC.put(TRACE_ID, c.traceIdHigh() == 0 ? c.traceId() : c.traceIdHex());
        MDC.put(SPAN_ID, c.parentIdDecimal());
        return () -> {
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        };
    }

    /** This thread's MDC, to carry to another thread ({@link #replace}); {@code null} when empty. */
    public static java.util.Map<String, String> copy() {
        return MDC.getCopyOfContextMap();
    }

    /** Makes {@code values} this thread's whole MDC until the returned undo runs, which puts back what was there. */
    public static AutoCloseable replace(java.util.Map<String, String> values) {
        java.util.Map<String, String> previous = MDC.getCopyOfContextMap();
        if (values == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(values);
        }
        return () -> {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
