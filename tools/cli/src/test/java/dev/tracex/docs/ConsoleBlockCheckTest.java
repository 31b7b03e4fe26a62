package dev.tracex.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleBlockCheckTest {
    @TempDir
    Path root;

    private void writeRules() throws IOException {
        Files.writeString(root.resolve("x.yaml"), "extractors:\n  json:\n    headers: $._datadog\n");
    }

    @Test
    void check_outputAsShown_reportsNothing() throws IOException {
        writeRules();
        MarkdownPage page = MarkdownPage.parse("docs/cli.md", """
                ```console
                $ tracex check x.yaml
                x.yaml: 1 rule
                  json = Headers($._datadog)
                ```
                """);

        assertThat(new ConsoleBlockCheck(root).check(page)).isEmpty();
    }

    @Test
    void check_outputThatDiffers_isReportedAtTheCommand() throws IOException {
        writeRules();
        MarkdownPage page = MarkdownPage.parse("docs/cli.md", """
                # The command line

                ```console
                $ tracex check x.yaml
                x.yaml: 2 rules
                ```
                """);

        assertThat(new ConsoleBlockCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/cli.md:4: \"tracex check x.yaml\" prints otherwise: shown line 1 is \"x.yaml: 2 rules\", "
                        + "output line 1 is \"x.yaml: 1 rule\"");
    }

    @Test
    void check_elidedLines_matchAnyOutput() throws IOException {
        writeRules();
        MarkdownPage page = MarkdownPage.parse("docs/cli.md", """
                ```console
                $ tracex check \\
                    x.yaml
                ...
                  json = Headers($._datadog)
                $ tracex check missing.yaml
                missing.yaml: cannot read: missing.yaml
                ```
                """);

        assertThat(new ConsoleBlockCheck(root).check(page)).isEmpty();
    }

    @Test
    void check_aCommandThatIsNotTracex_isReported() {
        MarkdownPage page = MarkdownPage.parse("docs/cli.md", """
                ```console
                $ mvn -B verify
                ```
                """);

        assertThat(new ConsoleBlockCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/cli.md:2: a console block runs tracex commands only (show others in an sh block): mvn -B verify");
    }

    @Test
    void check_shellSyntax_isReportedNotRunDifferently() {
        MarkdownPage page = MarkdownPage.parse("docs/cli.md", """
                ```console
                $ tracex schema > schema.json
                ```
                """);

        assertThat(new ConsoleBlockCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/cli.md:2: cannot run \"tracex schema > schema.json\": shell syntax (>) beyond a simple command");
    }
}
