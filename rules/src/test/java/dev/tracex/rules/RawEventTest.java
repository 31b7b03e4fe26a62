package dev.tracex.rules;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter hands {@code extract} the raw bytes of the event, which the engine may read only partly
 * (what the rules' paths touch); every fixture must give the same extraction from bytes, text, a stream
 * and a parsed tree.
 */
class RawEventTest {
    static Stream<String> events() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/events"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_event.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void extract_rawEvent_sameAsParsedTree(String fixture) throws Exception {
        Extractor defaults = Extractors.builtins().extractor("default");
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/events", fixture));

        var tree = defaults.extract(Fixtures.event(fixture));

        assertThat(defaults.extract(bytes)).isEqualTo(tree);
        assertThat(defaults.extract(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(tree);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            assertThat(defaults.extract(in)).isEqualTo(tree);
        }
    }
}
