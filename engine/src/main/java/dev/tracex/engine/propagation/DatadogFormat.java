package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;

/** PLACEHOLDER: implemented by the propagation-formats work. */
public final class DatadogFormat implements PropagationFormat {
    public static final DatadogFormat INSTANCE = new DatadogFormat();

    private DatadogFormat() {
    }

    @Override
    public String name() {
        return "datadog";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        return null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
    }
}
