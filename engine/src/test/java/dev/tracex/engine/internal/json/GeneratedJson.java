package dev.tracex.engine.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random JSON documents of every kind of value, with white space between tokens: names and strings with escapes,
 * non-ASCII text, a surrogate pair and a lone surrogate's escape, numbers at the edges of int, long, double and JS's
 * exact integers. The differential tests of the JSON readers use it ({@code JsonReaderTest} against jackson-core,
 * {@code JsonParseValuesTest} against GraalJS's {@code JSON.parse}).
 */
public final class GeneratedJson {
    private static final String[] NAMES = {"Records", "body", "messageAttributes", "x-datadog-trace-id", "é", "k\\\"q", "",
        "\\u00e9t\\u00e9", "😀", "1", "__proto__"};
    private static final String[] STRINGS = {"", "abc", "é", "€", "😀", "\\n\\t\\\"", "\\ud83d\\ude00", "\\ud800", "\\u0000",
        "/", "\\/", "{\\\"_datadog\\\":{}}", "a".repeat(70)};
    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483649",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "98765432109876543210",
        "0.5", "-1.25e-3", "6.02E23", "1e308", "1e309", "123.456e+7", "-0.0"};
    private static final String[] SPACES = {"", "", "", " ", "\n", "\r\n\t "};

    private GeneratedJson() {
    }

    /** A random document, as UTF-8. */
    public static byte[] document(Random r) {
        return text(r).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #document}'s text, for readers of strings ({@code JSON.parse}). */
    public static String text(Random r) {
        StringBuilder b = new StringBuilder();
        value(r, b, 0);
        return b.toString();
    }

    private static void value(Random r, StringBuilder b, int depth) {
        b.append(SPACES[r.nextInt(SPACES.length)]);
        switch (depth > 4 ? 2 + r.nextInt(4) : r.nextInt(6)) {
            case 0 -> {
                b.append('{');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(SPACES[r.nextInt(SPACES.length)]);
                    b.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"').append(SPACES[r.nextInt(SPACES.length)]).append(':');
                    value(r, b, depth + 1);
                }
                b.append(SPACES[r.nextInt(SPACES.length)]).append('}');
            }
            case 1 -> {
                b.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "");
                    value(r, b, depth + 1);
                }
                b.append(SPACES[r.nextInt(SPACES.length)]).append(']');
            }
            case 2 -> b.append('"').append(STRINGS[r.nextInt(STRINGS.length)]).append('"');
            case 3 -> b.append(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 4 -> b.append(r.nextBoolean() ? "true" : "false");
            default -> b.append("null");
        }
        b.append(SPACES[r.nextInt(SPACES.length)]);
    }
}
