package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.json.JsonReader;

import java.io.IOException;
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
 * none); trailing content is refused like JS refuses it, a leading U+FEFF and a surrogate without its pair are read
 * as JS reads them. jackson-core's parser read it before: its factory alone loaded some 60 classes at the first
 * {@code JSON.parse} of a cold start. Built without recursion, so deep nesting cannot overflow the stack.
 */
final class JsonParseValues {
    private JsonParseValues() {
    }

    static Object parse(String text, int offset) {
        try {
            JsonReader p = JsonReader.of(text).unbounded();
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
}
