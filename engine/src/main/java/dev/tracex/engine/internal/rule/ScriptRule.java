package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptBridge;
import dev.tracex.engine.internal.script.ScriptSource;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code js:} a JavaScript snippet, either compiled from the subset into the engine's own nodes (no GraalJS), or
 * run on GraalJS. GraalJS compilation is deferred until a rule that reaches it is selected ({@link #compile}), so
 * a file whose selected rule is YAML never starts the JS engine. Until then, and if compilation failed, it
 * extracts nothing. Its plan says which it is, and for GraalJS the first construct outside the subset.
 */
public final class ScriptRule implements CompiledRule {
    private final ScriptSource source;
    /** {@code null} when compiled from the subset; else why it runs on GraalJS. */
    private final String outside;
    private volatile CompiledScript compiled;

    /** A snippet for GraalJS, compiled when first selected; {@code outside} says why it is not in the subset. */
    public ScriptRule(ScriptSource source, String outside) {
        this.source = source;
        this.outside = outside;
    }

    /**
     * Wraps an already compiled script: compiled from the subset when {@code outside} is {@code null}, else on
     * GraalJS (rules of a {@code .js} file).
     */
    public ScriptRule(ScriptSource source, CompiledScript compiled, String outside) {
        this.source = source;
        this.compiled = compiled;
        this.outside = outside;
    }

    /**
     * Compiles every JS snippet {@code rule} can reach, collecting all their errors: what selecting a rule does
     * (here, beside the rules it walks, so that selecting a rule loads no class of the rules-file compiler).
     */
    public static void compileReachable(CompiledRule rule) throws RuleCompilationException {
        List<RuleError> errors = new ArrayList<>();
        visit(rule, new IdentityHashMap<>(), errors);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
    }

    private static void visit(CompiledRule rule, Map<CompiledRule, Boolean> seen, List<RuleError> errors) {
        if (rule == null || seen.put(rule, Boolean.TRUE) != null) {
            return;
        }
        if (rule instanceof ScriptRule) {
            try {
                ((ScriptRule) rule).compile();
            } catch (RuleCompilationException e) {
                errors.addAll(e.errors());
            }
        }
        for (CompiledRule child : rule.children()) {
            visit(child, seen, errors);
        }
    }

    /** Whether this rule runs without GraalJS. */
    public boolean isSubsetCompiled() {
        return outside == null;
    }

    /** Compiles the snippet if that has not happened yet. Idempotent and thread-safe. */
    public void compile() throws RuleCompilationException {
        if (compiled == null) {
            synchronized (this) {
                if (compiled == null) {
                    compiled = ScriptBridge.support(source).compile(source);
                }
            }
        }
    }

    boolean isCompiled() {
        return compiled != null;
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        CompiledScript c = compiled;
        if (c == null && trace != null) {
            trace.note("JS not compiled: only the selected rule's snippets are");
        }
        return c == null ? Extraction.none() : c.extract(root, context, trace);
    }

    /** The snippet and where it starts in its file. */
    public ScriptSource source() {
        return source;
    }

    @Override
    public String toString() {
        return "Script(" + source.rule() + ", " + source.file() + ":" + source.line()
                + (outside == null ? ", compiled" : ", GraalJS: " + outside) + (compiled == null ? ", not compiled)" : ")");
    }
}
