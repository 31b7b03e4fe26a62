package dev.tracex.engine;

import java.util.Objects;

/**
 * One problem in a rules file, with its position: {@code <file>:<line>:<column>: rule "<name>": <message>}.
 * Lines and columns count from 1. The rule is {@code null} for problems outside any rule.
 */
public final class RuleError {
    private final String file;
    private final int line;
    private final int column;
    private final String rule;
    private final String message;

    public RuleError(String file, int line, int column, String rule, String message) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.rule = rule;
        this.message = Objects.requireNonNull(message, "message");
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The rule the problem is in, or {@code null} when it is outside any rule. */
    public String rule() {
        return rule;
    }

    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleError && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (rule == null ? "" : "rule \"" + rule + "\": ") + message;
    }
}
