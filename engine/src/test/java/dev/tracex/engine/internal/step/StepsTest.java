package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class StepsTest {
    @Test
    void byName_everyListedName_isTheStepOfThatNameMadeOnce() {
        for (String name : Steps.NAMES) {
            assertThat(Steps.byName(name).name()).isEqualTo(name);
            assertThat(Steps.byName(name)).isSameAs(Steps.byName(name));
        }
        assertThat(Steps.byName("no-such-step")).isNull();
        assertThat(Steps.known()).startsWith("json, base64, gzip");
    }

    private static JsonNode apply(String step, JsonNode in) {
        return Steps.byName(step).apply(in);
    }

    @Test
    void base64_acceptsStandardUrlSafeUnpaddedAndWrapped() throws Exception {
        byte[] expected = "{\"a\":\"?>\"}".getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(expected);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(expected);

        assertThat(apply("base64", TextNode.valueOf(std)).binaryValue()).isEqualTo(expected);
        assertThat(apply("base64", TextNode.valueOf(url)).binaryValue()).isEqualTo(expected);
        assertThat(apply("base64", TextNode.valueOf(std.substring(0, 4) + "\n" + std.substring(4))).binaryValue()).isEqualTo(expected);
        assertThat(apply("base64", TextNode.valueOf("not base64!"))).isNull();
    }

    @Test
    void gzip_inflatesAndRefusesBombs() throws Exception {
        assertThat(apply("gzip", BinaryNode.valueOf(gzip(new byte[1000]))).binaryValue()).hasSize(1000);
        assertThat(apply("gzip", BinaryNode.valueOf(gzip(new byte[Steps.MAX_INFLATED_BYTES + 1])))).isNull();
        assertThat(apply("gzip", BinaryNode.valueOf(new byte[] {1, 2, 3}))).isNull();
        assertThat(apply("gzip", TextNode.valueOf("text"))).isNull();
    }

    @Test
    void text_rejectsInvalidUtf8() {
        assertThat(apply("text", BinaryNode.valueOf("héllo".getBytes(StandardCharsets.UTF_8))).textValue()).isEqualTo("héllo");
        assertThat(apply("text", BinaryNode.valueOf(new byte[] {(byte) 0xc3, 0x28}))).isNull();
    }

    @Test
    void json_decodesTextAndBytesAndPassesContainersThrough() {
        JsonNode obj = Json.parseOrNull("{\"a\":1}");

        assertThat(apply("json", TextNode.valueOf("{\"a\":1}"))).isEqualTo(obj);
        assertThat(apply("json", BinaryNode.valueOf("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(obj);
        assertThat(apply("json", obj)).isSameAs(obj);
        assertThat(apply("json", TextNode.valueOf("{broken"))).isNull();
    }

    @Test
    void lowercaseKeys_keepsTheFirstOfKeysDifferingInCase() {
        JsonNode out = apply("lowercase-keys", Json.parseOrNull("{\"X-A\":1,\"x-a\":2,\"B\":3}"));

        assertThat(out.toString()).isEqualTo("{\"x-a\":1,\"b\":3}");
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
