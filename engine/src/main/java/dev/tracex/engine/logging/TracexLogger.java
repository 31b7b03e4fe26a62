package dev.tracex.engine.logging;

/**
 * A named source of tracex lines ({@code dev.tracex.engine}, {@code dev.tracex.lambda}). Each call is
 * one line in the current {@link Logging} setup; messages name rules and paths, never event content.
 *
 * <pre>{@code
 * private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");
 * if (LOG.debugging()) { LOG.debug("rule \"sqs\": no context at $.Records[0].body: not JSON"); }
 * }</pre>
 */
public final class TracexLogger {
    private final String name;

    private TracexLogger(String name) {
        this.name = name;
    }

    public static TracexLogger named(String name) {
        return new TracexLogger(name);
    }

    public String name() {
        return name;
    }

    /** Whether debug lines are written; checked before building one. */
    public boolean debugging() {
        return enabled(LogLevel.DEBUG);
    }

    public boolean enabled(LogLevel level) {
        Logging.Setup s = Logging.current();
        return level.compareTo(s.threshold()) >= 0 && level != LogLevel.OFF && s.output().enabled(level, name);
    }

    public void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    public void info(String message) {
        log(LogLevel.INFO, message);
    }

    public void warn(String message) {
        log(LogLevel.WARN, message);
    }

    public void error(String message) {
        log(LogLevel.ERROR, message);
    }

    private void log(LogLevel level, String message) {
        Logging.Setup s = Logging.current();
        if (level.compareTo(s.threshold()) >= 0 && s.output().enabled(level, name)) {
            try {
                s.output().write(level, name, message);
            } catch (RuntimeException e) {
                // A failing log backend never fails an extraction.
            }
        }
    }
}
