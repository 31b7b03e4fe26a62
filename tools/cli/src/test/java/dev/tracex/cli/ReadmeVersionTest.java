package dev.tracex.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions the docs tell users to take are the current release's: every tracex Maven coordinate in README.md,
 * examples/README.md and the pages of docs/ ({@code <groupId>dev.tracex</groupId>} blocks, {@code dev.tracex:artifact:version}) and
 * the version {@code tracex --version} is shown printing. The current release is this build's version
 * ({@link TracexVersion}, written by Maven from the POM) when it is a release, and while the POMs carry the next
 * version's -SNAPSHOT, the newest release in CHANGELOG.md, which must have an entry for every release version.
 */
class ReadmeVersionTest {
    private static final Path REPOSITORY = Path.of("../..");
    private static final Pattern XML_COORDINATE = Pattern.compile(
            "<groupId>dev\\.tracex</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern COORDINATE = Pattern.compile("dev\\.tracex:(tracex-[a-z-]+):([0-9][^`\\s,)]*)");
    private static final Pattern VERSION_OUTPUT = Pattern.compile("tracex --version +# tracex (\\S+)");
    private static final Pattern CHANGELOG_RELEASE = Pattern.compile("(?m)^## \\[(\\d+\\.\\d+\\.\\d+)] - \\d{4}-\\d{2}-\\d{2}$");

    @Test
    void readmeSnippets_nameTheCurrentRelease() throws IOException {
        String release = currentRelease();
        List<String> found = new ArrayList<>();
        for (String doc : docs()) {
            String text = Files.readString(REPOSITORY.resolve(doc));
            for (Pattern p : List.of(XML_COORDINATE, COORDINATE, VERSION_OUTPUT)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    found.add(doc + ": " + m.group().replaceAll("\\s+", " ") + " -> " + m.group(m.groupCount()));
                }
            }
        }

        assertThat(found).as("tracex versions in the docs").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(f -> assertThat(f).endsWith(" -> " + release));
    }

    @Test
    void changelog_hasAnEntryForAReleaseVersion() throws IOException {
        String version = TracexVersion.version();
        String changelog = Files.readString(REPOSITORY.resolve("CHANGELOG.md"));

        if (!version.endsWith("-SNAPSHOT")) {
            assertThat(changelog).containsPattern("(?m)^## \\[" + Pattern.quote(version) + "] - \\d{4}-\\d{2}-\\d{2}$");
        }
        assertThat(changelog).contains("## [Unreleased]");
    }

    /** README.md, examples/README.md and every page of docs/, in that order. */
    private static List<String> docs() throws IOException {
        List<String> docs = new ArrayList<>(List.of("README.md", "examples/README.md"));
        try (var pages = Files.list(REPOSITORY.resolve("docs"))) {
            pages.map(p -> "docs/" + p.getFileName()).filter(n -> n.endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** This build's version if it is a release, else the newest release in CHANGELOG.md. */
    private static String currentRelease() throws IOException {
        String version = TracexVersion.version();
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        Matcher m = CHANGELOG_RELEASE.matcher(Files.readString(REPOSITORY.resolve("CHANGELOG.md")));
        assertThat(m.find()).as("a release in CHANGELOG.md").isTrue();
        return m.group(1);
    }
}
