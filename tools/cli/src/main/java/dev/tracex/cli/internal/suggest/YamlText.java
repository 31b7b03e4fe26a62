package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/** Values written into a suggested rule so that YAML reads them back as they were meant. */
final class YamlText {
    private YamlText() {
    }

    /**
     * A pipeline or other text as a plain scalar where YAML reads it back unchanged, else in double quotes (JSON's
     * escaping is YAML's): a {@code ": "} or {@code " #"} inside, or a leading character YAML gives a meaning to.
     */
    static String scalar(String text) {
        boolean plain = !text.isEmpty() && text.charAt(0) == '$' && !text.contains(": ") && !text.contains(" #")
                && !text.endsWith(":") && text.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && text.equals(text.strip());
        return plain ? text : quoted(text);
    }

    /** {@code text} in double quotes. */
    static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    /**
     * {@code value} on one line in JSON's flow syntax with a space after each {@code :} and {@code ,}, which YAML
     * reads as the same value (without the space, YAML 1.1 parsers take {@code "a":1} for one scalar).
     */
    static String flow(JsonNode value) {
        StringBuilder out = new StringBuilder();
        flow(value, out);
        return out.toString();
    }

    private static void flow(JsonNode v, StringBuilder out) {
        if (v.isObject()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                out.append(sep).append(quoted(e.getKey())).append(": ");
                flow(e.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (v.isArray()) {
            out.append('[');
            String sep = "";
            for (JsonNode item : v) {
                out.append(sep);
                flow(item, out);
                sep = ", ";
            }
            out.append(']');
        } else {
            out.append(v.toString());
        }
    }
}
