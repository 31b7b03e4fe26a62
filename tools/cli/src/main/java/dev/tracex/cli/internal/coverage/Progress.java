package dev.tracex.cli.internal.coverage;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.function.LongSupplier;

/**
 * The line a long coverage run keeps up to date on a terminal ({@code 12,345 events, 12,001 with a context}): only on
 * a terminal, only once the run has taken two seconds, at most five times a second, and wiped when the run ends, so
 * output that is piped or redirected, and short runs, show no trace of it.
 */
public final class Progress {
    static final long QUIET_NANOS = 2_000_000_000L;
    static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long start;
    private long last;
    private int width;

    /**
     * @param out      where the line goes (standard error)
     * @param terminal whether {@code out} is a terminal: nothing is printed otherwise
     * @param nanos    the clock, {@link System#nanoTime} but in tests
     */
    public Progress(PrintWriter out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.last = start;
    }

    /** True when this process's standard streams are a terminal (on JDK 22 and later, {@code Console.isTerminal()}). */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From JDK 22, System.console() is not null when the streams are redirected; isTerminal() says which.
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22: a console means a terminal
        }
    }

    /** Called after each event: redraws the line when it is due. */
    public void update(long events, long found) {
        if (!terminal) {
            return;
        }
        long now = nanos.getAsLong();
        if (now - start < QUIET_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        String line = String.format(java.util.Locale.ROOT, "%,d events, %,d with a context", events, found);
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
    }

    /** Wipes the line, if one was drawn. */
    public void finish() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }
}
