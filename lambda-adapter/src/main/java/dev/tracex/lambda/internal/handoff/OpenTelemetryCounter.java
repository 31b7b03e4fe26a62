package dev.tracex.lambda.internal.handoff;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.MeterProvider;

/**
 * {@code tracex.extractions} as an OpenTelemetry counter, attributes {@code tracex.rule} and {@code tracex.outcome},
 * on the meter provider of the function's OpenTelemetry: the SDK handed to tracex ({@code TracexOpenTelemetry.register}),
 * else the global one when something set it (the Java agent does at startup). Never {@code GlobalOpenTelemetry.get()}
 * when nothing set it: that would fix the global to a no-op the function could not replace. Loaded only with the
 * OpenTelemetry API present.
 */
final class OpenTelemetryCounter implements ExtractionMetrics.Sink {
    /** The counter and the provider it came from: the provider may be registered after cold start. */
    private record Bound(MeterProvider provider, LongCounter counter) {
    }

    private volatile Bound bound;

    @Override
    public void record(ExtractionOutcome outcome) {
        MeterProvider provider = OpenTelemetryInvocationSpan.registeredMeterProvider();
        if (provider == null) {
            if (!GlobalOpenTelemetry.isSet()) {
                return;
            }
            provider = GlobalOpenTelemetry.get().getMeterProvider();
        }
        Bound b = bound;
        if (b == null || b.provider() != provider) {
            LongCounter counter = provider.get(OpenTelemetryInvocationSpan.INSTRUMENTATION_SCOPE).counterBuilder(ExtractionMetrics.NAME)
                    .setDescription("Trace-context extractions by rule and outcome").setUnit("{extraction}").build();
            b = new Bound(provider, counter);
            bound = b;
        }
        b.counter().add(1, Attributes.of(ExtractionAttributes.RULE, outcome.rule(), ExtractionAttributes.OUTCOME, outcome.outcome()));
    }
}
