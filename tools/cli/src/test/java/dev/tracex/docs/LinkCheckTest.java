package dev.tracex.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LinkCheckTest {
    @TempDir
    Path root;

    @Test
    void check_linksToFilesAndHeadings_reportNothing() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/rules.md"), "# Rules\n\n## Java runtimes: java17, java21\n\n## `each:` and `parent:`\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        MarkdownPage page = MarkdownPage.parse("README.md", """
                # tracex

                See [the rules](docs/rules.md), [runtimes](docs/rules.md#java-runtimes-java17-java21),
                [batches](docs/rules.md#each-and-parent), [this page](#tracex), [the
                build](pom.xml "the POM"), and [outside](https://example.com/#nowhere).

                [ref]: docs/rules.md#rules
                """);

        assertThat(new LinkCheck(root).check(page)).isEmpty();
    }

    @Test
    void check_missingFileAndAnchor_areReportedWithTheirLines() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/rules.md"), "# Rules\n");
        MarkdownPage page = MarkdownPage.parse("docs/index.md", """
                # Docs

                The [rules](rules.md#pipelines) and [batches](batches.md).
                Also [here](#doc).
                """);

        assertThat(new LinkCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/index.md:3: link rules.md#pipelines: no heading with anchor #pipelines in docs/rules.md",
                "docs/index.md:3: link batches.md: no such file docs/batches.md",
                "docs/index.md:4: link #doc: no heading with anchor #doc in docs/index.md");
    }

    @Test
    void check_linksShownAsCode_areNotLinks() {
        MarkdownPage page = MarkdownPage.parse("docs/index.md", """
                # Docs

                Write `[text](missing.md)` for a link.

                ```markdown
                [text](also-missing.md)
                ```
                """);

        assertThat(new LinkCheck(root).check(page)).isEmpty();
    }

    @Test
    void check_repeatedHeadings_getNumberedAnchors() {
        MarkdownPage page = MarkdownPage.parse("docs/index.md", """
                # Example

                ## Example

                [second](#example-1), [third](#example-2)
                """);

        assertThat(new LinkCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/index.md:5: link #example-2: no heading with anchor #example-2 in docs/index.md");
    }
}
