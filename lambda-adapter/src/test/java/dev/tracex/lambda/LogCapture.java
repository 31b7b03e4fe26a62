package dev.tracex.lambda;

import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.LogOutput;
import dev.tracex.engine.logging.Logging;

import java.util.ArrayList;
import java.util.List;

/** tracex's lines captured for a test instead of written, from INFO up (as a function's default), as "LEVEL message". */
public final class LogCapture implements LogOutput, AutoCloseable {
    private final Logging.Setup previous = Logging.swap(new Logging.Setup(LogLevel.INFO, this));
    public final List<String> lines = new ArrayList<>();

    @Override
    public boolean enabled(LogLevel level, String logger) {
        return true;
    }

    @Override
    public synchronized void write(LogLevel level, String logger, String message) {
        lines.add(level + " " + message);
    }

    @Override
    public void close() {
        Logging.swap(previous);
    }
}
