package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;
import dev.tracex.engine.internal.jscompile.JsSubset;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptBridge;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deferred compilation of JS rules, and Node-style {@code .js} rules files. Internal: may change without notice. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /** Compiles every JS snippet {@code rule} can reach, collecting all their errors. */
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
