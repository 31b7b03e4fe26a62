package dev.tracex.lambda;

import dev.tracex.engine.Extractor;

/**
 * SnapStart priming, when {@code org.crac} is on the class path: registers a CRaC resource whose
 * {@code beforeCheckpoint} runs the selected extractor once on a sample event, so the snapshot holds
 * warmed Jackson, JSONPath and (for a JS rule) GraalJS code paths and a restored function pays none of
 * that on its first invocation. Without {@code org.crac} nothing happens.
 */
final class SnapStartPriming {
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

    private SnapStartPriming() {
    }

    /** Registers the priming resource if CRaC is present; returns it (to be held strongly) or {@code null}. */
    static Object registerIfAvailable(Extractor extractor) {
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

    /** Runs the extractor on the sample event; what {@code beforeCheckpoint} does. */
    static void prime(Extractor extractor) {
        extractor.extract(SAMPLE_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
