package dev.tracex.engine.internal.jscompile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A JS extractor function compiled from the subset: a call fills a frame with the event and the Lambda context as
 * the GraalJS harness passes them, runs the body and reads the result as {@code ScriptResults} does. No loops, no
 * calls of user functions: a call's work is bounded by the snippet's size. Thread-safe (a frame per call); never
 * throws.
 */
final class CompiledFunction implements CompiledScript {
    private final JsSubsetParser.Function function;
    private final ScriptSource source;
    private final String rule;
    private final List<PropagationStyle> styles;

    CompiledFunction(JsSubsetParser.Function function, ScriptSource source, String rule) {
        this.function = function;
        this.source = source;
        this.rule = rule;
        this.styles = List.copyOf(source.styles());
    }

    @Override
    public Extraction extract(JsonNode event, InvocationContext context, ExtractionTrace trace) {
        try {
            Object[] frame = new Object[function.frameSize()];
            int params = function.params();
            if (params > 0) {
                frame[0] = JsValues.fromEvent(event);
            }
            if (params > 1) {
                frame[1] = lambdaContext(context);
            }
            for (int i = 2; i < params; i++) {
                frame[i] = JsValues.UNDEFINED;
            }
            Object result = function.body().run(frame);
            return CompiledResults.read(rule, result == JsStatement.NEXT ? JsValues.UNDEFINED : result, styles, trace);
        } catch (JsThrow e) {
            int[] at = JsSubset.position(source, e.offset);
            String where = "no context: JS " + e.name + " at " + source.file() + ":" + at[0] + ":" + at[1];
            if (trace != null) {
                trace.note(where + ": " + e.describe()); // as the GraalJS path: the message for the person explaining
            }
            CompiledResults.debug(rule, where, null);
            return Extraction.none();
        } catch (StackOverflowError | RuntimeException e) {
            // Deeply nested arrays in ToString, or a bug here: no context, as a failing GraalJS call gives.
            CompiledResults.warn(rule, "no context: " + e.getClass().getName(), trace);
            return Extraction.none();
        }
    }

    /** As the harness passes it: the context's JSON, or {@code {}} when there is none. */
    private static Object lambdaContext(InvocationContext context) {
        Object v = JsValues.fromEvent(context == null ? null : context.toJson());
        return v == JsValues.NULL ? new LinkedHashMap<String, Object>() : v;
    }

    @Override
    public String toString() {
        return "CompiledJs(" + rule + ": " + function.body() + ")";
    }
}
