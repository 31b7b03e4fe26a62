package dev.tracex.engine.internal.script;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;

import java.util.List;

/**
 * Finds the {@link ScriptSupport} implementation only when a JS rule is compiled, so the GraalVM classes
 * are never loaded for a YAML-only file, and a missing GraalVM is a compile error naming the rule and
 * the artifacts to add.
 */
public final class ScriptBridge {
    static final String IMPLEMENTATION = "dev.tracex.engine.script.GraalScriptSupport";

    private ScriptBridge() {
    }

    public static ScriptSupport support(ScriptSource source) throws RuleCompilationException {
        ScriptSupport s = Holder.INSTANCE;
        if (s == null) {
            throw new RuleCompilationException(List.of(new RuleError(source.file(), source.line(), source.column(),
                    source.rule(), "JS rules need GraalVM polyglot on the class path: add the dependencies "
                    + "org.graalvm.polyglot:polyglot and org.graalvm.polyglot:js-community (type pom); with tracex's "
                    + "Lambda layer, attach its add-on layer tracex-lambda-layer-js.zip")));
        }
        return s;
    }

    /** Loaded on first use (class initialisation is lazy and thread-safe). */
    private static final class Holder {
        static final ScriptSupport INSTANCE = load();

        private static ScriptSupport load() {
            try {
                Class.forName("org.graalvm.polyglot.Engine", false, ScriptBridge.class.getClassLoader());
                return (ScriptSupport) Class.forName(IMPLEMENTATION).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }
}
