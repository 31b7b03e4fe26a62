package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;

/** PLACEHOLDER: implemented by the propagation-formats work. */
public final class B3SingleFormat implements PropagationFormat {
    public static final B3SingleFormat INSTANCE = new B3SingleFormat();

    private B3SingleFormat() {
    }

    @Override
    public String name() {
        return "b3";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        return null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
    }
}
