package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;

import java.time.Duration;

/** Shared helpers of the JS tests: small limits so limit tests stay fast, a snippet compiler. */
final class JsTesting {
    /** Small enough that a runaway loop is stopped in milliseconds, large enough for every real snippet here. */
    static final ScriptLimits SMALL = new ScriptLimits(20_000, Duration.ofSeconds(5), 4);
    static final GraalScriptSupport SUPPORT = new GraalScriptSupport(SMALL, EventPassing.PROXY);

    private JsTesting() {
    }

    static ScriptSource snippet(String rule, String code) {
        return new ScriptSource(rule, code, "t.yaml", 1, 1, 0, PropagationStyle.DEFAULTS);
    }

    static CompiledScript compile(String rule, String code) throws RuleCompilationException {
        return SUPPORT.compile(snippet(rule, code));
    }

    static JsonNode json(String text) {
        JsonNode n = Json.parseOrNull(text);
        if (n == null) {
            throw new IllegalArgumentException("not JSON: " + text);
        }
        return n;
    }
}
