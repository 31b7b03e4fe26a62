package dev.tracex.engine.reliability;

import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.LogOutput;
import dev.tracex.engine.logging.Logging;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures what the engine logs, instead of its output: opening swaps tracex's log setup for one that
 * keeps every line from {@code DEBUG} up, so debug lines are produced (and their cost paid) as in a
 * function with {@code DD_LOG_LEVEL=debug}; closing restores the setup. Thread-safe.
 */
final class LogCapture implements LogOutput, AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final Logging.Setup previous;

    LogCapture() {
        previous = Logging.swap(new Logging.Setup(LogLevel.DEBUG, this));
    }

    /** Every line so far: its message. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets what was captured so far. */
    synchronized void clear() {
        lines.clear();
    }

    @Override
    public boolean enabled(LogLevel level, String logger) {
        return true;
    }

    @Override
    public synchronized void write(LogLevel level, String logger, String message) {
        lines.add(message);
    }

    @Override
    public void close() {
        Logging.swap(previous);
    }
}
