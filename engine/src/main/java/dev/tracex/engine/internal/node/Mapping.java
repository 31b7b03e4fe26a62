package dev.tracex.engine.internal.node;

import java.util.Collections;
import java.util.List;

/**
 * A mapping: its entries in the file's order (duplicate keys kept: the compiler reports them), and whether it was
 * written in flow style ({@code {a: 1}}). Not a record: a cycle through an alias would make a record's
 * {@code equals}, {@code hashCode} and {@code toString} recurse without end.
 */
public final class Mapping implements Node {
    private final List<Entry> entries;
    private final boolean flow;
    private final Position start;
    private final Position end;

    private Mapping(List<Entry> entries, boolean flow, Position start, Position end) {
        this.entries = entries;
        this.flow = flow;
        this.start = start;
        this.end = end;
    }

    /** A mapping of {@code entries}, copied. */
    public static Mapping of(List<Entry> entries, boolean flow, Position start, Position end) {
        return new Mapping(List.copyOf(entries), flow, start, end);
    }

    /**
     * A mapping whose entries {@link SnakeYamlNodes} adds to {@code filledLater} after making it, so that an alias
     * among them can name it; nothing reads it before.
     */
    static Mapping filledLater(List<Entry> filledLater, boolean flow, Position start, Position end) {
        return new Mapping(Collections.unmodifiableList(filledLater), flow, start, end);
    }

    /** This mapping's positions and style with other entries. */
    public Mapping withEntries(List<Entry> other) {
        return of(other, flow, start, end);
    }

    public List<Entry> entries() {
        return entries;
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
