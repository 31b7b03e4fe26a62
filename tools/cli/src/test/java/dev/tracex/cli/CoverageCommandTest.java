package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tracex coverage} over a directory of captured events, as people and machines read it; and its errors. */
class CoverageCommandTest {
    private static final String DATADOG = "{\"x-datadog-trace-id\": \"%s\", \"x-datadog-parent-id\": \"%s\"}";

    @TempDir
    Path dir;
    Path events;

    @BeforeEach
    void captured() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), """
                extractors:
                  sqs:
                    headers: $.Records[0].messageAttributes._datadog.stringValue | json
                  json:
                    headers: $._datadog
                  any:
                    first: [sqs, json]
                """);
        events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("a_sqs.json"), "{\"Records\": [{\"messageAttributes\": {\"_datadog\": {\"stringValue\": "
                + new ObjectMapper().writeValueAsString(DATADOG.formatted("1", "2")) + "}}}]}");
        Files.writeString(events.resolve("b_payload.json"), "{\"_datadog\": " + DATADOG.formatted("3", "4") + "}");
        Files.writeString(events.resolve("c_http.json"), "{\"headers\": {\"accept\": \"*/*\"}}");
        Files.writeString(events.resolve("d_corrupt.json"), "{\"_datadog\": " + DATADOG.formatted("5", "-6") + "}");
        Files.writeString(events.resolve("e_more.ndjson"), "{\"_datadog\": " + DATADOG.formatted("7", "8") + "}\n"
                + "{\"_datadog\": " + DATADOG.formatted("9", "x") + "}\n{\"headers\": {}, \"n\": 2}\n{\"trailing\": 1,}\n");
        Files.writeString(events.resolve("f_broken.json"), "{\"a\": [1, 2}");
    }

    @Test
    void coverage_directory_countsContexts_rulesThatAnswered_andMissesByReason() {
        CommandRun run = CommandRun.of("coverage", "--path", dir.toString(), "--extractor", "extractors.any", events.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                rule "any": 7 events, 3 with a context (42.9%%), 4 without
                answered by:
                  json  2
                  sqs   1
                without a context, by reason:
                  2 events, e.g. %1$s/c_http.json
                    rule "sqs": $.Records[0].messageAttributes._datadog.stringValue: not found in an object
                    rule "json": $._datadog: not found in an object
                  2 events, e.g. %1$s/d_corrupt.json
                    rule "sqs": $.Records[0].messageAttributes._datadog.stringValue: not found in an object
                    rule "json": datadog: x-datadog-parent-id "…": not an unsigned 64-bit decimal
                not JSON: 2 events
                  1 event, e.g. %1$s/e_more.ndjson:4:16: expected a field name in double quotes, found '}' (a trailing comma before it?)
                  1 event, e.g. %1$s/f_broken.json:1:12: expected ']' to close the array opened at 1:7, found '}'
                """.formatted(events));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void coverage_json_saysTheSameForMachines() throws Exception {
        CommandRun run = CommandRun.of("coverage", "--json", "--path", dir.toString(), "--extractor", "extractors.json", events.toString());

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("rule").asText()).isEqualTo("json");
        assertThat(report.get("events").asLong()).isEqualTo(7);
        assertThat(report.get("with_context").asLong()).isEqualTo(2);
        assertThat(report.get("without_context").asLong()).isEqualTo(5);
        assertThat(report.get("answered").toString()).isEqualTo("{\"json\":2}");
        assertThat(report.get("misses")).hasSize(2);
        assertThat(report.get("misses").get(0).toString()).isEqualTo("{\"events\":3,\"example\":\"" + events.resolve("a_sqs.json")
                + "\",\"reasons\":[{\"rule\":\"json\",\"stage\":\"$._datadog: not found in an object\"}]}");
        assertThat(report.get("unreadable")).extracting(u -> u.get("error").asText()).containsExactly(
                "expected a field name in double quotes, found '}' (a trailing comma before it?)", "expected ']' to close the array opened at 1:7, found '}'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void coverage_everyEventWithAContext_exitsZero() throws Exception {
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.copy(events.resolve("b_payload.json"), good.resolve("b_payload.json"));

        CommandRun run = CommandRun.of("coverage", "--path", dir.toString(), "--extractor", "extractors.any", good.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("rule \"any\": 1 event, 1 with a context (100.0%), 0 without\nanswered by:\n  json  1\n");
    }

    @Test
    void coverage_missingInput_orUnknownRule_isAUsageError() {
        CommandRun missing = CommandRun.of("coverage", "--path", dir.toString(), "--extractor", "extractors.any", dir.resolve("nope").toString());
        CommandRun unknown = CommandRun.of("coverage", "--path", dir.toString(), "--extractor", "extractors.nope", events.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(dir.resolve("nope") + ": no such file or directory\n");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo(dir.resolve("extractors.yaml") + ":1:1: rule \"nope\": no such rule (known: sqs, json, any)\n");
        assertThat(missing.out() + unknown.out()).isEmpty();
    }
}
