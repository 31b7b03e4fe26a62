package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The playground's sample events are the rules module's fixtures, shipped as they are. */
class PlaygroundSamplesTest {
    // Surefire runs in the module's directory; the fixtures are the rules module's test resources.
    private static final Path FIXTURES = Path.of("..", "..", "rules", "src", "test", "resources", "events");
    private static final Path SHIPPED = Path.of("src", "main", "resources", "dev", "tracex", "cli", "playground", "events");

    static List<String> names() {
        return PlaygroundSamples.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void read_eachSample_isTheRulesFixture(String name) throws Exception {
        assertThat(PlaygroundSamples.read(name)).isEqualTo(Files.readAllBytes(FIXTURES.resolve(name)));
    }

    @Test
    void names_listEveryShippedSample() throws Exception {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(PlaygroundSamples.NAMES);
        }
    }

    @Test
    void read_nameNotASample_isNull() throws Exception {
        assertThat(PlaygroundSamples.read("../playground.js")).isNull();
    }
}
