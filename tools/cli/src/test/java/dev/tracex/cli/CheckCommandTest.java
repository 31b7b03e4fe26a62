package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    @Test
    void check_goodFile_listsEveryRuleWithItsPlan(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                  sqs:
                    headers: $.Records[0].messageAttributes._datadog.stringValue | json
                  any:
                    first: [sqs, json]
                """);

        CommandRun run = CommandRun.of("check", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly(
                file + ": 3 rules",
                "  json = Headers($._datadog)",
                "  sqs = Headers($.Records[0].messageAttributes._datadog.stringValue | json)",
                "  any = FirstOf(sqs, json)");
    }

    @Test
    void check_badFile_exitsTwoWithEveryProblem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "extractors:\n  a:\n    headers: $.a[\n  b:\n    colour: red\n");

        CommandRun run = CommandRun.of("check", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly(
                file + ":3:14: rule \"a\": bad JSONPath \"$.a[\": unclosed '['",
                file + ":4:3: rule \"b\": a rule needs one of headers, fields, first, js",
                file + ":5:5: rule \"b\": unknown key \"colour\" (known: headers, fields, first, js, styles, id_format, each, record_id, parent, when, from, examples, description)");
    }

    @Test
    void noCommand_isAUsageError() {
        assertThat(CommandRun.of().exit()).isEqualTo(2);
        assertThat(CommandRun.of("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void check_oneRule_saysRuleInTheSingular(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("one.yaml"), "extractors:\n  json:\n    headers: $._datadog\n");

        CommandRun run = CommandRun.of("check", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly(file + ": 1 rule", "  json = Headers($._datadog)");
    }
}
