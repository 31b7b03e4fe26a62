package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.jscompile.JsSubset;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptBridge;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node-style {@code .js} rules files. Internal: may change without notice. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /** A Node-style module: every exported function is a rule, compiled now (from the subset, else on GraalJS). */
    public static CompiledFile compileModule(String file, String code) throws RuleCompilationException {
        return compileModule(file, code, PropagationStyle.DEFAULTS);
    }

    /** As {@link #compileModule(String, String)}, a Go-style headers result decoded with {@code styles}. */
    public static CompiledFile compileModule(String file, String code, List<PropagationStyle> styles) throws RuleCompilationException {
        ScriptSource module = new ScriptSource("module", code, file, 1, 1, 0, styles);
        JsSubset.ModuleAttempt attempt = JsSubset.compileModule(module);
        Map<String, CompiledScript> exports = attempt.compiled() != null ? attempt.compiled()
                : ScriptBridge.support(module).compileModule(module);
        Map<String, CompiledRule> rules = new LinkedHashMap<>();
        Map<String, int[]> positions = new LinkedHashMap<>();
        for (Map.Entry<String, CompiledScript> e : exports.entrySet()) {
            ScriptSource src = new ScriptSource(e.getKey(), code, file, 1, 1, 0, styles);
            rules.put(e.getKey(), new ScriptRule(src, e.getValue(), attempt.outside()));
            positions.put(e.getKey(), new int[] {1, 1});
        }
        return new CompiledFile(file, "", rules, positions, List.of());
    }
}
