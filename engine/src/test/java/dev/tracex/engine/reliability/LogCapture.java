package dev.tracex.engine.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the engine logs: its {@code System.Logger} named {@code dev.tracex.engine} goes to
 * java.util.logging when no other backend is installed (as in these tests). Opening sets the logger to
 * {@code ALL}, so debug lines are produced (and their cost paid) as in a function with debug logging
 * on; closing restores it. Thread-safe.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.tracex.engine");
    private final Level previous;
    private final List<String> lines = new ArrayList<>();

    LogCapture() {
        previous = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Every record so far as one string: its message (with parameters) and its exception's messages. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets what was captured so far. */
    synchronized void clear() {
        lines.clear();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder b = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                b.append(' ').append(p);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            b.append(" | ").append(t);
        }
        lines.add(b.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
