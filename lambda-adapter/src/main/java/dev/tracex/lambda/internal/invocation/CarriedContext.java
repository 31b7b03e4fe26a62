package dev.tracex.lambda.internal.invocation;

import dev.tracex.engine.Extraction;
import dev.tracex.lambda.internal.handoff.MdcHandOff;
import dev.tracex.lambda.internal.handoff.OpenTelemetryHandOff;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a task takes from the thread that submits it to the thread that runs it: tracex's current extraction
 * (so {@code TracexLambda.current()} and record matching work there), the OpenTelemetry context, the MDC.
 * Captured once at submission; installed around the task and undone after it, so nothing stays on a pooled
 * thread for the next task.
 */
public final class CarriedContext {
    private final Extraction tracex;
    private final Object openTelemetry;
    private final Map<String, String> mdc;

    private CarriedContext(Extraction tracex, Object openTelemetry, Map<String, String> mdc) {
        this.tracex = tracex;
        this.openTelemetry = openTelemetry;
        this.mdc = mdc;
    }

    public static CarriedContext capture() {
        Object otel = null;
        if (OptionalLibraries.OPENTELEMETRY) {
            try {
                otel = OpenTelemetryHandOff.captureContext();
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot capture the OpenTelemetry context for another thread: " + e);
            }
        }
        Map<String, String> mdc = null;
        if (OptionalLibraries.SLF4J) {
            try {
                mdc = MdcHandOff.copy();
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot capture the SLF4J MDC for another thread: " + e);
            }
        }
        return new CarriedContext(InvocationHandOff.openOrNull(), otel, mdc);
    }

    /** Installs the captured context on this thread; the result puts back what was there. Never throws. */
    AutoCloseable install() {
        Extraction previous = InvocationHandOff.swap(tracex);
        List<AutoCloseable> undo = new ArrayList<>(2);
        if (openTelemetry != null) {
            try {
                undo.add(OpenTelemetryHandOff.attach(openTelemetry));
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot attach the OpenTelemetry context on this thread: " + e);
            }
        }
        if (OptionalLibraries.SLF4J) {
            try {
                undo.add(MdcHandOff.replace(mdc));
            } catch (RuntimeException | LinkageError e) {
                Log.warn("tracex: cannot set the SLF4J MDC on this thread: " + e);
            }
        }
        return () -> {
            Undo.inReverse(undo, "the carried context");
            InvocationHandOff.swap(previous);
        };
    }

    public void run(Runnable task) {
        AutoCloseable undo = install();
        try {
            task.run();
        } finally {
            close(undo);
        }
    }

    public <V> V call(java.util.concurrent.Callable<V> task) throws Exception {
        AutoCloseable undo = install();
        try {
            return task.call();
        } finally {
            close(undo);
        }
    }

    private static void close(AutoCloseable undo) {
        try {
            undo.close();
        } catch (Exception e) {
            Log.warn("tracex: cannot undo the carried context: " + e);
        }
    }
}
