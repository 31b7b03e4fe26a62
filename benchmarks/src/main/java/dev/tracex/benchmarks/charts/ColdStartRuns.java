package dev.tracex.benchmarks.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs of one {@code cold-start.sh}, from its directory: per case, the medians over its fresh JVMs
 * ({@code CASE.jsonl}, one JSON object a run), as {@code cold-start-report.py} takes them; and the JDK they
 * ran on, from the script's output beside them ({@code cold-start-jdk<N>.txt}, its {@code JDK ...} line).
 */
final class ColdStartRuns {
    private static final Pattern JDK_LINE = Pattern.compile("(?m)^JDK (\\S+) \\(");

    /** One case's medians: JVM start to the first context (or to the response, through the runtime client) and peak RSS. */
    record Case(String name, int runs, double totalMs, double peakRssMb) {
    }

    private final Path dir;
    private final Map<String, Case> cases;
    private final String jdk;

    private ColdStartRuns(Path dir, Map<String, Case> cases, String jdk) {
        this.dir = dir;
        this.cases = cases;
        this.jdk = jdk;
    }

    /** Whether {@code dir} holds any of these cases' runs. */
    static boolean anyIn(Path dir, List<String> names) {
        return names.stream().anyMatch(n -> Files.exists(dir.resolve(n + ".jsonl")));
    }

    /** Reads every one of {@code names}; all that is missing is reported at once. */
    static ColdStartRuns read(Path dir, List<String> names) {
        List<String> problems = new ArrayList<>();
        Map<String, Case> cases = new LinkedHashMap<>();
        for (String name : names) {
            Path file = dir.resolve(name + ".jsonl");
            if (!Files.exists(file)) {
                problems.add("no runs of case " + name + " (" + file.getFileName() + ")");
                continue;
            }
            Case c = readCase(name, file, problems);
            if (c != null) {
                cases.put(name, c);
            }
        }
        String jdk = jdk(dir, problems);
        if (!problems.isEmpty()) {
            throw new ResultsException(dir + ": " + String.join("; ", problems));
        }
        return new ColdStartRuns(dir, cases, jdk);
    }

    Case get(String name) {
        return cases.get(name);
    }

    /** The JDK's {@code java.runtime.version}, as the script printed it. */
    String jdk() {
        return jdk;
    }

    /** The runs per case: {@code 11}, or {@code 7 to 11} when the cases differ. */
    String runsPerCase() {
        int min = cases.values().stream().mapToInt(Case::runs).min().orElse(0);
        int max = cases.values().stream().mapToInt(Case::runs).max().orElse(0);
        return min == max ? Integer.toString(min) : min + " to " + max;
    }

    /** The files the runs were read from. */
    List<Path> files() {
        return cases.keySet().stream().map(n -> dir.resolve(n + ".jsonl")).toList();
    }

    private static Case readCase(String name, Path file, List<String> problems) {
        ObjectMapper json = new ObjectMapper();
        List<Double> total = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add("cannot read " + file.getFileName() + ": " + e.getMessage());
            return null;
        }
        for (int i = 0; i < lines.size(); i++) {
            // As cold-start-report.py: lines that are not a run's JSON (a JVM's own message) are not runs.
            if (!lines.get(i).startsWith("{")) {
                continue;
            }
            try {
                JsonNode run = json.readTree(lines.get(i));
                if (!run.path("totalMs").isNumber() || !run.path("vmHwmKb").isNumber()) {
                    problems.add(file.getFileName() + ":" + (i + 1) + ": a run without totalMs and vmHwmKb");
                    return null;
                }
                total.add(run.get("totalMs").asDouble());
                rss.add(run.get("vmHwmKb").asDouble() / 1024);
            } catch (IOException e) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": not JSON: " + e.getMessage());
                return null;
            }
        }
        if (total.isEmpty()) {
            problems.add("no runs of case " + name + " (" + file.getFileName() + " has none)");
            return null;
        }
        return new Case(name, total.size(), median(total), median(rss));
    }

    /** Python's {@code statistics.median}: the middle value, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static String jdk(Path dir, List<String> problems) {
        List<Path> outputs;
        try (Stream<Path> files = Files.list(dir)) {
            outputs = files.filter(f -> f.getFileName().toString().matches("cold-start-jdk\\d+\\.txt")).sorted().toList();
        } catch (IOException e) {
            problems.add("cannot list it: " + e.getMessage());
            return null;
        }
        List<String> found = new ArrayList<>();
        for (Path f : outputs) {
            try {
                Matcher m = JDK_LINE.matcher(Files.readString(f));
                if (m.find()) {
                    found.add(m.group(1));
                }
            } catch (IOException e) {
                problems.add("cannot read " + f.getFileName() + ": " + e.getMessage());
            }
        }
        if (found.size() != 1) {
            problems.add((found.isEmpty() ? "no" : "more than one") + " cold-start-jdk<N>.txt with cold-start.sh's \"JDK <version> (\" line"
                    + (found.isEmpty() ? "" : " " + Arrays.toString(outputs.toArray())));
            return null;
        }
        return found.get(0);
    }
}
