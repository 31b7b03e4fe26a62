package dev.tracex.engine.propagation;

import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.TraceContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The propagation styles a {@code headers:} rule may read, named as in Datadog's
 * {@code DD_TRACE_PROPAGATION_STYLE}: {@code datadog}, {@code tracecontext}, {@code b3} (single header,
 * then multi), {@code b3multi}, {@code b3 single header}, {@code xray}.
 */
public enum PropagationStyle {
    DATADOG(DatadogFormat.INSTANCE),
    TRACECONTEXT(TraceContextFormat.INSTANCE),
    B3_SINGLE(B3SingleFormat.INSTANCE),
    B3_MULTI(B3MultiFormat.INSTANCE),
    XRAY(XRayFormat.INSTANCE);

    /** The default order: Datadog, W3C, B3 (single, then multi), X-Ray. */
    public static final List<PropagationStyle> DEFAULTS = List.of(DATADOG, TRACECONTEXT, B3_SINGLE, B3_MULTI, XRAY);

    private static final Map<String, List<PropagationStyle>> BY_NAME = byName();

    private final PropagationFormat format;

    PropagationStyle(PropagationFormat format) {
        this.format = format;
    }

    public PropagationFormat format() {
        return format;
    }

    /** The styles a configuration name stands for ({@code b3} is both B3 forms), or empty if unknown. */
    public static Optional<List<PropagationStyle>> parse(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every accepted style name, for error messages. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The first context that {@code styles}, in order, find in {@code carrier}, or empty. When Datadog
     * headers win and a valid {@code traceparent} carries the same trace id, its {@code tracestate} is
     * kept, so vendors' entries travel on. A {@code baggage} header beside them is kept on the context
     * ({@link W3CBaggage}), whichever style found the ids.
     */
    public static Optional<TraceContext> extract(HeaderCarrier carrier, List<PropagationStyle> styles) {
        return extract(carrier, styles, null);
    }

    /** As {@link #extract(HeaderCarrier, List)}, writing each format tried, and why it found nothing, into {@code trace} if not null. */
    public static Optional<TraceContext> extract(HeaderCarrier carrier, List<PropagationStyle> styles, ExtractionTrace trace) {
        return extract(carrier, styles, true, trace);
    }

    /**
     * As {@link #extract(HeaderCarrier, List, ExtractionTrace)}; the {@code baggage} header is kept only when
     * {@code baggage} is true (a tracer configured without the baggage propagator does not read it).
     */
    public static Optional<TraceContext> extract(HeaderCarrier carrier, List<PropagationStyle> styles, boolean baggage,
                                                 ExtractionTrace trace) {
        for (PropagationStyle style : styles) {
            TraceContext found = style.format.extract(carrier);
            if (found == null && trace != null) {
                noteMissing(trace, style, carrier);
            }
            if (found != null) {
                // Most Datadog carriers hold no tracestate: one lookup settles it before any W3C parsing.
                if (style == DATADOG && found.tracestate().isEmpty() && styles.contains(TRACECONTEXT)
                        && carrier.get("tracestate") != null) {
                    TraceContext w3c = TRACECONTEXT.format.extract(carrier);
                    if (w3c != null && w3c.tracestate().isPresent()
                            && w3c.traceIdLow() == found.traceIdLow()
                            && (found.traceIdHigh() == 0 || w3c.traceIdHigh() == found.traceIdHigh())) {
                        found = found.toBuilder().tracestate(w3c.tracestate().get()).build();
                    }
                }
                // Baggage travels beside whichever format carried the ids.
                String header = baggage ? carrier.get(W3CBaggage.HEADER) : null;
                if (header != null) {
                    Map<String, String> entries = W3CBaggage.parse(header);
                    if (!entries.isEmpty()) {
                        found = found.toBuilder().baggage(entries).build();
                    }
                }
                if (trace != null) {
                    noteFound(trace, style, found);
                }
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    // The explanation's lines are built out of line, so the extraction loop stays small enough for the JIT to
    // inline as before (and keep the carrier off the heap): explaining must cost ordinary extractions nothing.
    private static void noteMissing(ExtractionTrace trace, PropagationStyle style, HeaderCarrier carrier) {
        trace.note(style.format.name() + ": " + FormatDiagnosis.why(style.format, carrier));
    }

    private static void noteFound(ExtractionTrace trace, PropagationStyle style, TraceContext found) {
        trace.note(style.format.name() + ": trace_id " + found.traceId() + ", parent_id " + found.parentIdDecimal()
                + (found.samplingPriority().isPresent() ? ", sampling_priority " + found.samplingPriority().getAsInt() : ""));
    }

    /** Headers for {@code context} in every given style, in order (lowercase names), and {@code baggage} when it has some. */
    public static Map<String, String> inject(TraceContext context, List<PropagationStyle> styles) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (PropagationStyle style : styles) {
            style.format.inject(context, headers);
        }
        if (!context.baggage().isEmpty()) {
            String baggage = W3CBaggage.format(context.baggage());
            if (baggage != null) {
                headers.put(W3CBaggage.HEADER, baggage);
            }
        }
        return headers;
    }

    private static Map<String, List<PropagationStyle>> byName() {
        Map<String, List<PropagationStyle>> m = new LinkedHashMap<>();
        m.put("datadog", List.of(DATADOG));
        m.put("tracecontext", List.of(TRACECONTEXT));
        m.put("b3", List.of(B3_SINGLE, B3_MULTI));
        m.put("b3multi", List.of(B3_MULTI));
        m.put("b3 single header", List.of(B3_SINGLE));
        m.put("b3single", List.of(B3_SINGLE));
        m.put("xray", List.of(XRAY));
        return Collections.unmodifiableMap(m);
    }

    /** Flattens style names to styles without repeats, keeping the first position of each. */
    public static List<PropagationStyle> distinct(List<List<PropagationStyle>> groups) {
        List<PropagationStyle> out = new ArrayList<>();
        for (List<PropagationStyle> g : groups) {
            for (PropagationStyle s : g) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }
}
