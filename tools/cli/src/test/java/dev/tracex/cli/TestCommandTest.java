package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTest {
    @Test
    void test_runsEveryExampleAndCountsAndExplainsEachFailure(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.json"), "{\"_datadog\": {\"x-datadog-trace-id\": \"9\", \"x-datadog-parent-id\": \"10\"}}");
        Path file = Files.writeString(dir.resolve("x.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                    examples:
                      - event: {_datadog: {x-datadog-trace-id: "1", x-datadog-parent-id: "2"}}
                        expect: {trace_id: "1", parent_id: "2"}
                      - name: from a file beside the rules
                        event_file: event.json
                        expect: {trace_id: "9"}
                      - name: wrong on purpose
                        event: {}
                        expect: {trace_id: "1"}
                """);

        CommandRun run = CommandRun.of("test", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "PASS " + file + ":5:9: rule \"json\" example 1",
                "PASS " + file + ":7:9: rule \"json\" example 2 (from a file beside the rules)",
                "FAIL " + file + ":10:9: rule \"json\" example 3 (wrong on purpose): expected a context, got none",
                "    rule \"json\": Headers($._datadog)",
                "      $._datadog: not found in an object (0 keys)",
                "      -> no context",
                "2 passed, 1 failed");
    }

    @Test
    void test_allPassing_exitsZero(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                    examples:
                      - event: {}
                        expect: null
                """);

        CommandRun run = CommandRun.of("test", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).endsWith("1 passed, 0 failed\n");
    }

    @Test
    void test_missingEventFile_failsThatExampleOnly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                    examples:
                      - event_file: events/missing.json
                        expect: null
                      - event: {}
                        expect: null
                """);

        CommandRun run = CommandRun.of("test", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "FAIL " + file + ":5:9: rule \"json\" example 1: event_file \"events/missing.json\" not found in " + dir,
                "PASS " + file + ":7:9: rule \"json\" example 2",
                "1 passed, 1 failed");
    }

    @Test
    void test_jsFile_isAUsageErrorSayingHowToTestIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("extractors.js"), "exports.json = (payload) => payload._datadog;\n");

        CommandRun run = CommandRun.of("test", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(file + ": a .js file holds no examples: run its rules with `tracex extract --extractor "
                + "extractors.<rule> EVENT.json`, or write them as js: rules with examples: in a YAML file\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void test_noExamples_failsInsteadOfPassingNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.yaml"), "extractors:\n  json:\n    headers: $._datadog\n");

        CommandRun run = CommandRun.of("test", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(file + ": no rule has examples:\n");
        assertThat(run.out()).isEqualTo("0 passed, 0 failed\n");
    }
}
