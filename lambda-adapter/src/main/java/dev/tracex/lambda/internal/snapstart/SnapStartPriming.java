package dev.tracex.lambda.internal.snapstart;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.invocation.EventExtraction;
import dev.tracex.lambda.internal.invocation.InvocationHandOff;
import dev.tracex.lambda.internal.logging.Log;
import dev.tracex.lambda.local.LocalContext;

/**
 * SnapStart priming, when {@code org.crac} is on the class path: registers a CRaC resource whose
 * {@code beforeCheckpoint} runs tracex's part of an invocation on a sample event ({@link #prime}), so the
 * snapshot holds warmed Jackson, JSONPath, (for a JS rule) GraalJS and hand-off code paths and a restored
 * function pays none of that on its first invocation. The function's own handler is not run: priming it is
 * the function's business. Without {@code org.crac} nothing happens.
 */
public final class SnapStartPriming {
    /**
     * A sample event with propagation headers in the places the built-in rules and most custom rules
     * read: {@code _datadog}, {@code headers}, and an SQS record's message attribute.
     */
    static final String SAMPLE_EVENT = "{\"_datadog\":{\"x-datadog-trace-id\":\"1\",\"x-datadog-parent-id\":\"2\","
            + "\"x-datadog-sampling-priority\":\"1\"},\"headers\":{\"traceparent\":"
            + "\"00-00000000000000000000000000000001-0000000000000002-01\"},"
            + "\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\",\"messageAttributes\":{\"_datadog\":"
            + "{\"stringValue\":\"{\\\"x-datadog-trace-id\\\":\\\"1\\\",\\\"x-datadog-parent-id\\\":\\\"2\\\"}\","
            + "\"dataType\":\"String\"}}}]}";

    /**
     * How many times priming runs the invocation path: enough for Lambda's {@code TieredStopAtLevel=1} JIT to
     * compile it (after one run the first invocation after restore still took 1.3 ms against 0.13 warm;
     * after 300, 0.8 ms against 0.07: {@code benchmarks/cold-start.sh}). Costs some 30 ms before the snapshot.
     */
    static final int RUNS = 300;

    private SnapStartPriming() {
    }

    /** Registers the priming resource if CRaC is present; returns it (to be held strongly) or {@code null}. */
    public static Object registerIfAvailable(Extractor extractor) {
        if (!OptionalLibraries.CRAC) {
            return null;
        }
        try {
            return CracPriming.register(extractor);
        } catch (RuntimeException | LinkageError e) {
            Log.warn("tracex: cannot register SnapStart priming: " + e);
            return null;
        }
    }

    /**
     * What {@code beforeCheckpoint} does, so a restored function's first invocation pays no first-run cost of
     * tracex's: compiles a fallback left for the first miss, runs it, then {@link #RUNS} times an invocation's
     * path on the sample event without the function's handler: the extraction as an invocation runs it, and
     * the hand-off opened and closed with the steps that stay on this thread ({@link InvocationHandOff#openForPriming}).
     */
    @SuppressWarnings("try") // the scope is used by being closed
    static void prime(Extractor extractor) {
        byte[] sample = SAMPLE_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (Extractor deferred : extractor.compileDeferred()) {
            deferred.extract(sample);
        }
        Context context = LocalContext.of("tracex-snapstart-priming");
        for (int i = 0; i < RUNS; i++) {
            Extraction found = EventExtraction.extract(extractor, sample, context);
            try (InvocationHandOff scope = InvocationHandOff.openForPriming(found, context)) {
                scope.lambdaContext().getClientContext();
            }
        }
    }
}
