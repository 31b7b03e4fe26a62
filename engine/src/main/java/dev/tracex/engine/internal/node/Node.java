package dev.tracex.engine.internal.node;

/**
 * A node of a composed YAML file: a {@link Scalar}, a {@link Mapping} or a {@link Sequence}, with where it starts
 * and ends. Immutable once built. A YAML alias is the node its anchor names, so a tree may share nodes, and an
 * anchor aliased inside itself makes a cycle: a walk into arbitrary values needs a budget (as the examples'
 * conversion to JSON has).
 */
public sealed interface Node permits Scalar, Mapping, Sequence {
    Position start();

    Position end();
}
