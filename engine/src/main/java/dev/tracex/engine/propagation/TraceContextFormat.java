package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;

/** PLACEHOLDER: implemented by the propagation-formats work. */
public final class TraceContextFormat implements PropagationFormat {
    public static final TraceContextFormat INSTANCE = new TraceContextFormat();

    private TraceContextFormat() {
    }

    @Override
    public String name() {
        return "tracecontext";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        return null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
    }
}
