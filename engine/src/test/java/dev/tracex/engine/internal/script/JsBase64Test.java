package dev.tracex.engine.internal.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** The decoders give Node 20's answers: a table to read, and a thousand generated inputs that Node answered. */
public class JsBase64Test {
    /**
     * Name, input, {@code Buffer.from(input, 'base64').toString()}, {@code atob(input)} (or null where it throws) and
     * atob's error message, as Node 20 printed them ({@code node engine/src/test/resources/js-base64/base64-table-node.js}).
     */
    public static Stream<Arguments> nodeTable() {
        return Stream.of(
                argumentSet("padded", "eyJhIjoxfQ==", "{\"a\":1}", "{\"a\":1}", null),
                argumentSet("unpadded", "eyJhIjoxfQ", "{\"a\":1}", "{\"a\":1}", null),
                argumentSet("one = of two", "YQ=", "a", null, "Invalid character"),
                argumentSet("three =", "YQ===", "a", null, "Invalid character"),
                argumentSet("empty", "", "", "", null),
                argumentSet("one character", "Y", "", null, "The string to be decoded is not correctly encoded."),
                argumentSet("five characters", "YWJjZ", "abc", null, "The string to be decoded is not correctly encoded."),
                argumentSet("URL-safe alphabet", "_-8", "\ufffd\ufffd", null, "Invalid character"),
                argumentSet("standard alphabet", "+/8", "\ufffd\ufffd", "\u00fb\u00ff", null),
                argumentSet("both alphabets", "PDw_Pz4-", "<<??>>", null, "Invalid character"),
                argumentSet("white space", "YW Jj\n ZA==", "abcd", "abcd", null),
                argumentSet("tab before padding", "YQ\t==", "a", "a", null),
                argumentSet("spaced padding", "Y Q = =", "a", "a", null),
                argumentSet("no-break space", "YQ\u00a0==", "a", null, "Invalid character"),
                argumentSet("= in the middle", "YQ==YQ==", "a", null, "Invalid character"),
                argumentSet("= first", "=YQ", "", null, "Invalid character"),
                argumentSet("invalid characters", "!!YQ==", "a", null, "Invalid character"),
                argumentSet("a character whose low byte is A", "Y\u0141==", "`", null, "Invalid character"),
                argumentSet("a character whose low byte is =", "YW\u013dJj", "a", null, "Invalid character"),
                argumentSet("U+0100", "\u0100YQ", "a", null, "Invalid character"),
                argumentSet("UTF-8 text", "w6kg4pyTIPCfmIA=", "\u00e9 \u2713 \ud83d\ude00", "\u00c3\u00a9 \u00e2\u009c\u0093 \u00f0\u009f\u0098\u0080", null),
                argumentSet("a byte order mark", "77u/YQ==", "\ufeffa", "\u00ef\u00bb\u00bfa", null),
                argumentSet("a lone continuation byte", "gA==", "\ufffd", "\u0080", null),
                argumentSet("an encoded surrogate", "7aCA", "\ufffd\ufffd\ufffd", "\u00ed\u00a0\u0080", null),
                argumentSet("a truncated 4-byte sequence", "8J+Y", "\ufffd", "\u00f0\u009f\u0098", null),
                argumentSet("an overlong 2-byte sequence", "wIA=", "\ufffd\ufffd", "\u00c0\u0080", null),
                argumentSet("beyond U+10FFFF", "9JCAgA==", "\ufffd\ufffd\ufffd\ufffd", "\u00f4\u0090\u0080\u0080", null),
                argumentSet("JSON headers", "eyJ4LWRhdGFkb2ctdHJhY2UtaWQiOiIxMjMiLCJ4LWRhdGFkb2ctcGFyZW50LWlkIjoiNDU2In0=", "{\"x-datadog-trace-id\":\"123\",\"x-datadog-parent-id\":\"456\"}", "{\"x-datadog-trace-id\":\"123\",\"x-datadog-parent-id\":\"456\"}", null));
    }

    @ParameterizedTest
    @MethodSource("nodeTable")
    void decode_nodeTable_asNode(String input, String bufferText, String atob, String atobError) {
        assertThat(JsBase64.utf8(JsBase64.buffer(input))).isEqualTo(bufferText);
        assertThat(JsBase64.atob(input)).isEqualTo(atob);
        if (atobError != null) {
            assertThat(JsBase64.atobError(input)).isEqualTo(atobError);
        }
    }

    /** Node 20's answers for generated inputs ({@code base64-node.js} beside the file says how they were made). */
    public static JsonNode nodeCases() throws IOException {
        try (InputStream in = JsBase64Test.class.getResourceAsStream("/js-base64/base64-node.json")) {
            return new ObjectMapper().readTree(in).get("cases");
        }
    }

    @Test
    void decode_generatedInputs_asNode() throws IOException {
        JsonNode cases = nodeCases();
        assertThat(cases.size()).isEqualTo(1000);
        assertSoftly(soft -> {
            for (JsonNode c : cases) {
                String input = c.get("input").textValue();
                String bytes = JsBase64.buffer(input);
                soft.assertThat(JsBase64.utf8(bytes)).as("Buffer.from(%s).toString()", c.get("input")).isEqualTo(c.at("/buffer/value").textValue());
                soft.assertThat(bytes).as("toString('latin1') of %s", c.get("input")).isEqualTo(c.at("/latin1/value").textValue());
                soft.assertThat(JsBase64.text(bytes, "hex")).as("toString('hex') of %s", c.get("input")).isEqualTo(c.at("/hex/value").textValue());
                soft.assertThat(JsBase64.text(bytes, "ASCII")).as("toString('ASCII') of %s", c.get("input")).isEqualTo(c.at("/ascii/value").textValue());
                soft.assertThat(JsBase64.text(bytes, "binary")).as("toString('binary') of %s", c.get("input")).isEqualTo(c.at("/latin1/value").textValue());
                soft.assertThat(JsBase64.atob(input)).as("atob(%s)", c.get("input")).isEqualTo(c.at("/atob/value").textValue());
            }
        });
    }
}
