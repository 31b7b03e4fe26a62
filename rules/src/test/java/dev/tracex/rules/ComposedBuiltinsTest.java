package dev.tracex.rules;

import dev.tracex.engine.internal.compiler.Builtins;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module's build writes the composed form of {@code builtin.yaml} beside it (exec-maven-plugin, the engine's
 * {@code ComposedYaml}), and the built-ins compile from it: no snakeyaml parser at a rule's first miss. That the
 * form gives the same rules as the text is {@code ComposedYamlTest}'s, in the engine.
 */
class ComposedBuiltinsTest {
    @Test
    void builtins_compileFromTheFormTheBuildWrote() {
        assertThat(Builtins.class.getClassLoader().getResource(Builtins.COMPOSED_RESOURCE)).isNotNull();

        assertThat(Builtins.file().rules()).containsKey("default");
        assertThat(Builtins.compiledFromComposedForm()).isTrue();
    }
}
