package dev.tracex.engine;

/**
 * The outcome of one {@code examples:} entry of a rule.
 *
 * @param rule    the rule the example belongs to
 * @param index   its position in the rule's list, from 1
 * @param name    its {@code name:}, or {@code null}
 * @param line    where it starts in the file
 * @param column  where it starts in the file
 * @param passed  whether the extracted context matched {@code expect}
 * @param message what differed, or "" when it passed
 * @param explanation for a failed example whose event was read, how the rule went about it (see
 *                    {@link Extractor#explain}); else {@code null}
 */
public record ExampleResult(String rule, int index, String name, int line, int column, boolean passed, String message,
                            Explanation explanation) {
    /** A result without an explanation. */
    public ExampleResult(String rule, int index, String name, int line, int column, boolean passed, String message) {
        this(rule, index, name, line, column, passed, message, null);
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + rule + " example " + index + (name == null ? "" : " (" + name + ")")
                + (passed ? "" : ": " + message);
    }
}
