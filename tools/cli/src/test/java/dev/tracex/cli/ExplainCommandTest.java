package dev.tracex.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tracex explain}, and what {@code extract} says when the fallback answers. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void rules() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                  legacy:
                    js: |
                      (payload) => {
                        const d = payload._datadg;
                        return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"] };
                      }
                """);
    }

    @Test
    void explain_rejectedParentId_namesTheHeaderAndWhy() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"5827296727441744253\", \"x-datadog-parent-id\": \"-4112390218134436401\"}}");

        CommandRun run = CommandRun.of("explain", "--path", dir.toString(), "--extractor", "extractors.json", "--no-fallback", event.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                rule "json": Headers($._datadog)
                  $._datadog: an object (2 keys)
                  datadog: x-datadog-parent-id "-4112390218134436401": not an unsigned 64-bit decimal
                  tracecontext: no traceparent
                  b3: no b3
                  b3multi: no x-b3-traceid or x-b3-spanid
                  xray: no x-amzn-trace-id
                  -> no context
                no fallback (--no-fallback)
                answer: no context
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void explain_jsTypo_givesTheErrorAtItsPositionInTheRulesFile() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}}");

        CommandRun run = CommandRun.of("explain", "--path", dir.toString(), "--extractor", "extractors.legacy", event.toString());

        assertThat(run.exit()).isZero();
        Path rules = dir.resolve("extractors.yaml");
        assertThat(run.out()).startsWith("rule \"legacy\": Script(legacy, " + rules + ":6, compiled)\n"
                + "  no context: JS TypeError at " + rules + ":8:27: TypeError: Cannot read property 'x-datadog-trace-id' of undefined\n"
                + "  -> no context\n"
                + "rule \"legacy\" found no context: the fallback runs\n"
                + "rule \"builtin.default\": FirstOf(");
        assertThat(run.out()).contains("  rule \"payload\": ").endsWith(" found trace_id 1, parent_id 2 (datadog), through the "
                + "fallback: rule \"legacy\" found none\n");
    }

    @Test
    void explain_userRuleFindsNothingAndTheFallbackDoes_saysTheFallbackAnswered() throws Exception {
        CommandRun run = CommandRun.of("explain", "--path", dir.toString(), "--extractor", "extractors.json",
                InvokeCommandTest.event("sqs_event.json"));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("""
                rule "json": Headers($._datadog)
                  $._datadog: not found in an object (1 key)
                  -> no context
                rule "json" found no context: the fallback runs
                rule "builtin.default": FirstOf(""");
        assertThat(run.out()).contains("  rule \"sqs_datadog\": When(", "    each $.Records[*]: 2 records\n");
        assertThat(run.out()).endsWith("answer: rule \"builtin.sqs_string_headers_record\" found trace_id 2684756524522091840, parent_id "
                + "7431398482019833808 (datadog), through the fallback: rule \"json\" found none\n");
    }

    @Test
    void extract_fallbackAnswers_saysSoOnStandardError() throws Exception {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.json",
                InvokeCommandTest.event("sqs_event.json"));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"rule\" : \"builtin.sqs_string_headers_record\"");
        assertThat(run.err()).isEqualTo("rule \"json\" found no context; builtin.default answered instead "
                + "(tracex explain says why; --no-fallback turns the fallback off)\n");
    }

    @Test
    void extract_noFallback_printsNoContext() throws Exception {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.json", "--no-fallback",
                InvokeCommandTest.event("sqs_event.json"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().replaceAll("\\s", "")).isEqualTo("{\"context\":null,\"rule\":\"json\"}");
        assertThat(run.err()).isEmpty();
    }
}
