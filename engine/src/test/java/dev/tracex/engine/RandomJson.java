package dev.tracex.engine;

import java.util.Random;

/** Random JSON documents biased toward the shapes rules read: Records, _datadog, ids, base64-ish text. */
public final class RandomJson {
    private static final String[] KEYS = {"_datadog", "Records", "body", "t", "p", "x-datadog-trace-id",
            "x-datadog-parent-id", "x-datadog-sampling-priority", "x-datadog-tags", "traceparent", "tracestate", "b3",
            "messageAttributes", "stringValue", "headers", "data"};
    private static final String[] STRINGS = {"", "1", "0", "-1", "18446744073709551615", "18446744073709551616",
            "{\"x-datadog-trace-id\":\"1\",\"x-datadog-parent-id\":\"2\"}", "{", "H4sIAAAAAAAA", "_dd.p.tid=zz",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "dd=s:2;o:rum", "\u0000\uffff", "eyJhIjoxfQ=="};

    private RandomJson() {
    }

    public static String document(Random r) {
        StringBuilder b = new StringBuilder();
        value(r, b, 0);
        return b.toString();
    }

    private static void value(Random r, StringBuilder b, int depth) {
        int kind = depth > 5 ? 3 + r.nextInt(4) : r.nextInt(7);
        switch (kind) {
            case 0, 1 -> {
                b.append('{');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\":");
                    value(r, b, depth + 1);
                }
                b.append('}');
            }
            case 2 -> {
                b.append('[');
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    value(r, b, depth + 1);
                }
                b.append(']');
            }
            case 3 -> b.append(r.nextBoolean() ? Long.toString(r.nextLong()) : "1e400");
            case 4 -> b.append(r.nextBoolean() ? "true" : "null");
            default -> b.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(STRINGS[r.nextInt(STRINGS.length)]));
        }
    }
}
