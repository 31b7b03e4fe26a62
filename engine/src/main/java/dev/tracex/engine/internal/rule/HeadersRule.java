package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.json.Projection;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.propagation.PropagationStyle;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code headers:} the propagation headers, decoded with the rule's styles: either one pipeline ending at
 * an object of headers, or a mapping from header name to a pipeline giving that header's value
 * ({@code traceparent: $.messageAttributes.traceparent.stringValue}), values that give nothing left out.
 */
public final class HeadersRule implements CompiledRule {
    private final String rule;
    /** The carrier pipeline; {@code null} in the mapping form. */
    private final Pipeline pipeline;
    /** Header name → value pipeline, in the file's order; {@code null} in the pipeline form. */
    private final Map<String, Pipeline> named;
    private final List<PropagationStyle> styles;
    /** Whether a baggage header beside the ids is kept: false when the function's tracer settings leave baggage out. */
    private final boolean baggage;

    public HeadersRule(String rule, Pipeline pipeline, List<PropagationStyle> styles) {
        this(rule, pipeline, styles, true);
    }

    public HeadersRule(String rule, Pipeline pipeline, List<PropagationStyle> styles, boolean baggage) {
        this.rule = rule;
        this.pipeline = Objects.requireNonNull(pipeline);
        this.named = null;
        this.styles = List.copyOf(styles);
        this.baggage = baggage;
    }

    /** The mapping form: each header's value read by its own pipeline. */
    public HeadersRule(String rule, Map<String, Pipeline> named, List<PropagationStyle> styles) {
        this(rule, named, styles, true);
    }

    public HeadersRule(String rule, Map<String, Pipeline> named, List<PropagationStyle> styles, boolean baggage) {
        this.rule = rule;
        this.pipeline = null;
        this.named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        this.styles = List.copyOf(styles);
        this.baggage = baggage;
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        if (named != null) {
            ObjectNode headers = assemble(root, trace);
            if (headers.isEmpty()) {
                if (RuleLog.debugging()) {
                    RuleLog.noContext(rule, "headers", "none of " + named.keySet() + " found");
                }
                if (trace != null) {
                    trace.note("none of " + named.keySet() + " found");
                }
                return Extraction.none();
            }
            return decode(rule, headers, styles, baggage, trace);
        }
        JsonNode carrier = pipeline.evaluate(root, trace);
        if (carrier != null && carrier.isTextual()) {
            carrier = DecodedDocuments.embedded(carrier);
            if (trace != null) {
                noteDecoded(trace, carrier);
            }
        }
        if (carrier == null || !carrier.isObject()) {
            if (carrier == null) {
                RuleLog.notFound(rule, pipeline);
            } else {
                RuleLog.noContext(rule, pipeline, "not an object of headers");
                if (trace != null) {
                    noteNotHeaders(trace, carrier);
                }
            }
            return Extraction.none();
        }
        return decode(rule, carrier, styles, baggage, trace);
    }

    // The explanation's lines, out of line so extract stays as small as before for the JIT.
    private static void noteDecoded(ExtractionTrace trace, JsonNode carrier) {
        trace.note(carrier == null ? "the string is not JSON" : "decoded the string as JSON: " + ExtractionTrace.describe(carrier));
    }

    private static void noteNotHeaders(ExtractionTrace trace, JsonNode carrier) {
        trace.note("not an object of headers: " + ExtractionTrace.describe(carrier));
    }

    /** The mapping form's carrier: each value that is text, a number or a boolean (an array: its first value). */
    private ObjectNode assemble(JsonNode root, ExtractionTrace trace) {
        ObjectNode headers = Json.object();
        for (Map.Entry<String, Pipeline> e : named.entrySet()) {
            JsonNode v = e.getValue().evaluate(root, trace);
            if (v != null && v.isArray()) {
                v = v.size() > 0 ? v.get(0) : null;
            }
            if (v != null && v.isValueNode() && !v.isNull() && !v.isBinary()) {
                headers.set(e.getKey(), v);
            }
        }
        return headers;
    }

    @Override
    public void project(Projection root) {
        if (named != null) {
            named.values().forEach(p -> p.project(root));
        } else {
            pipeline.projectValue(root).keepHeaders(); // JsonHeaderCarrier reads the propagation headers only
        }
    }

    /** The context in a headers object, attributed to {@code rule}; shared with script rules' Go-style results. */
    public static Extraction decode(String rule, JsonNode headers, List<PropagationStyle> styles) {
        return decode(rule, headers, styles, null);
    }

    /** As {@link #decode(String, JsonNode, List)}, writing each format tried into {@code trace} if not null. */
    public static Extraction decode(String rule, JsonNode headers, List<PropagationStyle> styles, ExtractionTrace trace) {
        return decode(rule, headers, styles, true, trace);
    }

    /** As {@link #decode(String, JsonNode, List, ExtractionTrace)}, keeping a baggage header only when {@code baggage}. */
    public static Extraction decode(String rule, JsonNode headers, List<PropagationStyle> styles, boolean baggage,
                                    ExtractionTrace trace) {
        Optional<TraceContext> found = PropagationStyle.extract(new JsonHeaderCarrier(headers), styles, baggage, trace);
        if (found.isEmpty()) {
            if (RuleLog.debugging()) { // the reason is built only when it is logged: a miss is the common case
                RuleLog.noContext(rule, "headers", "no valid " + styleNames(styles) + " headers");
            }
            return Extraction.none();
        }
        return Extraction.of(found.get().withRule(rule));
    }

    static String styleNames(List<PropagationStyle> styles) {
        return styles.stream().map(s -> s.format().name()).collect(Collectors.joining(", ", "[", "]"));
    }

    // What the precompiled form's plan is written from (dev.tracex.engine.internal.plan.PlanWriter).

    /** The name the contexts it finds are attributed to. */
    public String rule() {
        return rule;
    }

    /** The carrier pipeline, or {@code null} in the mapping form. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** Header name to value pipeline, or {@code null} in the pipeline form. */
    public Map<String, Pipeline> named() {
        return named;
    }

    public List<PropagationStyle> styles() {
        return styles;
    }

    public boolean baggage() {
        return baggage;
    }

    @Override
    public String toString() {
        String source = named == null ? pipeline.toString() : named.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
        return "Headers(" + source + (styles.equals(PropagationStyle.DEFAULTS) ? "" : ", styles=" + styleNames(styles))
                + (baggage ? "" : ", no baggage") + ")";
    }
}
