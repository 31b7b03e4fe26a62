package dev.tracex.benchmarks.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmhResultsTest {
    @Test
    void read_committedC1Results_givesTheRunsJvmAndJitSetting() {
        JmhResults c1 = JmhResults.read(ChartsTest.RESULTS.resolve("pi-c1.json"));

        assertThat(c1.jdk()).isEqualTo("17.0.15+6-Debian-1deb12u1");
        assertThat(c1.jit()).isEqualTo("JVM options: -XX:TieredStopAtLevel=1 (C1 only, Lambda's JIT setting)");
        assertThat(c1.iterations()).isEqualTo(10);
        assertThat(c1.unit()).isEqualTo("ns/op");
    }

    @Test
    void read_committedC2Results_sayTheDefaultJit() {
        assertThat(JmhResults.read(ChartsTest.RESULTS.resolve("pi-c2.json")).jit())
                .isEqualTo("JVM options: none (the default JIT, C1 and C2)");
    }

    @Test
    void best_severalForksAndIterations_isTheLowestIteration(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pi-c1.json"), "[{\"benchmark\": \"dev.tracex.benchmarks.PerInvocationBenchmark.tracexTree\","
                + " \"params\": {\"scenario\": \"sqs\"}, \"jvmArgs\": [], \"vmVersion\": \"17\","
                + " \"primaryMetric\": {\"score\": 12.0, \"scoreUnit\": \"ns/op\", \"rawData\": [[12.0, 11.0], [13.0, 10.5]]}}]");

        JmhResults results = JmhResults.read(file);

        assertThat(results.best("PerInvocationBenchmark.tracexTree", "scenario", "sqs")).hasValue(10.5);
        assertThat(results.best("PerInvocationBenchmark.tracexTree", "scenario", "http")).isEmpty();
        assertThat(results.iterations()).isEqualTo(4);
    }

    @Test
    void read_notJmhResults_saysSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pi-c1.json"), "{\"totalMs\": 50}");

        assertThatThrownBy(() -> JmhResults.read(file))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": not JMH's JSON results (an array of benchmarks)");
    }
}
