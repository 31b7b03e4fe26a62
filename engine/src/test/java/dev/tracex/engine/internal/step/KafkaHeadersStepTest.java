package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHeadersStepTest {
    private static final KafkaHeadersStep STEP = new KafkaHeadersStep();

    @Test
    void apply_listOfSingleKeyObjects_givesTextHeaders() {
        assertThat(STEP.apply(Json.parseOrNull("[{\"a\": [104, 105]}, {\"B\": [\"111\", \"107\"]}]")))
                .isEqualTo(Json.parseOrNull("{\"a\": \"hi\", \"B\": \"ok\"}"));
    }

    @Test
    void apply_objectKeyedByIndex_givesTextHeaders() {
        assertThat(STEP.apply(Json.parseOrNull("{\"0\": {\"a\": {\"0\": \"104\", \"1\": \"105\"}}}")))
                .isEqualTo(Json.parseOrNull("{\"a\": \"hi\"}"));
    }

    @Test
    void apply_repeatedName_lastWinsAsInDatadogsExtension() {
        assertThat(STEP.apply(Json.parseOrNull("[{\"a\": [49]}, {\"a\": [50]}]"))).isEqualTo(Json.parseOrNull("{\"a\": \"2\"}"));
    }

    @Test
    void apply_badValuesAndInvalidUtf8_areLeftOut() {
        assertThat(STEP.apply(Json.parseOrNull("[{\"bad\": [300]}, {\"utf8\": [195, 40]}, {\"ok\": [49]}, \"x\", 3]")))
                .isEqualTo(Json.parseOrNull("{\"ok\": \"1\"}"));
    }

    @Test
    void apply_noUsableHeaderOrNotAContainer_givesNothing() {
        assertThat(STEP.apply(Json.parseOrNull("[]"))).isNull();
        assertThat(STEP.apply(Json.parseOrNull("[{\"bad\": \"text\"}]"))).isNull();
        assertThat(STEP.apply(TextNode.valueOf("[]"))).isNull();
    }
}
