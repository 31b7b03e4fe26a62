package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.Projection;

import java.util.List;
import java.util.function.Supplier;

/**
 * A reference from a rules file to a library's rule ({@code first: [my_rule, builtin.sqs]}), bound to the
 * compiled rule on first use: the built-in rules file is compiled when a selected rule reaches one of them
 * (its projection is computed when the extractor is made), not when a file that merely names one compiles.
 * The name is checked at compile time against the library's declared names. Internal: may change without notice.
 */
public final class LibraryRule implements CompiledRule {
    /**
     * What a library rule counts for in a {@code first:} chain's depth limit, its real nesting being unknown
     * until it is compiled: at least the deepest built-in's (checked by the rules module's tests).
     */
    public static final int MAX_NESTING = 16;

    private final String name;
    private final Supplier<CompiledRule> source;
    private volatile CompiledRule target;

    /**
     * @param name   the qualified name as written, e.g. {@code builtin.sqs}
     * @param source compiles the library if needed and gives the rule; never {@code null} for a declared name
     */
    public LibraryRule(String name, Supplier<CompiledRule> source) {
        this.name = name;
        this.source = source;
    }

    /** The referenced rule, compiled now if it was not yet. */
    public CompiledRule target() {
        CompiledRule t = target;
        if (t == null) {
            t = source.get();
            if (t == null) {
                throw new IllegalStateException("library rule " + name + " is declared but did not compile");
            }
            target = t;
        }
        return t;
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        return target().extract(root, context, trace);
    }

    @Override
    public void project(Projection root) {
        target().project(root);
    }

    @Override
    public List<CompiledRule> children() {
        return List.of(target());
    }

    /** The referenced rule's plan (compiling it: plans and explanations read the same before and after first use). */
    @Override
    public String toString() {
        try {
            return target().toString();
        } catch (RuntimeException e) {
            return name + " (does not compile: " + e.getMessage() + ")";
        }
    }
}
