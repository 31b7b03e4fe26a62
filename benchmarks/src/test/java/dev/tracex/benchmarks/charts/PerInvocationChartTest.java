package dev.tracex.benchmarks.charts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PerInvocationChartTest {
    /**
     * The "tree / floor" and "bytes / (readTree + floor)" columns of {@code report.py per-invocation} on the
     * committed pi-c1.json (benchmarks/README.md), with the tracex times in brackets.
     */
    static Stream<Arguments> reportPyRows() {
        return Stream.of(
                argumentSet("headers", "headers", "1.28x  (1,170 ns)", "0.58x  (7,282 ns)"),
                argumentSet("sqs", "sqs", "1.45x  (26,998 ns)", "1.08x  (48,805 ns)"),
                argumentSet("http", "http", "1.15x  (927 ns)", "0.86x  (7,930 ns)"),
                argumentSet("fields", "fields", "0.86x  (365 ns)", "0.56x  (6,502 ns)"),
                argumentSet("kinesis", "kinesis", "1.27x  (2,245 ns)", "0.85x  (5,990 ns)"),
                argumentSet("js", "js", "10.35x  (9,488 ns)", "1.70x  (21,242 ns)"));
    }

    @ParameterizedTest
    @MethodSource("reportPyRows")
    void bars_committedC1Results_labelTheRatiosReportPyPrints(String scenario, String tree, String bytes) {
        PerInvocationChart.Bars bars = PerInvocationChart.bars(JmhResults.read(ChartsTest.RESULTS.resolve("pi-c1.json")));
        PerInvocationChart.Scenario s = PerInvocationChart.SCENARIOS.stream().filter(x -> x.name().equals(scenario)).findFirst().orElseThrow();

        assertThat(bars.labels().get(PerInvocationChart.RATIOS.get(0).series(), s.label())).isEqualTo(tree);
        assertThat(bars.labels().get(PerInvocationChart.RATIOS.get(1).series(), s.label())).isEqualTo(bytes);
    }
}
