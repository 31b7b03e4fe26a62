package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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

    /** Collects the engine's log lines (System.Logger → java.util.logging here), debug lines included. */
    static final class Logs extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("dev.tracex.engine");
        private final Level previous;
        private final List<LogRecord> records = new ArrayList<>();

        Logs() {
            previous = logger.getLevel();
            logger.setLevel(Level.ALL);
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            records.add(r);
        }

        /** Every line as "LEVEL message", where WARNING is a warning and FINE a debug line. */
        synchronized List<String> lines() {
            List<String> out = new ArrayList<>();
            for (LogRecord r : records) {
                out.add(r.getLevel() + " " + r.getMessage());
            }
            return out;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}
