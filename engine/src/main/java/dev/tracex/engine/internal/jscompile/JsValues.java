package dev.tracex.engine.internal.jscompile;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * JavaScript's values and operations as compiled snippets see them, matching what GraalJS gives a snippet over
 * the event's proxies ({@code dev.tracex.engine.script.JsonProxies}):
 * <ul>
 *   <li>{@link #UNDEFINED} and {@link #NULL}; {@link Boolean}; {@link Double} for every number (as in JS); {@link String};</li>
 *   <li>the event's objects and arrays as their Jackson nodes (an absent member is {@code undefined}, a JSON
 *       {@code null} is {@code null}, numbers are doubles, so integers beyond 2^53 round as in Node);</li>
 *   <li>{@code JSON.parse}'s objects and arrays as {@link Map} and {@link List} (they are JS objects, not the
 *       event's, which matters when one is returned as headers); object literals as {@link ReturnedObject}s, array
 *       literals as {@link List}s.</li>
 * </ul>
 * Property names that JavaScript would find on a prototype ({@code toString}, {@code map}, ...) are refused by
 * the parser, so a read here is an own property, an array index, or {@code length}.
 */
final class JsValues {
    static final Object UNDEFINED = new Marker("undefined");
    static final Object NULL = new Marker("null");

    private JsValues() {
    }

    private record Marker(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The JS value of an event node, as the event's proxy gives it. */
    static Object fromEvent(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return NULL;
        }
        if (v.isContainerNode()) {
            return v;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asText(); // binary and POJO nodes, which parsed events never hold
    }

    static boolean isNullish(Object v) {
        return v == UNDEFINED || v == NULL;
    }

    /**
     * {@code target[key]}; {@code index} is the key as an array index, or -1. Reading a member of {@code undefined}
     * or {@code null} throws a {@code TypeError}, as in JS.
     */
    static Object get(Object target, String key, int index, int offset) {
        if (target instanceof JsonNode) {
            JsonNode n = (JsonNode) target;
            if (n.isObject()) {
                JsonNode v = n.get(key);
                return v == null ? UNDEFINED : fromEvent(v);
            }
            if (index >= 0) {
                return index < n.size() ? fromEvent(n.get(index)) : UNDEFINED;
            }
            return key.equals("length") ? (double) n.size() : UNDEFINED;
        }
        if (target instanceof String) {
            String s = (String) target;
            if (index >= 0) {
                return index < s.length() ? String.valueOf(s.charAt(index)) : UNDEFINED;
            }
            return key.equals("length") ? (double) s.length() : UNDEFINED;
        }
        if (target instanceof Map) {
            Object v = ((Map<?, ?>) target).get(key);
            return v == null ? UNDEFINED : v;
        }
        if (target instanceof ReturnedObject) {
            Object v = ((ReturnedObject) target).member(key);
            return v == null ? UNDEFINED : v;
        }
        if (target instanceof List) {
            List<?> l = (List<?>) target;
            if (index >= 0) {
                return index < l.size() ? l.get(index) : UNDEFINED;
            }
            return key.equals("length") ? (double) l.size() : UNDEFINED;
        }
        if (isNullish(target)) {
            throw new JsThrow("TypeError", offset, key, target);
        }
        return UNDEFINED; // numbers and booleans: only prototype members, which the parser refuses
    }

    static boolean truthy(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String) {
            return !((String) v).isEmpty();
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return d != 0 && !Double.isNaN(d);
        }
        return !isNullish(v);
    }

    static String typeOf(Object v) {
        if (v == UNDEFINED) {
            return "undefined";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Double) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return "object"; // null, and objects and arrays (no functions are values in the subset)
    }

    /** {@code ===} of a value and a literal (string, number, boolean, null or undefined). */
    static boolean strictEquals(Object v, Object literal) {
        if (literal instanceof Double) {
            return v instanceof Double && ((Double) v).doubleValue() == (Double) literal; // NaN unequal, 0 === -0
        }
        if (literal instanceof String || literal instanceof Boolean) {
            return literal.equals(v);
        }
        return v == literal;
    }

    /** ToString. Objects are {@code [object Object]}, arrays their elements joined with commas. */
    static String toStr(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Double) {
            return JsNumbers.toString((Double) v);
        }
        if (v instanceof Boolean || isNullish(v)) {
            return v.toString();
        }
        if (v instanceof List) {
            StringBuilder b = new StringBuilder();
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                join(b, i, l.get(i));
            }
            return b.toString();
        }
        JsonNode n = (JsonNode) (v instanceof JsonNode ? v : null);
        if (n != null && n.isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n.size(); i++) {
                join(b, i, fromEvent(n.get(i)));
            }
            return b.toString();
        }
        return "[object Object]";
    }

    private static void join(StringBuilder b, int i, Object element) {
        if (i > 0) {
            b.append(',');
        }
        if (!isNullish(element)) {
            b.append(toStr(element));
        }
    }

    /** ToNumber. */
    static double toNumber(Object v) {
        if (v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (v == UNDEFINED) {
            return Double.NaN;
        }
        if (v == NULL) {
            return 0;
        }
        return JsNumbers.stringToNumber(toStr(v));
    }

    /** Whether {@code k} is an array index as JS reads a key: an integer below 2^32 - 1 without leading zeros. */
    static boolean isArrayIndex(String k) {
        if (k.isEmpty() || k.length() > 10 || (k.length() > 1 && k.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) < '0' || k.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(k) < 4294967295L;
    }
}
