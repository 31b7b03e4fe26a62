package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.List;
import java.util.Map;

/**
 * The propagation headers tracex writes for a context it hands on (the public accessors, {@code TraceHeaders},
 * the Datadog extension's start-invocation): Datadog's, then W3C {@code traceparent}/{@code tracestate}, so
 * any tracer downstream finds a format it reads.
 */
public final class HeaderStyles {
    public static final List<PropagationStyle> STYLES = List.of(PropagationStyle.DATADOG, PropagationStyle.TRACECONTEXT);

    private HeaderStyles() {
    }

    /** {@code context} as those headers, in a new mutable map. */
    public static Map<String, String> inject(TraceContext context) {
        return PropagationStyle.inject(context, STYLES);
    }
}
