package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.PrecompiledRules;
import dev.tracex.engine.RepositoryRulesFiles;
import dev.tracex.engine.RuleCompilationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule loaded from its file's precompiled form ({@link PrecompiledRules}) answers as the rule compiled from the
 * YAML: for every YAML rules file of the repository, every rule of it selected alone from the form, on every event
 * of the repository (and its variants, {@link BuiltinAnswersTest#events}), from a tree and from bytes; and a file
 * that does not compile gets no form, with the errors compiling it gives.
 */
class PrecompiledAnswersTest {
    private static Map<String, JsonNode> events;

    @BeforeAll
    static void readEvents() throws IOException {
        events = BuiltinAnswersTest.events();
    }

    static Stream<Path> rulesFiles() throws IOException {
        List<Path> out = RepositoryRulesFiles.all();
        assertThat(out).hasSizeGreaterThan(40);
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("rulesFiles")
    void everyRuleFromTheForm_answersAsFromTheYaml(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Extractors fromText;
        try {
            fromText = Extractors.parse(text, file.toString(), dir);
        } catch (RuleCompilationException e) {
            assertThatThrownBy(() -> PrecompiledRules.write(text, file.toString(), dir))
                    .isInstanceOf(RuleCompilationException.class).hasMessage(e.getMessage());
            return;
        } catch (RuntimeException notYaml) {
            return; // text the tests feed snakeyaml on purpose (e.g. over its limits), not a rules file
        }
        byte[] form = PrecompiledRules.write(text, file.toString(), dir);
        for (String rule : fromText.names()) {
            List<String> warnings = new ArrayList<>();
            Extractors fromForm = PrecompiledRules.load(form, text, file.toString(), dir, rule, warnings::add).orElseThrow();
            assertThat(warnings).isEmpty();
            assertThat(fromForm.names()).contains(rule);
            assertThat(fromForm.plan(rule)).isEqualTo(fromText.plan(rule));
            Extractor expected;
            try {
                expected = fromText.extractor(rule);
            } catch (RuntimeException | RuleCompilationException | LinkageError jsNotHere) {
                // A rule reaching a JS snippet: GraalJS is not on this module's class path, and the form says so alike
                // (the snippets themselves are compared, positions included, by the engine's ComposedYamlTest).
                assertThatThrownBy(() -> fromForm.extractor(rule)).hasMessage(jsNotHere.getMessage());
                continue;
            }
            Extractor actual = fromForm.extractor(rule);
            for (Map.Entry<String, JsonNode> e : events.entrySet()) {
                byte[] bytes = Fixtures.MAPPER.writeValueAsBytes(e.getValue());
                assertThat(render(actual.extract(e.getValue()))).as("%s rule %s on %s", file, rule, e.getKey())
                        .isEqualTo(render(expected.extract(e.getValue())));
                assertThat(render(actual.extract(bytes))).as("%s rule %s on %s (bytes)", file, rule, e.getKey())
                        .isEqualTo(render(expected.extract(bytes)));
            }
        }
    }

    private static String render(Extraction x) {
        return x.isEmpty() ? "-" : ContextJson.of(x, null).toString();
    }
}
