package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;
import java.util.Objects;

/**
 * The single {@code b3} header: {@code {traceid}-{spanid}[-{sampling}[-{parentspanid}]]}, lowercase hex,
 * sampling {@code 1}, {@code 0} or {@code d} (debug, read as priority 2).
 *
 * <p>Stateless and thread-safe. Extraction never throws; a header with no ids (a lone {@code 0} deny or
 * {@code 1}), bad hex, a wrong length or a zero id gives {@code null}. The parent span id, when present, is
 * not read, as in OpenTelemetry: the context continues from the span id.
 *
 * <pre>{@code
 * TraceContext ctx = B3SingleFormat.INSTANCE.extract(HeaderCarrier.of(Map.of(
 *     "b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90")));
 * }</pre>
 */
public final class B3SingleFormat implements PropagationFormat {
    public static final B3SingleFormat INSTANCE = new B3SingleFormat();

    static final String HEADER = "b3";

    private B3SingleFormat() {
    }

    @Override
    public String name() {
        return "b3";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        if (carrier == null) {
            return null;
        }
        String value = carrier.get(HEADER);
        if (value == null) {
            return null;
        }
        int d1 = value.indexOf('-');
        if (d1 < 0) {
            // Only a sampling decision: nothing to continue.
            return null;
        }
        int d2 = value.indexOf('-', d1 + 1);
        Integer priority = null;
        if (d2 >= 0) {
            int d3 = value.indexOf('-', d2 + 1);
            if (d3 >= 0 && value.indexOf('-', d3 + 1) >= 0) {
                return null;
            }
            priority = B3.priority(value.substring(d2 + 1, d3 < 0 ? value.length() : d3), true);
        }
        String traceId = value.substring(0, d1);
        String spanId = value.substring(d1 + 1, d2 < 0 ? value.length() : d2);
        return B3.context(traceId, spanId, priority, name());
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(headers, "headers");
        StringBuilder sb = new StringBuilder(B3.traceIdHex(context)).append('-').append(context.parentIdHex());
        context.samplingPriority().ifPresent(p -> sb.append('-').append(B3.sampled(p)));
        headers.put(HEADER, sb.toString());
    }
}
