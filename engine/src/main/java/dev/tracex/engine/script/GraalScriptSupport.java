package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.internal.script.ScriptSupport;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JS rules on GraalVM polyglot (GraalJS), loaded by the engine reflectively when the first JS rule is
 * compiled, so a rules file without JS never loads GraalVM. Internal: may change without notice.
 *
 * <p>Contract: {@link #compile} evaluates a snippet once, in a fresh sandboxed context of the process's
 * shared engine, to a function value, and fails with a {@link RuleCompilationException} whose error
 * has the file position of a syntax error. The returned {@link CompiledScript} is thread-safe and never
 * throws: each call borrows a context, runs under a statement limit and a wall-clock limit, and a
 * failure gives no context and one log line naming the rule. Limits come from the system properties
 * {@code tracex.js.statementLimit} (default 1,000,000) and {@code tracex.js.timeoutMillis} (default 1000).
 *
 * <pre>{@code
 * CompiledScript s = new GraalScriptSupport().compile(source);   // once, at cold start
 * Extraction e = s.extract(event, InvocationContext.NONE);       // every invocation
 * }</pre>
 */
public final class GraalScriptSupport implements ScriptSupport {
    private final ScriptLimits limits;
    private final EventPassing passing;

    /** The support the engine loads: limits from system properties, events passed as proxies. */
    public GraalScriptSupport() {
        this(ScriptLimits.fromSystemProperties(), EventPassing.PROXY);
    }

    /** For benchmarks comparing how events reach JS. */
    public GraalScriptSupport(EventPassing passing) {
        this(ScriptLimits.fromSystemProperties(), passing);
    }

    GraalScriptSupport(ScriptLimits limits, EventPassing passing) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.passing = Objects.requireNonNull(passing, "passing");
    }

    @Override
    public CompiledScript compile(ScriptSource source) throws RuleCompilationException {
        ScriptPool pool = open(source, false);
        return new JsFunction(pool, ScriptPool.SNIPPET, source.rule(), source.styles());
    }

    @Override
    public Map<String, CompiledScript> compileModule(ScriptSource module) throws RuleCompilationException {
        ScriptPool pool = open(module, true);
        JsRuntime first;
        try {
            first = pool.borrow();
        } catch (ScriptFailure e) {
            throw new RuleCompilationException(List.of(e.toError(module)));
        }
        Map<String, CompiledScript> out = new LinkedHashMap<>();
        for (String name : first.functions().keySet()) {
            out.put(name, new JsFunction(pool, name, name, module.styles()));
        }
        pool.release(first, true);
        return out;
    }

    /** A pool whose first context is evaluated now, so errors surface at load and the first call is warm. */
    private ScriptPool open(ScriptSource source, boolean module) throws RuleCompilationException {
        ScriptPool pool = new ScriptPool(source, module, limits, passing);
        try {
            JsRuntime first = pool.open();
            primeOnce(first);
            pool.release(first, true);
        } catch (ScriptFailure e) {
            throw new RuleCompilationException(List.of(e.toError(source)));
        }
        return pool;
    }

    private static final AtomicBoolean PRIMED = new AtomicBoolean();
    private static final JsonNode SAMPLE = sample();

    /**
     * Once per process, at compile time, runs the per-call path on a built-in sample: loading its classes
     * otherwise lands on the first invocation (measured: a few hundred ms on a stock JDK). Moving it into
     * the load also lets a SnapStart snapshot hold it.
     */
    private static void primeOnce(JsRuntime r) {
        if (PRIMED.compareAndSet(false, true)) {
            try {
                ScriptResults.read("prime", r.prime(SAMPLE), PropagationStyle.DEFAULTS, null);
                r.context.resetLimits();
            } catch (RuntimeException e) {
                // Priming is an optimisation only.
            }
        }
    }

    private static JsonNode sample() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("a").put("x-datadog-trace-id", "1").put("n", 2).put("p", "1");
        root.putArray("list").add(1);
        return root;
    }
}
