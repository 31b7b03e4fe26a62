package dev.tracex.engine.logging;

import java.util.Locale;

/** The levels of tracex's lines, lowest first; {@link #OFF} as a threshold turns every line off. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR, OFF;

    /**
     * A level as {@code DD_LOG_LEVEL} ({@code trace}, {@code debug}, {@code info}, {@code warn},
     * {@code error}, {@code off}) or {@code AWS_LAMBDA_LOG_LEVEL} ({@code TRACE} ... {@code FATAL}) spell
     * it, in any case; {@code null} for anything else. tracex has no trace lines, so {@code trace} is
     * {@link #DEBUG}; {@code fatal} is {@link #ERROR}; {@code warning} is accepted as Java spells it.
     */
    public static LogLevel parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trace":
            case "debug":
                return DEBUG;
            case "info":
                return INFO;
            case "warn":
            case "warning":
                return WARN;
            case "error":
            case "fatal":
                return ERROR;
            case "off":
                return OFF;
            default:
                return null;
        }
    }
}
