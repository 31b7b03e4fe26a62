package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TraceContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One per-invocation case: an event, the tracex rule, and the same extraction written by hand with
 * Jackson (the floor) and with Jayway JsonPath, once with compiled paths over Jackson's tree and once
 * from the JSON text with Jayway's default provider (json-smart). Every variant yields the same contexts;
 * {@link #check()} proves it before anything is measured.
 *
 * <p>The Jayway variants read the same values the rule reads and then decode them with the hand-written
 * decoders, so they differ from the floor only in how they reach the values. Where a rule reads several
 * paths ({@code fields}, {@code sqs}) the text variant parses once ({@code JsonPath.parse}) and reads the
 * compiled paths from that document, as anyone would; with one path it is {@code JsonPath.read(String, path)}.
 */
final class Scenario {
    static final String RULES = """
            extractors:
              json:
                headers: $._datadog
              custom:
                fields:
                  trace_id: $.meta.traceId
                  parent_id: $.meta.spanId
                  sampling_priority: $.meta.sampled
                  origin: $.meta.origin
              kinesis:
                headers: $.Records[0].kinesis.data | base64 | json | $._datadog
              js:
                js: (payload) => payload._datadog
            """;

    /** Jayway over Jackson's tree, as the engine's own non-definite paths run. */
    static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(HandWritten.MAPPER))
            .mappingProvider(new JacksonMappingProvider(HandWritten.MAPPER))
            .build();

    private static final JsonPath DATADOG = JsonPath.compile("$._datadog");
    private static final JsonPath TRACE_ID = JsonPath.compile("$.meta.traceId");
    private static final JsonPath SPAN_ID = JsonPath.compile("$.meta.spanId");
    private static final JsonPath SAMPLED = JsonPath.compile("$.meta.sampled");
    private static final JsonPath ORIGIN = JsonPath.compile("$.meta.origin");
    private static final JsonPath EVENT_SOURCE = JsonPath.compile("$.Records[0].eventSource");
    private static final JsonPath SQS_ATTRIBUTES = JsonPath.compile("$.Records[*].messageAttributes._datadog");
    private static final JsonPath HEADERS = JsonPath.compile("$.headers");
    private static final JsonPath KINESIS_DATA = JsonPath.compile("$.Records[0].kinesis.data");

    final String name;
    final byte[] bytes;
    final String text;
    final JsonNode tree;
    final Extractor extractor;
    final Function<JsonNode, Object> handWritten;
    final Function<JsonNode, Object> jaywayCompiled;
    final Function<String, Object> jaywayText;

    private Scenario(String name, String event, Extractor extractor, Function<JsonNode, Object> handWritten,
                     Function<JsonNode, Object> jaywayCompiled, Function<String, Object> jaywayText) {
        this.name = name;
        this.bytes = Events.load(event);
        this.text = new String(bytes, StandardCharsets.UTF_8);
        this.tree = HandWritten.parse(bytes);
        this.extractor = extractor;
        this.handWritten = handWritten;
        this.jaywayCompiled = jaywayCompiled;
        this.jaywayText = jaywayText;
    }

    /** The names {@link #of} knows, in report order. */
    static final List<String> NAMES = List.of("headers", "sqs", "http", "fields", "kinesis", "js");

    static Scenario of(String name) throws RuleCompilationException {
        Extractors rules = Extractors.parse(RULES, "bench.yaml");
        switch (name) {
            case "headers":
                return new Scenario(name, "custom_payload_2kb.json", rules.extractor("json"),
                        HandWritten::datadogHeaders,
                        tree -> HandWritten.carrier((JsonNode) DATADOG.read(tree, JACKSON), "json"),
                        text -> HandWritten.carrier((Map<?, ?>) JsonPath.read(text, "$._datadog"), "json"));
            case "js":
                // The JS rule doing what the headers rule does, on the same event, with the same floor.
                return new Scenario(name, "custom_payload_2kb.json", rules.extractor("js"),
                        HandWritten::datadogHeaders,
                        tree -> HandWritten.carrier((JsonNode) DATADOG.read(tree, JACKSON), "json"),
                        text -> HandWritten.carrier((Map<?, ?>) JsonPath.read(text, "$._datadog"), "json"));
            case "fields":
                return new Scenario(name, "custom_payload_2kb.json", rules.extractor("custom"),
                        HandWritten::metaFields, Scenario::jaywayFields, Scenario::jaywayFieldsText);
            case "sqs":
                return new Scenario(name, "sqs_10_records_event.json", Extractors.builtins().extractor("sqs"),
                        HandWritten::sqs, Scenario::jaywaySqs, Scenario::jaywaySqsText);
            case "http":
                return new Scenario(name, "apigw_v1_event.json", Extractors.builtins().extractor("http"),
                        HandWritten::apiGateway,
                        tree -> HandWritten.carrierIgnoringCase((JsonNode) HEADERS.read(tree, JACKSON), "builtin.http"),
                        text -> HandWritten.carrierIgnoringCase((Map<?, ?>) JsonPath.read(text, "$.headers"), "builtin.http"));
            case "kinesis":
                return new Scenario(name, "kinesis_event.json", rules.extractor("kinesis"),
                        HandWritten::kinesis,
                        tree -> HandWritten.kinesisData(HandWritten.text(KINESIS_DATA.read(tree, JACKSON))),
                        text -> HandWritten.kinesisData(JsonPath.read(text, "$.Records[0].kinesis.data")));
            default:
                throw new IllegalArgumentException("no scenario " + name + " (known: " + NAMES + ")");
        }
    }

    /** Fails unless every variant finds the same parent (trace id, parent id, priority) as the rule. */
    Scenario check() {
        TraceContext rule = extractor.extract(tree).parent().orElseThrow(() -> new IllegalStateException(name + ": rule finds nothing"));
        TraceContext fromBytes = extractor.extract(bytes).parent().orElseThrow(() -> new IllegalStateException(name + ": rule finds nothing in bytes"));
        same("rule from bytes", rule, fromBytes);
        same("hand-written", rule, parent(handWritten.apply(tree)));
        same("Jayway compiled", rule, parent(jaywayCompiled.apply(tree)));
        same("Jayway text", rule, parent(jaywayText.apply(text)));
        return this;
    }

    private void same(String what, TraceContext rule, TraceContext other) {
        if (other == null || !rule.traceIdHex().equals(other.traceIdHex()) || rule.parentId() != other.parentId()
                || !rule.samplingPriority().equals(other.samplingPriority())) {
            throw new IllegalStateException(name + ": the rule and " + what + " disagree: " + rule + " vs " + other);
        }
    }

    private static TraceContext parent(Object found) {
        if (found instanceof List) {
            List<?> all = (List<?>) found;
            return all.isEmpty() ? null : (TraceContext) all.get(0);
        }
        return (TraceContext) found;
    }

    private static Object jaywayFields(JsonNode tree) {
        JsonNode sampled = SAMPLED.read(tree, JACKSON);
        return HandWritten.fields(HandWritten.text(TRACE_ID.read(tree, JACKSON)), HandWritten.text(SPAN_ID.read(tree, JACKSON)),
                sampled.canConvertToInt() ? sampled.intValue() : null, HandWritten.text(ORIGIN.read(tree, JACKSON)));
    }

    private static Object jaywayFieldsText(String text) {
        DocumentContext doc = JsonPath.parse(text);
        Object sampled = doc.read(SAMPLED);
        return HandWritten.fields(HandWritten.string(doc.read(TRACE_ID)), HandWritten.string(doc.read(SPAN_ID)),
                sampled instanceof Integer ? (Integer) sampled : null, HandWritten.string(doc.read(ORIGIN)));
    }

    private static Object jaywaySqs(JsonNode tree) {
        if (!"aws:sqs".equals(HandWritten.text(EVENT_SOURCE.read(tree, JACKSON)))) {
            return List.of();
        }
        JsonNode attributes = SQS_ATTRIBUTES.read(tree, JACKSON);
        List<TraceContext> found = new ArrayList<>(attributes.size());
        for (JsonNode a : attributes) {
            TraceContext c = HandWritten.sqsAttribute(a);
            if (c != null) {
                found.add(c);
            }
        }
        return found;
    }

    private static Object jaywaySqsText(String text) {
        DocumentContext doc = JsonPath.parse(text);
        if (!"aws:sqs".equals(doc.read(EVENT_SOURCE))) {
            return List.of();
        }
        List<?> attributes = doc.read(SQS_ATTRIBUTES);
        List<TraceContext> found = new ArrayList<>(attributes.size());
        for (Object a : attributes) {
            TraceContext c = HandWritten.sqsAttribute((Map<?, ?>) a);
            if (c != null) {
                found.add(c);
            }
        }
        return found;
    }
}
