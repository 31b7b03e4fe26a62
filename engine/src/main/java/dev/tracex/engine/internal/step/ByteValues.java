package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Bytes spelled as JSON values, as Lambda delivers Kafka header values: an array of byte values, each a
 * number or a string of digits ({@code [104, 101]}, {@code ["104", "101"]}), or an object keyed by index
 * ({@code {"0": "104", "1": "101"}}, in index order). Values above 255 or below 0, fractions, other
 * kinds and gaps in the indices give nothing. Internal.
 */
final class ByteValues {
    /** Far above any trace header (a traceparent is 55 bytes, tracestate at most 512 members), far below a heap problem. */
    static final int MAX_BYTES = 64 * 1024;

    private ByteValues() {
    }

    /** The bytes, or {@code null} when {@code value} is not bytes in one of the accepted spellings. */
    static byte[] of(JsonNode value) {
        if (value.isArray()) {
            if (value.size() > MAX_BYTES) {
                return null;
            }
            byte[] out = new byte[value.size()];
            for (int i = 0; i < out.length; i++) {
                int b = byteValue(value.get(i));
                if (b < 0) {
                    return null;
                }
                out[i] = (byte) b;
            }
            return out;
        }
        if (value.isObject()) {
            if (value.size() > MAX_BYTES) {
                return null;
            }
            byte[] out = new byte[value.size()];
            boolean[] seen = new boolean[out.length];
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int index = index(e.getKey(), out.length);
                int b = byteValue(e.getValue());
                if (index < 0 || seen[index] || b < 0) {
                    return null;
                }
                seen[index] = true;
                out[index] = (byte) b;
            }
            return out; // n distinct indices below n: every index 0..n-1 is present
        }
        return null;
    }

    /** 0..255, or -1. */
    private static int byteValue(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            int b = v.intValue();
            return b >= 0 && b <= 255 ? b : -1;
        }
        if (v.isTextual()) {
            return smallNumber(v.textValue(), 255);
        }
        return -1;
    }

    /** The index {@code key} spells if it is below {@code size}, else -1. */
    private static int index(String key, int size) {
        return smallNumber(key, size - 1);
    }

    /** A string of 1 to 7 ASCII digits whose value is at most {@code max}, or -1. */
    private static int smallNumber(String s, int max) {
        if (s.isEmpty() || s.length() > 7) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }
}
