package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;

/** PLACEHOLDER: implemented by the propagation-formats work. */
public final class B3MultiFormat implements PropagationFormat {
    public static final B3MultiFormat INSTANCE = new B3MultiFormat();

    private B3MultiFormat() {
    }

    @Override
    public String name() {
        return "b3multi";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        return null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
    }
}
