package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.json.JsonReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.parse} into {@link JsValues}' model: objects as {@link LinkedHashMap}s (a repeated key keeps its
 * first place and its last value, as in JS), arrays as lists, every number a double read from its text
 * ({@code -0} stays negative zero, which a Jackson int node would lose). Read by tracex's {@link JsonReader}, which
 * accepts exactly JSON's grammar, as {@code JSON.parse} does, here without its limits of depth or length (JS has
 * none); trailing content and a byte order mark are refused like JS refuses them. jackson-core's parser read it
 * before: its factory alone loaded some 60 classes at the first {@code JSON.parse} of a cold start. Built without
 * recursion, so deep nesting cannot overflow the stack.
 */
final class JsonParseValues {
    private JsonParseValues() {
    }

    static Object parse(String text, int offset) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') { // not white space to JSON.parse; JsonReader skips it
            throw new JsThrow("SyntaxError", offset);
        }
        try {
            byte[] bytes = utf8(text);
            if (bytes == null) {
                throw new JsThrow("SyntaxError", offset);
            }
            JsonReader p = JsonReader.of(bytes).unbounded();
            JsonReader.Token t = p.nextToken();
            if (t == null) {
                throw new JsThrow("SyntaxError", offset);
            }
            Object value = read(p, t);
            if (!p.onlySpaceFollows()) {
                throw new JsThrow("SyntaxError", offset);
            }
            return value;
        } catch (IOException e) {
            throw new JsThrow("SyntaxError", offset);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object read(JsonReader p, JsonReader.Token first) throws IOException {
        ArrayDeque<Object> open = new ArrayDeque<>();
        ArrayDeque<String> names = new ArrayDeque<>();
        JsonReader.Token t = first;
        while (true) {
            Object value;
            switch (t) {
                case START_OBJECT:
                    open.push(new LinkedHashMap<String, Object>());
                    t = p.nextToken();
                    continue;
                case START_ARRAY:
                    open.push(new ArrayList<Object>());
                    t = p.nextToken();
                    continue;
                case FIELD_NAME:
                    names.push(p.text());
                    t = p.nextToken();
                    continue;
                case END_OBJECT:
                case END_ARRAY:
                    value = open.pop();
                    break;
                case STRING:
                    value = p.text();
                    break;
                case INTEGER:
                case FLOAT:
                    value = JsNumbers.decimal(p.text());
                    break;
                case TRUE:
                    value = Boolean.TRUE;
                    break;
                case FALSE:
                    value = Boolean.FALSE;
                    break;
                case NULL:
                    value = JsValues.NULL;
                    break;
                default:
                    throw new IOException("unexpected " + t);
            }
            if (open.isEmpty()) {
                return value;
            }
            Object parent = open.peek();
            if (parent instanceof Map) {
                ((Map<String, Object>) parent).put(names.pop(), value);
            } else {
                ((List<Object>) parent).add(value);
            }
            t = p.nextToken();
        }
    }

    /**
     * The text as UTF-8 for the reader, a surrogate without its pair written as the JSON escape of itself: UTF-8
     * cannot hold it, and inside a string JSON reads the escape as the same code unit (outside one either is refused).
     * {@code null} when such a surrogate follows a backslash: an escape of it, which JSON has not.
     */
    static byte[] utf8(String text) {
        int i = 0;
        while (i < text.length() && !Character.isSurrogate(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                int slashes = 0;
                for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
                    slashes++;
                }
                if (slashes % 2 == 1) {
                    return null; // the letter of an escape: no escape has it, so the text is not JSON
                }
                b.append("\\u").append(Integer.toHexString(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
