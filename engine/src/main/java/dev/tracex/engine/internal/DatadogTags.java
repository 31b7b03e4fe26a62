package dev.tracex.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code x-datadog-tags} header form: {@code key=value} pairs joined by commas, of which only the
 * propagated {@code _dd.p.*} tags are kept. Datadog's tracers drop the whole header past 512 characters,
 * and so does this. Internal: may change without notice.
 */
public final class DatadogTags {
    /** Datadog's limit on the {@code x-datadog-tags} header. */
    public static final int MAX_LENGTH = 512;

    private DatadogTags() {
    }

    /** The {@code _dd.p.*} tags of {@code header}, in order; empty when it is too long. Malformed pairs are skipped. */
    public static Map<String, String> parse(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.length() > MAX_LENGTH) {
            return tags;
        }
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (key.startsWith("_dd.p.") && key.length() > 6 && !value.isEmpty()) {
                tags.put(key, value);
            }
        }
        return tags;
    }
}
