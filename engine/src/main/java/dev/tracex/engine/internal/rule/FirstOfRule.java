package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.Projection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code first:} the first referenced rule that yields a parent, or whose parent policy settled on none
 * ({@link Extraction#parentSettled()}), wins; if none does, the first that yields batch links alone.
 */
public final class FirstOfRule implements CompiledRule {
    /** A resolved reference: the name as written and the compiled rule it names. */
    public record Ref(String name, CompiledRule rule) {
        /** The explanation's line for this reference (out of line: extract stays small for the JIT). */
        String describe() {
            return "rule \"" + name + "\": " + rule;
        }
    }

    private final Ref[] refs;

    /** Composes extractors' rules at run time (a selected rule, then {@code builtin.default}). */
    public static FirstOfRule of(List<CompiledExtractor> extractors) {
        return new FirstOfRule(extractors.stream().map(e -> new Ref(e.name(), e.rule())).collect(Collectors.toList()));
    }

    public FirstOfRule(List<Ref> refs) {
        this.refs = refs.toArray(new Ref[0]);
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        Extraction linksOnly = null;
        for (Ref ref : refs) {
            Extraction e;
            if (trace != null) {
                trace.enter(ref.describe());
            }
            try {
                e = ref.rule.extract(root, context, trace);
            } catch (RuntimeException | StackOverflowError failure) {
                // Rules never throw by contract; if one does anyway, the others still get their turn.
                RuleLog.noContext(ref.name, "rule", "failed with " + failure.getClass().getName());
                if (trace != null) {
                    trace.exit(ExtractionTrace.failed(failure));
                }
                continue;
            }
            if (trace != null) {
                trace.exit(ExtractionTrace.outcome(e));
            }
            if (e.parentSettled()) {
                return e;
            }
            if (linksOnly == null && !e.isEmpty()) {
                linksOnly = e;
            }
        }
        return linksOnly == null ? Extraction.none() : linksOnly;
    }

    @Override
    public void project(Projection root) {
        for (Ref r : refs) {
            r.rule.project(root);
        }
    }

    @Override
    public List<CompiledRule> children() {
        return java.util.Arrays.stream(refs).map(Ref::rule).collect(Collectors.toList());
    }

    /** The references, in order (what the precompiled form's plan is written from). */
    public List<Ref> refs() {
        return List.of(refs);
    }

    @Override
    public String toString() {
        return java.util.Arrays.stream(refs).map(Ref::name).collect(Collectors.joining(", ", "FirstOf(", ")"));
    }
}
