package dev.tracex.engine.internal.node;

import java.util.Collections;
import java.util.List;

/**
 * A sequence: its items in order, and whether it was written in flow style ({@code [a, b]}). Not a record, for the
 * reason {@link Mapping} gives.
 */
public final class Sequence implements Node {
    private final List<Node> items;
    private final boolean flow;
    private final Position start;
    private final Position end;

    private Sequence(List<Node> items, boolean flow, Position start, Position end) {
        this.items = items;
        this.flow = flow;
        this.start = start;
        this.end = end;
    }

    /** A sequence of {@code items}, copied. */
    public static Sequence of(List<Node> items, boolean flow, Position start, Position end) {
        return new Sequence(List.copyOf(items), flow, start, end);
    }

    /** As {@link Mapping#filledLater}: the items are added by {@link SnakeYamlNodes} after it is made. */
    static Sequence filledLater(List<Node> filledLater, boolean flow, Position start, Position end) {
        return new Sequence(Collections.unmodifiableList(filledLater), flow, start, end);
    }

    public List<Node> items() {
        return items;
    }

    public boolean flow() {
        return flow;
    }

    @Override
    public Position start() {
        return start;
    }

    @Override
    public Position end() {
        return end;
    }
}
