package dev.tracex.lambda.internal.handoff;

import dev.tracex.lambda.internal.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The count of extractions by rule and outcome ({@code tracex.extractions}), sent where {@value #ENV} says, a
 * comma-separated list: {@code otel} (the default: a counter on the function's OpenTelemetry meter provider, when
 * it has one), {@code dogstatsd} (a UDP line to the Datadog extension, {@link DogStatsdCounter}), {@code emf} (one
 * CloudWatch Embedded Metric Format document per invocation on the runtime's log stream, {@link EmfCounter}),
 * {@code none}. Recording never blocks and never fails the invocation: a sink that throws is turned off after one
 * warning. Thread-safe.
 */
public final class ExtractionMetrics {
    public static final String ENV = "TRACEX_METRICS";
    /** The counter's name, the same in every sink. */
    public static final String NAME = "tracex.extractions";

    /** One destination of the count. */
    interface Sink {
        void record(ExtractionOutcome outcome);
    }

    private final Sink[] sinks;
    private final String[] names;
    private final boolean[] off;

    private ExtractionMetrics(List<Sink> sinks, List<String> names) {
        this.sinks = sinks.toArray(new Sink[0]);
        this.names = names.toArray(new String[0]);
        this.off = new boolean[this.sinks.length];
    }

    /** Metrics over {@code sinks}, named {@code names} in warnings: for tests. */
    static ExtractionMetrics of(List<Sink> sinks, List<String> names) {
        return new ExtractionMetrics(sinks, names);
    }

    /** The metrics {@code env} asks for; an unknown name is one warning and skipped. */
    public static ExtractionMetrics fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        List<Sink> sinks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String raw : (value == null || value.isBlank() ? "otel" : value).split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("none") || names.contains(name)) {
                continue;
            }
            Sink sink = switch (name) {
                case "otel" -> OptionalLibraries.OPENTELEMETRY ? new OpenTelemetryCounter() : null;
                case "dogstatsd" -> DogStatsdCounter.fromEnvironment(env);
                case "emf" -> new EmfCounter(EmfCounter.RUNTIME_LOG);
                default -> {
                    Log.warn("tracex: " + ENV + ": unknown metrics \"" + raw.trim() + "\" skipped (known: otel, dogstatsd, emf, none)");
                    yield null;
                }
            };
            if (sink != null) {
                sinks.add(sink);
                names.add(name);
            }
        }
        return new ExtractionMetrics(sinks, names);
    }

    /** The process's metrics, from its environment, made at the first invocation. */
    public static ExtractionMetrics process() {
        return Process.METRICS;
    }

    private static final class Process {
        static final ExtractionMetrics METRICS = fromEnvironment(System.getenv());
    }

    /** Whether any sink is on: without one, the invocation builds no outcome for metrics. */
    public boolean active() {
        return sinks.length > 0;
    }

    /** Counts {@code outcome} in every sink. Never throws. */
    public void record(ExtractionOutcome outcome) {
        for (int i = 0; i < sinks.length; i++) {
            if (off[i]) {
                continue;
            }
            try {
                sinks[i].record(outcome);
            } catch (RuntimeException | LinkageError e) {
                off[i] = true; // racy on purpose: at worst a second warning, never a lock on the invocation's path
                Log.warn("tracex: " + ENV + ": " + names[i] + " metrics failed and are off for this process: " + e);
            }
        }
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
