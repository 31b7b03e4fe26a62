package dev.tracex.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rules file could not be compiled. Lists every problem found, not just the first, one per line in
 * the form {@code <file>:<line>:<column>: rule "<name>": <message>}.
 */
public final class RuleCompilationException extends Exception {
    private final List<RuleError> errors;

    public RuleCompilationException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in the order they appear in the file. */
    public List<RuleError> errors() {
        return errors;
    }
}
