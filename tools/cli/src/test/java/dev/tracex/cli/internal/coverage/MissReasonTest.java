package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MissReasonTest {
    private static final String RULES = """
            extractors:
              sqs:
                headers: $.Records[0].messageAttributes._datadog.stringValue | json
              json:
                headers: $._datadog
              batch:
                each: $.Records[*]
                headers: $.messageAttributes._datadog.stringValue | json
              sqs_only:
                when: $.Records[0][?(@.eventSource == 'aws:sqs')]
                headers: $.Records[0].messageAttributes._datadog.stringValue
              any:
                first: [sqs, json]
            """;

    @Test
    void of_firstOfTwoRules_givesEachRulesFirstFailingStage_withoutTheEventsValues() throws Exception {
        JsonNode event = EventJson.readOrNull("{\"_datadog\": {\"x-datadog-trace-id\": \"5827296727441744253\", \"x-datadog-parent-id\": \"-4\"}}");

        MissReason why = MissReason.of(Extractors.parse(RULES, "x.yaml").extractor("any").explain(event, InvocationContext.NONE));

        assertThat(why.stages()).containsExactly(
                new MissReason.Stage("sqs", "$.Records[0].messageAttributes._datadog.stringValue: not found in an object"),
                new MissReason.Stage("json", "datadog: x-datadog-parent-id \"…\": not an unsigned 64-bit decimal"));
    }

    @Test
    void of_twoEventsFailingAlike_areEqual() throws Exception {
        var rule = Extractors.parse(RULES, "x.yaml").extractor("json");

        MissReason a = MissReason.of(rule.explain(EventJson.readOrNull("{\"_datadog\": {\"x-datadog-trace-id\": \"x\"}, \"a\": 1}"), InvocationContext.NONE));
        MissReason b = MissReason.of(rule.explain(EventJson.readOrNull("{\"_datadog\": {\"x-datadog-trace-id\": \"yy\"}}"), InvocationContext.NONE));

        assertThat(a).isEqualTo(b);
        assertThat(a).hasToString("rule \"json\": datadog: x-datadog-trace-id \"…\": not an unsigned 64-bit decimal");
    }

    @Test
    void of_batchRule_givesTheFirstRecordsFailure_andAnEmptyBatchSaysSo() throws Exception {
        var rule = Extractors.parse(RULES, "x.yaml").extractor("batch");

        assertThat(MissReason.of(rule.explain(EventJson.readOrNull("{\"Records\": [{\"messageAttributes\": {}}, {}]}"), InvocationContext.NONE)))
                .hasToString("rule \"batch\": $.messageAttributes._datadog.stringValue: not found in an object");
        assertThat(MissReason.of(rule.explain(EventJson.readOrNull("{\"Records\": []}"), InvocationContext.NONE)))
                .hasToString("rule \"batch\": each $.Records[*]: 0 records");
    }

    @Test
    void of_conditionNotHolding_givesThePathThatFoundNothing() throws Exception {
        var rule = Extractors.parse(RULES, "x.yaml").extractor("sqs_only");

        assertThat(MissReason.of(rule.explain(EventJson.readOrNull("{\"Records\": [{\"eventSource\": \"aws:sns\"}]}"), InvocationContext.NONE)))
                .hasToString("rule \"sqs_only\": $.Records[0][?(@.eventSource == 'aws:sqs')]: not found in an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$._datadog: an object (2 keys)", "json: an object (4 keys)", "when $.x: holds", "each $.Records[*]: 2 records",
            "record 0:", "datadog: trace_id 1, parent_id 2, sampling_priority 1", "decoded the string as JSON: an object (1 key)",
            "$.a: a string \"x\"", "-> no context"})
    void failed_linesOfStagesThatGotSomething_areNotFailures(String line) {
        assertThat(MissReason.failed(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a: not found in an object (3 keys)", "$.a: null", "json: not JSON: a string \"x\"", "base64: cannot decode a number 5",
            "not an object of headers: an array (2 items)", "the string is not JSON", "trace_id: a string \"x\" is not an unsigned 64-bit decimal (or is zero)",
            "when $.x: does not hold, the rule does not apply", "each $.Records[*]: 0 records", "from: context: there is no invocation context"})
    void failed_linesOfStagesThatFoundNothing_areFailures(String line) {
        assertThat(MissReason.failed(line)).isTrue();
    }
}
