package dev.tracex.cli;

import dev.tracex.engine.logging.Logging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -v}/{@code --verbose}: tracex's debug lines on the command's stderr, only for that run. */
class VerboseOptionTest {
    /** The first reason of each rule tried: the selected one, then builtin.default behind it. */
    private static final String WHY = "[DEBUG] dev.tracex.engine: rule \"custom\": no context at $.meta.t: missing trace_id\n"
            + "[DEBUG] dev.tracex.engine: rule \"builtin.default\" -> \"builtin.http_headers\": $.headers not found (and 9 more)";

    @TempDir
    Path dir;
    Path event;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), "extractors:\n  custom:\n    fields: {trace_id: $.meta.t, parent_id: $.meta.p}\n");
        event = Files.writeString(dir.resolve("event.json"), "{\"meta\": {\"other\": \"Bearer-secret\"}}");
    }

    @Test
    void extract_verboseAfterTheCommand_printsWhyTheRuleFoundNothingOnStderr() {
        Logging.Setup before = Logging.current();

        CommandRun run = CommandRun.of("extract", "-v", "--path", dir.toString(), "--extractor", "extractors.custom", event.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(WHY + System.lineSeparator());
        assertThat(run.out()).doesNotContain("DEBUG");
        assertThat(Logging.current()).as("the setup is restored after the run").isSameAs(before);
    }

    @Test
    void extract_verboseBeforeTheCommand_isTheSame() {
        CommandRun run = CommandRun.of("--verbose", "extract", "--path", dir.toString(), "--extractor", "extractors.custom", event.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(WHY + System.lineSeparator());
    }

    @Test
    void extract_withoutVerbose_printsNoDebugLine() {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.custom", event.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }
}
