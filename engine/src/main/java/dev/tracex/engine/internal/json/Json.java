package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;

/**
 * How the engine reads JSON: its own {@link JsonReader}, and trees of jackson-databind's node classes built
 * here, without an {@code ObjectMapper} and without jackson-core's parser. A first {@code ObjectMapper} and
 * {@code readTree} load some 350 classes and cost more than half of a YAML rule's cold start (120 ms of 226 under
 * Lambda's {@code -XX:TieredStopAtLevel=1}, see {@code benchmarks/README.md}); jackson-core's {@code JsonFactory}
 * and first parse still cost some 45 ms of the rest. The factory (writing JSON) and the mapper are made only where
 * something needs them ({@link #factory()}, {@link #mapper()}: Jayway's filters, JS results, the command line).
 * The reader keeps jackson-core's default read constraints (nesting depth, string and number lengths), so a
 * hostile event fails to parse instead of exhausting the stack or the heap. Internal: may change without notice.
 */
public final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** jackson-core's factory, created on first use: for writing JSON, and for libraries that parse with it. */
    public static JsonFactory factory() {
        return FactoryHolder.FACTORY;
    }

    /** The shared mapper, created on first use. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class FactoryHolder {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper(FactoryHolder.FACTORY);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Decodes {@code text} if it holds a JSON object or array, else returns {@code null}. Used where a
     * rule meets a string where it expected an object: such strings are JSON documents in practice
     * (SQS bodies, SNS messages, {@code stringValue} attributes).
     */
    public static JsonNode decodeEmbedded(String text) {
        return startsLikeDocument(text) ? parseOrNull(text) : null;
    }

    /** Whether {@code text}'s first character after white space opens an object or an array. */
    static boolean startsLikeDocument(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < n && (text.charAt(i) == '{' || text.charAt(i) == '[');
    }

    /** Parses any JSON document, returning {@code null} when it is not valid JSON. */
    public static JsonNode parseOrNull(String text) {
        return text == null ? null : parseOrNull(JsonReader.of(text));
    }

    /** Parses any JSON document, returning {@code null} when it is not valid JSON. */
    public static JsonNode parseOrNull(byte[] bytes) {
        return bytes == null ? null : parseOrNull(JsonReader.of(bytes));
    }

    private static JsonNode parseOrNull(JsonReader reader) {
        try {
            return readDocument(reader);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The first value of the reader's input as {@code ObjectMapper.readTree} reads it (what follows it is not
     * read, as there), or {@code null} for empty input.
     */
    public static JsonNode readDocument(JsonReader reader) throws IOException {
        JsonReader.Token t = reader.nextToken();
        return t == null ? null : readValue(reader, t);
    }

    /**
     * The value at the reader's current token {@code t}, whole, as {@code ObjectMapper.readTree} builds it
     * (same node types: int, long or big integer by size, double for fractions). Built here rather than with
     * {@code readTree}, whose per-call set-up (a deserialization context per call) cost more than the values
     * themselves when a rule keeps many small values, e.g. three per record of a batch, and whose first use loads
     * the mapper. Recursion is bounded by the reader's nesting-depth limit.
     */
    public static JsonNode readValue(JsonReader reader, JsonReader.Token t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (String name = reader.nextFieldName(); name != null; name = reader.nextFieldName()) {
                    o.set(name, readValue(reader, reader.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonReader.Token e = reader.nextToken(); e != JsonReader.Token.END_ARRAY; e = reader.nextToken()) {
                    a.add(readValue(reader, e));
                }
                return a;
            }
            case STRING:
                return NODES.textNode(reader.text());
            case INTEGER:
                return integerNode(reader.integerValue());
            case FLOAT:
                return NODES.numberNode(reader.doubleValue());
            case TRUE:
                return NODES.booleanNode(true);
            case FALSE:
                return NODES.booleanNode(false);
            case NULL:
                return NODES.nullNode();
            default:
                // A misplaced end or field name: not produced by a reader positioned on a value.
                throw new IOException("expected a value, found " + t);
        }
    }

    private static JsonNode integerNode(Number n) {
        if (n instanceof Integer) {
            return NODES.numberNode(n.intValue());
        }
        return n instanceof Long ? NODES.numberNode(n.longValue()) : NODES.numberNode((BigInteger) n);
    }
}
