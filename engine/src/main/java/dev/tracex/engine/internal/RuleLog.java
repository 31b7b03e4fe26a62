package dev.tracex.engine.internal;

/**
 * Debug lines for events a rule could not use. They name the rule and the path, never the event's
 * content, which may hold personal data.
 *
 * <p>One line per extraction: while an extraction is open on a thread ({@link #begin}), the first
 * reason is kept and later ones only counted, and {@link #end} logs that one line if the extraction
 * found nothing. A {@code first:} chain or a batch of 10,000 records thus costs one line, not one per
 * rule or record.
 */
final class RuleLog {
    private static final System.Logger LOG = System.getLogger("dev.tracex.engine");
    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    /** The reasons of the extraction running on this thread. */
    static final class Open {
        private String first;
        private int more;
    }

    private RuleLog() {
    }

    static boolean debugging() {
        return LOG.isLoggable(System.Logger.Level.DEBUG);
    }

    /** Opens an extraction on this thread; {@code null} (nothing to end) when debug is off or one is open. */
    static Open begin() {
        if (!debugging() || OPEN.get() != null) {
            return null;
        }
        Open open = new Open();
        OPEN.set(open);
        return open;
    }

    /** Closes {@code open} and logs its first reason, if the extraction found nothing. */
    static void end(Open open, boolean foundNothing) {
        if (open == null) {
            return;
        }
        OPEN.remove();
        if (foundNothing && open.first != null) {
            LOG.log(System.Logger.Level.DEBUG, open.more == 0 ? open.first : open.first + " (and " + open.more + " more)");
        }
    }

    static void noContext(String rule, Object where, String why) {
        if (debugging()) {
            line("rule \"" + rule + "\": no context at " + where + ": " + why);
        }
    }

    /** A line for the open extraction, or logged now when none is open. */
    static void line(String line) {
        Open open = OPEN.get();
        if (open == null) {
            LOG.log(System.Logger.Level.DEBUG, line);
        } else if (open.first == null) {
            open.first = line;
        } else {
            open.more++;
        }
    }
}
