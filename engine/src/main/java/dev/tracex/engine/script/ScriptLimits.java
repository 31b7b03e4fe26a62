package dev.tracex.engine.script;

import java.time.Duration;

/**
 * What stops a runaway JS extractor, per call: a statement count and a wall-clock time; and how many
 * idle contexts a compiled script keeps for reuse.
 *
 * @param statements the most JS statements one call (or a snippet's evaluation) may run
 * @param timeout    the longest one call may take before its context is cancelled
 * @param idle       the most idle contexts kept per compiled snippet or module
 */
record ScriptLimits(long statements, Duration timeout, int idle) {
    static final String STATEMENTS_PROPERTY = "tracex.js.statementLimit";
    static final String TIMEOUT_PROPERTY = "tracex.js.timeoutMillis";

    /** The defaults, overridable by the system properties {@value #STATEMENTS_PROPERTY} and {@value #TIMEOUT_PROPERTY}. */
    static ScriptLimits fromSystemProperties() {
        return new ScriptLimits(Long.getLong(STATEMENTS_PROPERTY, 1_000_000L),
                Duration.ofMillis(Long.getLong(TIMEOUT_PROPERTY, 1_000L)),
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
