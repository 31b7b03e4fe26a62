package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;
import java.util.Objects;

/**
 * B3 multiple headers: {@code x-b3-traceid} (16 or 32 lowercase hex), {@code x-b3-spanid} (16),
 * {@code x-b3-sampled} ({@code 1}/{@code true} keep, {@code 0}/{@code false} drop) and {@code x-b3-flags}
 * ({@code 1} is debug, read as priority 2 whatever {@code x-b3-sampled} says).
 *
 * <p>Stateless and thread-safe. Extraction never throws; missing or malformed ids give {@code null}, an
 * absent {@code x-b3-sampled} leaves the priority absent (the receiver decides, as B3 specifies).
 *
 * <pre>{@code
 * TraceContext ctx = B3MultiFormat.INSTANCE.extract(HeaderCarrier.of(Map.of(
 *     "x-b3-traceid", "463ac35c9f6413ad48485a3953bb6124", "x-b3-spanid", "a2fb4a1d1a96d312", "x-b3-sampled", "1")));
 * }</pre>
 */
public final class B3MultiFormat implements PropagationFormat {
    public static final B3MultiFormat INSTANCE = new B3MultiFormat();

    static final String TRACE_ID = "x-b3-traceid";
    static final String SPAN_ID = "x-b3-spanid";
    static final String SAMPLED = "x-b3-sampled";
    static final String FLAGS = "x-b3-flags";

    private B3MultiFormat() {
    }

    @Override
    public String name() {
        return "b3multi";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        if (carrier == null) {
            return null;
        }
        Integer priority = null;
        if ("1".equals(carrier.get(FLAGS))) {
            priority = 2;
        } else {
            String sampled = carrier.get(SAMPLED);
            if (sampled != null) {
                priority = B3.priority(sampled, false);
            }
        }
        return B3.context(carrier.get(TRACE_ID), carrier.get(SPAN_ID), priority, name());
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(headers, "headers");
        headers.put(TRACE_ID, B3.traceIdHex(context));
        headers.put(SPAN_ID, context.parentIdHex());
        context.samplingPriority().ifPresent(p -> headers.put(SAMPLED, B3.sampled(p)));
    }
}
