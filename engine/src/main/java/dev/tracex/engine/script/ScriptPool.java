package dev.tracex.engine.script;

import dev.tracex.engine.internal.script.ScriptSource;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The contexts of one snippet or one {@code .js} module. A context is single-threaded, so each call
 * borrows one and gives it back; a context is created (and the code evaluated in it, once) only when
 * every other is busy, so one thread uses one context and N concurrent threads at most N. At most
 * {@link ScriptLimits#idle()} idle contexts are kept; a context that was cancelled or hit a limit is
 * dropped and the next call makes a fresh one. Each snippet has its own contexts, so rules cannot see
 * each other's globals.
 */
final class ScriptPool {
    /** Functions of a snippet are stored under this name; a module's under their export names. */
    static final String SNIPPET = "";

    final ScriptSource source;
    final Source code;
    final boolean module;
    final ScriptLimits limits;
    final EventPassing passing;
    private final ResourceLimits resourceLimits;
    private final ConcurrentLinkedDeque<JsRuntime> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    ScriptPool(ScriptSource source, boolean module, ScriptLimits limits, EventPassing passing) {
        this.source = source;
        // Named after the rules file; the shared engine caches the parse of each (name, text) once.
        this.code = Source.newBuilder("js", source.code(), source.file()).buildLiteral();
        this.module = module;
        this.limits = limits;
        this.passing = passing;
        this.resourceLimits = ResourceLimits.newBuilder().statementLimit(limits.statements(), null).build();
    }

    /** An idle context, or a new one with the code evaluated in it. */
    JsRuntime borrow() throws ScriptFailure {
        JsRuntime r = idle.pollFirst();
        if (r != null) {
            idleCount.decrementAndGet();
            return r;
        }
        return open();
    }

    /** Returns a context after a call; {@code healthy} is false when it was cancelled or hit a limit. */
    void release(JsRuntime r, boolean healthy) {
        if (healthy && !r.cancelled() && idleCount.incrementAndGet() <= limits.idle()) {
            idle.offerFirst(r); // LIFO: the most recently used context is the warmest
            return;
        }
        if (healthy && !r.cancelled()) {
            idleCount.decrementAndGet();
        }
        r.close();
    }

    /** Creates a context and evaluates the snippet or module in it, under the same limits as a call. */
    JsRuntime open() throws ScriptFailure {
        Context context = Context.newBuilder("js")
                .engine(SharedEngine.get())
                .sandbox(SandboxPolicy.CONSTRAINED) // no host access, class lookup, I/O, threads, native or polyglot
                .resourceLimits(resourceLimits)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                // Shell built-ins that CONSTRAINED leaves in: file loading (which would fail without I/O
                // anyway), print, and the Graal object. console stays, its output discarded, as Node code uses it.
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .build();
        JsRuntime r = new JsRuntime(context, source.code());
        Watchdog.Guard guard = Watchdog.guard(r, limits.timeout());
        try {
            r.functions(module ? evaluateModule(r) : evaluateSnippet(r));
        } catch (PolyglotException e) {
            r.close();
            throw new ScriptFailure(position(e), evaluationMessage(e, r));
        } catch (ScriptFailure | RuntimeException e) {
            r.close();
            throw e;
        } finally {
            guard.release();
        }
        context.resetLimits();
        return r;
    }

    private Map<String, Value> evaluateSnippet(JsRuntime r) throws ScriptFailure {
        Value f = r.context.eval(code);
        if (!f.canExecute()) {
            throw new ScriptFailure(source.filePosition(1, 1), "js must evaluate to a function, e.g. "
                    + "(payload, context) => ({...}); this evaluates to " + ScriptResults.kind(f));
        }
        return Map.of(SNIPPET, f);
    }

    private Map<String, Value> evaluateModule(JsRuntime r) throws ScriptFailure {
        Value before = r.beginModule();
        r.context.eval(code);
        Value exports = r.exportsOf(before);
        Map<String, Value> functions = new LinkedHashMap<>();
        for (String name : exports.getMemberKeys()) {
            functions.put(name, exports.getMember(name));
        }
        if (functions.isEmpty()) {
            throw new ScriptFailure(source.filePosition(1, 1), "the module exports no function: "
                    + "use exports.name = (payload, context) => ..., module.exports = {...} or function name(payload) {...}");
        }
        return functions;
    }

    /** Where in the rules file an exception happened: its innermost frame in this code, else the code's start. */
    int[] position(PolyglotException e) {
        SourceSection at = e.isSyntaxError() ? e.getSourceLocation() : null;
        if (at == null) {
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                SourceSection s = frame.isGuestFrame() ? frame.getSourceLocation() : null;
                if (s != null && s.getSource().equals(code)) {
                    at = s;
                    break;
                }
            }
        }
        if (at == null || !at.isAvailable() || !at.hasLines()) {
            return source.filePosition(1, 1);
        }
        return source.filePosition(at.getStartLine(), at.hasColumns() ? at.getStartColumn() : 1);
    }

    private String evaluationMessage(PolyglotException e, JsRuntime r) {
        if (e.isSyntaxError()) {
            return "JS syntax error: " + syntaxMessage(e.getMessage());
        }
        if (r.cancelled()) {
            return "JS evaluation stopped after " + limits.timeout().toMillis() + " ms";
        }
        if (e.isResourceExhausted()) {
            return "JS evaluation stopped: " + limitMessage(e);
        }
        // At load time the message is safe to show: no event is involved yet.
        return "JS error while evaluating: " + firstLine(e.getMessage());
    }

    /** GraalJS prefixes "SyntaxError: name:line:column " and appends the code and a caret: keep the reason. */
    private String syntaxMessage(String m) {
        String s = firstLine(m);
        if (s.startsWith("SyntaxError: ")) {
            s = s.substring("SyntaxError: ".length());
        }
        return s.replaceFirst("^" + Pattern.quote(code.getName()) + ":\\d+:\\d+ ", "");
    }

    String limitMessage(PolyglotException e) {
        return e.isCancelled() ? "statement limit of " + limits.statements() + " exceeded" : "out of memory";
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
