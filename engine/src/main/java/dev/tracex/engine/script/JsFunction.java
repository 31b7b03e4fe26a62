package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.propagation.PropagationStyle;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.List;

/**
 * One compiled JS extractor function: a snippet, or one export of a {@code .js} module. Per call it
 * borrows a context from its pool, calls the function evaluated there at load, reads the result and
 * gives the context back. Thread-safe; never throws.
 */
final class JsFunction implements CompiledScript {
    private final ScriptPool pool;
    private final String name;
    private final String rule;
    private final List<PropagationStyle> styles;

    JsFunction(ScriptPool pool, String name, String rule, List<PropagationStyle> styles) {
        this.pool = pool;
        this.name = name;
        this.rule = rule;
        this.styles = List.copyOf(styles);
    }

    @Override
    public Extraction extract(JsonNode event, InvocationContext context, ExtractionTrace trace) {
        JsRuntime r;
        try {
            r = pool.borrow();
        } catch (ScriptFailure | RuntimeException e) {
            // Only after a cancelled context, when evaluating the code again fails; it compiled once.
            ScriptLog.warn(rule, "no context: the JS code could not be evaluated again: " + e.getMessage(), trace);
            return Extraction.none();
        }
        boolean healthy = false;
        Watchdog.Guard guard = Watchdog.guard(r, pool.limits.timeout());
        try {
            r.context.resetLimits();
            JsonNode lambdaContext = context == null ? null : context.toJson();
            Value result = r.call(name, event, lambdaContext, pool.passing);
            Extraction found;
            if (r.isPending(result)) {
                ScriptLog.warn(rule, "returned a Promise that did not settle when the call returned: no context", trace);
                found = Extraction.none();
            } else {
                found = ScriptResults.read(rule, result, styles, trace);
            }
            healthy = true;
            return found;
        } catch (PolyglotException e) {
            healthy = !(e.isCancelled() || e.isResourceExhausted() || e.isExit() || e.isInternalError() || r.cancelled());
            failed(r, e, trace);
            return Extraction.none();
        } catch (RuntimeException e) {
            // The watchdog closed the context between calls into it (IllegalStateException), or a host bug.
            healthy = false;
            if (r.cancelled()) {
                ScriptLog.warn(rule, "no context: stopped after " + pool.limits.timeout().toMillis() + " ms", trace);
            } else {
                ScriptLog.warn(rule, "no context: " + e.getClass().getName(), trace);
            }
            return Extraction.none();
        } finally {
            if (!guard.release()) {
                healthy = false; // the watchdog fired (or is firing): the context is closed
            }
            pool.release(r, healthy);
        }
    }

    private void failed(JsRuntime r, PolyglotException e, ExtractionTrace trace) {
        if (r.cancelled()) {
            ScriptLog.warn(rule, "no context: stopped after " + pool.limits.timeout().toMillis() + " ms", trace);
        } else if (e.isResourceExhausted()) {
            ScriptLog.warn(rule, "no context: stopped: " + pool.limitMessage(e), trace);
        } else if (e.isGuestException()) {
            // The error's message may quote the event: the log names its type and where it was thrown, not what
            // it says; an explanation, for the person who passed the event, says it too.
            int[] at = pool.position(e);
            String where = "no context: JS " + errorName(e) + " at " + pool.source.file() + ":" + at[0] + ":" + at[1];
            if (trace != null) {
                trace.note(where + ": " + e.getMessage());
            }
            ScriptLog.debug(rule, where);
        } else {
            ScriptLog.warn(rule, "no context: " + e.getClass().getName() + (e.isHostException() ? " in host code" : ""), trace);
        }
    }

    private static String errorName(PolyglotException e) {
        try {
            Value v = e.getGuestObject();
            if (v != null && v.hasMembers()) {
                Value n = v.getMember("name");
                if (n != null && n.isString()) {
                    return n.asString();
                }
            }
            return v == null ? "error" : "throw of " + ScriptResults.kind(v);
        } catch (PolyglotException | IllegalStateException x) {
            return "error";
        }
    }

    @Override
    public String toString() {
        return "JsFunction(" + rule + ")";
    }
}
