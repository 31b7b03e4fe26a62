package dev.tracex.benchmarks.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartsTest {
    /** The results docs/images is drawn from (the test runs in the benchmarks module's directory). */
    static final Path RESULTS = Path.of("results/2026-12-01-cold-start");

    @Test
    void write_committedResults_drawsEachChartOpaqueAtItsSize(@TempDir Path out) throws IOException {
        List<Path> written = Charts.write(RESULTS, out);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("per-invocation-c1.png", "per-invocation-c2.png", "cold-start.png", "cold-start-memory.png");
        List<Integer> heights = List.of(PerInvocationChart.height(), PerInvocationChart.height(), ColdStartChart.height(),
                ColdStartChart.height());
        for (int i = 0; i < written.size(); i++) {
            BufferedImage image = ImageIO.read(written.get(i).toFile());
            assertThat(image.getWidth()).as("%s width", written.get(i)).isEqualTo(900);
            assertThat(image.getHeight()).as("%s height", written.get(i)).isEqualTo(heights.get(i));
            assertThat(image.getColorModel().hasAlpha()).as("%s has an alpha channel", written.get(i)).isFalse();
            assertThat(image.getRGB(0, 0)).as("%s background", written.get(i)).isEqualTo(0xffffffff);
        }
    }

    @Test
    void write_coldStartRunsWithoutACase_failsNamingItAndWritesNothing(@TempDir Path dir) throws IOException {
        Path results = copyOfResults(dir);
        Files.delete(results.resolve("yaml.jsonl"));

        assertThatThrownBy(() -> Charts.write(results, dir.resolve("out")))
                .isInstanceOf(ResultsException.class)
                .hasMessage(results + ": no runs of case yaml (yaml.jsonl)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void write_perInvocationResultsWithoutAScenario_failsNamingIt(@TempDir Path dir) throws IOException {
        Path results = copyOfResults(dir);
        ObjectMapper json = new ObjectMapper();
        ArrayNode benchmarks = (ArrayNode) json.readTree(results.resolve("pi-c1.json").toFile());
        benchmarks.removeIf(b -> b.path("benchmark").asText().endsWith(".handWritten")
                && b.path("params").path("scenario").asText().equals("sqs"));
        json.writeValue(results.resolve("pi-c1.json").toFile(), benchmarks);

        assertThatThrownBy(() -> Charts.write(results, dir.resolve("out")))
                .isInstanceOf(ResultsException.class)
                .hasMessage(results.resolve("pi-c1.json") + ": no result for PerInvocationBenchmark.handWritten scenario=sqs");
    }

    @Test
    void write_directoryWithoutResults_failsSayingWhatItReads(@TempDir Path dir) {
        assertThatThrownBy(() -> Charts.write(dir, dir))
                .isInstanceOf(ResultsException.class)
                .hasMessage(dir + ": nothing to chart (pi-c1.json, pi-c2.json or cold-start.sh's CASE.jsonl files)");
    }

    private static Path copyOfResults(Path dir) throws IOException {
        Path copy = dir.resolve("2026-12-01-cold-start");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(RESULTS)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
