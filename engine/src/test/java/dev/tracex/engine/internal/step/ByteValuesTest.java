package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ByteValuesTest {
    static Stream<Arguments> spellings() {
        return Stream.of(
                argumentSet("array of numbers", "[104, 105]", "hi"),
                argumentSet("array of digit strings", "[\"104\", \"105\"]", "hi"),
                argumentSet("object keyed by index, out of order", "{\"1\": \"105\", \"0\": \"104\"}", "hi"),
                argumentSet("object keyed by index, numbers", "{\"0\": 104, \"1\": 105}", "hi"),
                argumentSet("empty array", "[]", ""),
                argumentSet("byte 255 and 0", "[255, 0]", null));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void of_eachSpelling_givesTheBytes(String json, String text) {
        byte[] bytes = ByteValues.of(Json.parseOrNull(json));

        if (text != null) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
        } else {
            assertThat(bytes).containsExactly((byte) 255, (byte) 0);
        }
    }

    static Stream<Arguments> notBytes() {
        return Stream.of(
                argumentSet("256", "[256]"),
                argumentSet("negative", "[-1]"),
                argumentSet("fraction", "[1.5]"),
                argumentSet("signed digit string", "[\"+1\"]"),
                argumentSet("a digit string above 255", "[\"0000256\"]"),
                argumentSet("nested", "[[1]]"),
                argumentSet("index gap", "{\"0\": \"1\", \"2\": \"2\"}"),
                argumentSet("index not a number", "{\"a\": \"1\"}"),
                argumentSet("text", "\"hi\""),
                argumentSet("huge long", "[4294967400]"));
    }

    @ParameterizedTest
    @MethodSource("notBytes")
    void of_somethingElse_givesNothing(String json) {
        JsonNode node = Json.parseOrNull(json);

        assertThat(ByteValues.of(node)).isNull();
    }
}
