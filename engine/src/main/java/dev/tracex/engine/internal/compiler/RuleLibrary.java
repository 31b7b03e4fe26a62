package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.rule.CompiledRule;

import java.util.List;

/**
 * Rules another file may reference by qualified name, e.g. {@code builtin.sqs}. Internal: may change
 * without notice.
 */
public interface RuleLibrary {
    /** No library: every qualified reference is unknown. */
    RuleLibrary NONE = new RuleLibrary() {
        @Override
        public CompiledRule find(String qualifiedName) {
            return null;
        }

        @Override
        public CompiledRule reference(String qualifiedName) {
            return null;
        }

        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public String missingHint() {
            return "";
        }
    };

    /** The compiled rule named {@code qualifiedName} (e.g. {@code builtin.sqs}), or {@code null}. */
    CompiledRule find(String qualifiedName);

    /**
     * A reference to rule {@code qualifiedName} for another file's {@code first:}, or {@code null} when the
     * library has no such rule; may be bound lazily ({@code LibraryRule}), so naming a rule costs no compilation.
     */
    CompiledRule reference(String qualifiedName);

    /** Every qualified name it holds. */
    List<String> names();

    /** Why a qualified name may be missing (e.g. the built-in rules module is not on the class path), or "". */
    String missingHint();
}
