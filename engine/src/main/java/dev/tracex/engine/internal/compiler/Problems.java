package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleError;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Position;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found while compiling one rules file, collected to be thrown once. Not thread-safe. */
final class Problems {
    private final String file;
    private final List<RuleError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem at a YAML node's start. */
    void at(Node node, String rule, String message) {
        Position p = node.start();
        add(p.line() + 1, p.column() + 1, rule, message);
    }

    /** A problem at a line and column (from 1). */
    void add(int line, int column, String rule, String message) {
        errors.add(new RuleError(file, line, column, rule, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Every problem, in file order. */
    List<RuleError> sorted() {
        List<RuleError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
        return sorted;
    }
}
