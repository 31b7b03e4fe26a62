package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.rule.CompiledExtractor;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.internal.rule.LibraryRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file naming a library's rules compiles without compiling the library; a selected rule reaching one compiles it once. */
class LibraryReferenceTest {
    private final AtomicInteger compiled = new AtomicInteger();
    private final RuleLibrary library = new RuleLibrary() {
        @Override
        public CompiledRule find(String qualifiedName) {
            compiled.incrementAndGet();
            try {
                return RuleFileCompiler.compile("lib.yaml", "extractors:\n  carrier:\n    headers: $.carrier\n", null, "lib.",
                        RuleLibrary.NONE).rules().get("carrier");
            } catch (RuleCompilationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CompiledRule reference(String qualifiedName) {
            return qualifiedName.equals("lib.carrier") ? new LibraryRule(qualifiedName, () -> find(qualifiedName)) : null;
        }

        @Override
        public List<String> names() {
            return List.of("lib.carrier");
        }

        @Override
        public String missingHint() {
            return " (known: lib.carrier)";
        }
    };

    private CompiledFile compile(String yaml) throws RuleCompilationException {
        return RuleFileCompiler.compile("user.yaml", yaml, null, "", library);
    }

    @Test
    void compile_fileNamingALibraryRule_doesNotCompileTheLibrary() throws Exception {
        CompiledFile file = compile("""
                extractors:
                  mine:
                    headers: $._datadog
                  chained:
                    first: [mine, lib.carrier]
                """);

        assertThat(compiled).hasValue(0);
        new CompiledExtractor("mine", file.rules().get("mine"));
        assertThat(compiled).as("a selected rule that does not reach it").hasValue(0);

        CompiledExtractor chained = new CompiledExtractor("chained", file.rules().get("chained"));
        assertThat(compiled).as("compiled for the selected rule's projection").hasValue(1);
        assertThat(chained.extract("{\"carrier\": {\"x-datadog-trace-id\": \"5\", \"x-datadog-parent-id\": \"6\"}}")
                .parent().orElseThrow().traceId()).isEqualTo("5");
        assertThat(compiled).as("once").hasValue(1);
        assertThat(((LibraryRule) file.rules().get("chained").children().get(1)).target()).isInstanceOf(HeadersRule.class);
    }

    @Test
    void compile_unknownLibraryRule_positionedErrorWithoutCompilingTheLibrary() {
        assertThatThrownBy(() -> compile("""
                extractors:
                  chained:
                    first: [lib.nope]
                """)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("user.yaml:3:13")
                .hasMessageContaining("unknown rule \"lib.nope\" in first (known: lib.carrier)");
        assertThat(compiled).hasValue(0);
    }
}
