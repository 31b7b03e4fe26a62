package dev.tracex.cli.internal.location;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path from the root of a JSON document to one value: object keys and array indices, written as the JSONPath a
 * rule takes ({@code $.Records[0].messageAttributes._datadog}, {@code $.headers['x-datadog-trace-id']}). Immutable.
 */
public final class EventPath {
    /** Keys written with a dot; anything else goes in brackets, which Jayway reads for every key. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final EventPath ROOT = new EventPath(List.of());

    private final List<Object> segments;

    private EventPath(List<Object> segments) {
        this.segments = segments;
    }

    /** {@code $}. */
    public static EventPath root() {
        return ROOT;
    }

    /** This path, then the object key {@code key}. */
    public EventPath key(String key) {
        return append(Objects.requireNonNull(key, "key"));
    }

    /** This path, then the array index {@code index}. */
    public EventPath index(int index) {
        return append(index);
    }

    private EventPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new EventPath(List.copyOf(longer));
    }

    /** The keys ({@link String}) and indices ({@link Integer}) from the root, in order. */
    public List<Object> segments() {
        return segments;
    }

    /** True for {@code $} itself. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The object keys of this path, in order, without the indices. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Object s : segments) {
            if (s instanceof String k) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** This path with every index replaced by {@code *}: the same place in every item of the arrays it crosses. */
    public String shape() {
        StringBuilder out = new StringBuilder("$");
        for (Object s : segments) {
            if (s instanceof Integer) {
                out.append("[*]");
            } else {
                appendKey(out, (String) s);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("$");
        for (Object s : segments) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                appendKey(out, (String) s);
            }
        }
        return out.toString();
    }

    private static void appendKey(StringBuilder out, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            out.append('.').append(key);
        } else {
            out.append("['").append(key.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
