package dev.tracex.lambda.internal.coldstart;

import dev.tracex.engine.Extractor;
import dev.tracex.lambda.internal.logging.Log;
import dev.tracex.lambda.internal.snapstart.SnapStartPriming;

/**
 * The function's extractor, resolved from the environment once, when this class is initialised: at cold
 * start (the first wrapper or {@code TracexLambda} call, or the handler's construction), never per event.
 * See {@link ColdStart} for what happens to a configuration problem.
 */
public final class ExtractorHolder {
    public static final Extractor EXTRACTOR = ColdStart.resolve(System.getenv(), classLoader(), Log::warn);

    /** Kept here because CRaC holds registered resources weakly. */
    public static final Object PRIMING = SnapStartPriming.registerIfAvailable(EXTRACTOR);

    private ExtractorHolder() {
    }

    /**
     * Where rules files on the class path are looked up: the thread's context class loader, which the
     * Lambda runtime sets to the function's own, else the adapter's.
     */
    public static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ExtractorHolder.class.getClassLoader();
    }
}
