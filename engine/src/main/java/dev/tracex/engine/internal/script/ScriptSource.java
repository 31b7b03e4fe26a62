package dev.tracex.engine.internal.script;

import dev.tracex.engine.propagation.PropagationStyle;

import java.util.List;

/**
 * A JS snippet and where it sits in its file, so a JS error's position maps back to the file:
 * snippet line {@code l}, column {@code c} (both from 1) is file line {@code line + l - 1} and, on the
 * snippet's first line, column {@code column + c - 1}; on later lines of a block scalar, column
 * {@code indent + c}. Internal: may change without notice.
 *
 * @param rule   the rule's name as it is attributed (e.g. {@code legacy} or {@code builtin.x})
 * @param code   the snippet: a function expression, or a whole module for a {@code .js} file
 * @param file   the rules file's name as errors print it
 * @param line   file line of the snippet's first line
 * @param column file column of the snippet's first character
 * @param indent for block scalars, the indentation stripped from each line; else 0
 * @param styles formats a Go-style headers result is decoded with
 */
public record ScriptSource(String rule, String code, String file, int line, int column, int indent,
                           List<PropagationStyle> styles) {
    /** The file position of snippet line {@code l}, column {@code c}, as {@code {line, column}}. */
    public int[] filePosition(int l, int c) {
        if (l <= 1) {
            return new int[] {line, column + Math.max(c, 1) - 1};
        }
        return new int[] {line + l - 1, indent + Math.max(c, 1)};
    }
}
