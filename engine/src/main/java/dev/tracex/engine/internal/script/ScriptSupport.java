package dev.tracex.engine.internal.script;

import dev.tracex.engine.RuleCompilationException;

import java.util.Map;

/**
 * The JS side of the engine, implemented in {@code dev.tracex.engine.script} on GraalVM polyglot and
 * loaded reflectively, because GraalVM is an optional dependency. Internal: may change without notice.
 */
public interface ScriptSupport {
    /** Parses and evaluates one snippet to a function value; syntax errors carry file positions. */
    CompiledScript compile(ScriptSource source) throws RuleCompilationException;

    /**
     * Evaluates a Node-style {@code .js} file once and returns its exported functions by name
     * ({@code exports.x = ...}, {@code module.exports = {...}}, top-level {@code function x(...)}).
     */
    Map<String, CompiledScript> compileModule(ScriptSource module) throws RuleCompilationException;
}
