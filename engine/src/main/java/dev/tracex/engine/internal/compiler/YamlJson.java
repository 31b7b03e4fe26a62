package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.node.Sequence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** A composed YAML node as a Jackson tree (example events and expectations are written in YAML or JSON). */
final class YamlJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /**
     * Most values one conversion builds. A file within the size limit holds fewer without aliases; with
     * them, 50 aliases doubling a list 25 times would build 2^25 (a "billion laughs" example).
     */
    static final int MAX_VALUES = 1_000_000;

    /** A node that expands, through YAML aliases, to more than {@link #MAX_VALUES} values. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("examples expand to more than " + MAX_VALUES + " values (YAML aliases repeat what they name)", null, false, false);
        }
    }

    private YamlJson() {
    }

    static JsonNode toJson(Node node) {
        return toJson(node, new int[] {MAX_VALUES});
    }

    private static JsonNode toJson(Node node, int[] budget) {
        if (--budget[0] < 0) {
            throw new TooLarge();
        }
        if (node instanceof Mapping m) {
            ObjectNode o = F.objectNode();
            for (Entry e : m.entries()) {
                String key = e.key() instanceof Scalar k ? k.text() : "?";
                o.set(key, toJson(e.value(), budget));
            }
            return o;
        }
        if (node instanceof Sequence s) {
            ArrayNode a = F.arrayNode();
            for (Node n : s.items()) {
                a.add(toJson(n, budget));
            }
            return a;
        }
        return scalar((Scalar) node);
    }

    private static JsonNode scalar(Scalar s) {
        String v = s.text();
        String tag = s.tag();
        try {
            if (Scalar.NULL_TAG.equals(tag)) {
                return F.nullNode();
            }
            if (Scalar.BOOL_TAG.equals(tag)) {
                String l = v.toLowerCase(Locale.ROOT);
                return F.booleanNode(l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y"));
            }
            if (Scalar.INT_TAG.equals(tag)) {
                String digits = v.replace("_", "");
                BigInteger b = new BigInteger(digits);
                return b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
            }
            if (Scalar.FLOAT_TAG.equals(tag)) {
                return F.numberNode(new BigDecimal(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // an octal, hex or sexagesimal YAML 1.1 number: keep its text
        }
        return F.textNode(v);
    }
}
