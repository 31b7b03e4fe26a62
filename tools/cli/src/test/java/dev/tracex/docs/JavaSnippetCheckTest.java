package dev.tracex.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JavaSnippetCheckTest {
    private static final String SOURCE = "m/src/test/java/x/Snippets.java";

    @TempDir
    Path root;

    private void writeSource() throws IOException {
        Path file = root.resolve(SOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package x;

                final class Snippets {
                    String greet(String name) {
                        // snippet:begin greet
                        String greeting = "hello " + name;
                        return greeting;
                        // snippet:end greet
                    }
                }
                """);
    }

    @Test
    void check_blockEqualToItsRegion_reportsNothing() throws IOException {
        writeSource();
        MarkdownPage page = MarkdownPage.parse("docs/x.md", """
                <!-- snippet: m/src/test/java/x/Snippets.java#greet -->
                ```java
                String greeting = "hello " + name;
                return greeting;
                ```

                <!-- not-compiled: needs a library this build does not have -->
                ```java
                Library.call();
                ```
                """);

        assertThat(new JavaSnippetCheck(root).check(page)).isEmpty();
    }

    @Test
    void check_blockThatDiffersFromItsRegion_isReported() throws IOException {
        writeSource();
        MarkdownPage page = MarkdownPage.parse("docs/x.md", """
                # Greeting

                <!-- snippet: m/src/test/java/x/Snippets.java#greet -->
                ```java
                String greeting = "hi " + name;
                return greeting;
                ```
                """);

        assertThat(new JavaSnippetCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/x.md:5: block line 1 is \"String greeting = \"hi \" + name;\", " + SOURCE
                        + "#greet has \"String greeting = \"hello \" + name;\"");
    }

    @Test
    void check_blockWithoutASnippet_isReported() {
        MarkdownPage page = MarkdownPage.parse("docs/x.md", """
                Some code:

                ```java
                int x = 1;
                ```
                """);

        assertThat(new JavaSnippetCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/x.md:3: a java block needs <!-- snippet: <compiled file>#<region> --> "
                        + "(or <!-- not-compiled: <why> -->) on the line above it");
    }

    @Test
    void check_missingRegionOrUncompiledFile_isReported() throws IOException {
        writeSource();
        MarkdownPage page = MarkdownPage.parse("docs/x.md", """
                <!-- snippet: m/src/test/java/x/Snippets.java#farewell -->
                ```java
                return "bye";
                ```
                <!-- snippet: docs/Snippets.java#greet -->
                ```java
                return greeting;
                ```
                """);

        assertThat(new JavaSnippetCheck(root).check(page)).extracting(Problem::toString).containsExactly(
                "docs/x.md:3: snippet m/src/test/java/x/Snippets.java has no region farewell "
                        + "(// snippet:begin farewell ... // snippet:end farewell)",
                "docs/x.md:7: snippet docs/Snippets.java is not in a compiled source set (src/main/java or src/test/java of a module)");
    }
}
