package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TracexVersion;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.node.Sequence;
import dev.tracex.engine.internal.plan.FormHeader;
import dev.tracex.engine.internal.plan.PlanWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link PrecompiledForm} at build time: its header, and per rule its composed nodes and the plan of the
 * rule the compiler made of them ({@link PlanWriter}). Apart from {@link PrecompiledForm}, so that a cold start
 * loading a form verifies none of this code (nor loads the node classes it names).
 */
final class FormWriter {
    private FormWriter() {
    }

    /**
     * The form of {@code text}, its rules attributed as {@code prefix} + name ({@code builtin.} for the built-ins'
     * own form), the rules it names with a dot found in {@code library}.
     */
    static byte[] write(String text, String fileName, Path baseDir, String prefix, RuleLibrary library)
            throws RuleCompilationException {
        CompiledFile compiled = RuleFileCompiler.compile(fileName, text, baseDir, prefix, library);
        byte[] yaml = text.getBytes(StandardCharsets.UTF_8);
        Mapping file = (Mapping) YamlComposer.compose(text);
        Entry extractors = extractorsOf(file);
        Mapping rules = (Mapping) extractors.value();
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<long[]> spans = new ArrayList<>(); // {nodes' offset, length, plan's offset (-1: none), length}
            for (Entry rule : rules.entries()) {
                long start = body.size();
                try (JsonGenerator g = Json.factory().createGenerator(body)) {
                    g.writeStartArray();
                    ComposedYaml.writeNode(g, rule.key(), 2);
                    ComposedYaml.writeNode(g, rule.value(), 2);
                    g.writeEndArray();
                }
                long nodesLength = body.size() - start;
                String name = RuleFileCompiler.scalar(rule.key());
                int[] position = compiled.positions().get(name);
                byte[] plan = PlanWriter.write(compiled.rules().get(name), position[0], position[1],
                        hasKey(rule.value(), "styles"));
                long planStart = plan == null ? -1 : body.size();
                if (plan != null) {
                    body.write(plan);
                }
                spans.add(new long[] {start, nodesLength, planStart, plan == null ? 0 : plan.length});
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = Json.factory().createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("format", FormHeader.FORMAT);
                g.writeStringField("tracex", TracexVersion.VERSION);
                g.writeNumberField("length", yaml.length);
                g.writeNumberField("crc32", FormHeader.crc32(yaml));
                g.writeFieldName("file");
                ComposedYaml.writeNode(g, file.withEntries(List.of()), 0);
                g.writeFieldName("key");
                ComposedYaml.writeNode(g, extractors.key(), 1);
                g.writeFieldName("extractors");
                ComposedYaml.writeNode(g, rules.withEntries(List.of()), 1);
                g.writeArrayFieldStart("rules");
                for (int i = 0; i < spans.size(); i++) {
                    Entry rule = rules.entries().get(i);
                    long[] span = spans.get(i);
                    g.writeStartArray();
                    g.writeString(RuleFileCompiler.scalar(rule.key()));
                    g.writeNumber(span[0]);
                    g.writeNumber(span[1]);
                    g.writeStartArray();
                    for (String ref : localReferences(rule.value())) {
                        g.writeString(ref);
                    }
                    g.writeEndArray();
                    g.writeNumber(span[2]);
                    g.writeNumber(span[3]);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out.write('\n');
            body.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to memory
        }
    }

    /** The {@code extractors:} entry of a file that compiled. */
    private static Entry extractorsOf(Mapping file) {
        Entry e = entry(file, "extractors");
        if (e == null) {
            throw new IllegalStateException("no extractors in a file that compiled");
        }
        return e;
    }

    /** Whether a rule has the key {@code key}: {@code styles:} fixes its styles at build time, else the settings do. */
    private static boolean hasKey(Node rule, String key) {
        return entry(rule, key) != null;
    }

    /** The names without a dot (the file's own rules) in a rule's {@code first:}. */
    private static List<String> localReferences(Node rule) {
        List<String> names = new ArrayList<>();
        Entry first = entry(rule, "first");
        if (first != null && first.value() instanceof Sequence items) {
            for (Node item : items.items()) {
                if (item instanceof Scalar name && !name.text().contains(".")) {
                    names.add(name.text());
                }
            }
        }
        return names;
    }

    /** The entry {@code key} of a mapping (a file that compiled has each key once), or {@code null}. */
    private static Entry entry(Node node, String key) {
        if (node instanceof Mapping m) {
            for (Entry e : m.entries()) {
                if (key.equals(RuleFileCompiler.scalar(e.key()))) {
                    return e;
                }
            }
        }
        return null;
    }
}
