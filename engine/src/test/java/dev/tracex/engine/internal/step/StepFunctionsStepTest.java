package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected ids are the values Datadog's Lambda extension and Python library publish in their own
 * tests for the same inputs, so these tests pin "same ids as Datadog", not this code's own arithmetic.
 */
class StepFunctionsStepTest {
    private static final StepFunctionsStep STEP = new StepFunctionsStep();

    private static JsonNode apply(String json) {
        return STEP.apply(Json.parseOrNull(json));
    }

    @Test
    void apply_contextObject_givesDatadogExtensionIds() {
        JsonNode h = apply("""
                {"Execution": {"Id": "arn:aws:states:us-east-1:425362996713:execution:agocsTestSF:bc9f281c-3daa-4e5a-9a60-471a3810bf44",
                               "RedriveCount": 0},
                 "State": {"Name": "agocsTest1", "EnteredTime": "2024-07-30T19:55:53.018Z", "RetryCount": 0}}
                """);
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo("5744042798732701615");
        assertThat(h.get("x-datadog-parent-id").asText()).isEqualTo("2902498116043018663");
        assertThat(h.get("x-datadog-tags").asText()).isEqualTo("_dd.p.tid=1914fe7789eb32be");
        assertThat(h.get("x-datadog-sampling-priority").asText()).isEqualTo("1");
        assertThat(h.get("x-datadog-origin").asText()).isEqualTo("states");
    }

    @Test
    void apply_rootExecutionId_hashesTheRootForTheTraceId() {
        JsonNode h = apply("""
                {"Execution": {"Id": "arn:aws:states:us-east-1:1:execution:child:x"},
                 "State": {"Name": "s", "EnteredTime": "t"},
                 "RootExecutionId": "arn:aws:states:sa-east-1:425362996713:stateMachine:MyStateMachine-b276uka1j"}
                """);
        // Datadog's extension: trace id 1680583253837593461, upper half 0x60ee1db79e4803f8 for this text.
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo("1680583253837593461");
        assertThat(h.get("x-datadog-tags").asText()).isEqualTo("_dd.p.tid=60ee1db79e4803f8");
    }

    @Test
    void apply_enteredTimeDiffers_givesDatadogsParentIds() {
        String execution = "arn:aws:states:sa-east-1:601427271234:express:DatadogStateMachine:acaf1a67-336a-e854-1599-2a627eb2dd8a:c8baf081-31f1-464d-971f-70cb17d01111";
        JsonNode z = apply("{\"Execution\": {\"Id\": \"" + execution + "\"}, \"State\": {\"Name\": \"step-one\", \"EnteredTime\": \"2022-12-08T21:08:19.224Z\"}}");
        JsonNode y = apply("{\"Execution\": {\"Id\": \"" + execution + "\"}, \"State\": {\"Name\": \"step-one\", \"EnteredTime\": \"2022-12-08T21:08:19.224Y\"}}");
        assertThat(z.get("x-datadog-parent-id").asText()).isEqualTo("4340734536022949921");
        assertThat(y.get("x-datadog-parent-id").asText()).isEqualTo("981693280319792699");
    }

    @Test
    void apply_startedByTracedLambda_keepsItsTraceIdAndTags() {
        JsonNode h = apply("""
                {"Execution": {"Id": "665c417c-1237-4742-aaca-8b3becbb9e75", "RedriveCount": 0},
                 "StateMachine": {},
                 "State": {"Name": "my-awesome-state", "EnteredTime": "Mon Nov 13 12:43:33 PST 2023", "RetryCount": 0},
                 "x-datadog-trace-id": "5821803790426892636",
                 "x-datadog-tags": "_dd.p.dm=-0,_dd.p.tid=672a7cb100000000",
                 "serverless-version": "v1"}
                """);
        // datadog-lambda-python's test for this event: parent 6880978411788117524.
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo("5821803790426892636");
        assertThat(h.get("x-datadog-parent-id").asText()).isEqualTo("6880978411788117524");
        assertThat(h.get("x-datadog-tags").asText()).isEqualTo("_dd.p.dm=-0,_dd.p.tid=672a7cb100000000");
    }

    @Test
    void apply_retryOrRedriveCount_changesTheParentOnlyWhenNonZero() {
        String base = "{\"Execution\": {\"Id\": \"e\", \"RedriveCount\": %s}, \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\", \"RetryCount\": %s}}";
        String none = apply("{\"Execution\": {\"Id\": \"e\"}, \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}")
                .get("x-datadog-parent-id").asText();
        assertThat(apply(String.format(base, 0, 0)).get("x-datadog-parent-id").asText()).isEqualTo(none);
        assertThat(apply(String.format(base, 0, 1)).get("x-datadog-parent-id").asText()).isNotEqualTo(none);
        assertThat(apply(String.format(base, 1, 0)).get("x-datadog-parent-id").asText())
                .isNotEqualTo(none)
                .isNotEqualTo(apply(String.format(base, 0, 1)).get("x-datadog-parent-id").asText());
    }

    @Test
    void apply_contextAsJsonText_isDecoded() {
        assertThat(STEP.apply(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                "{\"Execution\": {\"Id\": \"e\"}, \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}"))).isNotNull();
    }

    @Test
    void apply_contextAsJsonTextWithEscapedKeys_isDecoded() {
        String escaped = "{\"\\u0045xecution\": {\"Id\": \"e\"}, \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}";
        String plain = "{\"Execution\": {\"Id\": \"e\"}, \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}";

        assertThat(STEP.apply(com.fasterxml.jackson.databind.node.TextNode.valueOf(escaped)))
                .isNotNull()
                .isEqualTo(STEP.apply(com.fasterxml.jackson.databind.node.TextNode.valueOf(plain)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}",
            "{\"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}",
            "not json at all",
            "",
    })
    void apply_textWithoutExecution_givesNothing(String text) {
        assertThat(STEP.apply(com.fasterxml.jackson.databind.node.TextNode.valueOf(text))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "[]",
            "\"text\"",
            "42",
            "{\"Execution\": {\"Id\": \"e\"}, \"State\": {\"Name\": \"n\"}}",
            "{\"Execution\": {\"Id\": 7}, \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}",
            "{\"Execution\": \"e\", \"State\": {\"Name\": \"n\", \"EnteredTime\": \"t\"}}",
            "{\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}",
    })
    void apply_notAStepFunctionsContext_givesNothing(String json) {
        assertThat(apply(json)).isNull();
    }

    @Test
    void id_zeroAfterClearingBit63_isOne() {
        byte[] hash = new byte[16];
        hash[0] = (byte) 0x80;
        assertThat(StepFunctionsStep.id(hash, 0)).isEqualTo(1L);
        assertThat(StepFunctionsStep.id(hash, 8)).isEqualTo(1L);
    }
}
