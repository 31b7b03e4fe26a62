package dev.tracex.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The adapter's log records (System.Logger → JUL by default), captured for a test. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.tracex.lambda");
    private final Level previous = logger.getLevel();
    private final boolean previousUseParent = logger.getUseParentHandlers();
    final List<String> lines = new ArrayList<>();

    LogCapture() {
        logger.addHandler(this);
        logger.setLevel(Level.INFO);
        logger.setUseParentHandlers(false); // captured and asserted, not printed
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
        logger.setUseParentHandlers(previousUseParent);
    }
}
