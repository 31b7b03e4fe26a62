package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's own reader against jackson-core's parser, which it replaces: every input reads to the same tree (node
 * types included: int, long, big integer, double) or fails in both. jackson-databind's {@code readTree}, with its
 * defaults, is the oracle: generated documents, the same documents broken at random, and a table of edge cases.
 */
class JsonReaderTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** jackson-databind's tree of {@code bytes}, or {@code null} where it refuses them or they hold no value. */
    private static JsonNode jackson(byte[] bytes) {
        try {
            JsonNode n = JACKSON.readTree(bytes);
            return n == null || n.isMissingNode() ? null : n;
        } catch (Exception e) {
            return null;
        }
    }

    private static void assertSameAsJackson(byte[] bytes) {
        String shown = new String(bytes, StandardCharsets.UTF_8);
        shown = shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
        assertThat(Json.parseOrNull(bytes)).as(shown).isEqualTo(jackson(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{}", "[]", "\"\"", "0", "-0", "1 ", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "[1.5, -0.0, 1e3, 1E-3, 1.0e+2, 1E400, 4.9e-325]", "[0.1234567890123456789]",
        "true", "false", "null", " [true ,false, null ] ", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[{}, [], \"c\"]}}",
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\\ud800\"", "\"é€😀\"", "{\"é\":\"€\",\"\\u0061\":1}",
        "\uFEFF{\"bom\":true}", "[1]x", "{\"a\":1} {", "[1] [2]",
        // Refused by both:
        "123}", "1x", "truex", "true1", "nul", "[01]", "[-]", "[1.]", "[.5]", "[1e]", "[1e+]", "[+1]", "[NaN]", "[Infinity]",
        "[1,]", "[,1]", "{,}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":}", "{a:1}", "{'a':1}", "['a']", "[1 2]", "{\"a\":1 \"b\":2}",
        "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"a\tb\"", "\"a\nb\"", "[1", "{\"a\":1", "{\"a\"", "\"abc", "[", "]", "}",
        "/* c */ 1", "# c\n1", "[1]]", "\u000b1", "[\u000b1]", "[1,\u00a02]"
    })
    void edgeCases_readAsJacksonReadsThem(String json) {
        assertSameAsJackson(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Text (an SQS body, what the {@code json} step decodes, {@code EventJson.readOrNull(String)}) reads as
     * {@code readTree} reads a {@code String}: the edge cases above, a leading U+FEFF (a character there, refused), and
     * a surrogate without its pair, which UTF-8 cannot hold: kept in its string, refused where it is an escape's letter
     * or outside a string.
     */
    @Test
    void text_readAsJacksonReadsAString() throws Exception {
        List<String> texts = new ArrayList<>(List.of("\uFEFF{}", "\uFEFF1", "\"\uFEFF\"", "\"a\ud800b\"", "\"\ud83d\ude00\"",
                "\"\udc00\ud800\"", "{\"\ud800\":[\"\udc00\"]}", "\"\\\ud800\"", "\"\\\\\ud800\"", "\ud800", "[\ud800]",
                "\"\\u\ud800\""));
        for (java.lang.reflect.Method m : getClass().getDeclaredMethods()) {
            if (m.getName().equals("edgeCases_readAsJacksonReadsThem")) {
                texts.addAll(List.of(m.getAnnotation(ValueSource.class).strings()));
            }
        }
        for (String text : texts) {
            JsonNode theirs;
            try {
                theirs = JACKSON.readTree(text);
                theirs = theirs == null || theirs.isMissingNode() ? null : theirs;
            } catch (Exception e) {
                theirs = null;
            }
            assertThat(Json.parseOrNull(text)).as(text).isEqualTo(theirs);
        }
        assertThat(Json.parseOrNull("\"a\ud800b\"").textValue()).isEqualTo("a\ud800b");
        assertThat(Json.parseOrNull("\"\ud83d\ude00\"").textValue()).isEqualTo("\ud83d\ude00");
        assertThat(Json.parseOrNull("\"\\\udc00\"")).isNull();
    }

    @Test
    void numbers_haveJacksonsNodeTypes() {
        assertThat(Json.parseOrNull("2147483647").isInt()).isTrue();
        assertThat(Json.parseOrNull("2147483648").isLong()).isTrue();
        assertThat(Json.parseOrNull("-9223372036854775808").isLong()).isTrue();
        assertThat(Json.parseOrNull("9223372036854775808").isBigInteger()).isTrue();
        assertThat(Json.parseOrNull("1.0").isDouble()).isTrue();
    }

    @Test
    void invalidUtf8_refusedAsByJackson() {
        byte[][] cases = {
            {'"', (byte) 0x80, '"'}, {'"', (byte) 0xC3, '"'}, {'"', (byte) 0xE2, (byte) 0x82, '"'},
            {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, '"'}, {'"', (byte) 0xF8, (byte) 0x80, '"'},
            {'"', (byte) 0xC3, (byte) 0xA9, '"'}, {'[', '"', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, '"', ']'},
            {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}, {'"', 'a', (byte) 0xC3},
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, {'{', '"', (byte) 0xED, (byte) 0xBF, (byte) 0xBF, '"', ':', '1', '}'},
            {'"', (byte) 0xED, (byte) 0x9F, (byte) 0xBF, '"'}, {'"', (byte) 0xC0, (byte) 0x80, '"'},
            {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'},
        };
        for (byte[] c : cases) {
            assertSameAsJackson(c);
        }
        assertThat(Json.parseOrNull(new byte[] {'"', (byte) 0x80, '"'})).isNull();
    }

    @Test
    void limits_areJacksonsDefaults() {
        assertSameAsJackson(("[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8));
        assertSameAsJackson(("[".repeat(1001) + "]".repeat(1001)).getBytes(StandardCharsets.UTF_8));
        assertThat(Json.parseOrNull("[".repeat(1000) + "]".repeat(1000))).isNotNull();
        assertThat(Json.parseOrNull("[".repeat(1001) + "]".repeat(1001))).isNull();
        for (String number : new String[] {"1".repeat(1000), "1".repeat(1001), "-" + "1".repeat(1000), "-" + "1".repeat(1001),
            "1." + "1".repeat(999), "1." + "1".repeat(1000), "-1." + "1".repeat(999), "1e" + "1".repeat(999), "1e" + "1".repeat(1000),
            "1.1e-" + "1".repeat(998), "1.1e-" + "1".repeat(999)}) {
            assertSameAsJackson(("[" + number + "]").getBytes(StandardCharsets.UTF_8));
        }
        for (int n : new int[] {49_999, 50_000, 50_001}) {
            assertSameAsJackson(("{\"" + "k".repeat(n) + "\":1}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether jackson-core's parser skips the whole of {@code bytes} (a container) without an error. */
    private static boolean jacksonSkips(byte[] bytes) {
        try (com.fasterxml.jackson.core.JsonParser p = JACKSON.getFactory().createParser(bytes)) {
            p.nextToken();
            p.skipChildren();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean readerSkips(byte[] bytes) {
        try {
            JsonReader r = JsonReader.of(bytes);
            r.nextToken();
            r.skipChildren();
            return true;
        } catch (JsonReader.MalformedJson e) {
            return false;
        }
    }

    /** What a rule skips is checked as jackson-core checks what it skips: no more (decoding), no less (structure). */
    @Test
    void skipping_refusesWhatJacksonRefusesWhenSkipping() {
        byte[][] cases = {
            ("[\"" + "a".repeat(20_000_001) + "\"]").getBytes(StandardCharsets.UTF_8),
            ("{\"" + "k".repeat(50_001) + "\":1}").getBytes(StandardCharsets.UTF_8),
            ("{\"" + "é".repeat(30_000) + "\":1}").getBytes(StandardCharsets.UTF_8),
            {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'},
            {'[', '"', (byte) 0xC3, '"', ']'},
            "[1,]".getBytes(StandardCharsets.UTF_8), "[\"\\q\"]".getBytes(StandardCharsets.UTF_8), "[[[]]".getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] c : cases) {
            assertThat(readerSkips(c)).as(new String(c, 0, Math.min(c.length, 20), StandardCharsets.UTF_8)).isEqualTo(jacksonSkips(c));
        }
        assertSameAsJackson(("[\"" + "a".repeat(20_000_000) + "\"]").getBytes(StandardCharsets.UTF_8));
        assertSameAsJackson(("[\"" + "a".repeat(20_000_001) + "\"]").getBytes(StandardCharsets.UTF_8));
        assertSameAsJackson(("[\"" + "é".repeat(10_000_001) + "\"]").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void generatedDocuments_readAsJacksonReadsThem() {
        Random r = new Random(20261206);
        for (int i = 0; i < 3000; i++) {
            assertSameAsJackson(GeneratedJson.document(r));
        }
    }

    /** Documents broken by one random edit: where jackson-core refuses one, so does the reader, and vice versa. */
    @Test
    void brokenDocuments_refusedWhereJacksonRefusesThem() {
        Random r = new Random(6122026);
        byte[] edits = {'{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '1', 't', 'n', ' ', '\n', 0x01, (byte) 0x80,
            (byte) 0xC3, (byte) 0xE2, (byte) 0xF0, (byte) 0xFF};
        int refused = 0;
        for (int i = 0; i < 6000; i++) {
            byte[] doc = GeneratedJson.document(r);
            if (doc.length < 5) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 4 + r.nextInt(doc.length - 4); // not in the first four bytes, where jackson-core guesses the encoding
            out.write(doc, 0, at);
            switch (r.nextInt(3)) {
                case 0 -> out.write(edits[r.nextInt(edits.length)]); // insert
                case 1 -> at++; // delete
                default -> {
                    out.write(edits[r.nextInt(edits.length)]); // replace
                    at++;
                }
            }
            out.write(doc, at, doc.length - at);
            byte[] broken = out.toByteArray();
            assertSameAsJackson(broken);
            refused += jackson(broken) == null ? 1 : 0;
        }
        assertThat(refused).as("most edits break the document").isGreaterThan(2000);
    }

    @Test
    void onlyTheFirstValueIsRead() throws Exception {
        JsonReader reader = JsonReader.of("{\"a\":[1,2]} garbage");
        assertThat(Json.readDocument(reader)).isEqualTo(Json.parseOrNull("{\"a\":[1,2]}"));
        assertThat(reader.nextToken()).isNull();
    }

    @Test
    void skipChildren_checksWhatItSkips() throws Exception {
        JsonReader ok = JsonReader.of("{\"skip\":{\"x\":[1,{\"y\":\"\\u0041\"}]},\"keep\":true}");
        assertThat(ok.nextToken()).isEqualTo(JsonReader.Token.START_OBJECT);
        assertThat(ok.nextFieldName()).isEqualTo("skip");
        ok.nextToken();
        ok.skipChildren();
        assertThat(ok.currentToken()).isEqualTo(JsonReader.Token.END_OBJECT);
        assertThat(ok.nextFieldName()).isEqualTo("keep");
        assertThat(ok.nextToken()).isEqualTo(JsonReader.Token.TRUE);

        // jackson-core refuses a surrogate encoded in UTF-8 where it decodes the string, not where it skips it
        JsonReader surrogate = JsonReader.of(new byte[] {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'});
        surrogate.nextToken();
        surrogate.skipChildren();
        assertThat(surrogate.currentToken()).isEqualTo(JsonReader.Token.END_ARRAY);
        assertThat(Json.parseOrNull(new byte[] {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'})).isNull();

        JsonReader bad = JsonReader.of("{\"skip\":{\"x\":[1,}]},\"keep\":true}");
        bad.nextToken();
        bad.nextFieldName();
        bad.nextToken();
        assertThatThrownBy(bad::skipChildren).isInstanceOf(JsonReader.MalformedJson.class)
                .hasMessage("unexpected character '}', expected a value at byte 16");
    }

    @Test
    void asciiText_bytesOfAsciiStringsOnly() throws Exception {
        String[][] cases = {{"\"{\\\"a\\\":\\\"x\\\\/\\n\\u0041\\\"}\"", "{\"a\":\"x\\/\nA\"}"}, {"\"plain\"", "plain"},
            {"\"\\u00e9\"", null}, {"\"é\"", null}, {"\"\"", ""}};
        for (String[] c : cases) {
            JsonReader r = JsonReader.of(c[0]);
            r.nextToken();
            byte[] ascii = r.asciiText();
            assertThat(ascii == null ? null : new String(ascii, StandardCharsets.ISO_8859_1)).as(c[0]).isEqualTo(c[1]);
            if (ascii != null) {
                assertThat(r.text()).isEqualTo(c[1]);
            }
        }
    }

    @Test
    void fieldNames_sharedAcrossReads() throws Exception {
        JsonReader a = JsonReader.of("{\"x-datadog-trace-id\":1}");
        JsonReader b = JsonReader.of("{\"x-datadog-trace-id\":2}");
        a.nextToken();
        b.nextToken();
        assertThat(a.nextFieldName()).isSameAs(b.nextFieldName()).isEqualTo("x-datadog-trace-id");
        JsonReader escaped = JsonReader.of("{\"x-datadog-trace-\\u0069d\":1}");
        escaped.nextToken();
        assertThat(escaped.nextFieldName()).isEqualTo("x-datadog-trace-id");
    }
}
