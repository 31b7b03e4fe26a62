package dev.tracex.benchmarks.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a chart's numbers come from, for its subtitle: the run's date, the JDK and JVM setting it ran
 * with, and the files.
 */
record RunInfo(String date, String jdk, String jvm, String source) {
    private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    /** The line under the title that names the run: {@code 2026-12-01 · JDK 17.0.15 · FILE}. */
    String runLine() {
        return date + "  \u00b7  JDK " + jdk + "  \u00b7  " + source;
    }

    /**
     * The date a results directory's name starts with ({@code benchmarks/results/2026-12-01-cold-start}),
     * else the day (UTC) the newest of its files was written: a fresh run's own directory.
     */
    static String dateOf(Path dir, List<Path> files) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        Matcher dated = DATED.matcher(name == null ? "" : name.toString());
        if (dated.find()) {
            return dated.group(1);
        }
        FileTime newest = FileTime.fromMillis(0);
        for (Path f : files) {
            try {
                FileTime t = Files.getLastModifiedTime(f);
                newest = t.compareTo(newest) > 0 ? t : newest;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest.toInstant().atZone(ZoneOffset.UTC).toLocalDate() + " (file times)";
    }
}
