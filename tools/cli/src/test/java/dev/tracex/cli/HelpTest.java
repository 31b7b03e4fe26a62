package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help}, {@code -h}, {@code tracex help [command]} and {@code --version}. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"extract", "explain", "check", "test", "compile", "suggest", "coverage", "invoke", "schema"})
    void help_onEverySubcommand_printsItsUsageAndExitsZero(String command) {
        for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command},
                {command, "event.json", "--help"}}) {
            CommandRun run = CommandRun.of(args);

            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: tracex " + command + " ");
            assertThat(run.err()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void help_onPlayground_printsItsUsageAndExitsZero() {
        for (String[] args : new String[][] {{"playground", "--help"}, {"playground", "-h"}, {"help", "playground"}}) {
            CommandRun run = CommandRun.of(args);

            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: tracex playground ").contains("--extractor", "--path", "--port");
            assertThat(run.err()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void help_alone_listsTheCommands() {
        CommandRun run = CommandRun.of("help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: tracex ").contains("  extract ", "  check ", "  test ", "  compile ", "  suggest ", "  coverage ", "  invoke ", "  explain ", "  schema ", "  playground ", "  help ");
    }

    @Test
    void version_printsTheBuiltArtifactsVersion() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.exit()).isZero();
        // The build writes the version into the resource (TracexJarIT compares it with the project's version).
        assertThat(run.out()).matches("tracex \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n").doesNotContain("${");
    }

    @Test
    void noCommand_isAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("missing command: extract, explain, check, test, compile, suggest, coverage, invoke, schema, playground or help\nUsage: tracex ");
    }

    @Test
    void schema_printsTheRulesFileSchema() throws Exception {
        CommandRun run = CommandRun.of("schema");

        assertThat(run.exit()).isZero();
        try (var in = HelpTest.class.getResourceAsStream("/dev/tracex/engine/tracex-rules.schema.json")) {
            assertThat(run.out()).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(run.out()).contains("\"title\": \"tracex rules file\"");
    }
}
