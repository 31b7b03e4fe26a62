package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurableCheckpointStepTest {
    private static final DurableCheckpointStep STEP = new DurableCheckpointStep();

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "_datadog_0, 0", "_datadog_12, 12", "_datadog_-1, -1",
            "_datadog_01, none", "_datadog_-0, none", "_datadog_+1, none", "_datadog_, none", "_datadog_1a, none",
            "_datadog_1234567890123456, none", "datadog_1, none"})
    void checkpointNumber_name_isReadAsTheNodeLibraryReadsIt(String name, Long expected) {
        assertThat(DurableCheckpointStep.checkpointNumber(name)).isEqualTo(expected);
    }

    @Test
    void apply_operations_givesTheLatestCheckpointsPayloadElseResult() {
        JsonNode ops = Json.parseOrNull("""
                [{"Name": "_datadog_2", "StepDetails": {"Result": "two"}},
                 {"Name": "_datadog_10", "Payload": "ten", "StepDetails": {"Result": "not this"}},
                 {"Name": "_datadog_9", "StepDetails": {"Result": "nine"}}]
                """);

        assertThat(STEP.apply(ops).textValue()).isEqualTo("ten");
    }

    @Test
    void apply_noCheckpointOrNoText_givesNothing() {
        assertThat(STEP.apply(Json.parseOrNull("[{\"Name\": \"step\"}]"))).isNull();
        assertThat(STEP.apply(Json.parseOrNull("[{\"Name\": \"_datadog_1\", \"Payload\": \"\", \"StepDetails\": {\"Result\": \"x\"}}]"))).isNull();
        assertThat(STEP.apply(Json.parseOrNull("[{\"Name\": \"_datadog_1\", \"StepDetails\": {\"Result\": 3}}]"))).isNull();
        assertThat(STEP.apply(Json.parseOrNull("{}"))).isNull();
    }
}
