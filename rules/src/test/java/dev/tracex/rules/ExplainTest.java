package dev.tracex.rules;

import dev.tracex.engine.Explanation;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Explaining changes nothing: {@code explain} finds what {@code extract} finds, for every fixture and every built-in rule. */
class ExplainTest {
    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(ExplainTest.class.getResource("/events").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_event.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void explain_everyBuiltinOnEveryFixture_findsWhatExtractFinds(String fixture) throws Exception {
        Extractors builtins = Extractors.builtins();
        for (String name : builtins.names()) {
            Extractor rule = builtins.extractor(name);

            Explanation why = rule.explain(Fixtures.event(fixture), InvocationContext.NONE);

            assertThat(why.extraction()).as("%s on %s", name, fixture).isEqualTo(rule.extract(Fixtures.event(fixture)));
            assertThat(why.lines().get(0).text()).startsWith("rule \"builtin." + name + "\": ");
            assertThat(why.lines().get(why.lines().size() - 1).text()).startsWith("-> ");
        }
    }
}
