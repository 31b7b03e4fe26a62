package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TracexVersion;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.json.JsonReader;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.node.Sequence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A function's rules file precompiled at build time: its rules' {@link ComposedYaml composed} node trees, written only
 * after the whole file compiled (so the build reported every problem), naming the text it was made from and the
 * tracex that made it. At cold start a function loads from it the one rule it selects and the local rules that
 * rule's {@code first:} reaches, without snakeyaml (not one of its classes is loaded) and without compiling the file's
 * other rules: the build already did, and a form is only used with the exact text it was made from. Anything else
 * (another text, another tracex, an unreadable form) is one warning and the text is compiled as without a form.
 * Internal: may change without notice.
 *
 * <p>Layout: a JSON header on the first line (format, tracex version, the text's length and CRC-32, the file's and
 * {@code extractors:}'s nodes without their rules, and per rule its name, where its nodes are in the body and the
 * local rules its {@code first:} names), then the body: each rule's key and value nodes as one JSON array. A
 * cold start tokenizes the header and the selected rules' arrays only (1.5 KB of a 50-rule file's 26 KB form), with
 * a parser that runs interpreted at that point.
 */
public final class PrecompiledForm {
    /** The version of this layout; a reader refuses any other by name. */
    static final int FORMAT = 1;

    private PrecompiledForm() {
    }

    /**
     * Compiles the YAML {@code text} whole (built-ins referenced) and returns its precompiled form.
     *
     * @throws RuleCompilationException with every problem of the file, as loading it would
     */
    public static byte[] write(String text, String fileName, Path baseDir) throws RuleCompilationException {
        RuleFileCompiler.compile(fileName, text, baseDir, "", Builtins.library());
        byte[] yaml = text.getBytes(StandardCharsets.UTF_8);
        Mapping file = (Mapping) YamlComposer.compose(text);
        Entry extractors = extractorsOf(file);
        Mapping rules = (Mapping) extractors.value();
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<long[]> spans = new ArrayList<>();
            for (Entry rule : rules.entries()) {
                long start = body.size();
                try (JsonGenerator g = Json.factory().createGenerator(body)) {
                    g.writeStartArray();
                    ComposedYaml.writeNode(g, rule.key(), 2);
                    ComposedYaml.writeNode(g, rule.value(), 2);
                    g.writeEndArray();
                }
                spans.add(new long[] {start, body.size() - start});
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = Json.factory().createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("format", FORMAT);
                g.writeStringField("tracex", TracexVersion.VERSION);
                g.writeNumberField("length", yaml.length);
                g.writeNumberField("crc32", ComposedYaml.crc32(yaml));
                g.writeFieldName("file");
                ComposedYaml.writeNode(g, file.withEntries(List.of()), 0);
                g.writeFieldName("key");
                ComposedYaml.writeNode(g, extractors.key(), 1);
                g.writeFieldName("extractors");
                ComposedYaml.writeNode(g, rules.withEntries(List.of()), 1);
                g.writeArrayFieldStart("rules");
                for (int i = 0; i < spans.size(); i++) {
                    Entry rule = rules.entries().get(i);
                    g.writeStartArray();
                    g.writeString(RuleFileCompiler.scalar(rule.key()));
                    g.writeNumber(spans.get(i)[0]);
                    g.writeNumber(spans.get(i)[1]);
                    g.writeStartArray();
                    for (String ref : localReferences(rule.value())) {
                        g.writeString(ref);
                    }
                    g.writeEndArray();
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

    /**
     * The rule {@code rule} of the file {@code text} and the local rules it reaches, compiled from {@code form}
     * (rules without {@code styles:} reading what {@code settings} say);
     * {@code null} when the form cannot be used (said to {@code warn} in one line) or has no such rule (the
     * caller compiles the text, whose error names the rules there are).
     */
    public static CompiledFile load(byte[] form, String text, String fileName, Path baseDir, String rule,
                                    PropagationSettings settings, Consumer<String> warn) {
        String notUsed = fileName + ".tracex not used, compiling " + fileName + ": ";
        try {
            Header h = Header.read(form);
            if (h.format != FORMAT) {
                // Refused by name, so that a form from a newer tracex says why it is not used.
                warn.accept(notUsed + "it is of format " + h.format + (h.tracex == null ? "" : " (written by tracex "
                        + h.tracex + ")") + "; this tracex (" + TracexVersion.VERSION + ") reads format " + FORMAT);
                return null;
            }
            byte[] yaml = text.getBytes(StandardCharsets.UTF_8);
            if (h.length != yaml.length || h.crc32 != ComposedYaml.crc32(yaml)) {
                warn.accept(notUsed + "it was made from another text of the file (rebuild to precompile it again)");
                return null;
            }
            if (!TracexVersion.VERSION.equals(h.tracex)) {
                warn.accept(notUsed + "it was written by tracex " + h.tracex + ", this is tracex " + TracexVersion.VERSION
                        + " (rebuild to precompile it again)");
                return null;
            }
            if (!h.rules.containsKey(rule)) {
                return null;
            }
            Set<String> reached = new HashSet<>();
            // A list, not an ArrayDeque: its constructor and addAll take a collection through a lambda, a class the JVM
            // would spin at the cold start for this alone.
            List<String> todo = new ArrayList<>(List.of(rule));
            while (!todo.isEmpty()) {
                String name = todo.remove(todo.size() - 1);
                RuleSpan span = h.rules.get(name);
                if (span != null && reached.add(name)) {
                    todo.addAll(span.references);
                }
            }
            List<Entry> rules = new ArrayList<>();
            for (RuleSpan span : h.rules.values()) { // in file order
                if (reached.contains(span.name)) {
                    rules.add(span.read(form, h.bodyStart));
                }
            }
            Mapping file = h.file.withEntries(List.of(new Entry(h.key, h.extractors.withEntries(rules))));
            return RuleFileCompiler.compile(fileName, file, baseDir, "", Builtins.library(settings), settings);
        } catch (IOException | RuleCompilationException | RuntimeException e) {
            // Unreadable, or not expected at all (the build compiled the same text): the text says it again.
            warn.accept(notUsed + e.getMessage());
            return null;
        }
    }

    /** The form's first line. */
    private static final class Header {
        int format = -1;
        String tracex;
        long length = -1;
        long crc32 = -1;
        Mapping file;
        Node key;
        Mapping extractors;
        final Map<String, RuleSpan> rules = new LinkedHashMap<>();
        int bodyStart;

        static Header read(byte[] form) throws IOException {
            Header h = new Header();
            int newline = 0;
            while (newline < form.length && form[newline] != '\n') {
                newline++;
            }
            if (newline == form.length) {
                throw new IOException("not a precompiled rules file: no header line");
            }
            h.bodyStart = newline + 1;
            JsonReader p = JsonReader.of(form, 0, newline);
            ComposedYaml.expect(p.nextToken() == JsonReader.Token.START_OBJECT, p);
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonReader.Token t = p.nextToken();
                switch (name) {
                    case "format" -> h.format = p.intValue();
                    case "tracex" -> h.tracex = p.text();
                    case "length" -> h.length = p.longValue();
                    case "crc32" -> h.crc32 = p.longValue();
                    case "file" -> h.file = mapping(ComposedYaml.readNode(p, t), p);
                    case "key" -> h.key = ComposedYaml.readNode(p, t);
                    case "extractors" -> h.extractors = mapping(ComposedYaml.readNode(p, t), p);
                    case "rules" -> {
                        if (h.format != FORMAT) {
                            return h; // another layout: the caller refuses it by its format
                        }
                        for (JsonReader.Token r = p.nextToken(); r == JsonReader.Token.START_ARRAY; r = p.nextToken()) {
                            RuleSpan span = RuleSpan.read(p);
                            h.rules.put(span.name, span);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (h.format == FORMAT && (h.file == null || h.key == null || h.extractors == null)) {
                throw new IOException("not a precompiled rules file: its header lacks the file's nodes");
            }
            return h;
        }

        private static Mapping mapping(Node n, JsonReader p) throws IOException {
            ComposedYaml.expect(n instanceof Mapping, p);
            return (Mapping) n;
        }
    }

    /** Where a rule's nodes are in the body, and the local rules its {@code first:} names. */
    private record RuleSpan(String name, int offset, int length, List<String> references) {
        static RuleSpan read(JsonReader p) throws IOException {
            String name = ComposedYaml.text(p);
            int offset = ComposedYaml.number(p);
            int length = ComposedYaml.number(p);
            ComposedYaml.expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
            List<String> refs = new ArrayList<>();
            for (JsonReader.Token r = p.nextToken(); r == JsonReader.Token.STRING; r = p.nextToken()) {
                refs.add(p.text());
            }
            ComposedYaml.expect(p.currentToken() == JsonReader.Token.END_ARRAY, p);
            ComposedYaml.expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
            if (offset < 0 || length < 0) {
                throw new IOException("not a precompiled rules file: a rule without its place");
            }
            return new RuleSpan(name, offset, length, refs);
        }

        /** The rule's key and value nodes, from the body of {@code form} (which starts at {@code bodyStart}). */
        Entry read(byte[] form, int bodyStart) throws IOException {
            JsonReader p = JsonReader.of(form, bodyStart + offset, length);
            ComposedYaml.expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
            Node key = ComposedYaml.readNode(p, p.nextToken());
            Node value = ComposedYaml.readNode(p, p.nextToken());
            ComposedYaml.expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
            return new Entry(key, value);
        }
    }

    /** The {@code extractors:} entry of a file that compiled. */
    private static Entry extractorsOf(Mapping file) {
        for (Entry e : file.entries()) {
            if ("extractors".equals(RuleFileCompiler.scalar(e.key()))) {
                return e;
            }
        }
        throw new IllegalStateException("no extractors in a file that compiled");
    }

    /** The names without a dot (the file's own rules) in a rule's {@code first:}. */
    private static List<String> localReferences(Node rule) {
        List<String> names = new ArrayList<>();
        if (rule instanceof Mapping m) {
            for (Entry e : m.entries()) {
                if ("first".equals(RuleFileCompiler.scalar(e.key())) && e.value() instanceof Sequence first) {
                    for (Node item : first.items()) {
                        if (item instanceof Scalar name && !name.text().contains(".")) {
                            names.add(name.text());
                        }
                    }
                }
            }
        }
        return names;
    }
}
