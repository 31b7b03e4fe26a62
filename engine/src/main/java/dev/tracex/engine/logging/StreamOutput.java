package dev.tracex.engine.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Lines as text on a stream, {@code [WARN] dev.tracex.engine: rule "sqs": ...}: the output of a process
 * with neither an SLF4J provider nor a Lambda runtime (a plain JVM, the command line). A message's line
 * breaks are kept: a person reads this stream.
 */
public final class StreamOutput implements LogOutput {
    private final Consumer<String> sink;

    private StreamOutput(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Lines on {@code err}, flushed one by one. */
    public static StreamOutput to(PrintWriter err) {
        return new StreamOutput(line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Lines on {@code err}, looked up at each line (so a test's replaced {@code System.err} sees them). */
    static StreamOutput toStandardError() {
        return new StreamOutput(line -> {
            PrintStream err = System.err;
            err.println(line);
        });
    }

    /** The text of one line. */
    public static String text(LogLevel level, String logger, String message) {
        return "[" + level + "] " + logger + ": " + message;
    }

    @Override
    public boolean enabled(LogLevel level, String logger) {
        return true;
    }

    @Override
    public void write(LogLevel level, String logger, String message) {
        sink.accept(text(level, logger, message));
    }

    @Override
    public String toString() {
        return "standard error";
    }
}
