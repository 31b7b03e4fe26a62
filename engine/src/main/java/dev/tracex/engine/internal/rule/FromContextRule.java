package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.Projection;

/** {@code from: context}: the rule reads the invocation's context (the Lambda context as JSON) instead of the event. */
public final class FromContextRule implements CompiledRule {
    private static final String NO_CONTEXT = "from: context: there is no invocation context";
    private static final String READS_CONTEXT = "from: context: reads the invocation context";

    private final CompiledRule body;

    public FromContextRule(CompiledRule body) {
        this.body = body;
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        JsonNode json = context == null ? null : context.toJson();
        if (trace != null) {
            trace.note(json == null ? NO_CONTEXT : READS_CONTEXT);
        }
        return json == null ? Extraction.none() : body.extract(json, context, trace);
    }

    @Override
    public void project(Projection root) {
        // reads the invocation context, nothing of the event
    }

    @Override
    public java.util.List<CompiledRule> children() {
        return java.util.List.of(body);
    }

    /** The rule run on the invocation's context (what the precompiled form's plan is written from). */
    public CompiledRule body() {
        return body;
    }

    @Override
    public String toString() {
        return "FromContext(" + body + ")";
    }
}
