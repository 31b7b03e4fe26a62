package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.Projectable;
import dev.tracex.engine.internal.json.Projection;

/**
 * A node of a compiled rule. Immutable and thread-safe; {@link #extract} never throws for any input
 * and returns {@link Extraction#none()} when nothing usable is found. {@code toString()} prints the plan.
 * Internal: may change without notice.
 */
public sealed interface CompiledRule extends Projectable
        permits HeadersRule, FieldsRule, FirstOfRule, EachRule, WhenRule, FromContextRule, ScriptRule, LibraryRule {
    /**
     * Extracts, writing each step into {@code trace} when it is not {@code null} (an explanation); with
     * {@code null}, the ordinary extraction, whose only extra cost is that null check at each step.
     */
    Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace);

    default Extraction extract(JsonNode root, InvocationContext context) {
        return extract(root, context, null);
    }

    /**
     * Marks in {@code root} the parts of the event this rule can read (see {@link Projection}). The
     * default keeps the whole event, which is always correct.
     */
    @Override
    default void project(Projection root) {
        root.keepWhole();
    }

    /** The rules this one delegates to, for walks over the compiled graph (deferred JS compilation). */
    default java.util.List<CompiledRule> children() {
        return java.util.List.of();
    }
}
