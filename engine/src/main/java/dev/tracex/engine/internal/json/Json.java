package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * How the engine reads JSON: jackson-core's parser, and trees of jackson-databind's node classes built
 * here, without an {@code ObjectMapper}. A first {@code ObjectMapper} and {@code readTree} load some 350
 * classes and cost more than half of a YAML rule's cold start (120 ms of 226 under Lambda's
 * {@code -XX:TieredStopAtLevel=1}, see {@code benchmarks/README.md}); the mapper is made only where a
 * library needs one ({@link #mapper()}: Jayway's filters, JS results, the command line). Jackson's default
 * read constraints stay on (nesting depth, string and number lengths), so a hostile event fails to parse
 * instead of exhausting the stack or the heap. Internal: may change without notice.
 */
public final class Json {
    public static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** The shared mapper, created on first use. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
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
        try (JsonParser p = FACTORY.createParser(text)) {
            return readDocument(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses any JSON document, returning {@code null} when it is not valid JSON. */
    public static JsonNode parseOrNull(byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readDocument(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The first value of the parser's input as {@code ObjectMapper.readTree} reads it (what follows it is not
     * read, as there), or {@code null} for empty input.
     */
    public static JsonNode readDocument(JsonParser parser) throws IOException {
        JsonToken t = parser.nextToken();
        return t == null ? null : readValue(parser, t);
    }

    /**
     * The value at the parser's current token {@code t}, whole, as {@code ObjectMapper.readTree} builds it
     * (same node types: int, long or big integer by size, double for fractions). Built here rather than with
     * {@code readTree(parser)}, whose per-call set-up (a deserialization context per call) cost more than the
     * values themselves when a rule keeps many small values, e.g. three per record of a batch, and whose first
     * use loads the mapper. Recursion is bounded by the parser's nesting-depth constraint.
     */
    public static JsonNode readValue(JsonParser parser, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    o.set(name, readValue(parser, parser.nextToken()));
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new IOException("unexpected end of input in object");
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = parser.nextToken(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                    if (e == null) {
                        throw new IOException("unexpected end of input in array");
                    }
                    a.add(readValue(parser, e));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                return NODES.pojoNode(parser.getEmbeddedObject());
            default:
                // A misplaced end or field name: not produced by a parser positioned on a value.
                throw new IOException("expected a value, found " + t);
        }
    }
}
