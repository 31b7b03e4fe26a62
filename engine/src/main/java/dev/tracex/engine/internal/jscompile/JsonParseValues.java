package dev.tracex.engine.internal.jscompile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.parse} into {@link JsValues}' model: objects as {@link LinkedHashMap}s (a repeated key keeps its
 * first place and its last value, as in JS), arrays as lists, every number a double read from its text
 * ({@code -0} stays negative zero, which a Jackson int node would lose). Jackson's strict parser accepts exactly
 * JSON's grammar, as {@code JSON.parse} does; trailing content is refused like JS refuses it. Built without
 * recursion, so deep nesting cannot overflow the stack.
 */
final class JsonParseValues {
    /** No limit on number length (JS reads any, rounding); nesting as deep as GraalJS's parser goes. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    private JsonParseValues() {
    }

    static Object parse(String text, int offset) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsThrow("SyntaxError", offset);
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new JsThrow("SyntaxError", offset);
            }
            return value;
        } catch (IOException e) {
            throw new JsThrow("SyntaxError", offset);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object read(JsonParser p, JsonToken first) throws IOException {
        ArrayDeque<Object> open = new ArrayDeque<>();
        ArrayDeque<String> names = new ArrayDeque<>();
        JsonToken t = first;
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
                    names.push(p.currentName());
                    t = p.nextToken();
                    continue;
                case END_OBJECT:
                case END_ARRAY:
                    value = open.pop();
                    break;
                case VALUE_STRING:
                    value = p.getText();
                    break;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    value = Double.parseDouble(p.getText());
                    break;
                case VALUE_TRUE:
                    value = Boolean.TRUE;
                    break;
                case VALUE_FALSE:
                    value = Boolean.FALSE;
                    break;
                case VALUE_NULL:
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
