package dev.tracex.benchmarks.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdStartRunsTest {
    @Test
    void read_committedRuns_givesTheMediansColdStartReportPyPrints() {
        ColdStartRuns runs = ColdStartRuns.read(ChartsTest.RESULTS, ColdStartChart.cases());

        // cold-start-jdk17.txt: empty 52 ms, 36 MB; YAML rule 155 ms, 52 MB; through the runtime client 80 and 180 ms.
        assertThat(Numbers.fixed(runs.get("empty").totalMs(), 0)).isEqualTo("52");
        assertThat(Numbers.fixed(runs.get("yaml").totalMs(), 0)).isEqualTo("155");
        assertThat(Numbers.fixed(runs.get("runtime-empty").totalMs(), 0)).isEqualTo("80");
        assertThat(Numbers.fixed(runs.get("runtime-yaml").totalMs(), 0)).isEqualTo("180");
        assertThat(Numbers.fixed(runs.get("empty").peakRssMb(), 0)).isEqualTo("36");
        assertThat(Numbers.fixed(runs.get("yaml").peakRssMb(), 0)).isEqualTo("52");
        assertThat(runs.runsPerCase()).isEqualTo("11");
        assertThat(runs.jdk()).isEqualTo("17.0.15+6-Debian-1deb12u1");
    }

    @Test
    void read_runsMissingACaseAndTheJdk_reportsBothAtOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.jsonl"), "{\"totalMs\": 50.0, \"vmHwmKb\": 37000}\n");

        assertThatThrownBy(() -> ColdStartRuns.read(dir, List.of("empty", "yaml")))
                .isInstanceOf(ResultsException.class)
                .hasMessage(dir + ": no runs of case yaml (yaml.jsonl); no cold-start-jdk<N>.txt with cold-start.sh's"
                        + " \"JDK <version> (\" line");
    }

    @Test
    void read_runWithoutTotal_namesTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.jsonl"), "{\"totalMs\": 50.0, \"vmHwmKb\": 37000}\n{\"vmHwmKb\": 37000}\n");
        Files.writeString(dir.resolve("cold-start-jdk17.txt"), "JDK 17.0.15+6 (java), load average at the end: 1.0\n");

        assertThatThrownBy(() -> ColdStartRuns.read(dir, List.of("empty")))
                .isInstanceOf(ResultsException.class)
                .hasMessage(dir + ": empty.jsonl:2: a run without totalMs and vmHwmKb");
    }

    @Test
    void median_evenCount_isTheMeanOfTheMiddleTwo() {
        assertThat(ColdStartRuns.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(ColdStartRuns.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }
}
