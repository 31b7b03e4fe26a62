package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracex.engine.internal.json.Json;

import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code dynamodb-json}: DynamoDB's typed JSON, as streams deliver items ({@code NewImage},
 * {@code OldImage}), → plain JSON. The input is one typed value ({@code {"M": {...}}},
 * {@code {"S": "..."}}) or an item, a map of attribute names to typed values. {@code S} → text,
 * {@code N} → the number's text (ids of 20 digits stay exact), {@code BOOL} → boolean, {@code NULL} →
 * null, {@code M} → object, {@code L} → array, {@code SS}/{@code NS} → arrays of text, {@code B} and
 * {@code BS} → bytes. A value of an unknown type or the wrong kind is left out; anything but an object
 * gives nothing. Nesting is bounded ({@link #MAX_DEPTH}, DynamoDB's own limit). Internal.
 */
final class DynamoDbJsonStep implements Step {
    /** DynamoDB allows 32 levels of nested attributes. */
    static final int MAX_DEPTH = 32;

    @Override
    public String name() {
        return "dynamodb-json";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (!in.isObject()) {
            return null;
        }
        JsonNode typed = typedValue(in, 0);
        return typed != null ? typed : item(in, 0);
    }

    /** An item: attribute name → typed value. */
    private static ObjectNode item(JsonNode attributes, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = typedValue(e.getValue(), depth + 1);
            if (v != null) {
                out.set(e.getKey(), v);
            }
        }
        return out;
    }

    /** The plain value of {@code {"<type>": value}}, or {@code null} when it is not one. */
    private static JsonNode typedValue(JsonNode node, int depth) {
        if (!node.isObject() || node.size() != 1 || depth > MAX_DEPTH) {
            return null;
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S", "N" -> v.isTextual() ? v : null;
            case "BOOL" -> v.isBoolean() ? v : null;
            case "NULL" -> v.isBoolean() ? NullNode.getInstance() : null;
            case "M" -> v.isObject() ? item(v, depth) : null;
            case "L" -> v.isArray() ? list(v, depth) : null;
            case "SS", "NS" -> v.isArray() ? texts(v) : null;
            case "B" -> bytes(v);
            case "BS" -> v.isArray() ? binaries(v) : null;
            default -> null;
        };
    }

    private static ArrayNode list(JsonNode items, int depth) {
        ArrayNode out = Json.array();
        for (JsonNode item : items) {
            JsonNode v = typedValue(item, depth + 1);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    private static ArrayNode texts(JsonNode items) {
        ArrayNode out = Json.array();
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                return null;
            }
            out.add((TextNode) item);
        }
        return out;
    }

    private static ArrayNode binaries(JsonNode items) {
        ArrayNode out = Json.array();
        for (JsonNode item : items) {
            JsonNode b = bytes(item);
            if (b == null) {
                return null;
            }
            out.add(b);
        }
        return out;
    }

    /** Streams deliver binary attributes base64-encoded. */
    private static JsonNode bytes(JsonNode v) {
        if (!v.isTextual()) {
            return null;
        }
        try {
            return BinaryNode.valueOf(Base64.getMimeDecoder().decode(v.textValue()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
