package dev.tracex.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The propagation styles a function's tracer is configured to extract, read from the variables users already
 * set for it, so that tracex reads what their tracer would read. The first of these that is set (and names a
 * style tracex knows) decides:
 * <ol>
 *   <li>{@code DD_TRACE_PROPAGATION_STYLE_EXTRACT}, then {@code DD_TRACE_PROPAGATION_STYLE} (Datadog's names, as
 *       dd-trace-java's {@code TracePropagationStyle.valueOfDisplayName} reads them: {@code datadog},
 *       {@code tracecontext}, {@code b3multi} and its older name {@code b3}, {@code b3single} and
 *       {@code b3 single header}, {@code xray}, {@code baggage}, {@code none});</li>
 *   <li>{@code OTEL_PROPAGATORS} (OpenTelemetry's names: {@code tracecontext}, {@code baggage}, {@code b3} and
 *       {@code b3multi}, whose propagator extracts either B3 form, {@code xray} and {@code xray-lambda},
 *       {@code none});</li>
 *   <li>else {@link #DEFAULT}: the order of {@code PropagationStyle.DEFAULTS}, baggage kept.</li>
 * </ol>
 * Each has a system property too ({@code dd.trace.propagation.style.extract}, {@code dd.trace.propagation.style},
 * {@code otel.propagators}), which wins over its variable, as in both tracers (dd-trace-java's {@code Config} and
 * OpenTelemetry's {@code DefaultConfigProperties} read each key from the system properties first); the order above
 * holds between keys, so {@code DD_TRACE_PROPAGATION_STYLE_EXTRACT} still wins over {@code -Ddd.trace.propagation.style}.
 * They apply to rules that declare no {@code styles:}, the built-ins' included; a rule's own {@code styles:}
 * wins. A style a tracer knows but tracex does not read ({@code haystack}, {@code jaeger}, {@code ottrace}) is
 * reported in {@link #problems()} and skipped. Immutable; equal settings compile to the same rules.
 *
 * <pre>{@code
 * PropagationSettings settings = PropagationSettings.fromEnvironment(System.getenv(), System.getProperties());
 * Extractors builtins = Extractors.builtins(settings);
 * }</pre>
 */
public final class PropagationSettings {
    public static final String DD_EXTRACT = "DD_TRACE_PROPAGATION_STYLE_EXTRACT";
    public static final String DD_STYLE = "DD_TRACE_PROPAGATION_STYLE";
    public static final String OTEL_PROPAGATORS = "OTEL_PROPAGATORS";
    public static final String DD_EXTRACT_PROPERTY = "dd.trace.propagation.style.extract";
    public static final String DD_STYLE_PROPERTY = "dd.trace.propagation.style";
    public static final String OTEL_PROPAGATORS_PROPERTY = "otel.propagators";

    // The formats' names, as their codecs in dev.tracex.engine.propagation carry them.
    private static final String DATADOG = "datadog";
    private static final String TRACECONTEXT = "tracecontext";
    private static final String B3_SINGLE = "b3";
    private static final String B3_MULTI = "b3multi";
    private static final String XRAY = "xray";

    /** What tracex reads when none of the variables is set: every style, in {@code PropagationStyle.DEFAULTS}' order, and baggage. */
    public static final PropagationSettings DEFAULT = new PropagationSettings(
            List.of(DATADOG, TRACECONTEXT, B3_SINGLE, B3_MULTI, XRAY), true, null, null, List.of());

    private final List<String> styles;
    private final boolean baggage;
    private final String variable;
    private final String value;
    private final List<String> problems;

    private PropagationSettings(List<String> styles, boolean baggage, String variable, String value, List<String> problems) {
        this.styles = List.copyOf(styles);
        this.baggage = baggage;
        this.variable = variable;
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    /** The settings {@code env} gives, in the precedence above, with no system properties. */
    public static PropagationSettings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, new Properties());
    }

    /** The settings {@code env} and {@code properties} give, in the precedence above, a property over its variable. */
    public static PropagationSettings fromEnvironment(Map<String, String> env, Properties properties) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(properties, "properties");
        List<String> problems = new ArrayList<>();
        PropagationSettings s = read(DD_EXTRACT_PROPERTY, properties.getProperty(DD_EXTRACT_PROPERTY),
                DD_EXTRACT, env.get(DD_EXTRACT), false, problems);
        if (s == null) {
            s = read(DD_STYLE_PROPERTY, properties.getProperty(DD_STYLE_PROPERTY), DD_STYLE, env.get(DD_STYLE), false, problems);
        }
        if (s == null) {
            s = read(OTEL_PROPAGATORS_PROPERTY, properties.getProperty(OTEL_PROPAGATORS_PROPERTY),
                    OTEL_PROPAGATORS, env.get(OTEL_PROPAGATORS), true, problems);
        }
        if (s == null) {
            return problems.isEmpty() ? DEFAULT : new PropagationSettings(DEFAULT.styles, true, null, null, problems);
        }
        return problems.isEmpty() ? s : new PropagationSettings(s.styles, s.baggage, s.variable, s.value, problems);
    }

    /** One setting: its system property when set (not blank), else its environment variable. */
    private static PropagationSettings read(String property, String propertyValue, String variable, String variableValue,
                                            boolean otel, List<String> problems) {
        return propertyValue != null && !propertyValue.isBlank()
                ? parse(property, propertyValue, otel, problems)
                : parse(variable, variableValue, otel, problems);
    }

    /** The settings {@code value} of {@code variable} gives, or {@code null} when it is unset or names nothing tracex knows. */
    private static PropagationSettings parse(String variable, String value, boolean otel, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> styles = new ArrayList<>();
        boolean baggage = false;
        boolean known = false;
        for (String raw : value.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            List<String> mapped = otel ? otelName(name) : datadogName(name);
            if (mapped != null) {
                for (String m : mapped) {
                    if (!styles.contains(m)) {
                        styles.add(m);
                    }
                }
                known = true;
            } else if (name.equals("baggage")) {
                baggage = true;
                known = true;
            } else if (name.equals("none")) {
                known = true;
            } else {
                problems.add(variable + ": \"" + raw.trim() + "\" is not a style tracex reads, skipped (known: "
                        + (otel ? "tracecontext, baggage, b3, b3multi, xray, xray-lambda, none"
                        : "datadog, tracecontext, b3multi, b3, b3single, b3 single header, xray, baggage, none") + ")");
            }
        }
        if (!known) {
            return null;
        }
        // "none" alone turns extraction off; beside other names, both tracers ignore it: the list is the other names.
        return new PropagationSettings(styles, baggage, variable, value.trim(), List.of());
    }

    private static List<String> datadogName(String name) {
        return switch (name) {
            case "datadog" -> List.of(DATADOG);
            case "tracecontext" -> List.of(TRACECONTEXT);
            // dd-trace-java: "b3" is B3MULTI, "b3 single header" B3SINGLE (TracePropagationStyle.valueOfDisplayName).
            case "b3multi", "b3" -> List.of(B3_MULTI);
            case "b3single", "b3 single header", "b3_single_header" -> List.of(B3_SINGLE);
            case "xray" -> List.of(XRAY);
            default -> null;
        };
    }

    private static List<String> otelName(String name) {
        return switch (name) {
            case "tracecontext" -> List.of(TRACECONTEXT);
            // OpenTelemetry's B3Propagator extracts the single header, then the multiple ones, whichever it injects.
            case "b3", "b3multi" -> List.of(B3_SINGLE, B3_MULTI);
            // xray-lambda is xray that also reads Lambda's own header, which tracex reads only through xray_env.
            case "xray", "xray-lambda" -> List.of(XRAY);
            default -> null;
        };
    }

    /**
     * The formats tried, in order, by rules that declare no {@code styles:}, by the names their codecs carry
     * ({@code datadog}, {@code tracecontext}, {@code b3} for the single header, {@code b3multi}, {@code xray});
     * empty for {@code none}.
     */
    public List<String> styles() {
        return styles;
    }

    /** Whether a {@code baggage} header beside the ids is kept on the context. */
    public boolean baggage() {
        return baggage;
    }

    /** The variable or system property that chose the styles, or empty when none did ({@link #DEFAULT}). */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    /** Names in the variables that tracex skipped, one message each, for a warning at cold start. */
    public List<String> problems() {
        return problems;
    }

    /**
     * One line saying which styles are read and which setting chose them, e.g.
     * {@code styles datadog, tracecontext, baggage (from DD_TRACE_PROPAGATION_STYLE=datadog,tracecontext,baggage)}.
     */
    public String describe() {
        String names = styles.isEmpty() && !baggage ? "none"
                : String.join(", ", styles)
                + (baggage ? (styles.isEmpty() ? "" : ", ") + "baggage" : "");
        return "styles " + names + (variable == null
                ? " (tracex's default: " + DD_EXTRACT + ", " + DD_STYLE + " and " + OTEL_PROPAGATORS + " unset)"
                : " (from " + variable + "=" + value + ")");
    }

    /** Equal when they read the same: the same styles in the same order, and baggage or not. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PropagationSettings p && p.styles.equals(styles) && p.baggage == baggage;
    }

    @Override
    public int hashCode() {
        return styles.hashCode() * 31 + Boolean.hashCode(baggage);
    }

    @Override
    public String toString() {
        return describe();
    }
}
