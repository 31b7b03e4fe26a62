package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;
import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Events with their context where no built-in rule looks: the best proposal reads it there, its example passes, and
 * every other proposal compiles and passes too.
 */
class SuggesterUnusualPlacesTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String DATADOG = "{\"x-datadog-trace-id\": \"3141592653589793238\", \"x-datadog-parent-id\": \"2718281828459045235\"}";

    static Stream<Arguments> events() throws Exception {
        return Stream.of(
                argumentSet("_datadog three levels down", "{\"order\": {\"shipping\": {\"meta\": {\"_datadog\": " + DATADOG + "}}}}",
                        List.of("headers: $.order.shipping.meta._datadog"), "3141592653589793238"),
                argumentSet("headers in capitals", "{\"Request\": {\"Headers\": {\"X-Datadog-Trace-Id\": \"3141592653589793238\", \"X-Datadog-Parent-Id\": \"2718281828459045235\"}}}",
                        List.of("headers: $.Request.Headers"), "3141592653589793238"),
                argumentSet("B3 multi headers", "{\"h\": {\"X-B3-TraceId\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"X-B3-SpanId\": \"00f067aa0ba902b7\", \"X-B3-Sampled\": \"1\"}}",
                        List.of("headers: $.h"), "11803532876627986230"),
                argumentSet("a b3 value under a name of the producer's", "{\"meta\": {\"trace\": \"4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1\"}}",
                        List.of("headers:", "  b3: $.meta.trace"), "11803532876627986230"),
                argumentSet("JSON in a string in base64 JSON", "{\"payload\": \"" + base64("{\"meta\": \"{\\\"traceparent\\\": \\\"" + TRACEPARENT + "\\\"}\"}") + "\"}",
                        List.of("headers: $.payload | base64 | json | $.meta | json"), "11803532876627986230"),
                argumentSet("gzip in base64", "{\"blob\": \"" + Base64.getEncoder().encodeToString(gzip(DATADOG)) + "\"}",
                        List.of("headers: $.blob | base64 | gzip | json"), "3141592653589793238"),
                argumentSet("a traceparent as base64 bytes", "{\"ctx\": \"" + base64(TRACEPARENT) + "\"}",
                        List.of("headers:", "  traceparent: $.ctx | base64 | text"), "11803532876627986230"),
                argumentSet("JSON as an array of bytes", "{\"value\": " + byteArray(DATADOG) + "}",
                        List.of("headers: $.value | bytes | json"), "3141592653589793238"),
                argumentSet("Kafka-style header bytes in a custom batch", "{\"batch\": {\"items\": [{\"headers\": [{\"id\": " + byteArray("7")
                                + "}, {\"traceparent\": " + byteArray(TRACEPARENT) + "}]}]}}",
                        List.of("headers: $.batch.items[0].headers | kafka-headers"), "11803532876627986230"),
                argumentSet("a DynamoDB typed item", "{\"item\": {\"id\": {\"S\": \"o-1\"}, \"traceparent\": {\"S\": \"" + TRACEPARENT + "\"}}}",
                        List.of("headers: $.item | dynamodb-json"), "11803532876627986230"),
                argumentSet("_otel as SNS message attributes", "{\"Records\": [{\"Sns\": {\"MessageAttributes\": {\"_otel\": {\"Type\": \"String\", \"Value\": \"x\"}, "
                                + "\"traceparent\": {\"Type\": \"String\", \"Value\": \"" + TRACEPARENT + "\"}}}}]}",
                        List.of("headers: $.Records[0].Sns.MessageAttributes | message-attributes"), "11803532876627986230"),
                argumentSet("an X-Ray header in a message attribute, written by a Datadog tracer", "{\"Records\": [{\"messageAttributes\": {\"xray\": "
                                + "{\"dataType\": \"String\", \"stringValue\": \"Root=1-6745f1c8-00000000a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1\"}}}]}",
                        List.of("headers: $.Records[0].messageAttributes.xray.stringValue | aws-trace-header", "styles: [datadog]"), "11803532876627986230"),
                argumentSet("X-Ray's own header in a string", "{\"note\": {\"tracing\": \"Root=1-6745f1c8-3f1f2b2a9c0d4e5f6a7b8c9d;Parent=00f067aa0ba902b7;Sampled=1\"}}",
                        List.of("headers: $.note.tracing | xray-carrier", "styles: [xray]"), "11244730016329338013"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void suggest_contextInAnUnusualPlace_isTheFirstProposal(String json, List<String> body, String traceId) throws Exception {
        Suggestions found = Suggester.suggest(EventJson.readOrNull(json), "event.json", null, null, Set.of());

        assertThat(found.proposals()).isNotEmpty();
        Proposal best = found.proposals().get(0);
        assertThat(best.yaml().subList(2, 2 + body.size())).isEqualTo(body.stream().map(l -> "    " + l).toList());
        assertThat(best.context().traceId()).isEqualTo(traceId);
        assertAllPass(found);
    }

    @Test
    void suggest_givenIdsInFieldsOfTheirOwn_proposesAFieldsRule() throws Exception {
        JsonNode event = EventJson.readOrNull("{\"meta\": {\"tid\": \"5827296727441744253\", \"sid\": 4112390218134436401, \"other\": \"x\"}}");

        Suggestions found = Suggester.suggest(event, "event.json", "5827296727441744253", "4112390218134436401", Set.of());

        assertThat(found.proposals()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("meta_ids");
            assertThat(p.yaml()).containsSequence("    fields:", "      trace_id: $.meta.tid", "      parent_id: $.meta.sid");
            assertThat(p.idMatch()).isEqualTo(2);
        });
        assertThat(found.idLines()).containsExactly("trace id 5827296727441744253 is at $.meta.tid (decimal)",
                "parent id 4112390218134436401 is at $.meta.sid (decimal, a JSON number)");
        assertAllPass(found);
    }

    @Test
    void suggest_givenHexIds_proposesAHexFieldsRule_andFindsThemInsideOtherText() throws Exception {
        JsonNode event = EventJson.readOrNull("{\"t\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"s\": \"00f067aa0ba902b7\", \"log\": \"span 00F067AA0BA902B7 done\"}");

        Suggestions found = Suggester.suggest(event, "event.json", "4BF92F3577B34DA6A3CE929D0E0E4736", "67667974448284343", Set.of());

        assertThat(found.proposals()).singleElement().satisfies(p -> assertThat(p.yaml()).endsWith(
                "    id_format: hex", "    examples:", "      - event: {\"t\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"s\": \"00f067aa0ba902b7\"}",
                "        expect: {format: fields, trace_id: \"11803532876627986230\", trace_id_128: \"4bf92f3577b34da6a3ce929d0e0e4736\", "
                        + "parent_id: \"67667974448284343\", sampling_priority: null}"));
        assertThat(found.idLines()).containsExactly("trace id 4BF92F3577B34DA6A3CE929D0E0E4736 is at $.t (32 hex)",
                "parent id 67667974448284343 is at $.s (16 hex)", "parent id 67667974448284343 is at $.log (16 hex, inside the text)");
        assertAllPass(found);
    }

    @Test
    void suggest_givenIds_listsTheRulesFindingThemFirst() throws Exception {
        JsonNode event = EventJson.readOrNull("{\"a\": {\"_datadog\": " + DATADOG + "}, \"b\": {\"traceparent\": \"" + TRACEPARENT + "\"}}");

        List<String> order = Suggester.suggest(event, "e.json", null, null, Set.of()).proposals().stream().map(Proposal::name).toList();
        List<String> byId = Suggester.suggest(event, "e.json", "a3ce929d0e0e4736", null, Set.of()).proposals().stream().map(Proposal::name).toList();

        assertThat(order).containsExactly("a_datadog", "b");
        assertThat(byId).containsExactly("b", "a_datadog");
    }

    @Test
    void suggest_batchWhoseFirstRecordsCarrierIsBroken_proposesTheNextRecordsPlace_once() throws Exception {
        JsonNode event = EventJson.readOrNull("{\"Records\": [{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"-2\"}}, "
                + "{\"_datadog\": " + DATADOG + "}, {\"_datadog\": {\"x-datadog-trace-id\": \"5\", \"x-datadog-parent-id\": \"6\"}}]}");

        Suggestions found = Suggester.suggest(event, "e.json", null, null, Set.of());

        assertThat(found.proposals()).singleElement().satisfies(p -> {
            assertThat(p.yaml().get(2)).isEqualTo("    headers: $.Records[1]._datadog");
            assertThat(p.context().traceId()).isEqualTo("3141592653589793238");
        });
        assertAllPass(found);
    }

    @Test
    void suggest_placeBrokenInTenRecords_isGivenUp_butNotBefore() {
        String broken = "{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"0\"}}";
        String good = "{\"_datadog\": " + DATADOG + "}";

        assertThat(Suggester.suggest(EventJson.readOrNull("{\"Records\": [" + String.join(", ", java.util.Collections.nCopies(9, broken)) + ", " + good + "]}"),
                "e.json", null, null, Set.of()).proposals()).extracting(p -> p.yaml().get(2)).containsExactly("    headers: $.Records[9]._datadog");
        assertThat(Suggester.suggest(EventJson.readOrNull("{\"Records\": [" + String.join(", ", java.util.Collections.nCopies(10, broken)) + ", " + good + "]}"),
                "e.json", null, null, Set.of()).proposals()).isEmpty();
    }

    @Test
    void suggest_namesTaken_areNotGivenOut() {
        JsonNode event = EventJson.readOrNull("{\"_datadog\": " + DATADOG + "}");

        assertThat(Suggester.suggest(event, "e.json", null, null, Set.of("datadog", "datadog_2")).proposals())
                .extracting(Proposal::name).containsExactly("datadog_3");
    }

    @Test
    void suggest_idThatIsNoId_isRefusedNamingTheOption() {
        JsonNode event = EventJson.readOrNull("{}");

        assertThatThrownBy(() -> Suggester.suggest(event, "e.json", "12ab", null, Set.of()))
                .hasMessage("--trace-id 12ab: not an id: give an unsigned 64-bit decimal, 16 or 32 hex digits");
        assertThatThrownBy(() -> Suggester.suggest(event, "e.json", null, "4bf92f3577b34da6a3ce929d0e0e4736", Set.of()))
                .hasMessage("--parent-id 4bf92f3577b34da6a3ce929d0e0e4736: not an id: give an unsigned 64-bit decimal or 16 hex digits");
        assertThatThrownBy(() -> Suggester.suggest(event, "e.json", "0000000000000000", null, Set.of()))
                .hasMessage("--trace-id 0000000000000000: zero is not an id");
    }

    private static void assertAllPass(Suggestions found) throws Exception {
        List<ExampleResult> results = Extractors.parse(found.text(), "suggested.yaml").runExamples();
        assertThat(results).hasSize(found.proposals().size())
                .allSatisfy(r -> assertThat(r.passed()).as(r + "\n" + found.text()).isTrue());
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String byteArray(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return "[" + java.util.stream.IntStream.range(0, b.length).mapToObj(i -> Integer.toString(b[i])).collect(Collectors.joining(", ")) + "]";
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
