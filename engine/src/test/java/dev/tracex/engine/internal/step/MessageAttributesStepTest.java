package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageAttributesStepTest {
    private static final MessageAttributesStep STEP = new MessageAttributesStep();

    @Test
    void apply_sqsEventAttributes_givesTheStringOnes() {
        assertThat(STEP.apply(Json.parseOrNull("""
                {"traceparent": {"stringValue": "tp", "stringListValues": [], "binaryListValues": [], "dataType": "String"},
                 "custom": {"stringValue": "c", "dataType": "String.custom"},
                 "count": {"stringValue": "3", "dataType": "Number"},
                 "blob": {"binaryValue": "AQI=", "dataType": "Binary"}}
                """))).isEqualTo(Json.parseOrNull("{\"traceparent\": \"tp\", \"custom\": \"c\"}"));
    }

    @Test
    void apply_snsAndSdkSpellings_givesTheStringOnes() {
        assertThat(STEP.apply(Json.parseOrNull("{\"traceparent\": {\"Type\": \"String\", \"Value\": \"tp\"}, "
                + "\"tracestate\": {\"DataType\": \"String\", \"StringValue\": \"ts\"}, \"b\": {\"Type\": \"Binary\", \"Value\": \"AQI=\"}}")))
                .isEqualTo(Json.parseOrNull("{\"traceparent\": \"tp\", \"tracestate\": \"ts\"}"));
    }

    @Test
    void apply_textHoldingAttributes_isDecoded() {
        assertThat(STEP.apply(Json.mapper().getNodeFactory().textNode("{\"a\": {\"Type\": \"String\", \"Value\": \"x\"}}")))
                .isEqualTo(Json.parseOrNull("{\"a\": \"x\"}"));
    }

    @Test
    void apply_noStringAttributeOrNotAnObject_givesNothing() {
        assertThat(STEP.apply(Json.parseOrNull("{}"))).isNull();
        assertThat(STEP.apply(Json.parseOrNull("{\"a\": {\"Type\": \"String\", \"Value\": 3}, \"b\": \"text\", \"c\": {\"Type\": 1}}"))).isNull();
        assertThat(STEP.apply(IntNode.valueOf(1))).isNull();
    }
}
