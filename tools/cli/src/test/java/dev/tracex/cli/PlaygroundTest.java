package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the page is told for a state of its editors, and saving. */
class PlaygroundTest {
    private static final String RULES = """
            extractors:
              orders:
                headers: $._datadog
                examples:
                  - name: the producer's headers
                    event: {"_datadog": {"x-datadog-trace-id": "1", "x-datadog-parent-id": "2"}}
                    expect: {trace_id: "1", parent_id: "2"}
                  - name: a wrong expectation
                    event: {"_datadog": {"x-datadog-trace-id": "1", "x-datadog-parent-id": "2"}}
                    expect: {trace_id: "9"}
            """;
    private static final String EVENT = "{\"_datadog\": {\"x-datadog-trace-id\": \"3\", \"x-datadog-parent-id\": \"4\"}}";

    private final Playground unsaved = new Playground(null, RULES, "orders");

    @Test
    void run_ruleAndEvent_givesWhatExtractAndExplainPrint() {
        JsonNode r = unsaved.run(RULES, EVENT, "orders");

        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("rules")).extracting(JsonNode::asText).containsExactly("orders");
        assertThat(r.get("builtins")).extracting(JsonNode::asText).contains("builtin.sqs", "builtin.default");
        assertThat(r.get("found").asBoolean()).isTrue();
        assertThat(r.get("result").asText()).startsWith("{\n  \"rule\" : \"orders\",\n  \"format\" : \"datadog\",\n  \"trace_id\" : \"3\",");
        assertThat(r.get("explain").asText()).startsWith("rule \"orders\": Headers($._datadog)\n")
                .endsWith("answer: rule \"orders\" found trace_id 3, parent_id 4 (datadog)\n");
        assertThat(r.has("resultNote")).isFalse();
    }

    @Test
    void run_ruleFindingNothing_showsTheFallbackAnswering() {
        JsonNode r = unsaved.run(RULES, "{\"headers\": {\"x-datadog-trace-id\": \"5\", \"x-datadog-parent-id\": \"6\"}}", "orders");

        assertThat(r.get("resultNote").asText()).isEqualTo("rule \"orders\" found no context; builtin.default answered instead "
                + "(tracex explain says why; --no-fallback turns the fallback off)");
        assertThat(r.get("explain").asText()).contains("rule \"orders\" found no context: the fallback runs\n")
                .endsWith("answer: rule \"builtin.http_headers\" found trace_id 5, parent_id 6 (datadog), through the fallback: rule \"orders\" found none\n");
    }

    @Test
    void run_examples_eachAsTracexTestPrintsIt() {
        JsonNode r = unsaved.run(RULES, "", "orders");

        assertThat(r.get("examplesSummary").asText()).isEqualTo("1 passed, 1 failed");
        assertThat(r.get("examples").get(0).get("text").asText()).isEqualTo("PASS extractors.yaml:5:9: rule \"orders\" example 1 (the producer's headers)");
        assertThat(r.get("examples").get(1).get("passed").asBoolean()).isFalse();
        assertThat(r.get("examples").get(1).get("text").asText()).startsWith("FAIL extractors.yaml:8:9: rule \"orders\" example 2 (a wrong expectation): ");
        assertThat(r.get("eventError").asText()).isEqualTo("no event yet: paste one, open a file or pick a sample");
    }

    @Test
    void run_brokenRule_givesEveryErrorWithItsLineAndColumn() {
        JsonNode r = unsaved.run("extractors:\n  orders:\n    headers: $._datadog | b64\n  other:\n    fields: 3\n", EVENT, "orders");

        assertThat(r.get("errors")).extracting(e -> e.get("line").asInt() + ":" + e.get("column").asInt()).containsExactly("3:27", "5:13");
        assertThat(r.get("errors").get(0).get("text").asText()).startsWith("extractors.yaml:3:27: rule \"orders\": unknown step \"b64\" (known: json, base64, gzip");
        assertThat(r.get("ruleError").asText()).isEqualTo("rule \"orders\": the rules file does not compile (see its errors)");
        assertThat(r.has("result")).isFalse();
    }

    @Test
    void run_jsRuleThatDoesNotCompile_givesItsErrorAtItsLine() {
        JsonNode r = unsaved.run("extractors:\n  legacy:\n    js: |\n      (payload) => {\n        return { traceID: payload.a parentID: 1 };\n      }\n",
                EVENT, "legacy");

        assertThat(r.get("errors")).hasSize(1);
        assertThat(r.get("errors").get(0).get("text").asText()).startsWith("extractors.yaml:5:");
        assertThat(r.get("errors").get(0).get("rule").asText()).isEqualTo("legacy");
    }

    @Test
    void run_jsRuleThatNeverEnds_isStoppedByTheSandboxsLimits() {
        JsonNode r;
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            r = unsaved.run("extractors:\n  spin:\n    js: |\n      (payload) => { while (true) {} }\n", EVENT, "spin");

            assertThat(log.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .startsWith("WARN rule \"spin\": no context: stopped: statement limit of ").endsWith(" exceeded"));
        }

        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("explain").asText()).startsWith("rule \"spin\": Script(spin, extractors.yaml:4, GraalJS: a statement starting with 'while' at extractors.yaml:4:22)\n")
                .contains("  no context: stopped: statement limit of ").contains(" exceeded\n");
    }

    @Test
    void run_builtinWhileTheFileIsBroken_stillRuns() {
        JsonNode r = unsaved.run("extractors: [", EVENT, "builtin.payload");

        assertThat(r.get("errors")).isNotEmpty();
        assertThat(r.get("explain").asText()).startsWith("rule \"builtin.payload\": ");
        assertThat(r.get("found").asBoolean()).isTrue();
    }

    @Test
    void run_badEvent_saysWhereItIsBroken() {
        JsonNode r = unsaved.run(RULES, "{\"a\": 1,\n}", "orders");

        assertThat(r.get("eventError").asText()).isEqualTo("event:2:1: expected a field name in double quotes, found '}' (a trailing comma before it?)");
        assertThat(r.has("result")).isFalse();
    }

    @Test
    void run_ruleNotInTheFile_saysWhichItHas() {
        JsonNode r = unsaved.run(RULES, EVENT, "sqs");

        assertThat(r.get("ruleError").asText()).isEqualTo("rule \"sqs\": not in the rules file (it has: orders)");
    }

    @Test
    void save_startedWithoutFile_isRefusedSayingWhy() {
        assertThatThrownBy(() -> unsaved.save(RULES)).isInstanceOf(Playground.SaveRefused.class)
                .hasMessage("started without a rules file: nothing to save to (start with --extractor FILE.rule)");
    }

    @Test
    void save_replacesTheFileLeavingNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("extractors.yaml"), RULES);
        Playground p = new Playground(file, RULES, "orders");

        assertThat(p.save("extractors: {}\n")).isEqualTo("saved " + file);

        assertThat(file).hasContent("extractors: {}\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void save_directoryGone_failsSayingWhyAndKeepsNothingHalfWritten(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("rules"));
        Path file = Files.writeString(sub.resolve("extractors.yaml"), RULES);
        Playground p = new Playground(file, RULES, "orders");
        Files.delete(file);
        Files.delete(sub);

        assertThatThrownBy(() -> p.save("extractors: {}\n")).isInstanceOf(Playground.SaveRefused.class)
                .hasMessageStartingWith("cannot save " + file + ": its directory is gone (");
        assertThat(sub).doesNotExist();
    }

    @Test
    void suggest_event_proposesRulesNamedApartFromTheFilesOwn() {
        JsonNode r = unsaved.suggest(RULES.replace("  orders:", "  datadog:"), EVENT);

        assertThat(r.get("builtin").asText()).isEqualTo("builtin.default reads this event already: rule builtin.payload finds trace_id 3, "
                + "parent_id 4 (datadog); so do builtin.lambda");
        assertThat(r.get("proposals")).singleElement().satisfies(p -> {
            assertThat(p.get("name").asText()).isEqualTo("datadog_2");
            assertThat(p.get("rule").asText()).startsWith("  # 1. datadog context from propagation headers\n  datadog_2:\n    headers: $._datadog\n");
            assertThat(p.get("trace_id").asText()).isEqualTo("3");
        });
    }

    @Test
    void suggest_brokenEventOrRules_saysWhatIsWrongWithTheEvent_andStillNamesApart() {
        assertThat(unsaved.suggest(RULES, "{\"a\": }").get("eventError").asText()).isEqualTo(
                "event:1:7: expected a value (string, number, object, array, true, false or null), found '}'");
        assertThat(unsaved.suggest("extractors:\n  datadog:\n    headers: $.x | b64\n", EVENT).get("proposals").get(0).get("name").asText())
                .isEqualTo("datadog_2");
    }

    @Test
    void pathAt_offsetInTheEvent_givesTheValuesPath() {
        assertThat(Playground.pathAt(EVENT, EVENT.indexOf("\"4\"")).get("path").asText()).isEqualTo("$._datadog['x-datadog-parent-id']");
        assertThat(Playground.pathAt("{\"a\": 1, \"b\": }", 6).get("path").asText()).isEqualTo("$.a");
        assertThat(Playground.pathAt(EVENT, -1).get("path").isNull()).isTrue();
    }
}
