package dev.tracex.cli.internal.suggest;

import dev.tracex.cli.internal.location.EventPath;

import java.util.ArrayList;
import java.util.List;

/**
 * How a rule's pipeline reaches a value: a path in the event itself, then decoding steps ({@code json},
 * {@code base64}, ...) and paths into what they decoded, e.g. {@code $.Records[0].kinesis.data | base64 | json |
 * $._datadog}. Immutable; each method returns a longer route.
 */
final class Route {
    private final EventPath raw;
    /** After the raw path: step names ({@link String}) and relative paths ({@link EventPath}). */
    private final List<Object> after;

    private Route(EventPath raw, List<Object> after) {
        this.raw = raw;
        this.after = after;
    }

    static Route root() {
        return new Route(EventPath.root(), List.of());
    }

    Route key(String key) {
        return extend(p -> p.key(key));
    }

    Route index(int index) {
        return extend(p -> p.index(index));
    }

    /** This route, then the pipeline step {@code step}. */
    Route then(String step) {
        List<Object> longer = new ArrayList<>(after);
        longer.add(step);
        return new Route(raw, List.copyOf(longer));
    }

    private Route extend(java.util.function.UnaryOperator<EventPath> step) {
        if (after.isEmpty()) {
            return new Route(step.apply(raw), after);
        }
        List<Object> longer = new ArrayList<>(after);
        Object last = longer.get(longer.size() - 1);
        if (last instanceof EventPath p) {
            longer.set(longer.size() - 1, step.apply(p));
        } else {
            longer.add(step.apply(EventPath.root()));
        }
        return new Route(raw, List.copyOf(longer));
    }

    /** The path in the event the pipeline starts with: what a rule reads of the event. */
    EventPath raw() {
        return raw;
    }

    /** The decoding steps after the raw path, in order ({@code base64}, {@code json}, ...). */
    List<String> decodings() {
        List<String> steps = new ArrayList<>();
        for (Object a : after) {
            if (a instanceof String step) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The last object key along the route, or {@code null}. */
    String lastKey() {
        List<String> keys = keys();
        return keys.isEmpty() ? null : keys.get(keys.size() - 1);
    }

    /** How many stages the pipeline has. */
    int stages() {
        return 1 + after.size();
    }

    /** Every object key along the route, raw and decoded, in order: what a rule's name is made from. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(raw.keys());
        for (Object a : after) {
            if (a instanceof EventPath p) {
                keys.addAll(p.keys());
            }
        }
        return keys;
    }

    /** The route with array indices as {@code [*]}: the same place in every record of a batch. */
    String shape() {
        StringBuilder out = new StringBuilder(raw.shape());
        for (Object a : after) {
            out.append(" | ").append(a instanceof EventPath p ? p.shape() : a);
        }
        return out.toString();
    }

    /** The pipeline as a rule writes it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(raw.toString());
        for (Object a : after) {
            out.append(" | ").append(a);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && r.raw.equals(raw) && r.after.equals(after);
    }

    @Override
    public int hashCode() {
        return raw.hashCode() * 31 + after.hashCode();
    }
}
