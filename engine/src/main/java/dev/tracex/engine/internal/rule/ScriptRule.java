package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptBridge;
import dev.tracex.engine.internal.script.ScriptSource;

/**
 * {@code js:} a JavaScript snippet. Its compilation is deferred until a rule that reaches it is selected
 * ({@link #compile}), so a file whose selected rule is YAML never starts the JS engine. Until then, and
 * if compilation failed, it extracts nothing.
 */
public final class ScriptRule implements CompiledRule {
    private final ScriptSource source;
    private volatile CompiledScript compiled;

    public ScriptRule(ScriptSource source) {
        this.source = source;
    }

    /** Wraps an already compiled script (rules of a {@code .js} file). */
    public ScriptRule(ScriptSource source, CompiledScript compiled) {
        this.source = source;
        this.compiled = compiled;
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
        return "Script(" + source.rule() + ", " + source.file() + ":" + source.line() + (compiled == null ? ", not compiled)" : ")");
    }
}
