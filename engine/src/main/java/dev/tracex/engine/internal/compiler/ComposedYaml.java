package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.json.JsonReader;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Position;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.node.Sequence;
import dev.tracex.engine.internal.plan.FormHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML file's composed node tree (what snakeyaml's parser and composer make of it: mappings, sequences and
 * scalars with their tags, styles and start and end positions) written as compact JSON at build time, and read back
 * into the compiler's nodes without snakeyaml. Why: composing {@code builtin.yaml} was most of compiling the
 * built-in rules (some 40 of 70 ms under C1), which a function pays at the first event its rule finds no context
 * in, when {@code builtin.default} is compiled behind it. The rules compiler reads the nodes as it reads those of
 * the text, so the rules and their positions are the same ({@code ComposedYamlTest}).
 *
 * <p>It is the form a function needs: the rules' {@code examples:} and the {@code description:}s are left out (the
 * compiler checks and then drops descriptions; examples are run from the text, by {@code tracex test} and the
 * rules module's tests), which makes it a third of the size and halves compiling it. The form names the text it
 * was made from (its length and CRC-32); {@link #read} refuses another text's, and a form of another
 * {@link #FORMAT} version. A block scalar's indentation, which a JS snippet's error positions need and the text
 * alone shows, is written beside it. A function's own rules file is precompiled in the same nodes, rule by rule
 * ({@link PrecompiledForm}). Internal: may change without notice.
 */
public final class ComposedYaml {
    /** What a layout error calls this file. */
    private static final String FORM = "composed rules file";
    /** The version of this form; a reader refuses any other. */
    static final int FORMAT = 1;

    private ComposedYaml() {
    }

    /** Writes the composed form of the YAML file {@code args[0]} to {@code args[1]} (run by the rules module's build). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ComposedYaml RULES.yaml OUT.json");
        }
        byte[] yaml = Files.readAllBytes(Path.of(args[0]));
        Path out = Path.of(args[1]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, write(yaml));
    }

    /** The composed form of {@code yaml}, a rules file in UTF-8. */
    static byte[] write(byte[] yaml) throws IOException {
        Node root = YamlComposer.compose(new String(yaml, StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.factory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("length", yaml.length);
            g.writeNumberField("crc32", FormHeader.crc32(yaml));
            g.writeFieldName("root");
            writeNode(g, root, 0);
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * The node tree in {@code form} if it was made from {@code yaml} by this format version; {@code null} if it
     * was made from another text (the caller composes the text), and an exception if it is of another version or
     * unreadable.
     */
    static Node read(InputStream form, byte[] yaml, String fileName) throws IOException {
        JsonReader p = JsonReader.of(form.readAllBytes());
        expect(p.nextToken() == JsonReader.Token.START_OBJECT, p);
        Node root = null;
        boolean sameText = true;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonReader.Token t = p.nextToken();
            switch (name) {
                case "format":
                    if (p.intValue() != FORMAT) {
                        throw new IOException("the composed form of " + fileName + " is of format " + p.intValue()
                                + "; this tracex reads format " + FORMAT);
                    }
                    break;
                case "length":
                    sameText &= p.longValue() == yaml.length;
                    break;
                case "crc32":
                    sameText &= p.longValue() == FormHeader.crc32(yaml);
                    break;
                case "root":
                    if (!sameText) {
                        return null;
                    }
                    root = readNode(p, t);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return sameText ? root : null;
    }

    // A node: [kind, start line, column, index, end line, column, index, ...]; kind "m" (mapping: flow style,
    // [key, value, ...]), "q" (sequence: flow style, [item, ...]) or "s" (scalar: tag, style, value).
    /**
     * Writes {@code n} at {@code depth} (0 the file, 1 {@code extractors:}, 2 a rule), without the file's and the
     * rules' descriptions and the rules' examples.
     */
    static void writeNode(JsonGenerator g, Node n, int depth) throws IOException {
        g.writeStartArray();
        g.writeString(n instanceof Mapping ? "m" : n instanceof Sequence ? "q" : "s");
        for (Position at : new Position[] {n.start(), n.end()}) {
            g.writeNumber(at.line());
            g.writeNumber(at.column());
            g.writeNumber(at.index());
        }
        if (n instanceof Mapping m) {
            g.writeString(flowStyle(m.flow()));
            g.writeStartArray();
            for (Entry e : m.entries()) {
                String key = RuleFileCompiler.scalar(e.key());
                if ((depth == 0 || depth == 2) && "description".equals(key) || depth == 2 && "examples".equals(key)) {
                    continue;
                }
                writeNode(g, e.key(), depth + 1);
                writeNode(g, e.value(), depth + 1);
            }
            g.writeEndArray();
        } else if (n instanceof Sequence s) {
            g.writeString(flowStyle(s.flow()));
            g.writeStartArray();
            for (Node item : s.items()) {
                writeNode(g, item, depth + 1);
            }
            g.writeEndArray();
        } else {
            Scalar s = (Scalar) n;
            g.writeString(s.tag());
            g.writeString(s.style().name());
            g.writeString(s.text());
            if (s.style().isBlock()) {
                g.writeNumber(s.blockIndent());
            }
        }
        g.writeEndArray();
    }

    static Node readNode(JsonReader p, JsonReader.Token t) throws IOException {
        expect(t == JsonReader.Token.START_ARRAY, p);
        String kind = text(p);
        Position start = position(p);
        Position end = position(p);
        Node node;
        if (kind.equals("s")) {
            String tag = text(p);
            Scalar.Style style = Scalar.Style.valueOf(text(p));
            String value = text(p);
            node = new Scalar(value, tag, style, style.isBlock() ? number(p) : 0, start, end);
        } else {
            boolean flow = flow(p);
            expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
            if (kind.equals("m")) {
                List<Entry> entries = new ArrayList<>();
                for (JsonReader.Token k = p.nextToken(); k != JsonReader.Token.END_ARRAY; k = p.nextToken()) {
                    Node key = readNode(p, k);
                    entries.add(new Entry(key, readNode(p, p.nextToken())));
                }
                node = Mapping.of(entries, flow, start, end);
            } else {
                List<Node> items = new ArrayList<>();
                for (JsonReader.Token i = p.nextToken(); i != JsonReader.Token.END_ARRAY; i = p.nextToken()) {
                    items.add(readNode(p, i));
                }
                node = Sequence.of(items, flow, start, end);
            }
        }
        expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
        return node;
    }

    /** A collection's style as the form names it: snakeyaml's {@code FlowStyle}, of which a parsed file has two. */
    private static String flowStyle(boolean flow) {
        return flow ? "FLOW" : "BLOCK";
    }

    private static boolean flow(JsonReader p) throws IOException {
        String style = text(p);
        expect(style.equals("FLOW") || style.equals("BLOCK"), p);
        return style.equals("FLOW");
    }

    private static Position position(JsonReader p) throws IOException {
        int line = number(p);
        int column = number(p);
        int index = number(p);
        return new Position(line, column, index);
    }

    static String text(JsonReader p) throws IOException {
        return p.nextText(FORM);
    }

    static int number(JsonReader p) throws IOException {
        return p.nextInt(FORM);
    }

    static void expect(boolean ok, JsonReader p) throws IOException {
        p.require(ok, FORM);
    }
}
