package dev.tracex.engine.internal.rule;

import dev.tracex.engine.logging.MissReasons;
import dev.tracex.engine.logging.TracexLogger;

/**
 * Debug lines for events a rule could not use. They name the rule and the path, never the event's
 * content, which may hold personal data.
 *
 * <p>One line per extraction: while an extraction is open on a thread ({@link #begin}), the first
 * reason is kept and later ones only counted, and {@link #end} logs that one line if the extraction
 * found nothing, e.g. {@code rule "any" -> "sqs": no context at $.Records[0].body: not an object of
 * headers (and 2 more)}. A {@code first:} chain or a batch of 10,000 records thus costs one line, not one
 * per rule or record. The first reason given inside a {@code when:} that held wins over an earlier one
 * given outside any: in {@code builtin.default}, an SQS event's reason is the SQS rule's (the rule for
 * that kind of event), not the HTTP headers' rule's, which every event meets first. Public for the JS
 * bridge's debug lines only; internal: may change without notice.
 */
public final class RuleLog {
    private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");
    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    /** The reasons of the extraction running on this thread for the selected rule {@code name}. */
    static final class Open {
        private final String name;
        private String rule;
        private String reason;
        /** Whether {@link #reason} was given inside a {@code when:} that held. */
        private boolean applied;
        private int more;
        /** How many {@code when:} conditions that held the extraction is inside. */
        private int whens;

        private Open(String name) {
            this.name = name;
        }
    }

    private RuleLog() {
    }

    public static boolean debugging() {
        return LOG.debugging();
    }

    /** Opens an extraction by the selected rule {@code name}; {@code null} (nothing to end) when debug is off or one is open. */
    static Open begin(String name) {
        if (!debugging() || OPEN.get() != null) {
            return null;
        }
        Open open = new Open(name);
        OPEN.set(open);
        return open;
    }

    /** Closes {@code open} and logs its first reason, if the extraction found nothing. */
    static void end(Open open, boolean foundNothing) {
        if (open == null) {
            return;
        }
        OPEN.remove();
        if (!foundNothing) {
            return;
        }
        if (open.reason == null) {
            // Every rule it reached stepped aside (a when: that does not hold): said only where one line per
            // extraction is gathered, as the log had no line for it before.
            MissReasons.offer("rule \"" + open.name + "\": no rule applies to this event");
            return;
        }
        String who = open.rule.equals(open.name) ? "rule \"" + open.name + "\"" : "rule \"" + open.name + "\" -> \"" + open.rule + "\"";
        String line = who + ": " + open.reason + (open.more == 0 ? "" : " (and " + open.more + " more)");
        if (!MissReasons.offer(line)) {
            LOG.debug(line);
        }
    }

    /** A pipeline that found nothing: {@code $.detail._datadog not found}. */
    static void notFound(String rule, Object where) {
        if (debugging()) {
            line(rule, where + " not found");
        }
    }

    static void noContext(String rule, Object where, String why) {
        if (debugging()) {
            line(rule, "no context at " + where + ": " + why);
        }
    }

    /** A reason for the open extraction, or logged now when none is open. */
    public static void line(String rule, String reason) {
        Open open = OPEN.get();
        if (open == null) {
            LOG.debug("rule \"" + rule + "\": " + reason);
        } else if (open.reason == null || (!open.applied && open.whens > 0)) {
            if (open.reason != null) {
                open.more++; // the reason it replaces is one of the others
            }
            open.rule = rule;
            open.reason = reason;
            open.applied = open.whens > 0;
        } else {
            open.more++;
        }
    }

    /**
     * Enters the body of a {@code when:} that held, for the open extraction; {@code null} (nothing to leave) when
     * none is open. Called only while {@link #debugging()}.
     */
    static Open enterApplied() {
        Open open = OPEN.get();
        if (open != null) {
            open.whens++;
        }
        return open;
    }

    /** Leaves what {@link #enterApplied()} entered. */
    static void leaveApplied(Open open) {
        if (open != null) {
            open.whens--;
        }
    }
}
