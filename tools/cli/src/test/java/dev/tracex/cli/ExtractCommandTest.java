package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {
    @TempDir
    Path dir;
    Path event;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                  custom:
                    fields: {trace_id: $.meta.t, parent_id: $.meta.p}
                """);
        event = dir.resolve("event.json");
        Files.writeString(event, """
                {"_datadog": {"x-datadog-trace-id": "5827296727441744253", "x-datadog-parent-id": "4112390218134436401",
                  "x-datadog-sampling-priority": "1", "x-datadog-tags": "_dd.p.dm=-0,_dd.p.tid=6745f1c800000000"}}
                """);
    }

    @Test
    void extract_found_printsTheContextAndExitsZero() {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.json", event.toString());

        assertThat(run.exit()).isZero();
        JsonNode printed = EventJson.readOrNull(run.out());
        assertThat(printed.get("rule").asText()).isEqualTo("json");
        assertThat(printed.get("format").asText()).isEqualTo("datadog");
        assertThat(printed.get("trace_id").asText()).isEqualTo("5827296727441744253");
        assertThat(printed.get("trace_id_128").asText()).isEqualTo("6745f1c80000000050deb77fcff6217d");
        assertThat(printed.get("parent_id").asText()).isEqualTo("4112390218134436401");
        assertThat(printed.get("sampling_priority").asInt()).isEqualTo(1);
        assertThat(printed.get("origin").isNull()).isTrue();
        assertThat(printed.get("tags").toString()).isEqualTo("{\"_dd.p.dm\":\"-0\",\"_dd.p.tid\":\"6745f1c800000000\"}");
        assertThat(printed.get("traceparent").asText()).isEqualTo("00-6745f1c80000000050deb77fcff6217d-3912251d71b1ba31-01");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void extract_notFound_printsNullContextAndExitsOne() throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"meta\": {}}");

        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.custom", empty.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(EventJson.readOrNull(run.out()).toString()).isEqualTo("{\"context\":null,\"rule\":\"custom\"}");
    }

    @Test
    void extract_unknownRule_isAConfigurationError() {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.sqs", event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(dir.resolve("extractors.yaml") + ":1:1: rule \"sqs\": no such rule (known: json, custom)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void extract_missingFile_saysWhereItLooked() {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "nothere.json", event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("--extractor nothere.json: no rules file nothere{.yaml,.yml,.js} in " + dir);
    }

    @Test
    void extract_badSelection_isAConfigurationError() {
        assertThat(CommandRun.of("extract", "--extractor", "nodot", event.toString()).exit()).isEqualTo(2);
        assertThat(CommandRun.of("extract", "--extractor", "../up.json", event.toString()).err())
                .contains("without ..");
    }

    @Test
    void extract_invalidEventJson_isAUsageErrorWithThePosition() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"a\": 1,\n}");

        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.json", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(bad + ":3:1: expected a field name in double quotes, found '}' (a trailing comma before it?)");
    }

    @Test
    void extract_compileErrorInTheFile_printsEveryProblem() throws Exception {
        Path badDir = Files.createDirectory(dir.resolve("bad"));
        Files.writeString(badDir.resolve("extractors.yaml"), "extractors:\n  json:\n    headers: $.a | b64\n  x:\n    first: [y]\n");

        CommandRun run = CommandRun.of("extract", "--path", badDir.toString(), "--extractor", "extractors.json", event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly(
                badDir.resolve("extractors.yaml") + ":3:20: rule \"json\": unknown step \"b64\" (known: json, base64, gzip, text, lowercase-keys, stepfunctions, aws-trace-header, lambda-xray, xray-carrier, apigw-authorizer, message-attributes, bytes, kafka-headers, dynamodb-json, durable-checkpoint)",
                badDir.resolve("extractors.yaml") + ":5:13: rule \"x\": unknown rule \"y\" in first (known: json, x)");
    }

    @Test
    void extract_withContextFile_feedsFromContextRules() throws Exception {
        Files.writeString(dir.resolve("ctx.yaml"), "extractors:\n  client:\n    from: context\n    headers: $.clientContext.custom._datadog\n");
        Path ctx = Files.writeString(dir.resolve("context.json"),
                "{\"clientContext\": {\"custom\": {\"_datadog\": \"{\\\"x-datadog-trace-id\\\":\\\"77\\\",\\\"x-datadog-parent-id\\\":\\\"88\\\"}\"}}}");

        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "ctx.client",
                "--context", ctx.toString(), event.toString());

        assertThat(run.exit()).isZero();
        JsonNode printed = EventJson.readOrNull(run.out());
        assertThat(printed.get("rule").asText()).isEqualTo("client");
        assertThat(printed.get("trace_id").asText()).isEqualTo("77");
        assertThat(printed.get("parent_id").asText()).isEqualTo("88");
    }

    @Test
    void extract_contextFileNotAnObject_isAUsageError() throws Exception {
        Path ctx = Files.writeString(dir.resolve("context.json"), "[1]");

        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.json",
                "--context", ctx.toString(), event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(ctx + ": not a JSON object");
    }

    @Test
    void extract_badExtractorOption_namesTheOptionNotTheVariable() {
        CommandRun run = CommandRun.of("extract", "--extractor", "nodot", event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--extractor must be <file>.<name>, e.g. extractors.json; got \"nodot\"\n");
    }

    @Test
    void extract_missingEventFile_saysNoSuchFile() {
        CommandRun run = CommandRun.of("extract", "--path", dir.toString(), "--extractor", "extractors.json", "missing.json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("missing.json: no such file\n");
    }

    @Test
    void extract_sqsBatch_printsTracestateAndOneLinkPerRecordInOrder() throws Exception {
        CommandRun run = CommandRun.of("extract", "--extractor", "builtin.sqs", InvokeCommandTest.event("sqs_event.json"));

        assertThat(run.exit()).isZero();
        JsonNode printed = EventJson.readOrNull(run.out());
        assertThat(printed.get("trace_id").asText()).isEqualTo("2684756524522091840");
        assertThat(printed.get("tracestate").asText()).isEqualTo("dd=s:1,congo=t61rcWkgMzE");
        assertThat(printed.get("links")).extracting(l -> l.get("trace_id").asText())
                .containsExactly("2684756524522091840", "1111111111111111111");
        assertThat(printed.get("links").get(1).get("tracestate").isNull()).isTrue();
        assertThat(printed.get("links").get(1).get("sampling_priority").asInt()).isZero();
    }
}
