package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.Projection;
import dev.tracex.engine.internal.step.Pipeline;

/**
 * {@code when:} the rule applies only when a pipeline finds a value that is not {@code false}, empty
 * or null: a cheap guard (e.g. {@code $.Records[0][?(@.eventSource == 'aws:sqs')]}) that keeps a rule
 * from reading events of another kind.
 */
public final class WhenRule implements CompiledRule {
    private final Pipeline condition;
    private final CompiledRule body;

    public WhenRule(Pipeline condition, CompiledRule body) {
        this.condition = condition;
        this.body = body;
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        JsonNode v = condition.evaluate(root, trace);
        boolean holds = v != null
                && !(v.isBoolean() && !v.booleanValue())
                && !(v.isContainerNode() && v.size() == 0)
                && !(v.isTextual() && v.textValue().isEmpty());
        if (trace != null) {
            noteCondition(trace, holds);
        }
        if (!holds) {
            return Extraction.none();
        }
        return RuleLog.debugging() ? extractApplied(root, context, trace) : body.extract(root, context, trace);
    }

    // Out of line so extract stays small for the JIT: with debug lines on, the body's reasons are the ones of a
    // rule that applies to the event (RuleLog prefers them).
    private Extraction extractApplied(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        RuleLog.Open open = RuleLog.enterApplied();
        try {
            return body.extract(root, context, trace);
        } finally {
            RuleLog.leaveApplied(open);
        }
    }

    // Out of line so extract stays small for the JIT.
    private void noteCondition(ExtractionTrace trace, boolean holds) {
        trace.note("when " + condition + (holds ? ": holds" : ": does not hold, the rule does not apply"));
    }

    @Override
    public void project(Projection root) {
        condition.project(root);
        body.project(root);
    }

    @Override
    public java.util.List<CompiledRule> children() {
        return java.util.List.of(body);
    }

    // What the precompiled form's plan is written from (dev.tracex.engine.internal.plan.PlanWriter).

    public Pipeline condition() {
        return condition;
    }

    public CompiledRule body() {
        return body;
    }

    @Override
    public String toString() {
        return "When(" + condition + ", " + body + ")";
    }
}
