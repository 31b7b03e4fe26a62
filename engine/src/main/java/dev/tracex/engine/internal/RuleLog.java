package dev.tracex.engine.internal;

/**
 * Debug lines for events a rule could not use. They name the rule and the path, never the event's
 * content, which may hold personal data.
 */
final class RuleLog {
    private static final System.Logger LOG = System.getLogger("dev.tracex.engine");

    private RuleLog() {
    }

    static boolean debugging() {
        return LOG.isLoggable(System.Logger.Level.DEBUG);
    }

    static void noContext(String rule, Object where, String why) {
        if (debugging()) {
            LOG.log(System.Logger.Level.DEBUG, "rule \"" + rule + "\": no context at " + where + ": " + why);
        }
    }
}
