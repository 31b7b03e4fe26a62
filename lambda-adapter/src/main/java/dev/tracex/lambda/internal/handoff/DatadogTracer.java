package dev.tracex.lambda.internal.handoff;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * dd-trace-java as the function sees it: whether one of its spans is active on the calling thread.
 *
 * <p>Read reflectively from {@code datadog.trace.api.CorrelationIdentifier.getSpanId()} (the value
 * dd-trace-java puts in log lines as {@code dd.span_id}; {@code "0"} when no span is active). The agent
 * appends that class to the bootstrap class path, so every class loader sees it when the agent runs,
 * and the adapter needs no {@code dd-trace-api} dependency (a function that bundles {@code dd-trace-api}
 * without the agent gets its no-op tracer, which also answers {@code "0"}). Never throws.
 */
public final class DatadogTracer {
    private static final MethodHandle SPAN_ID = spanIdHandle();

    private DatadogTracer() {
    }

    /** Whether dd-trace-java is attached (its API class is loadable). */
    static boolean present() {
        return SPAN_ID != null;
    }

    /** Whether a dd-trace-java span is active on this thread (its Lambda integration's, or one tracex started). */
    public static boolean spanActive() {
        if (SPAN_ID == null) {
            return false;
        }
        try {
            String id = (String) SPAN_ID.invokeExact();
            return id != null && !id.isEmpty() && !"0".equals(id);
        } catch (Throwable e) { // the tracer's own failure must not reach the function
            return false;
        }
    }

    private static MethodHandle spanIdHandle() {
        try {
            Class<?> c = Class.forName("datadog.trace.api.CorrelationIdentifier", true, DatadogTracer.class.getClassLoader());
            return MethodHandles.publicLookup().findStatic(c, "getSpanId", MethodType.methodType(String.class));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
