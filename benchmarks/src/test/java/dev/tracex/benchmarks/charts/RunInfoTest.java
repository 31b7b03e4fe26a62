package dev.tracex.benchmarks.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunInfoTest {
    @Test
    void dateOf_datedDirectory_isTheDateInItsName() {
        assertThat(RunInfo.dateOf(ChartsTest.RESULTS, List.of())).isEqualTo("2026-12-01");
    }

    @Test
    void dateOf_undatedDirectory_isTheNewestFilesDay(@TempDir Path dir) throws IOException {
        Path older = Files.writeString(dir.resolve("empty.jsonl"), "{}");
        Path newer = Files.writeString(dir.resolve("yaml.jsonl"), "{}");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-30T23:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-12-02T01:00:00Z")));

        assertThat(RunInfo.dateOf(dir, List.of(older, newer))).isEqualTo("2026-12-02 (file times)");
    }

    @Test
    void runLine_namesDateJdkAndSource() {
        RunInfo info = new RunInfo("2026-12-01", "17.0.15", "JVM options: none (the default JIT, C1 and C2)", "results/pi-c2.json");

        assertThat(info.runLine()).isEqualTo("2026-12-01  \u00b7  JDK 17.0.15  \u00b7  results/pi-c2.json");
    }
}
