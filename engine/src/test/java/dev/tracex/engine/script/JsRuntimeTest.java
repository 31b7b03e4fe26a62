package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.internal.script.JsBase64Test;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** The harness's Node built-ins, {@code Buffer.from(x, 'base64')} and {@code atob}, give Node 20's answers on GraalJS. */
class JsRuntimeTest {
    /** Each built-in on {@code event.input}: its value, or the error it threw as {@code name: message}. */
    private static final String PROBE = """
            (e) => {
              const r = (f) => { try { return f(); } catch (x) { return x.name + ': ' + x.message; } };
              return { buffer: r(() => Buffer.from(e.input, 'base64').toString()),
                       utf8: r(() => Buffer.from(e.input, 'BASE64URL').toString('UTF-8')),
                       string: r(() => String(Buffer.from(e.input, 'base64'))),
                       latin1: r(() => Buffer.from(e.input, 'base64').toString('latin1')),
                       hex: r(() => Buffer.from(e.input, 'base64').toString('hex')),
                       ascii: r(() => Buffer.from(e.input, 'base64').toString('ascii')),
                       length: r(() => Buffer.from(e.input, 'base64').length),
                       atob: r(() => atob(e.input)) };
            }""";
    private static JsRuntime runtime;

    @BeforeAll
    static void open() throws ScriptFailure {
        runtime = new ScriptPool(JsTesting.snippet("probe", PROBE), false, JsTesting.SMALL, EventPassing.PROXY).open();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    static Stream<Arguments> nodeTable() {
        return JsBase64Test.nodeTable();
    }

    @ParameterizedTest
    @MethodSource("nodeTable")
    void decode_nodeTable_asNode(String input, String bufferText, String atob, String atobError) {
        Value v = probe(JsonNodeFactory.instance.textNode(input));

        assertThat(v.getMember("buffer").asString()).isEqualTo(bufferText);
        assertThat(v.getMember("utf8").asString()).isEqualTo(bufferText);
        assertThat(v.getMember("string").asString()).isEqualTo(bufferText);
        assertThat(v.getMember("atob").asString()).isEqualTo(atob != null ? atob : "InvalidCharacterError: " + atobError);
    }

    @Test
    void decode_generatedInputs_asNode() throws IOException {
        JsonNode cases = JsBase64Test.nodeCases();
        assertSoftly(soft -> {
            for (JsonNode c : cases) {
                Value v = probe(c.get("input"));
                soft.assertThat(v.getMember("buffer").asString()).as("Buffer of %s", c.get("input")).isEqualTo(c.at("/buffer/value").textValue());
                soft.assertThat(v.getMember("latin1").asString()).as("latin1 of %s", c.get("input")).isEqualTo(c.at("/latin1/value").textValue());
                soft.assertThat(v.getMember("hex").asString()).as("hex of %s", c.get("input")).isEqualTo(c.at("/hex/value").textValue());
                soft.assertThat(v.getMember("ascii").asString()).as("ascii of %s", c.get("input")).isEqualTo(c.at("/ascii/value").textValue());
                soft.assertThat(v.getMember("length").asInt()).as("length of %s", c.get("input")).isEqualTo(c.at("/latin1/value").textValue().length());
                String atob = c.at("/atob/value").textValue();
                if (atob != null) {
                    soft.assertThat(v.getMember("atob").asString()).as("atob of %s", c.get("input")).isEqualTo(atob);
                } else {
                    soft.assertThat(v.getMember("atob").asString()).as("atob of %s", c.get("input")).startsWith("InvalidCharacterError: ");
                }
            }
        });
    }

    /**
     * Node: {@code Buffer.from} of undefined, null, a number, a boolean or a plain object throws a TypeError
     * ({@code ERR_INVALID_ARG_TYPE}); {@code atob} decodes {@code String(x)}: {@code atob(null)} is {@code atob('null')},
     * {@code "\u009e\u00e9e"}, {@code atob(12)} is {@code atob('12')}, {@code "\u00d7"}. tracex differs from Node on arrays
     * and objects with a {@code length}, which Node reads as bytes: a TypeError too, here and compiled.
     */
    static Stream<Arguments> nonStrings() {
        ObjectNode arrayLike = JsonNodeFactory.instance.objectNode().put("length", 1).put("0", 65);
        return Stream.of(
                argumentSet("null", JsonNodeFactory.instance.nullNode(), "\u009e\u00e9e"),
                argumentSet("a number", JsonNodeFactory.instance.numberNode(12), "\u00d7"),
                argumentSet("a boolean", JsonNodeFactory.instance.booleanNode(true), "\u00b6\u00bb\u009e"),
                argumentSet("an object", JsonNodeFactory.instance.objectNode(), "InvalidCharacterError: Invalid character"),
                argumentSet("an array", JsonNodeFactory.instance.arrayNode().add(1), "InvalidCharacterError: The string to be decoded is not correctly encoded."),
                argumentSet("an object with a length", arrayLike, "InvalidCharacterError: Invalid character"));
    }

    @ParameterizedTest
    @MethodSource("nonStrings")
    void decode_nonString_bufferIsATypeErrorAndAtobReadsItsText(JsonNode input, String atob) {
        Value v = probe(input);

        assertThat(v.getMember("buffer").asString()).startsWith("TypeError: The first argument must be of type string");
        assertThat(v.getMember("atob").asString()).isEqualTo(atob);
    }

    @Test
    void decode_absentInput_asNode() {
        Value v = probe(null);

        assertThat(v.getMember("buffer").asString()).startsWith("TypeError: The first argument must be of type string");
        assertThat(v.getMember("atob").asString()).isEqualTo("InvalidCharacterError: The string to be decoded is not correctly encoded.");
    }

    /** Decoding is host code: a value the size of the largest Lambda event costs a few statements, not one a byte. */
    @Test
    void decode_sixMegabytes_withinTheStatementLimit() {
        String big = "YWJj".repeat(1_500_000);

        Value v = probe(JsonNodeFactory.instance.textNode(big));

        assertThat(JsTesting.SMALL.statements()).isLessThan(big.length());
        assertThat(v.getMember("buffer").asString()).isEqualTo("abc".repeat(1_500_000));
        assertThat(v.getMember("atob").asString()).isEqualTo("abc".repeat(1_500_000));
    }

    @Test
    void builtIns_onlyForCodeThatNamesThem() throws ScriptFailure {
        // Defining them costs a GraalJS cold start 100 ms or more: code that does not name them does not get them.
        String computed = "(e) => typeof globalThis['Buf' + 'fer'] + ' ' + typeof globalThis['at' + 'ob']";
        JsRuntime without = new ScriptPool(JsTesting.snippet("computed", computed), false, JsTesting.SMALL,
                EventPassing.PROXY).open();
        JsRuntime with = new ScriptPool(JsTesting.snippet("named", computed + " // Buffer"), false, JsTesting.SMALL,
                EventPassing.PROXY).open();
        try {
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            assertThat(without.call(ScriptPool.SNIPPET, event, null, EventPassing.PROXY).asString()).isEqualTo("undefined undefined");
            assertThat(with.call(ScriptPool.SNIPPET, event, null, EventPassing.PROXY).asString()).isEqualTo("function function");
        } finally {
            without.close();
            with.close();
        }
    }

    private static Value probe(JsonNode input) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        if (input != null) {
            event.set("input", input);
        }
        runtime.context.resetLimits();
        return runtime.call(ScriptPool.SNIPPET, event, null, EventPassing.PROXY);
    }
}
