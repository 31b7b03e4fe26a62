package dev.tracex.engine.internal.node;

/**
 * Where a node starts or ends in its file: line and column from 0 (error messages add 1), and the index of the
 * code point from the file's start.
 */
public record Position(int line, int column, int index) {
}
