package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbJsonStepTest {
    private static final DynamoDbJsonStep STEP = new DynamoDbJsonStep();

    @Test
    void apply_item_givesPlainJson() throws Exception {
        JsonNode item = Json.parseOrNull("""
                {"id": {"S": "42"}, "n": {"N": "18446744073709551615"}, "ok": {"BOOL": true}, "none": {"NULL": true},
                 "m": {"M": {"k": {"S": "v"}}}, "l": {"L": [{"N": "1"}, {"S": "two"}]}, "ss": {"SS": ["a", "b"]},
                 "b": {"B": "aGk="}}
                """);

        JsonNode plain = STEP.apply(item);

        assertThat(plain.get("id").textValue()).isEqualTo("42");
        assertThat(plain.get("n").asText()).isEqualTo("18446744073709551615");
        assertThat(plain.get("ok").booleanValue()).isTrue();
        assertThat(plain.get("none").isNull()).isTrue();
        assertThat(plain.get("m")).isEqualTo(Json.parseOrNull("{\"k\": \"v\"}"));
        assertThat(plain.get("l")).isEqualTo(Json.parseOrNull("[\"1\", \"two\"]"));
        assertThat(plain.get("ss")).isEqualTo(Json.parseOrNull("[\"a\", \"b\"]"));
        assertThat(plain.get("b").binaryValue()).isEqualTo("hi".getBytes());
    }

    @Test
    void apply_typedValue_givesItsPlainValue() {
        assertThat(STEP.apply(Json.parseOrNull("{\"M\": {\"x-datadog-trace-id\": {\"S\": \"1\"}}}")))
                .isEqualTo(Json.parseOrNull("{\"x-datadog-trace-id\": \"1\"}"));
        assertThat(STEP.apply(Json.parseOrNull("{\"S\": \"{\\\"a\\\": 1}\"}")).textValue()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void apply_unknownTypesAndWrongKinds_areLeftOut() {
        assertThat(STEP.apply(Json.parseOrNull("{\"a\": {\"X\": \"1\"}, \"b\": {\"S\": 1}, \"c\": {\"S\": \"ok\"}, \"d\": \"bare\"}")))
                .isEqualTo(Json.parseOrNull("{\"c\": \"ok\"}"));
    }

    @Test
    void apply_nestingBeyondDynamoDbsLimit_isCutOff() {
        String deep = "{\"S\": \"x\"}";
        for (int i = 0; i < 100; i++) {
            deep = "{\"M\": {\"k\": " + deep + "}}";
        }
        JsonNode plain = STEP.apply(Json.parseOrNull(deep));

        int depth = 0;
        for (JsonNode n = plain; n != null && n.isObject(); n = n.get("k")) {
            depth++;
        }
        assertThat(depth).isLessThanOrEqualTo(DynamoDbJsonStep.MAX_DEPTH + 1);
    }

    @Test
    void apply_notAnObject_givesNothing() {
        assertThat(STEP.apply(Json.parseOrNull("[1]"))).isNull();
    }
}
