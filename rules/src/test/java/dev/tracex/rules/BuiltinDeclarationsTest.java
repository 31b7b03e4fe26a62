package dev.tracex.rules;

import dev.tracex.engine.Extractors;
import dev.tracex.engine.internal.compiler.Builtins;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.LibraryRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a file naming built-ins relies on without compiling them: the names read from builtin.yaml's text are
 * exactly its compiled rules, and no built-in nests deeper than a reference counts in a chain's depth limit.
 */
class BuiltinDeclarationsTest {
    @Test
    void declaredNames_readFromTheText_areTheCompiledRulesInOrder() {
        assertThat(Builtins.declaredNames()).isEqualTo(Extractors.builtins().names()).hasSizeGreaterThan(30);
    }

    @Test
    void everyBuiltin_nestsNoDeeperThanAReferenceCounts() {
        for (String name : Builtins.declaredNames()) {
            CompiledRule rule = Builtins.library().find(Builtins.NAMESPACE + name);
            assertThat(nesting(rule)).as(name).isLessThanOrEqualTo(LibraryRule.MAX_NESTING);
        }
    }

    @Test
    void reference_unknownName_null_knownName_boundToTheCompiledRule() {
        assertThat(Builtins.library().reference("builtin.no_such_rule")).isNull();
        assertThat(Builtins.library().reference("other.sqs")).isNull();
        LibraryRule sqs = (LibraryRule) Builtins.library().reference("builtin.sqs");
        assertThat(sqs.target()).isSameAs(Builtins.library().find("builtin.sqs"));
        assertThat(sqs).hasToString(sqs.target().toString());
    }

    private static int nesting(CompiledRule rule) {
        int deepest = 0;
        for (CompiledRule child : rule.children()) {
            deepest = Math.max(deepest, nesting(child));
        }
        return deepest + 1;
    }
}
