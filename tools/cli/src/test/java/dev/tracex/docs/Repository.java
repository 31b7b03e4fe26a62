package dev.tracex.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository the tests run in, and its documentation pages. */
final class Repository {
    /** The repository root: the test JVM runs in the module's directory, two levels below it. */
    static final Path ROOT = findRoot();

    private Repository() {
    }

    /** README.md and every page of docs/, the pages every doc check runs over. */
    static List<MarkdownPage> docPages() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        files.addAll(markdownUnder(ROOT.resolve("docs")));
        return read(files);
    }

    /** Every Markdown file of the repository (build output and dot-directories but .github left out), for the links. */
    static List<MarkdownPage> allPages() {
        return read(markdownUnder(ROOT));
    }

    /** The pages of docs/ alone. */
    static List<Path> docsFiles() {
        return markdownUnder(ROOT.resolve("docs"));
    }

    private static List<Path> markdownUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> ROOT.relativize(p).toString().split("/").length == 1 || keep(ROOT.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean keep(Path relative) {
        for (Path part : relative.getParent()) {
            String s = part.toString();
            if (s.equals("target") || s.equals("node_modules") || (s.startsWith(".") && !s.equals(".github"))) {
                return false;
            }
        }
        return true;
    }

    private static List<MarkdownPage> read(List<Path> files) {
        List<MarkdownPage> pages = new ArrayList<>();
        for (Path f : files) {
            try {
                pages.add(MarkdownPage.read(ROOT, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    private static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("tools/cli"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (README.md beside tools/cli) above " + Path.of("").toAbsolutePath());
    }
}
