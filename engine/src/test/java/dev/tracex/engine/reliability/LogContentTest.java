package dev.tracex.engine.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine logs, for every rule kind: with debug logging on, events whose header values and
 * bodies are a secret (as ids that fail to parse, as origin, tags, tracestate, other headers, bodies and
 * keys; in carriers that yield a context and in ones that do not) and invocation contexts or streams
 * that fail with the secret in their exception message. No log line holds the secret, an extraction
 * logs at most one line, and a line is short and has no line break. (Where lines go, as text or JSON,
 * and that they hold no event content there too: {@code RuntimeLogTest} in the Lambda adapter.)
 */
class LogContentTest {
    private static final String SECRET = "Bearer-eyJzZWNyZXQiOnRydWV9";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static Stream<Extractor> rules() {
        return RuleSuites.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void extract_eventsCarryingASecret_neverLogIt(Extractor rule) {
        List<JsonNode> events = events();
        int extractions = 0;
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            for (JsonNode event : events) {
                byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
                rule.extract(bytes, () -> event);
                rule.extract(event, () -> event);
                extractions += 2;
            }
            // Failures whose messages hold the secret: only the exception's class may be logged.
            rule.extract(events.get(0), () -> {
                throw new IllegalStateException(SECRET);
            });
            rule.extract(new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException(SECRET);
                }
            });
            rule.extract(SECRET + "{");
            extractions += 3;

            List<String> lines = log.messages();
            assertThat(lines).as("lines for %d extractions", extractions).hasSizeLessThanOrEqualTo(extractions);
            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                assertThat(line).doesNotContain(SECRET).startsWith("rule \"" + rule.name() + "\"");
                // One line: on a plain stream (stderr, the runtime's stdout sink) it stays one log event.
                assertThat(line).doesNotContain("\n", "\r");
                assertThat(line.length()).isLessThanOrEqualTo(HostileEventTest.MAX_LINE);
            });
        }
    }

    @Test
    void extract_firstChainFindingNothing_logsOneLineNamingTheFirstReason() {
        Extractor first = RuleSuites.all().stream().filter(e -> e.name().equals("first")).findFirst().orElseThrow();
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            first.extract("{\"_datadog\":{\"x-datadog-trace-id\":\"" + SECRET + "\"},\"meta\":{}}");

            // The first reason is the first rule's: its path found nothing (a miss says so since issue 29).
            assertThat(log.messages()).containsExactly("rule \"first\" -> \"attribute\": "
                    + "$.Records[0].messageAttributes._datadog.stringValue | json not found (and 2 more)");
        }
    }

    @Test
    void extract_batchOf10000RecordsWithoutContext_logsOneLine() {
        Extractor each = RuleSuites.all().stream().filter(e -> e.name().equals("each")).findFirst().orElseThrow();
        String records = ("{\"messageAttributes\":{\"_datadog\":{\"stringValue\":\"{\\\"x-datadog-trace-id\\\":\\\"" + SECRET
                + "\\\"}\"}}},").repeat(10_000);
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            each.extract("{\"Records\":[" + records + "{}]}");

            assertThat(log.messages()).containsExactly("rule \"each\": no context at headers: "
                    + "no valid [datadog, tracecontext, b3, b3multi, xray] headers (and 10000 more)");
        }
    }

    /** The secret in every place each rule of the suite reads, once with valid ids beside it and once instead of them. */
    private static List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        Map<String, String> beside = new LinkedHashMap<>();
        beside.put("x-datadog-trace-id", "11");
        beside.put("x-datadog-parent-id", "22");
        beside.put("x-datadog-origin", SECRET);
        beside.put("x-datadog-tags", "_dd.p.dm=-4,_dd.p.secret=" + SECRET);
        beside.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        beside.put("tracestate", "dd=s:2;o:" + SECRET + ",other=" + SECRET);
        beside.put("x-amzn-trace-id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Self=" + SECRET);
        beside.put("authorization", SECRET);
        events.add(everywhere(beside, SECRET, "11"));
        Map<String, String> instead = new LinkedHashMap<>();
        for (String h : List.of("x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority", "x-datadog-tags",
                "traceparent", "tracestate", "b3", "x-b3-traceid", "x-b3-spanid", "x-b3-sampled", "x-amzn-trace-id")) {
            instead.put(h, SECRET);
        }
        events.add(everywhere(instead, SECRET, SECRET));
        return events;
    }

    /** An event holding {@code carrier} (and {@code ids} as fields) at every path of every_kind_rules.yaml. */
    private static JsonNode everywhere(Map<String, String> carrier, String body, String ids) {
        ObjectNode headers = F.objectNode();
        carrier.forEach(headers::put);
        String headersJson = headers.toString();
        ObjectNode wrapped = F.objectNode().set("_datadog", headers);
        ObjectNode e = F.objectNode();
        e.set("_datadog", headers);
        e.set("headers", headers);
        e.set("Headers", headers);
        e.put(SECRET, body);
        ArrayNode records = e.putArray("Records");
        ObjectNode sqs = records.addObject();
        sqs.put("eventSource", "aws:sqs");
        sqs.put("body", wrapped.toString());
        sqs.putObject("messageAttributes").putObject("_datadog").put("stringValue", headersJson);
        sqs.putObject("kinesis").put("data", Base64.getEncoder().encodeToString(utf8(wrapped.toString())));
        ObjectNode sns = records.addObject();
        sns.put("EventSource", "aws:sns");
        sns.putObject("Sns").putObject("MessageAttributes").putObject("_datadog").put("Value", headersJson);
        sns.putObject("messageAttributes").putObject("_datadog").put("stringValue", SECRET);
        e.putObject("awslogs").put("data", Base64.getEncoder().encodeToString(gzip(utf8(wrapped.toString()))));
        ObjectNode meta = e.putObject("meta");
        meta.put("traceId", ids).put("spanId", ids.equals(SECRET) ? SECRET : "22").put("origin", SECRET).put("tags", "_dd.p.x=" + SECRET)
                .put("trace", ids).put("span", SECRET).put("high", SECRET);
        e.put("selected", "b");
        ArrayNode items = e.putArray("items");
        items.addObject().put("id", "a").put("carrier", SECRET);
        items.addObject().put("id", "b").set("carrier", headers);
        items.addObject().put("id", "c").set("carrier", headers);
        e.putObject("clientContext").putObject("custom").set("_datadog", headers);
        return Json.parseOrNull(e.toString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
