package dev.tracex.engine.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * tracex's log lines captured for a test instead of written: opening swaps the log setup for one that keeps every
 * line from a threshold up, closing puts the previous setup back. From {@code DEBUG} debug lines are produced, and
 * their cost paid, as in a function with {@code DD_LOG_LEVEL=debug}; from {@code INFO} as a function's default.
 * The one capture of every module's tests (the engine's test-jar). Thread-safe.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
 *     extractor.extract(event);
 *     assertThat(log.lines()).containsExactly("WARN rule \"sqs\": ...");
 * }
 * }</pre>
 */
public final class LogCapture implements LogOutput, AutoCloseable {
    private record Line(LogLevel level, String message) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final Logging.Setup previous;

    private LogCapture(LogLevel threshold) {
        previous = Logging.swap(new Logging.Setup(threshold, this));
    }

    /** Captures every line from {@code threshold} up, until closed. */
    public static LogCapture from(LogLevel threshold) {
        return new LogCapture(threshold);
    }

    /** Every line so far, as {@code "LEVEL message"}. */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(l.level() + " " + l.message());
        }
        return out;
    }

    /** Every line's message so far, without its level. */
    public synchronized List<String> messages() {
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(l.message());
        }
        return out;
    }

    /** Forgets what was captured so far. */
    public synchronized void clear() {
        lines.clear();
    }

    @Override
    public boolean enabled(LogLevel level, String logger) {
        return true;
    }

    @Override
    public synchronized void write(LogLevel level, String logger, String message) {
        lines.add(new Line(level, message));
    }

    @Override
    public void close() {
        Logging.swap(previous);
    }
}
