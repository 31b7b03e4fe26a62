package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Hex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code x-datadog-tags} header: {@code key=value} pairs joined by commas, of which only the
 * propagated {@code _dd.p.*} tags are kept.
 *
 * <p>Datadog's tracers drop the whole header when one entry is malformed; this parser skips just that
 * entry, so one bad tag from a foreign writer does not cost the decision maker tag next to it.
 */
public final class DatadogTags {
    /** Datadog's default {@code DD_TRACE_X_DATADOG_TAGS_MAX_LENGTH}: a longer header is ignored whole. */
    static final int MAX_LENGTH = 512;
    static final String PREFIX = "_dd.p.";

    private static final Parsed NONE = new Parsed(Map.of(), 0);

    private DatadogTags() {
    }

    /**
     * The propagated tags in a header value, and the upper 64 bits of the trace id from its {@code _dd.p.tid}
     * (0 when absent or malformed). Never throws; {@code null} or an over-long value gives no tags.
     */
    public static Parsed parse(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return NONE;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        long high = 0;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            int eq = header.indexOf('=', start);
            // A key and a value, both non-empty, inside this entry.
            if (eq > start && eq < end - 1 && isKey(header, start, eq) && isValue(header, eq + 1, end)) {
                String key = header.substring(start, eq);
                if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                    String value = header.substring(eq + 1, end);
                    if (key.equals(TraceContext.TRACE_ID_HIGH_TAG)) {
                        long tid = parseTid(value);
                        high = tid != 0 ? tid : high;
                    } else {
                        tags.put(key, value);
                    }
                }
            }
            start = end + 1;
        }
        return tags.isEmpty() && high == 0 ? NONE : new Parsed(Collections.unmodifiableMap(tags), high);
    }

    /**
     * The header value for the {@code _dd.p.*} entries of {@code tags}, or {@code null} when there are none
     * or they would exceed {@link #MAX_LENGTH}: Datadog drops the header rather than send a cut tag set
     * that would misstate the decision maker. Entries that could not be read back are left out.
     */
    static String format(Map<String, String> tags) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (!key.startsWith(PREFIX) || key.length() == PREFIX.length() || value.isEmpty()
                    || !isKey(key, 0, key.length()) || key.indexOf('=') >= 0 || !isValue(value, 0, value.length())) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(key).append('=').append(value);
        }
        return sb.length() == 0 || sb.length() > MAX_LENGTH ? null : sb.toString();
    }

    /** {@code _dd.p.tid}: exactly 16 lowercase hex digits, not all zero; else 0. */
    static long parseTid(String value) {
        if (value.length() != 16 || !Hex.isHex(value, true)) {
            return 0;
        }
        return Hex.parse(value, 0, 16, true);
    }

    // Datadog's grammar: keys are printable ASCII without space or comma, values printable ASCII without comma.
    private static boolean isKey(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~' || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static boolean isValue(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** What {@link #parse} found: tags without {@code _dd.p.tid}, and the trace id's upper bits. */
    public record Parsed(Map<String, String> tags, long traceIdHigh) {
    }
}
