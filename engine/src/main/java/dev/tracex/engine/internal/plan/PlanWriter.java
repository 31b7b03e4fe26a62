package dev.tracex.engine.internal.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.EachRule;
import dev.tracex.engine.internal.rule.FieldsRule;
import dev.tracex.engine.internal.rule.FirstOfRule;
import dev.tracex.engine.internal.rule.FromContextRule;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.internal.rule.RecordId;
import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.rule.WhenRule;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.propagation.PropagationStyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a compiled rule's plan, at build time, from the rule the compiler made: one JSON array
 * {@code [line, column, node]}, a node being an array whose first element names its kind:
 * <pre>
 * ["headers", attributed name, pipeline | {header: pipeline, ...}, [style, ...] | null, baggage | null]
 * ["fields", attributed name, hex, {FIELD: pipeline, ...}]
 * ["first", [rule name, ...]]
 * ["each", path, [pipeline | "literal", ...] | null, parent policy, node]
 * ["when", pipeline, node]
 * ["from", node]
 * ["js", attributed name, source, line, column, indent, [style, ...] | null]
 * </pre>
 * A pipeline is its stages' texts ({@code ["$.a", "json"]}: a path starts with {@code $}, a step is named). Styles
 * {@code null}: the rule has no {@code styles:} of its own and reads the tracer's settings at cold start. A JS snippet
 * is its source and where it starts in the file (line, column, a block scalar's indentation), compiled again at cold
 * start as compiling the YAML compiles it (from the subset, else left for GraalJS). Internal: may change without
 * notice.
 */
public final class PlanWriter {
    private PlanWriter() {
    }

    /**
     * The plan of {@code rule}, compiled at {@code line}:{@code column} of its file, or {@code null} when it has
     * a node a plan does not describe.
     *
     * @param ownStyles whether the rule has {@code styles:} (else its styles and baggage are the settings')
     */
    public static byte[] write(CompiledRule rule, int line, int column, boolean ownStyles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(line);
            g.writeNumber(column);
            if (!node(g, rule, ownStyles)) {
                return null;
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to memory
        }
        return out.toByteArray();
    }

    /** Writes {@code r}; false when it is a node a plan does not describe. */
    private static boolean node(JsonGenerator g, CompiledRule r, boolean ownStyles) throws IOException {
        g.writeStartArray();
        if (r instanceof HeadersRule h) {
            g.writeString("headers");
            g.writeString(h.rule());
            if (h.named() == null) {
                pipeline(g, h.pipeline());
            } else {
                g.writeStartObject();
                for (Map.Entry<String, Pipeline> e : h.named().entrySet()) {
                    g.writeFieldName(e.getKey());
                    pipeline(g, e.getValue());
                }
                g.writeEndObject();
            }
            if (ownStyles) {
                g.writeStartArray();
                for (PropagationStyle s : h.styles()) {
                    g.writeString(s.name());
                }
                g.writeEndArray();
                g.writeBoolean(h.baggage());
            } else {
                g.writeNull();
                g.writeNull();
            }
        } else if (r instanceof FieldsRule f) {
            g.writeString("fields");
            g.writeString(f.rule());
            g.writeBoolean(f.hex());
            g.writeStartObject();
            for (Map.Entry<FieldsRule.Field, Pipeline> e : f.fields().entrySet()) {
                g.writeFieldName(e.getKey().name());
                pipeline(g, e.getValue());
            }
            g.writeEndObject();
        } else if (r instanceof FirstOfRule first) {
            g.writeString("first");
            g.writeStartArray();
            for (FirstOfRule.Ref ref : first.refs()) {
                g.writeString(ref.name()); // a local rule has its own plan; a built-in is bound by name
            }
            g.writeEndArray();
        } else if (r instanceof EachRule each) {
            g.writeString("each");
            g.writeString(each.records().toString());
            if (each.recordId() == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (RecordId.Part part : each.recordId().parts()) {
                    if (part.pipeline() != null) {
                        pipeline(g, part.pipeline());
                    } else {
                        g.writeString(part.literal());
                    }
                }
                g.writeEndArray();
            }
            g.writeString(each.policy().name());
            return node(g, each.body(), ownStyles) && end(g);
        } else if (r instanceof WhenRule when) {
            g.writeString("when");
            pipeline(g, when.condition());
            return node(g, when.body(), ownStyles) && end(g);
        } else if (r instanceof FromContextRule from) {
            g.writeString("from");
            return node(g, from.body(), ownStyles) && end(g);
        } else if (r instanceof ScriptRule script) {
            ScriptSource source = script.source();
            g.writeString("js");
            g.writeString(source.rule());
            g.writeString(source.code());
            g.writeNumber(source.line());
            g.writeNumber(source.column());
            g.writeNumber(source.indent());
            if (ownStyles) {
                g.writeStartArray();
                for (PropagationStyle s : source.styles()) {
                    g.writeString(s.name());
                }
                g.writeEndArray();
            } else {
                g.writeNull();
            }
        } else {
            return false; // a library rule, reached only through first:
        }
        return end(g);
    }

    private static boolean end(JsonGenerator g) throws IOException {
        g.writeEndArray();
        return true;
    }

    private static void pipeline(JsonGenerator g, Pipeline p) throws IOException {
        g.writeStartArray();
        for (Pipeline.Stage stage : p.stages()) {
            g.writeString(stage.path() != null ? stage.path().toString() : stage.step().name());
        }
        g.writeEndArray();
    }
}
