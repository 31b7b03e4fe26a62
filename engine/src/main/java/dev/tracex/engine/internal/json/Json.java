package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The one Jackson mapper the engine parses events with. Jackson's default read constraints stay on
 * (nesting depth, string and number lengths), so a hostile event fails to parse instead of
 * exhausting the stack or the heap. Internal: may change without notice.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    /**
     * Decodes {@code text} if it holds a JSON object or array, else returns {@code null}. Used where a
     * rule meets a string where it expected an object: such strings are JSON documents in practice
     * (SQS bodies, SNS messages, {@code stringValue} attributes).
     */
    public static JsonNode decodeEmbedded(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == n || (text.charAt(i) != '{' && text.charAt(i) != '[')) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses any JSON document, returning {@code null} when it is not valid JSON. */
    public static JsonNode parseOrNull(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses any JSON document, returning {@code null} when it is not valid JSON. */
    public static JsonNode parseOrNull(byte[] bytes) {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
