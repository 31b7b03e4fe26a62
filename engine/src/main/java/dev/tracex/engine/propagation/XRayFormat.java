package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.Map;

/** PLACEHOLDER: implemented by the propagation-formats work. */
public final class XRayFormat implements PropagationFormat {
    public static final XRayFormat INSTANCE = new XRayFormat();

    private XRayFormat() {
    }

    @Override
    public String name() {
        return "xray";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        return null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
    }
}
