package dev.tracex.benchmarks.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One JMH results file ({@code -rf json}): per benchmark and parameters, the best (lowest) measurement
 * iteration, as {@code report.py} takes it (on a shared machine other processes only ever add time), and
 * the JVM the benchmarks ran in.
 */
final class JmhResults {
    private final Path file;
    private final Map<String, Double> best;
    private final String unit;
    private final String jdk;
    private final List<String> jvmArgs;
    private final int iterations;

    private JmhResults(Path file, Map<String, Double> best, String unit, String jdk, List<String> jvmArgs, int iterations) {
        this.file = file;
        this.best = best;
        this.unit = unit;
        this.jdk = jdk;
        this.jvmArgs = jvmArgs;
        this.iterations = iterations;
    }

    static JmhResults read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read it: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new ResultsException(file + ": not JMH's JSON results (an array of benchmarks)");
        }
        Map<String, Double> best = new HashMap<>();
        int iterations = Integer.MAX_VALUE;
        for (JsonNode r : root) {
            double min = Double.POSITIVE_INFINITY;
            int n = 0;
            for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
                for (JsonNode x : fork) {
                    min = Math.min(min, x.asDouble());
                    n++;
                }
            }
            if (n == 0) {
                throw new ResultsException(file + ": " + r.path("benchmark").asText() + " has no measurement iterations");
            }
            best.put(key(shortName(r.path("benchmark").asText()), params(r.path("params"))), min);
            iterations = Math.min(iterations, n);
        }
        JsonNode first = root.get(0);
        List<String> jvmArgs = new ArrayList<>();
        first.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return new JmhResults(file, best, first.path("primaryMetric").path("scoreUnit").asText(),
                first.path("vmVersion").asText(), List.copyOf(jvmArgs), iterations);
    }

    /** The best iteration of {@code benchmark} ({@code Class.method}) with one parameter, if the file has it. */
    OptionalDouble best(String benchmark, String param, String value) {
        Double v = best.get(key(benchmark, param + "=" + value));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    Path file() {
        return file;
    }

    /** The score unit of the file's first benchmark, e.g. {@code ns/op}. */
    String unit() {
        return unit;
    }

    /** The JVM's version, as JMH recorded it ({@code vmVersion}). */
    String jdk() {
        return jdk;
    }

    /** The fewest measurement iterations any benchmark of the file has: what "best of N" means. */
    int iterations() {
        return iterations;
    }

    /** The JIT setting the benchmarks' JVMs ran with, from JMH's {@code jvmArgs}. */
    String jit() {
        if (jvmArgs.isEmpty()) {
            return "JVM options: none (the default JIT, C1 and C2)";
        }
        String args = "JVM options: " + String.join(" ", jvmArgs);
        return jvmArgs.contains("-XX:TieredStopAtLevel=1") ? args + " (C1 only, Lambda's JIT setting)" : args;
    }

    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }

    private static String params(JsonNode params) {
        Map<String, String> sorted = new TreeMap<>();
        params.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        List<String> out = new ArrayList<>();
        sorted.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }

    private static String key(String benchmark, String params) {
        return benchmark + " " + params;
    }
}
