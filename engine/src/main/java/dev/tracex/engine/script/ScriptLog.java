package dev.tracex.engine.script;

import dev.tracex.engine.internal.rule.RuleLog;
import dev.tracex.engine.logging.TracexLogger;

/**
 * Log lines of JS rules. They name the rule and, for errors, the JS position, never the event's content
 * or an error's message (which may quote it). Data-dependent misses are debug lines, like every rule's;
 * broken extractors (a wrong result shape, a limit hit) are warnings, since they fail on every event.
 */
final class ScriptLog {
    private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");

    private ScriptLog() {
    }

    /** A data-dependent miss: joins the extraction's one debug line (see {@link RuleLog}). */
    static void debug(String rule, String message) {
        if (RuleLog.debugging()) {
            RuleLog.line(rule, message);
        }
    }

    /** A miss, also written into {@code trace} when explaining (there with the JS error's own message, if any). */
    static void debug(String rule, String message, dev.tracex.engine.ExtractionTrace trace) {
        if (trace != null) {
            trace.note(message);
        }
        debug(rule, message);
    }

    static void warn(String rule, String message, dev.tracex.engine.ExtractionTrace trace) {
        if (trace != null) {
            trace.note(message);
        }
        warn(rule, message);
    }

    static void warn(String rule, String message) {
        LOG.warn("rule \"" + rule + "\": " + message);
    }
}
