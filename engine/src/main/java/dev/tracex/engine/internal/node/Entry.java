package dev.tracex.engine.internal.node;

/** One key and its value in a {@link Mapping}. */
public record Entry(Node key, Node value) {
}
