package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;

/**
 * One wire format of trace context headers. Implementations are stateless singletons.
 *
 * <p>{@link #extract} never throws: a missing, malformed or out-of-range header gives {@code null}, as
 * OpenTelemetry's propagators return the original context unaltered for what they cannot parse.
 */
public interface PropagationFormat {
    /** The name printed as a context's {@code format}: {@code datadog}, {@code tracecontext}, {@code b3}, {@code b3multi}, {@code xray}. */
    String name();

    /** The context in {@code carrier}, with {@link TraceContext#format()} set and no rule; {@code null} if none is valid. */
    TraceContext extract(HeaderCarrier carrier);

    /** Writes {@code context} as this format's headers (lowercase names) into {@code headers}. */
    void inject(TraceContext context, Map<String, String> headers);
}
