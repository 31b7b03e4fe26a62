package dev.tracex.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation checked against the code it describes, so it cannot drift from it unnoticed: README.md
 * and docs/*.md (links: every Markdown file of the repository). How to write a page these checks accept is
 * in CONTRIBUTING.md ("Documentation"); each check's own test shows it failing on a broken page.
 */
class DocsTest {
    private static final List<MarkdownPage> PAGES = Repository.docPages();

    @Test
    void rulesBlocks_compileAndPassTheirExamples() {
        assertNoProblems(new RulesBlockCheck()::check, PAGES);
    }

    @Test
    void consoleBlocks_printWhatThePageShows() {
        assertNoProblems(new ConsoleBlockCheck(Repository.ROOT)::check, PAGES);
    }

    @Test
    void javaBlocks_areCompiledSnippets() {
        assertNoProblems(new JavaSnippetCheck(Repository.ROOT)::check, PAGES);
    }

    @Test
    void links_resolveInEveryMarkdownFile() {
        assertNoProblems(new LinkCheck(Repository.ROOT)::check, Repository.allPages());
    }

    @Test
    void configurationTable_listsExactlyWhatTheCodeReads() {
        ConfigurationReads code = tracexReads();
        assertThat(code.unresolved()).as("reads whose name the scan cannot work out").isEmpty();
        // The scan finds the reads it should: if these went missing, the scan, not the code, would be broken.
        assertThat(code.names()).contains("DD_TRACE_EXTRACTOR", "TRACEX_NEXT_WRAPPER", "tracex.js.timeoutMillis");

        List<String> tables = new ArrayList<>();
        for (MarkdownPage page : PAGES) {
            ConfigurationTableCheck.markers(page).forEach(line -> tables.add(page.name() + ":" + line));
        }
        assertThat(tables).as("configuration tables").hasSize(1);
        assertNoProblems(new ConfigurationTableCheck(code)::check, PAGES);
    }

    @Test
    void readme_linksEveryDocsPage() {
        MarkdownPage readme = PAGES.get(0);
        List<String> linked = readme.links().stream().map(l -> l.target().replaceFirst("#.*", "")).toList();
        List<String> pages = Repository.docsFiles().stream()
                .map(p -> Repository.ROOT.relativize(p).toString())
                .toList();
        assertThat(linked).containsAll(pages);
    }

    @Test
    void readme_isAFrontDoorOfAtMost250Lines() throws IOException {
        assertThat(Files.readAllLines(Repository.ROOT.resolve("README.md")).size()).as("README.md lines").isLessThanOrEqualTo(250);
    }

    private static void assertNoProblems(Function<MarkdownPage, List<Problem>> check, List<MarkdownPage> pages) {
        List<Problem> problems = new ArrayList<>();
        for (MarkdownPage page : pages) {
            problems.addAll(check.apply(page));
        }
        assertThat(problems).as(problems.stream().map(Problem::toString).collect(Collectors.joining("\n", "\n", "\n"))).isEmpty();
    }

    /** Where tracex reads its configuration: the main sources of the modules with code, and the layer's wrapper script. */
    private static ConfigurationReads tracexReads() {
        Path root = Repository.ROOT;
        return ConfigurationReads.scan(root,
                List.of(root.resolve("engine/src/main/java"), root.resolve("lambda-adapter/src/main/java"),
                        root.resolve("tools/cli/src/main/java")),
                List.of(root.resolve("lambda-adapter/src/layer/tracex-wrapper")));
    }
}
