package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;
import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tracex suggest} on every event file of the repository: the built-in rules' fixtures, the examples' events and
 * the playground's samples. Whatever it proposes must compile, each example must pass, and each rule must find on the
 * whole event the context its proposal states; an event a built-in rule reads must get a proposal finding the same.
 */
class SuggesterFixturesTest {
    private static final Path ROOT = Path.of("..", "..");

    static Stream<Path> events() throws IOException {
        return Stream.of("rules/src/test/resources/events", "examples/events", "tools/cli/src/main/resources/dev/tracex/cli/playground/events")
                .flatMap(dir -> {
                    try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                        return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("events")
    void suggest_everyFixtureEvent_proposesRulesThatCompileAndPassTheirExamples(Path file) throws Exception {
        JsonNode event = EventJson.readOrNull(Files.readAllBytes(file));
        Suggestions found = Suggester.suggest(event, file.getFileName().toString(), null, null, Set.of());
        if (found.proposals().isEmpty()) {
            assertThat(found.text()).startsWith("# No rule for ").doesNotContain("extractors:");
            assertThat(Extractors.builtins().extractor("default").extract(event).parent()).as("builtin.default on " + file).isEmpty();
            return;
        }

        Extractors rules = Extractors.parse(found.text(), "suggested.yaml");
        rules.compileAll();
        List<ExampleResult> results = rules.runExamples();
        assertThat(results).hasSize(found.proposals().size()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        for (Proposal p : found.proposals()) {
            Extraction onTheWholeEvent = rules.extractor(p.name()).extract(event);
            assertThat(onTheWholeEvent.parent()).as(p.name()).isPresent();
            assertThat(ids(onTheWholeEvent.parent().get())).as(p.name()).isEqualTo(ids(p.context()));
        }
        Extraction byDefault = Extractors.builtins().extractor("default").extract(event);
        if (byDefault.parent().isPresent()) {
            assertThat(found.proposals()).as("a proposal finding what builtin.default finds in " + file)
                    .anySatisfy(p -> assertThat(ids(p.context())).isEqualTo(ids(byDefault.parent().get())));
        }
    }

    private static String ids(TraceContext c) {
        return c.traceIdHex() + "/" + c.parentIdDecimal() + "/" + c.samplingPriority();
    }
}
