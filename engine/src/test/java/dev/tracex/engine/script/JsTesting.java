package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.LogOutput;
import dev.tracex.engine.logging.Logging;
import dev.tracex.engine.propagation.PropagationStyle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the JS tests: small limits so limit tests stay fast, a snippet compiler, a log capture. */
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

    /** Collects the engine's log lines instead of writing them, debug lines included (as with {@code DD_LOG_LEVEL=debug}). */
    static final class Logs implements LogOutput, AutoCloseable {
        private final List<String> lines = new ArrayList<>();
        private final Logging.Setup previous = Logging.swap(new Logging.Setup(LogLevel.DEBUG, this));

        @Override
        public boolean enabled(LogLevel level, String logger) {
            return true;
        }

        @Override
        public synchronized void write(LogLevel level, String logger, String message) {
            lines.add(level + " " + message);
        }

        /** Every line as "LEVEL message": "WARN ..." or "DEBUG ...". */
        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            Logging.swap(previous);
        }
    }
}
