package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.TraceContext;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Scope;

import java.util.Map;

/**
 * Hands the parent's W3C baggage to OpenTelemetry's {@link Baggage}: the entries are added to the
 * current baggage (an entry of the same key already there is replaced, as OpenTelemetry's W3C baggage
 * propagator does on extraction) for the duration of the handler call. Loaded only when
 * {@link OptionalLibraries#OPENTELEMETRY} says the API is there.
 */
public final class BaggageHandOff {
    private BaggageHandOff() {
    }

    /** Makes the baggage with {@code parent}'s entries current until the scope is closed; nothing when it has none. */
    public static AutoCloseable makeCurrent(TraceContext parent) {
        if (parent.baggage().isEmpty()) {
            return () -> { };
        }
        BaggageBuilder b = Baggage.current().toBuilder();
        for (Map.Entry<String, String> e : parent.baggage().entrySet()) {
            b.put(e.getKey(), e.getValue());
        }
        Scope scope = b.build().makeCurrent();
        return scope::close;
    }
}
