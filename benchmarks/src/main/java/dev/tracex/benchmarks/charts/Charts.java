package dev.tracex.benchmarks.charts;

import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the performance charts from a directory of benchmark results, each chart from the files present:
 * {@code pi-c1.json} and {@code pi-c2.json} (JMH's JSON of {@code PerInvocationBenchmark} under Lambda's JIT
 * setting and the default one) give {@code per-invocation-c1.png} and {@code per-invocation-c2.png};
 * {@code cold-start.sh}'s runs ({@code CASE.jsonl} and {@code cold-start-jdk<N>.txt}) give
 * {@code cold-start.png} and {@code cold-start-memory.png}. Every number drawn is read from those files; a
 * chart whose files miss a case it shows is not drawn, and the run fails naming what is missing.
 * Run by {@code benchmarks/charts.sh}, headless.
 *
 * <pre>{@code
 * java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar dev.tracex.benchmarks.charts.Charts \
 *     benchmarks/results/2026-12-01-cold-start docs/images
 * }</pre>
 */
public final class Charts {
    private Charts() {
    }

    /** {@code Charts RESULTS_DIR [OUT_DIR]}: OUT_DIR defaults to RESULTS_DIR; prints each file it writes. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Charts RESULTS_DIR [OUT_DIR]");
            System.exit(2);
        }
        // Before any AWT class loads: no display is needed, and none is looked for.
        System.setProperty("java.awt.headless", "true");
        Path results = Path.of(args[0]);
        try {
            for (Path written : write(results, Path.of(args.length == 2 ? args[1] : args[0]))) {
                System.out.println("wrote " + written);
            }
        } catch (ResultsException e) {
            System.err.println("charts: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads all the results first, then writes the charts; returns the files written. */
    static List<Path> write(Path results, Path out) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new ResultsException(results + ": not a directory");
        }
        List<Drawn> charts = new ArrayList<>();
        for (String jit : List.of("c1", "c2")) {
            Path file = results.resolve("pi-" + jit + ".json");
            if (Files.exists(file)) {
                JmhResults jmh = JmhResults.read(file);
                RunInfo info = new RunInfo(RunInfo.dateOf(results, List.of(file)), jmh.jdk(), jmh.jit(), file.toString());
                charts.add(new Drawn(PerInvocationChart.of(jmh, info), "per-invocation-" + jit + ".png", PerInvocationChart.height()));
            }
        }
        if (ColdStartRuns.anyIn(results, ColdStartChart.cases())) {
            ColdStartRuns runs = ColdStartRuns.read(results, ColdStartChart.cases());
            RunInfo info = new RunInfo(RunInfo.dateOf(results, runs.files()), runs.jdk(),
                    "JVM options: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC (AWS Lambda's, as cold-start.sh sets them)", results + "/*.jsonl");
            charts.add(new Drawn(ColdStartChart.time(runs, info), "cold-start.png", ColdStartChart.height()));
            charts.add(new Drawn(ColdStartChart.memory(runs, info), "cold-start-memory.png", ColdStartChart.height()));
        }
        if (charts.isEmpty()) {
            throw new ResultsException(results + ": nothing to chart (pi-c1.json, pi-c2.json or cold-start.sh's CASE.jsonl files)");
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (Drawn c : charts) {
            Path file = out.resolve(c.file());
            ChartStyle.writePng(c.chart(), file, c.height());
            written.add(file);
        }
        return written;
    }

    private record Drawn(JFreeChart chart, String file, int height) {
    }
}
