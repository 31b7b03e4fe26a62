package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's own tree reader gives what {@code ObjectMapper.readTree} gives: equal trees of the same node classes. */
class JsonTest {
    private static final ObjectMapper STOCK = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}",
            "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"neg\": -9223372036854775809}",
            "{\"f\": 1.5, \"e\": 1e300, \"tiny\": 4.9e-324, \"z\": -0.0, \"digits\": 0.1000000000000000055511151231257827}",
            "[1, \"two\", [3, [4, {}]], {\"five\": []}]",
            "{\"dup\": 1, \"dup\": 2}",
            "{\"unicode\": \"\\u00e9\\ud83d\\ude00\", \"escapes\": \"a\\\"b\\\\c\\n\"}",
            "\"just a string\"",
            "42",
            "null",
            "{\"a\": 1} trailing text readTree does not read",
    })
    void parseOrNull_validJson_sameTreeAsObjectMapper(String json) throws Exception {
        JsonNode stock = STOCK.readTree(json);

        JsonNode ours = Json.parseOrNull(json);
        JsonNode fromBytes = Json.parseOrNull(json.getBytes(StandardCharsets.UTF_8));

        assertThat(ours).isEqualTo(stock);
        assertThat(fromBytes).isEqualTo(stock);
        assertSameClasses(ours, stock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\": }", "[1, 2", "{\"a\": 1,}", "nul", "{'a': 1}"})
    void parseOrNull_notJson_null(String text) {
        assertThat(Json.parseOrNull(text)).isNull();
        assertThat(Json.parseOrNull(text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "  \"quoted\"", "42", ""})
    void decodeEmbedded_notAnObjectOrArray_null(String text) {
        assertThat(Json.decodeEmbedded(text)).isNull();
    }

    private static void assertSameClasses(JsonNode ours, JsonNode stock) {
        assertThat(ours.getClass()).isEqualTo(stock.getClass());
        if (stock.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stock.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSameClasses(ours.get(e.getKey()), e.getValue());
            }
        } else if (stock.isArray()) {
            for (int i = 0; i < stock.size(); i++) {
                assertSameClasses(ours.get(i), stock.get(i));
            }
        }
    }
}
