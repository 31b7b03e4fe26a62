package dev.tracex.engine.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lines through SLF4J, so they join the function's own logging (Logback, Log4j 2 through
 * {@code log4j-slf4j2-impl}, ...) and obey its configuration for the {@code dev.tracex} loggers. Loaded
 * only when a provider is present ({@link Slf4jProviders}): this class is the only one that touches
 * {@code LoggerFactory}.
 */
final class Slf4jOutput implements LogOutput {
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    private Logger logger(String name) {
        return loggers.computeIfAbsent(name, LoggerFactory::getLogger);
    }

    @Override
    public boolean enabled(LogLevel level, String logger) {
        Logger l = logger(logger);
        switch (level) {
            case DEBUG:
                return l.isDebugEnabled();
            case INFO:
                return l.isInfoEnabled();
            case WARN:
                return l.isWarnEnabled();
            case ERROR:
                return l.isErrorEnabled();
            default:
                return false;
        }
    }

    @Override
    public void write(LogLevel level, String logger, String message) {
        Logger l = logger(logger);
        switch (level) {
            case DEBUG:
                l.debug(message);
                break;
            case INFO:
                l.info(message);
                break;
            case WARN:
                l.warn(message);
                break;
            case ERROR:
                l.error(message);
                break;
            default:
                break;
        }
    }

    @Override
    public String toString() {
        return "SLF4J";
    }
}
