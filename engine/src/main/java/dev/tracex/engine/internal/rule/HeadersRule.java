package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.json.Projection;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code headers:} a pipeline ending at an object of propagation headers, decoded with the rule's styles. */
public final class HeadersRule implements CompiledRule {
    private final String rule;
    private final Pipeline pipeline;
    private final List<PropagationStyle> styles;

    public HeadersRule(String rule, Pipeline pipeline, List<PropagationStyle> styles) {
        this.rule = rule;
        this.pipeline = pipeline;
        this.styles = List.copyOf(styles);
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        JsonNode carrier = pipeline.evaluate(root, trace);
        if (carrier != null && carrier.isTextual()) {
            carrier = Json.decodeEmbedded(carrier.textValue());
            if (trace != null) {
                noteDecoded(trace, carrier);
            }
        }
        if (carrier == null || !carrier.isObject()) {
            if (carrier != null) {
                RuleLog.noContext(rule, pipeline, "not an object of headers");
                if (trace != null) {
                    noteNotHeaders(trace, carrier);
                }
            }
            return Extraction.none();
        }
        return decode(rule, carrier, styles, trace);
    }

    // The explanation's lines, out of line so extract stays as small as before for the JIT.
    private static void noteDecoded(ExtractionTrace trace, JsonNode carrier) {
        trace.note(carrier == null ? "the string is not JSON" : "decoded the string as JSON: " + ExtractionTrace.describe(carrier));
    }

    private static void noteNotHeaders(ExtractionTrace trace, JsonNode carrier) {
        trace.note("not an object of headers: " + ExtractionTrace.describe(carrier));
    }

    @Override
    public void project(Projection root) {
        pipeline.project(root);
    }

    /** The context in a headers object, attributed to {@code rule}; shared with script rules' Go-style results. */
    public static Extraction decode(String rule, JsonNode headers, List<PropagationStyle> styles) {
        return decode(rule, headers, styles, null);
    }

    /** As {@link #decode(String, JsonNode, List)}, writing each format tried into {@code trace} if not null. */
    public static Extraction decode(String rule, JsonNode headers, List<PropagationStyle> styles, ExtractionTrace trace) {
        Optional<TraceContext> found = PropagationStyle.extract(new JsonHeaderCarrier(headers), styles, trace);
        if (found.isEmpty()) {
            RuleLog.noContext(rule, "headers", "no valid " + styleNames(styles) + " headers");
            return Extraction.none();
        }
        return Extraction.of(found.get().withRule(rule));
    }

    static String styleNames(List<PropagationStyle> styles) {
        return styles.stream().map(s -> s.format().name()).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return "Headers(" + pipeline + (styles.equals(PropagationStyle.DEFAULTS) ? "" : ", styles=" + styleNames(styles)) + ")";
    }
}
