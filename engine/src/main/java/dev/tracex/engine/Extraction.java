package dev.tracex.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an extractor found in one event: the parent context, if any, and for batch events one context
 * per record (in record order, records without one skipped) to attach as span links.
 *
 * <p>Immutable. {@link #none()} is the result whenever nothing usable was found, including on
 * malformed input.
 */
public final class Extraction {
    private static final Extraction NONE = new Extraction(null, List.of());

    private final TraceContext parent;
    private final List<TraceContext> links;

    private Extraction(TraceContext parent, List<TraceContext> links) {
        this.parent = parent;
        this.links = links;
    }

    public static Extraction none() {
        return NONE;
    }

    public static Extraction of(TraceContext parent) {
        return parent == null ? NONE : new Extraction(parent, List.of());
    }

    public static Extraction of(TraceContext parent, List<TraceContext> links) {
        List<TraceContext> copy = List.copyOf(Objects.requireNonNull(links, "links"));
        return parent == null && copy.isEmpty() ? NONE : new Extraction(parent, copy);
    }

    /** The context the invocation continues. */
    public Optional<TraceContext> parent() {
        return Optional.ofNullable(parent);
    }

    /** One context per batch record that carried one; empty for single events. */
    public List<TraceContext> links() {
        return links;
    }

    /** True when neither a parent nor any link was found. */
    public boolean isEmpty() {
        return parent == null && links.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extraction
                && Objects.equals(parent, ((Extraction) o).parent)
                && links.equals(((Extraction) o).links);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parent, links);
    }

    @Override
    public String toString() {
        return "Extraction{parent=" + parent + ", links=" + links.size() + "}";
    }
}
