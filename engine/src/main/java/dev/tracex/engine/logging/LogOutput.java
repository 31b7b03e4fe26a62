package dev.tracex.engine.logging;

/**
 * Where tracex's lines go. One {@link #write} is one log event: an output never splits a line, and
 * writes a message's line breaks only where they stay inside that event (a runtime's frame, a JSON
 * string). Implementations are thread-safe.
 *
 * <p>Also a service interface: an implementation named in
 * {@code META-INF/services/dev.tracex.engine.logging.LogOutput} whose {@link #appliesHere()}
 * is true is used when the function has no SLF4J provider (the Lambda adapter's runtime log stream).
 */
public interface LogOutput {
    /** Whether a line of {@code level} from {@code logger} would be written (the function's own configuration may say no). */
    boolean enabled(LogLevel level, String logger);

    /** Writes one line; never throws. */
    void write(LogLevel level, String logger, String message);

    /** For a service implementation: whether it can be used in this process. */
    default boolean appliesHere() {
        return true;
    }
}
