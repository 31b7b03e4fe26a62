package dev.tracex.engine.internal.json;

/**
 * Something that reads parts of an event and can mark them in a {@link Projection}: a compiled rule. An
 * interface of its own so that {@link Projection#of} can ask a rule to project itself while paths stay
 * below rules (rules depend on paths, never the reverse). Internal: may change without notice.
 */
public interface Projectable {
    /** Marks in {@code root} the parts of the event this can read. */
    void project(Projection root);
}
