package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tracex suggest}: what it prints, which {@code tracex test} then passes; its exit status and errors. */
class SuggestCommandTest {
    @TempDir
    Path dir;

    @Test
    void suggest_event_printsARulesFileWhoseExamplesPass() throws Exception {
        Path event = Files.writeString(dir.resolve("order_event.json"), """
                {"order": 42, "meta": {"trace": "{\\"x-datadog-trace-id\\": \\"5827296727441744253\\", \\"x-datadog-parent-id\\": \\"4112390218134436401\\", \\"x-datadog-sampling-priority\\": \\"1\\"}"}}
                """);

        CommandRun run = CommandRun.of("suggest", event.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                # A rule for %s; its example is the event cut down to what the rule reads.
                # no built-in rule finds a context in this event
                extractors:
                  # 1. datadog context from propagation headers, decoded with json
                  meta_trace:
                    headers: $.meta.trace | json
                    examples:
                      - event: {"meta": {"trace": "{\\"x-datadog-trace-id\\": \\"5827296727441744253\\", \\"x-datadog-parent-id\\": \\"4112390218134436401\\", \\"x-datadog-sampling-priority\\": \\"1\\"}"}}
                        expect: {format: datadog, trace_id: "5827296727441744253", trace_id_128: "000000000000000050deb77fcff6217d", parent_id: "4112390218134436401", sampling_priority: 1}
                """.formatted(event));
        assertThat(run.err()).isEmpty();

        Path rules = Files.writeString(dir.resolve("extractors.yaml"), run.out());
        CommandRun test = CommandRun.of("test", rules.toString());
        assertThat(test.out()).endsWith("1 passed, 0 failed\n");
        assertThat(test.exit()).isZero();
    }

    @Test
    void suggest_withIds_saysWhereTheyAre() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"_datadog\": {\"x-datadog-trace-id\": \"5827296727441744253\", "
                + "\"x-datadog-parent-id\": \"4112390218134436401\"}, \"log\": \"parent 4112390218134436401\"}");

        CommandRun run = CommandRun.of("suggest", "--trace-id", "50deb77fcff6217d", "--parent-id", "4112390218134436401", event.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("""
                # builtin.default reads this event already: rule builtin.payload finds trace_id 5827296727441744253, parent_id 4112390218134436401 (datadog); so do builtin.lambda
                # trace id 50deb77fcff6217d is at $._datadog['x-datadog-trace-id'] (decimal)
                # parent id 4112390218134436401 is at $._datadog['x-datadog-parent-id'] (decimal)
                # parent id 4112390218134436401 is at $.log (decimal, inside the text)
                extractors:
                  # 1. datadog context from propagation headers
                  datadog:
                    headers: $._datadog
                """);
    }

    @Test
    void suggest_eventWithoutACarrier_saysSo_andExitsOne() throws Exception {
        Path event = Files.writeString(dir.resolve("s3_event.json"), "{\"Records\": [{\"s3\": {\"object\": {\"key\": \"a.txt\"}}}]}");

        CommandRun run = CommandRun.of("suggest", event.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("# No rule for " + event + ": no place in it carries a trace context that tracex can read.\n"
                + "# no built-in rule finds a context in this event\n");
    }

    @Test
    void suggest_brokenEvent_orBadId_isAUsageErrorSayingWhere() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"a\": 1,\n}\n");
        Path event = Files.writeString(dir.resolve("event.json"), "{}");

        CommandRun notJson = CommandRun.of("suggest", broken.toString());
        CommandRun badId = CommandRun.of("suggest", "--parent-id", "0x12", event.toString());

        assertThat(notJson.exit()).isEqualTo(2);
        assertThat(notJson.err()).isEqualTo(broken + ":3:1: expected a field name in double quotes, found '}' (a trailing comma before it?)\n");
        assertThat(badId.exit()).isEqualTo(2);
        assertThat(badId.err()).isEqualTo("--parent-id 0x12: not an id: give an unsigned 64-bit decimal or 16 hex digits\n");
        assertThat(notJson.out() + badId.out()).isEmpty();
    }
}
