package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.json.JsonReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A YAML file's composed node tree (what snakeyaml's parser and composer make of it: mappings, sequences and
 * scalars with their tags, styles and start and end marks) written as compact JSON at build time, and read back
 * with Jackson's parser instead of snakeyaml's. Why: composing {@code builtin.yaml} was most of compiling the
 * built-in rules (some 40 of 70 ms under C1), which a function pays at the first event its rule finds no context
 * in, when {@code builtin.default} is compiled behind it. The rules compiler reads the nodes as it reads those of
 * the text, so the rules and their positions are the same ({@code ComposedYamlTest}).
 *
 * <p>It is the form a function needs: the rules' {@code examples:} and the {@code description:}s are left out (the
 * compiler checks and then drops descriptions; examples are run from the text, by {@code tracex test} and the
 * rules module's tests), which makes it a third of the size and halves compiling it. The form names the text it
 * was made from (its length and CRC-32); {@link #read} refuses another text's, and a form of another
 * {@link #FORMAT} version. Marks carry no text buffer: the one thing read from it, a JS snippet's block
 * indentation, is written beside a block scalar and read back as a {@link BlockScalarNode}. A function's own rules
 * file is precompiled in the same nodes, rule by rule ({@link PrecompiledForm}). Internal: may change without
 * notice.
 */
public final class ComposedYaml {
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
        Node root = RuleFileCompiler.compose(new String(yaml, StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.factory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("length", yaml.length);
            g.writeNumberField("crc32", crc32(yaml));
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
                    sameText &= p.longValue() == crc32(yaml);
                    break;
                case "root":
                    if (!sameText) {
                        return null;
                    }
                    root = readNode(p, t, fileName);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return sameText ? root : null;
    }

    static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    // A node: [kind, start line, column, index, end line, column, index, ...]; kind "m" (mapping: flow style,
    // [key, value, ...]), "q" (sequence: flow style, [item, ...]) or "s" (scalar: tag, style, value).
    /**
     * Writes {@code n} at {@code depth} (0 the file, 1 {@code extractors:}, 2 a rule), without the file's and the
     * rules' descriptions and the rules' examples.
     */
    static void writeNode(JsonGenerator g, Node n, int depth) throws IOException {
        g.writeStartArray();
        g.writeString(n instanceof MappingNode ? "m" : n instanceof SequenceNode ? "q" : "s");
        for (Mark m : new Mark[] {n.getStartMark(), n.getEndMark()}) {
            g.writeNumber(m.getLine());
            g.writeNumber(m.getColumn());
            g.writeNumber(m.getIndex());
        }
        if (n instanceof MappingNode) {
            MappingNode m = (MappingNode) n;
            g.writeString(m.getFlowStyle().name());
            g.writeStartArray();
            for (NodeTuple t : m.getValue()) {
                String key = RuleFileCompiler.scalar(t.getKeyNode());
                if ((depth == 0 || depth == 2) && "description".equals(key) || depth == 2 && "examples".equals(key)) {
                    continue;
                }
                writeNode(g, t.getKeyNode(), depth + 1);
                writeNode(g, t.getValueNode(), depth + 1);
            }
            g.writeEndArray();
        } else if (n instanceof SequenceNode) {
            SequenceNode s = (SequenceNode) n;
            g.writeString(s.getFlowStyle().name());
            g.writeStartArray();
            for (Node item : s.getValue()) {
                writeNode(g, item, depth + 1);
            }
            g.writeEndArray();
        } else {
            ScalarNode s = (ScalarNode) n;
            g.writeString(s.getTag().getValue());
            g.writeString(s.getScalarStyle().name());
            g.writeString(s.getValue());
            if (isBlock(s.getScalarStyle())) {
                g.writeNumber(BlockScalarNode.indent(s));
            }
        }
        g.writeEndArray();
    }

    static Node readNode(JsonReader p, JsonReader.Token t, String fileName) throws IOException {
        expect(t == JsonReader.Token.START_ARRAY, p);
        String kind = text(p);
        Mark start = mark(p, fileName);
        Mark end = mark(p, fileName);
        Node node;
        if (kind.equals("s")) {
            Tag tag = new Tag(text(p));
            DumperOptions.ScalarStyle style = DumperOptions.ScalarStyle.valueOf(text(p));
            String value = text(p);
            node = isBlock(style) ? new BlockScalarNode(tag, value, start, end, style, number(p))
                    : new ScalarNode(tag, value, start, end, style);
        } else {
            DumperOptions.FlowStyle flow = DumperOptions.FlowStyle.valueOf(text(p));
            expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
            if (kind.equals("m")) {
                List<NodeTuple> tuples = new ArrayList<>();
                for (JsonReader.Token k = p.nextToken(); k != JsonReader.Token.END_ARRAY; k = p.nextToken()) {
                    Node key = readNode(p, k, fileName);
                    tuples.add(new NodeTuple(key, readNode(p, p.nextToken(), fileName)));
                }
                node = new MappingNode(Tag.MAP, true, tuples, start, end, flow);
            } else {
                List<Node> items = new ArrayList<>();
                for (JsonReader.Token i = p.nextToken(); i != JsonReader.Token.END_ARRAY; i = p.nextToken()) {
                    items.add(readNode(p, i, fileName));
                }
                node = new SequenceNode(Tag.SEQ, true, items, start, end, flow);
            }
        }
        expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
        return node;
    }

    private static boolean isBlock(DumperOptions.ScalarStyle style) {
        return style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
    }

    private static Mark mark(JsonReader p, String fileName) throws IOException {
        int line = number(p);
        int column = number(p);
        int index = number(p);
        return new Mark(fileName, index, line, column, new int[0], 0);
    }

    static String text(JsonReader p) throws IOException {
        expect(p.nextToken() == JsonReader.Token.STRING, p);
        return p.text();
    }

    static int number(JsonReader p) throws IOException {
        expect(p.nextToken() == JsonReader.Token.INTEGER, p);
        return p.intValue();
    }

    static void expect(boolean ok, JsonReader p) throws IOException {
        if (!ok) {
            throw new IOException("not a composed rules file: unexpected " + p.currentToken() + " at byte " + p.offset());
        }
    }
}
