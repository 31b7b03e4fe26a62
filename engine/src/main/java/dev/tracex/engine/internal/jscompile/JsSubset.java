package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles a JS snippet or a Node-style module without GraalJS when it is written in the subset, or says where it
 * leaves it: the first construct outside it, with its position in the rules file. The caller then runs it on
 * GraalJS as before; the answers are the same either way (the differential tests hold both to it).
 *
 * <p>{@value #FORCE_PROPERTY}{@code =true} (or the environment variable {@value #FORCE_ENV}{@code =true}) sends
 * every snippet to GraalJS, to compare or as an escape hatch.
 */
public final class JsSubset {
    public static final String FORCE_PROPERTY = "tracex.js.forceGraal";
    public static final String FORCE_ENV = "TRACEX_JS_FORCE_GRAAL";
    static final String FORCED = "forced by " + FORCE_PROPERTY;

    private JsSubset() {
    }

    /**
     * A snippet compiled, or why not.
     *
     * @param compiled the compiled function, or {@code null}
     * @param outside  when not compiled: what left the subset and where, e.g. {@code 'for' at extractors.yaml:4:9}
     */
    public record Attempt(CompiledScript compiled, String outside) {
    }

    /** A module's exported functions compiled, by name, or why the module is not. */
    public record ModuleAttempt(Map<String, CompiledScript> compiled, String outside) {
    }

    public static boolean forced() {
        return Boolean.parseBoolean(System.getProperty(FORCE_PROPERTY, System.getenv(FORCE_ENV)));
    }

    /**
     * The rule of a {@code js:} snippet: compiled now when it is written in the subset, else a rule that compiles it
     * on GraalJS when first selected, saying which construct is outside. What compiling a rules file and loading a
     * precompiled form's plan both make of a snippet.
     */
    public static ScriptRule rule(ScriptSource source) {
        Attempt attempt = compile(source);
        return attempt.compiled() != null ? new ScriptRule(source, attempt.compiled(), null)
                : new ScriptRule(source, attempt.outside());
    }

    public static Attempt compile(ScriptSource source) {
        if (forced()) {
            return new Attempt(null, FORCED);
        }
        try {
            JsSubsetParser.Function f = JsSubsetParser.snippet(source.code());
            return new Attempt(new CompiledFunction(f, source, source.rule()), null);
        } catch (OutsideSubset e) {
            return new Attempt(null, where(source, e));
        } catch (RuntimeException | StackOverflowError e) {
            return new Attempt(null, "not understood (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static ModuleAttempt compileModule(ScriptSource module) {
        if (forced()) {
            return new ModuleAttempt(null, FORCED);
        }
        try {
            Map<String, CompiledScript> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsSubsetParser.Function> e : JsSubsetParser.module(module.code()).entrySet()) {
                ScriptSource own = new ScriptSource(e.getKey(), module.code(), module.file(), module.line(),
                        module.column(), module.indent(), module.styles());
                out.put(e.getKey(), new CompiledFunction(e.getValue(), own, e.getKey()));
            }
            return new ModuleAttempt(out, null);
        } catch (OutsideSubset e) {
            return new ModuleAttempt(null, where(module, e));
        } catch (RuntimeException | StackOverflowError e) {
            return new ModuleAttempt(null, "not understood (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String where(ScriptSource source, OutsideSubset e) {
        int[] at = position(source, e.offset);
        return e.getMessage() + " at " + source.file() + ":" + at[0] + ":" + at[1];
    }

    /** The file position {@code {line, column}} of a snippet offset. */
    static int[] position(ScriptSource source, int offset) {
        String code = source.code();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, code.length()); i++) {
            char c = code.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= code.length() || code.charAt(i + 1) != '\n'))
                    || c == '\u2028' || c == '\u2029') {
                line++;
                lineStart = i + 1;
            }
        }
        return source.filePosition(line, offset - lineStart + 1);
    }
}
