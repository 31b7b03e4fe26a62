package dev.tracex.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every YAML rules file of the repository, for the tests that hold a property over all of them (schema, composed and
 * precompiled forms): a {@code .yaml} or {@code .yml} file with a top-level {@code extractors:} key, outside build
 * output, Git's and Node's directories; error fixtures and fuzzer seeds included (a caller leaves out what it must).
 */
public final class RepositoryRulesFiles {
    private RepositoryRulesFiles() {
    }

    /** The repository's root, from a module's directory (where Maven runs a module's tests). */
    public static Path repository() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The rules files, absolute, sorted. */
    public static List<Path> all() throws IOException {
        Path root = repository();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !root.relativize(p).toString().matches("(.*/)?(target|\\.git|node_modules)/.*"))
                    .filter(RepositoryRulesFiles::hasTopLevelExtractors)
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasTopLevelExtractors(Path p) {
        try {
            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("extractors:"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
