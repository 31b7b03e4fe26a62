package dev.tracex.engine.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Events built to break extraction, run through every rule of {@link RuleSuites} in every input form
 * (bytes, text, stream, parsed tree). Each event gives no context, or the context of its valid part
 * (named in the case); nothing escapes to the caller; nothing takes long; and the engine's log holds at
 * most one short line per event and extractor, never the event's content: every event carries
 * {@link #SECRET}, which must appear in no log record.
 */
class HostileEventTest {
    /** Planted in every hostile event, where a header value, a body or a key would be. */
    static final String SECRET = "s3cr3t-c4rd-4111111111111111";
    /** Longest log line accepted: a rule name, a path from the rules file, a reason. */
    static final int MAX_LINE = 400;
    private static final String SIX_MB = "9".repeat(6 * 1024 * 1024);
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final AtomicLong BYTES = new AtomicLong();

    /** What a case expects of one rule: its trace id (lower 64 bits, decimal), or no context at all. */
    record Expect(String rule, String traceId) {
        static Expect none(String rule) {
            return new Expect(rule, null);
        }
    }

    static Stream<Arguments> events() throws IOException {
        String dd = "\"x-datadog-trace-id\":\"11\",\"x-datadog-parent-id\":\"22\"";
        String valid = "{" + dd + "}";
        List<Arguments> cases = new ArrayList<>();
        cases.add(argumentSet("invalid UTF-8 in a value the rule skips",
                bytes("{\"_datadog\":" + valid + ",\"x\":\"" + SECRET, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\"}"),
                List.of(Expect.none("headers"))));
        cases.add(argumentSet("invalid UTF-8 inside the carrier",
                bytes("{\"_datadog\":{" + dd + ",\"x-datadog-origin\":\"" + SECRET, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}}"),
                List.of(Expect.none("headers"))));
        cases.add(argumentSet("invalid UTF-8 in a key",
                bytes("{\"" + SECRET, new byte[] {(byte) 0xF8, (byte) 0x88}, "\":1,\"_datadog\":" + valid + "}"),
                List.of(Expect.none("headers"))));
        cases.add(argumentSet("10,000-deep nesting at the root",
                utf8("{\"a\":".repeat(10_000) + "\"" + SECRET + "\"" + "}".repeat(10_000)),
                List.of(Expect.none("deep_scan"))));
        cases.add(argumentSet("10,000-deep nesting inside the carrier",
                utf8("{\"_datadog\":{" + dd + ",\"x\":" + "[".repeat(10_000) + "\"" + SECRET + "\"" + "]".repeat(10_000) + "}}"),
                List.of(Expect.none("headers"))));
        cases.add(argumentSet("10,000-deep nesting in an SQS body string",
                utf8("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"" + "{\\\"a\\\":".repeat(10_000) + SECRET
                        + "}".repeat(10_000) + "\"}]}"),
                List.of(Expect.none("when"))));
        cases.add(argumentSet("a 6 MB string beside the carrier",
                utf8("{\"_datadog\":" + valid + ",\"body\":\"" + SECRET + SIX_MB + "\"}"),
                List.of(new Expect("headers", "11"), new Expect("deep_scan", "11"))));
        cases.add(argumentSet("a 6 MB trace id",
                utf8("{\"_datadog\":{\"x-datadog-trace-id\":\"" + SIX_MB + "\",\"x-datadog-parent-id\":\"22\",\"x-datadog-origin\":\""
                        + SECRET + "\"}}"),
                List.of(Expect.none("headers"))));
        cases.add(argumentSet("a 6 MB traceparent",
                utf8("{\"headers\":{\"traceparent\":\"00-" + SIX_MB + "\",\"tracestate\":\"" + SECRET + "\"}}"),
                List.of(Expect.none("headers_object"), Expect.none("w3c_only"))));
        cases.add(argumentSet("a 6 MB tracestate of empty dd elements",
                utf8("{\"headers\":{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                        + "\"tracestate\":\"dd=" + ";".repeat(6 * 1024 * 1024) + "o:" + SECRET + "\"}}"),
                List.of(new Expect("w3c_only", "11803532876627986230"))));
        cases.add(argumentSet("a 6 MB X-Ray header of empty fields",
                utf8("{\"headers\":{\"x-amzn-trace-id\":\"" + ";".repeat(6 * 1024 * 1024) + "Self=" + SECRET + "\"}}"),
                List.of(Expect.none("b3_then_xray"))));
        cases.add(argumentSet("a 6 MB b3 header",
                utf8("{\"headers\":{\"b3\":\"" + "-".repeat(6 * 1024 * 1024) + SECRET + "\"}}"),
                List.of(Expect.none("b3_then_xray"))));
        cases.add(argumentSet("a 6 MB base64 payload that is not base64",
                utf8("{\"Records\":[{\"kinesis\":{\"data\":\"" + "*".repeat(6 * 1024 * 1024) + SECRET + "\"}}]}"),
                List.of(Expect.none("kinesis"))));
        cases.add(argumentSet("a gzip bomb: 64 MB of zeros, compressed",
                utf8("{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(gzip(64 * 1024 * 1024, SECRET))
                        + "\",\"logGroup\":\"" + SECRET + "\"}}"),
                List.of(Expect.none("gzip"))));
        cases.add(argumentSet("numbers with 400 digits as ids",
                utf8("{\"meta\":{\"traceId\":" + "9".repeat(400) + ",\"spanId\":" + "1".repeat(400) + ",\"origin\":\"" + SECRET
                        + "\"},\"_datadog\":{\"x-datadog-trace-id\":" + "7".repeat(400) + ",\"x-datadog-parent-id\":1}}"),
                List.of(Expect.none("fields"), Expect.none("headers"))));
        cases.add(argumentSet("a number with 400 digits of fraction and a huge exponent",
                utf8("{\"meta\":{\"traceId\":1." + "1".repeat(400) + "e999999999,\"spanId\":2,\"origin\":\"" + SECRET + "\"}}"),
                List.of(Expect.none("fields"))));
        cases.add(argumentSet("duplicate keys: the last carrier counts, in every input form",
                utf8("{\"_datadog\":{\"x-datadog-trace-id\":\"" + SECRET + "\",\"x-datadog-parent-id\":\"1\"},\"_datadog\":" + valid + "}"),
                List.of(new Expect("headers", "11"))));
        cases.add(argumentSet("duplicate keys inside the carrier: the last id counts",
                utf8("{\"_datadog\":{\"x-datadog-trace-id\":\"" + SECRET + "\"," + dd + ",\"x-datadog-trace-id\":\"33\"}}"),
                List.of(new Expect("headers", "33"))));
        for (String wrong : List.of("null", "0", "-1", "true", "[]", "[" + valid + "]", "\"" + SECRET + "\"", "\"{\\\"" + SECRET + "\"",
                "{\"x-datadog-trace-id\":{\"a\":\"" + SECRET + "\"},\"x-datadog-parent-id\":[]}",
                "{\"x-datadog-trace-id\":[[\"11\"]],\"x-datadog-parent-id\":{\"" + SECRET + "\":1}}",
                "{\"x-datadog-trace-id\":null,\"x-datadog-parent-id\":true,\"x-datadog-tags\":[\"" + SECRET + "\"]}")) {
            cases.add(argumentSet("_datadog is " + wrong.replace(SECRET, "<secret>"),
                    utf8("{\"_datadog\":" + wrong + ",\"Records\":[{\"messageAttributes\":{\"_datadog\":{\"stringValue\":" + wrong
                            + "}},\"kinesis\":{\"data\":" + wrong + "}}],\"meta\":" + wrong + ",\"headers\":" + wrong
                            + ",\"note\":\"" + SECRET + "\"}"),
                    List.of(Expect.none("headers"), Expect.none("attribute"), Expect.none("first"), Expect.none("fields"))));
        }
        cases.add(argumentSet("every level of the SQS path of the wrong type",
                utf8("{\"Records\":{\"0\":{\"messageAttributes\":\"" + SECRET + "\"}},\"meta\":[1,2]}"),
                List.of(Expect.none("attribute"), Expect.none("each"), Expect.none("fields"))));
        for (String[] id : new String[][] {{"18446744073709551616", "2^64"}, {"-1", "negative"}, {"0", "zero"},
                {"+11", "signed"}, {" 11", "padded"}, {"1e3", "exponent"}, {"0x1f", "hex"}, {"١١", "Arabic-Indic digits"},
                {"100000000000000000011", "21 significant digits"}}) {
            cases.add(argumentSet("trace id out of range: " + id[1],
                    utf8("{\"_datadog\":{\"x-datadog-trace-id\":\"" + id[0] + "\",\"x-datadog-parent-id\":\"22\",\"x-datadog-origin\":\""
                            + SECRET + "\"},\"meta\":{\"traceId\":\"" + id[0] + "\",\"spanId\":22}}"),
                    List.of(Expect.none("headers"), Expect.none("fields"))));
        }
        cases.add(argumentSet("a trace id with 400 leading zeros: the value counts, as in Datadog's tracers",
                utf8("{\"_datadog\":{\"x-datadog-trace-id\":\"" + "0".repeat(400) + "11\",\"x-datadog-parent-id\":\"22\",\"x-datadog-origin\":\""
                        + SECRET + "\"}}"),
                List.of(new Expect("headers", "11"))));
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        cases.add(argumentSet("a 1 MB baggage beside a valid traceparent: the context, baggage within W3C's limits",
                utf8("{\"headers\":{\"traceparent\":\"" + tp + "\",\"baggage\":\"k=" + SECRET + "," + ",".repeat(1024 * 1024) + "\"}}"),
                List.of(new Expect("w3c_only", "11803532876627986230"), new Expect("headers_object", "11803532876627986230"))));
        cases.add(argumentSet("Kafka: a header of 100,000 byte values (above the 64 KB bound), indices out of range, bytes that are not UTF-8",
                utf8("{\"records\":{\"t-0\":[{\"topic\":\"t\",\"headers\":[{\"traceparent\":[" + "48,".repeat(100_000) + "48]},"
                        + "{\"x-datadog-trace-id\":{\"0\":\"49\",\"999999999\":\"49\"}},{\"x-datadog-parent-id\":[255,254]},"
                        + "{\"" + SECRET + "\":[256]}]}]}}"),
                List.of(Expect.none("kafka"))));
        cases.add(argumentSet("Kafka: 2,000 partitions of records without headers, then one with a context",
                utf8("{\"records\":{" + "\"t-0\":[{\"topic\":\"t\",\"headers\":[{\"k\":[" + "1,".repeat(10) + "1]}]}],".repeat(1)
                        + java.util.stream.IntStream.range(1, 2_000).mapToObj(i -> "\"t-" + i + "\":[{\"topic\":\"" + SECRET + "\"}],")
                        .collect(java.util.stream.Collectors.joining())
                        + "\"last\":[{\"headers\":[{\"x-datadog-trace-id\":[49,49]},{\"x-datadog-parent-id\":[50,50]}]}]}}"),
                List.of(new Expect("kafka", "11"))));
        cases.add(argumentSet("DynamoDB: 900-deep M nesting, unknown types, a carrier of the wrong kinds",
                utf8("{\"Records\":[{\"dynamodb\":{\"NewImage\":{\"_datadog\":" + "{\"M\":{\"k\":".repeat(900) + "{\"S\":\"" + SECRET + "\"}"
                        + "}}".repeat(900) + ",\"_otel\":{\"M\":{\"traceparent\":{\"N\":1},\"x\":{\"Q\":\"" + SECRET + "\"}}}}}}]}"),
                List.of(Expect.none("dynamodb"), Expect.none("dynamodb_item"))));
        cases.add(argumentSet("durable execution: 10,000 checkpoint operations, the last one's headers",
                utf8("{\"InitialExecutionState\":{\"Operations\":[" + java.util.stream.IntStream.range(0, 10_000)
                        .mapToObj(i -> "{\"Name\":\"_datadog_" + i + "\",\"Payload\":\"" + SECRET + "\"}").collect(java.util.stream.Collectors.joining(","))
                        + ",{\"Name\":\"_datadog_100000\",\"Payload\":\"{\\\"x-datadog-trace-id\\\":\\\"11\\\",\\\"x-datadog-parent-id\\\":\\\"2\\\"}\"}]}}"),
                List.of(new Expect("durable", "11"))));
        cases.add(argumentSet("SQS message attributes of every wrong shape",
                utf8("{\"Records\":[{\"messageAttributes\":{\"traceparent\":{\"dataType\":\"Binary\",\"stringValue\":\"" + SECRET + "\"},"
                        + "\"tracestate\":{\"dataType\":[\"String\"],\"stringValue\":\"" + SECRET + "\"},\"baggage\":\"" + SECRET + "\","
                        + "\"x-datadog-trace-id\":{\"Type\":\"String\",\"Value\":{\"a\":1}}}}]}"),
                List.of(Expect.none("message_attributes"), Expect.none("named_headers"))));
        cases.add(argumentSet("x-datadog-tags over 512 characters: the ids without the tags",
                utf8("{\"_datadog\":{" + dd + ",\"x-datadog-tags\":\"_dd.p.dm=-4,_dd.p.x=" + SECRET + "y".repeat(600) + "\"}}"),
                List.of(new Expect("headers", "11"))));
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            members.append("v").append(i).append("=").append(SECRET).append(',');
        }
        cases.add(argumentSet("tracestate with 1000 members: the traceparent's context",
                utf8("{\"headers\":{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"tracestate\":\""
                        + members + "dd=s:2\"}}"),
                List.of(new Expect("w3c_only", "11803532876627986230"))));
        cases.add(argumentSet("10,000 SQS records, none with a context",
                utf8("{\"Records\":[" + ("{\"eventSource\":\"aws:sqs\",\"messageAttributes\":{\"_datadog\":{\"stringValue\":\"{\\\"x\\\":\\\""
                        + SECRET + "\\\"}\"}}},").repeat(10_000) + "{}]}"),
                List.of(Expect.none("each"), Expect.none("attribute"))));
        cases.add(argumentSet("200,000 keys in one carrier",
                utf8("{\"Headers\":{" + "\"K\":1,".repeat(200_000) + "\"X-Datadog-Origin\":\"" + SECRET + "\"}}"),
                List.of(Expect.none("lowercase"))));
        cases.add(argumentSet("not JSON: a secret and a truncated object",
                utf8(SECRET + "{\"_datadog\":" + valid),
                List.of(Expect.none("headers"))));
        cases.add(argumentSet("JSON, then garbage holding the secret",
                utf8("{\"_datadog\":" + valid + "}" + SECRET + "\u0000"),
                List.of(new Expect("headers", "11"))));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void extract_hostileEvent_givesNoContextOrItsValidPart_andLogsNoContent(byte[] event, List<Expect> expected) {
        // Not assertThat(event).contains(...): a failure would print the whole (6 MB) event.
        assertThat(new String(event, StandardCharsets.ISO_8859_1).contains(SECRET)).as("the secret is planted").isTrue();
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                JsonNode tree = Json.parseOrNull(event);
                String reserialized = tree == null ? null : Json.mapper().writeValueAsString(tree);
                for (Extractor e : RuleSuites.all()) {
                    log.clear();
                    Extraction fromBytes = e.extract(event, InvocationContext.NONE);
                    assertThat(e.extract(new ByteArrayInputStream(event))).as(e.name()).isEqualTo(fromBytes);
                    int extractions = 2;
                    if (tree == null) {
                        assertThat(fromBytes).as("%s: not JSON", e.name()).isEqualTo(Extraction.none());
                    } else {
                        assertThat(e.extract(tree)).as(e.name()).isEqualTo(fromBytes);
                        assertThat(e.extract(reserialized)).as(e.name()).isEqualTo(fromBytes);
                        // from: context rules read the same hostile JSON as the invocation's context
                        assertThat(e.extract(tree, contextOf(tree))).isNotNull();
                        extractions = 5;
                    }
                    assertLogged(log, e, extractions);
                    for (Expect x : expected) {
                        if (x.rule().equals(e.name())) {
                            assertThat(fromBytes.parent().map(TraceContext::traceId).orElse(null)).as(e.name()).isEqualTo(x.traceId());
                        }
                    }
                }
            });
        }
        EVENTS.incrementAndGet();
        BYTES.addAndGet(event.length);
    }

    @AfterAll
    static void printFigures() {
        System.out.printf("reliability: hostile events: %d events (%d MB) x %d rules x 4 input forms, nothing thrown, "
                + "no event content logged%n", EVENTS.get(), BYTES.get() >> 20, RuleSuites.all().size());
    }

    /** At most one line per extraction so far, each short and free of the event's content. */
    static void assertLogged(LogCapture log, Extractor e, int extractions) {
        List<String> lines = log.messages();
        assertThat(lines).as("%s: lines logged for %d extractions", e.name(), extractions).hasSizeLessThanOrEqualTo(extractions);
        for (String line : lines) {
            assertThat(line.contains(SECRET)).as("%s logged event content: %s", e.name(), line.length() > MAX_LINE ? "(long line)" : line)
                    .isFalse();
            assertThat(line.length()).as("%s: line length", e.name()).isLessThanOrEqualTo(MAX_LINE);
        }
    }

    private static InvocationContext contextOf(JsonNode tree) {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.putObject("clientContext").putObject("custom").set("_datadog", tree);
        return () -> wrapper;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(head));
        out.writeBytes(middle);
        out.writeBytes(utf8(tail));
        return out.toByteArray();
    }

    /** {@code size} zero bytes after a secret, gzipped: a decompression bomb. */
    private static byte[] gzip(int size, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(utf8(prefix));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < size >> 20; i++) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
