package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.RandomJson;
import dev.tracex.engine.internal.compiler.CompiledFile;
import dev.tracex.engine.internal.compiler.RuleExample;
import dev.tracex.engine.internal.compiler.RuleFileCompiler;
import dev.tracex.engine.internal.compiler.RuleLibrary;
import dev.tracex.engine.internal.rule.CompiledExtractor;
import dev.tracex.engine.internal.rule.CompiledRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTest {
    private static CompiledFile compile(String yaml) throws Exception {
        return RuleFileCompiler.compile("t.yaml", yaml, null, "", RuleLibrary.NONE);
    }

    private static CompiledExtractor extractor(String yaml, String rule) throws Exception {
        return new CompiledExtractor(rule, compile(yaml).rules().get(rule));
    }

    @Test
    void projection_ofEachKindOfRule_keepsOnlyWhatItReads() throws Exception {
        String yaml = """
                extractors:
                  carrier:
                    headers: $._datadog
                  attribute:
                    each: $.Records[*]
                    headers: $.messageAttributes._datadog.stringValue | json
                  fields:
                    fields: {trace_id: $.meta.t, parent_id: $.meta.p}
                  guarded:
                    when: $.Records[0][?(@.eventSource == 'aws:sqs')]
                    headers: $.Records[0].body
                  context:
                    from: context
                    headers: $.clientContext
                  deep:
                    headers: $.._datadog
                """;
        CompiledFile f = compile(yaml);

        assertThat(Projection.of(f.rules().get("carrier")).toString()).isEqualTo("{_datadog: {headers}}");
        assertThat(Projection.of(f.rules().get("attribute")).toString())
                .isEqualTo("{Records: {[*]: {messageAttributes: {_datadog: {stringValue: {headers, |json: {headers}}}}}}}");
        assertThat(Projection.of(f.rules().get("fields")).toString()).isIn("{meta: {t: *, p: *}}", "{meta: {p: *, t: *}}");
        assertThat(Projection.of(f.rules().get("guarded")).toString()).isEqualTo("{Records: {[0]: *}}");
        assertThat(Projection.of(f.rules().get("context")).isEmpty()).isTrue();
        assertThat(Projection.of(f.rules().get("deep")).isWhole()).isTrue();
    }

    @Test
    void read_indexAndWildcardBothRead_keepsTheUnionForThatElement() throws Exception {
        CompiledExtractor e = extractor("""
                extractors:
                  r:
                    when: $.Records[0].eventSource
                    each: $.Records[*]
                    headers: $.attr
                """, "r");
        String event = "{\"Records\": [{\"eventSource\": \"s\", \"attr\": 1, \"body\": \"b\"}, {\"attr\": 2, \"body\": \"b\"}]}";

        assertThat(e.read(JsonReader.of(event)).toString())
                .isEqualTo("{\"Records\":[{\"eventSource\":\"s\",\"attr\":1},{\"attr\":2}]}");
    }

    @Test
    void projection_multiPropertyBracket_keepsOnlyTheNamedFields() throws Exception {
        CompiledExtractor e = extractor("extractors:\n  r:\n    headers: $.a['x','y-z'] | $\n", "r");
        String event = "{\"a\": {\"x\": {\"k\": 1}, \"y-z\": 2, \"big\": \"" + "x".repeat(1000) + "\"}, \"b\": 3}";

        assertThat(e.read(JsonReader.of(event)).toString()).isEqualTo("{\"a\":{\"x\":{\"k\":1},\"y-z\":2}}");
        assertThat(PathProjection.propertyNames("['a', \"b\"]")).containsExactly("a", "b");
        assertThat(PathProjection.propertyNames("['a'][0]")).isNull();
        assertThat(PathProjection.propertyNames("[?(@.a)]")).isNull();
    }

    @Test
    void read_skipsWhatNoRuleReads_andKeepsIndices() throws Exception {
        CompiledExtractor e = extractor("extractors:\n  r:\n    headers: $.Records[1].attr\n", "r");
        String event = "{\"big\": \"" + "x".repeat(10_000) + "\", \"Records\": [{\"attr\": 1, \"body\": \"b0\"},"
                + " {\"attr\": {\"k\": \"v\", \"TraceParent\": \"t\"}, \"body\": \"b1\"}], \"tail\": [1, 2, {\"deep\": true}]}";

        JsonNode pruned = e.read(JsonReader.of(event));

        assertThat(pruned.toString()).isEqualTo("{\"Records\":[null,{\"attr\":{\"TraceParent\":\"t\"}}]}");
    }

    @Test
    void read_textRulesReadInto_decodesOnlyWhatTheyRead() throws Exception {
        CompiledExtractor e = extractor("""
                extractors:
                  r:
                    first: [sns, body]
                  sns:
                    when: $.body | $[?(@.Type == 'Notification')].Type
                    headers: $.body.MessageAttributes._datadog | $[?(@.Type == 'String')].Value
                  body:
                    headers: $.body
                """, "r");
        String body = "{\"orders\": [" + "{\"sku\": 1},".repeat(100) + "{}], \"Type\": \"Notification\", \"x-datadog-trace-id\": \"5\","
                + " \"MessageAttributes\": {\"_datadog\": {\"Type\": \"String\", \"Value\": \"{}\"}, \"other\": {\"Type\": \"String\"}}}";
        String event = "{\"body\": " + Json.mapper().writeValueAsString(body) + "}";

        JsonNode pruned = e.read(JsonReader.of(event));
        JsonNode text = pruned.get("body");

        assertThat(text).isInstanceOf(EmbeddedText.class);
        assertThat(text.textValue()).isEqualTo(body);
        assertThat(DecodedDocuments.embedded(text).toString()).isEqualTo("{\"Type\":\"Notification\",\"x-datadog-trace-id\":\"5\","
                + "\"MessageAttributes\":{\"_datadog\":{\"Type\":\"String\",\"Value\":\"{}\"}}}");
        assertThat(e.extract(event.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(e.extract(Json.mapper().readTree(event)));
    }

    @Test
    void decodingSteps_readOnlyWhatIsReadThroughThem() throws Exception {
        CompiledExtractor e = extractor("""
                extractors:
                  r:
                    first: [datadog, top]
                  datadog:
                    headers: $.data | base64 | json | $._datadog
                  top:
                    headers: $.data | base64 | json
                """, "r");
        String document = "{\"rows\": [" + "[1, 2, 3],".repeat(50) + "[]], \"_datadog\": {\"x-datadog-trace-id\": \"7\", \"other\": 1},"
                + " \"traceparent\": \"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}";
        String data = java.util.Base64.getEncoder().encodeToString(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String event = "{\"data\": \"" + data + "\"}";

        JsonNode pruned = e.read(JsonReader.of(event));
        JsonNode decoded;
        try (DecodedDocuments open = DecodedDocuments.open()) {
            decoded = ProjectedDecoding.apply("json", n -> null,
                    ProjectedDecoding.apply("base64", n -> Json.array().binaryNode(java.util.Base64.getDecoder().decode(n.textValue())), pruned.get("data")));
        }

        assertThat(decoded.toString()).isEqualTo("{\"_datadog\":{\"x-datadog-trace-id\":\"7\"},"
                + "\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}");
        assertThat(e.extract(event.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(e.extract(Json.mapper().readTree(event)));
    }

    @Test
    void read_filterOnAnArray_readsEachItemWithTheFilter_andIndicesToo() throws Exception {
        CompiledExtractor e = extractor("""
                extractors:
                  r:
                    when: $.a[?(@.t == 'x')].t
                    headers: $.a[1].h
                """, "r");
        String event = "{\"a\": [{\"t\": \"y\", \"big\": [1, 2]}, {\"t\": \"x\", \"h\": {\"b3\": \"1\", \"n\": 2}, \"z\": 1}]}";

        JsonNode pruned = e.read(JsonReader.of(event));

        assertThat(pruned.toString()).isEqualTo("{\"a\":[{\"t\":\"y\"},{\"t\":\"x\",\"h\":{\"b3\":\"1\"}}]}");
    }

    @Test
    void read_wholeValues_buildTheSameNodesAsReadTree() throws Exception {
        CompiledExtractor deep = extractor("extractors:\n  r:\n    headers: $.._datadog\n", "r");
        CompiledExtractor scalars = extractor("extractors:\n  r:\n    fields: {trace_id: $.v.l, parent_id: $.v.big}\n", "r");
        String event = "{\"s\": \"\\u00e9t\\u00e9 \\\"q\\\"\", \"i\": 7, \"l\": 2147483648, \"big\": 123456789012345678901234567890,"
                + " \"min\": -9223372036854775808, \"d\": 1.5, \"e\": -2.5e-3, \"inf\": 1e400, \"z\": -0.0, \"t\": true,"
                + " \"f\": false, \"n\": null, \"a\": [1, [2, {\"k\": []}], {}], \"dup\": 1, \"dup\": 2,"
                + " \"v\": {\"l\": 2147483648, \"big\": 123456789012345678901234567890, \"skipped\": 1}}";

        JsonNode whole = deep.read(JsonReader.of(event));
        JsonNode pruned = scalars.read(JsonReader.of(event));

        // JsonNode equality compares node types too (IntNode(1) is not LongNode(1), 0.0 is not -0.0).
        assertThat(whole).isEqualTo(Json.mapper().readTree(event));
        assertThat(pruned).isEqualTo(Json.mapper().readTree("{\"v\": {\"l\": 2147483648, \"big\": 123456789012345678901234567890}}"));
        assertThat(pruned.get("v").get("l").isLong()).isTrue();
        assertThat(pruned.get("v").get("big").isBigInteger()).isTrue();
    }

    @Test
    void read_wholeRandomDocuments_equalsReadTree() throws Exception {
        CompiledExtractor deep = extractor("extractors:\n  r:\n    headers: $.._datadog\n", "r");
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            String json = RandomJson.document(random);
            JsonNode tree = Json.parseOrNull(json);
            if (tree != null) {
                assertThat(deep.read(JsonReader.of(json))).as(json).isEqualTo(tree);
            }
        }
    }

    @Test
    void read_malformedJsonInSkippedParts_isStillMalformed() throws Exception {
        CompiledExtractor e = extractor("extractors:\n  r:\n    headers: $._datadog\n", "r");

        assertThat(e.extract("{\"skipped\": [1, 2,, ], \"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}}"))
                .isEqualTo(Extraction.none());
        assertThat(e.extract("{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}, \"tail\": "))
                .isEqualTo(Extraction.none());
    }

    /** Every example of the data-driven cases, as (rule, event). */
    static Stream<Object[]> caseExamples() throws Exception {
        List<Object[]> out = new ArrayList<>();
        Path dir = Path.of(ProjectionTest.class.getResource("/cases").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                CompiledFile f = RuleFileCompiler.compile(file.getFileName().toString(), Files.readString(file), dir, "", RuleLibrary.NONE);
                for (RuleExample ex : f.examples()) {
                    out.add(new Object[] {file.getFileName() + " " + ex.rule() + " #" + ex.index(), f.rules().get(ex.rule()), ex});
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseExamples")
    void extract_fromRawJson_equalsExtractFromTheFullTree(String name, CompiledRule rule, RuleExample example) throws Exception {
        CompiledExtractor e = new CompiledExtractor(example.rule(), rule);
        JsonNode ctx = example.context();
        JsonNode event = example.loadEvent();
        String json = event.toString();

        Extraction fromTree = e.extract(event, () -> ctx);

        assertThat(e.extract(json, () -> ctx)).isEqualTo(fromTree);
        assertThat(e.extract(json.getBytes(StandardCharsets.UTF_8), () -> ctx)).isEqualTo(fromTree);
    }

    @Test
    void extract_randomDocuments_rawEqualsTree() throws Exception {
        CompiledFile f = compile("""
                extractors:
                  a:
                    headers: $._datadog
                  b:
                    each: $.Records[*]
                    headers: $.body | json | $._datadog
                  c:
                    fields:
                      trace_id: $.Records[0].t
                      parent_id: $.p
                      tags: $._datadog.x-datadog-tags
                  d:
                    first: [b, c, a]
                  e:
                    headers: $.Records[-1].messageAttributes
                """);
        Random random = new Random(7);
        for (Map.Entry<String, CompiledRule> r : f.rules().entrySet()) {
            CompiledExtractor e = new CompiledExtractor(r.getKey(), r.getValue());
            for (int i = 0; i < 3_000; i++) {
                String json = RandomJson.document(random);
                JsonNode tree = Json.parseOrNull(json);
                Extraction expected = tree == null ? Extraction.none() : e.extract(tree);
                assertThat(e.extract(json)).as("%s on %s", r.getKey(), json).isEqualTo(expected);
            }
        }
    }
}
