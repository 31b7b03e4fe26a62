package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code tracex playground} says when it cannot start; PlaygroundIT runs it when it can. */
class PlaygroundCommandTest {
    @Test
    void playground_noSuchRulesFile_saysWhereItLookedAndExitsTwo(@TempDir Path dir) {
        CommandRun run = CommandRun.of("playground", "--extractor", "missing.orders", "--path", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("--extractor missing.orders: no rules file missing{.yaml,.yml,.js} in " + dir + ", ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void playground_selectionWithoutRule_namesTheOption() {
        CommandRun run = CommandRun.of("playground", "--extractor", "extractors");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--extractor must be <file>.<name>, e.g. extractors.json; got \"extractors\"\n");
    }

    @Test
    void playground_portInUse_saysSoAndExitsTwo() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            CommandRun run = CommandRun.of("playground", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }
}
