package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import dev.tracex.engine.logging.Logging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@link SimplePath} answers as Jayway does, on every shape it takes, over documents built to hit each branch
 * (the field text, missing, a number, null; the target an object, an array, a string, missing) and random ones;
 * and the paths tracex reads without Jayway are paths Jayway accepts.
 */
class SimplePathTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every shape, as the built-in rules and users write them. */
    static final List<String> PATHS = List.of(
            "$[?(@.eventSource == 'aws:sqs')]",
            "$[?(@.EventSource == 'aws:sns')]",
            "$[?(@.Type == 'Notification')]",
            "$[?(@.Type == 'String')].Value",
            "$[?(@['detail-type'] == 'Order Placed')]",
            "$[?(@.source != 'aws.events')]",
            "$.messageAttributes._datadog[?(@.dataType =~ /^String.*/)]",
            "$.messageAttributes._datadog[?(@.dataType =~ /^binary.*/i)]",
            "$.messageAttributes._datadog[?(@.dataType =~ /String/)]",
            "$.Sns.MessageAttributes._datadog[?(@.Type == 'String')]",
            "$.a.b[?(@.t == 'x')].c.d",
            "$.Records[*]",
            "$.detail.*",
            "$[*]",
            "$.*",
            "$.records.*.*",
            "$.Records[*][*]",
            "$.Records[0]['eventSource','EventSource']",
            "$['detail-type','source']",
            "$['eventSource', 'bootstrapServers']",
            "$.a['b','c','d']",
            "$.Records[1].detail['t','x']",
            "$[?(@['detail-type'] && @.source != 'aws.events')]",
            "$[?(@.eventSource == 'aws:kafka' || @.eventSource == 'SelfManagedKafka')]",
            "$[?(@.a || @.b && @.t == 'x')]",
            "$[?(@.source == 'x' && @.Type != 'y' || @.dataType =~ /^Str.*/)].Value",
            "$.Records[0][?(@.eventSource == 'aws:sqs')]",
            "$.a[?(@.b)]",
            "$.a.b[?(@.t =~ /.*/)].c",
            "$.env[?(@.DD_MERGE_XRAY_TRACES =~ /^true$/i)]");

    /** Documents for the root of every path above, each branch of each at least once. */
    static final List<String> DOCUMENTS = List.of(
            "{\"eventSource\": \"aws:sqs\", \"EventSource\": \"aws:sns\", \"Type\": \"String\", \"Value\": \"v\"}",
            "{\"eventSource\": \"aws:kinesis\", \"Type\": \"Notification\", \"source\": \"aws.events\"}",
            "{\"eventSource\": 1, \"Type\": null, \"source\": \"custom\", \"detail-type\": \"Order Placed\"}",
            "{\"Type\": \"String\"}",
            "{\"Type\": [\"String\"], \"eventSource\": {\"a\": 1}, \"source\": true}",
            "{}",
            "[{\"eventSource\": \"aws:sqs\"}, {\"eventSource\": \"aws:sns\"}]",
            "[]",
            "\"text\"",
            "42",
            "null",
            "{\"messageAttributes\": {\"_datadog\": {\"dataType\": \"String\", \"stringValue\": \"{}\"}}}",
            "{\"messageAttributes\": {\"_datadog\": {\"dataType\": \"String.Array\"}}}",
            "{\"messageAttributes\": {\"_datadog\": {\"dataType\": \"Binary\", \"binaryValue\": \"e30=\"}}}",
            "{\"messageAttributes\": {\"_datadog\": {\"dataType\": \"BINARY\"}}}",
            "{\"messageAttributes\": {\"_datadog\": {\"dataType\": \"xString\"}}}",
            "{\"messageAttributes\": {\"_datadog\": {\"dataType\": 5}}}",
            "{\"messageAttributes\": {\"_datadog\": [{\"dataType\": \"String\"}]}}",
            "{\"messageAttributes\": {\"_datadog\": \"{\\\"dataType\\\": \\\"String\\\"}\"}}",
            "{\"messageAttributes\": \"{\\\"_datadog\\\": {\\\"dataType\\\": \\\"String\\\"}}\"}",
            "{\"messageAttributes\": null}",
            "{\"messageAttributes\": [1, 2]}",
            "{\"Sns\": {\"MessageAttributes\": {\"_datadog\": {\"Type\": \"String\", \"Value\": \"{}\"}}}}",
            "{\"Sns\": {\"MessageAttributes\": {\"_datadog\": {\"Type\": \"Binary\", \"Value\": \"e30=\"}}}}",
            "{\"a\": {\"b\": {\"t\": \"x\", \"c\": {\"d\": 7}}}}",
            "{\"a\": {\"b\": {\"t\": \"x\", \"c\": {\"e\": 7}}}}",
            "{\"a\": {\"b\": {\"t\": \"x\", \"c\": [1]}}}",
            "{\"a\": {\"b\": {\"t\": \"x\", \"c\": \"{\\\"d\\\": 1}\"}}}",
            "{\"a\": {\"b\": {\"t\": \"y\", \"c\": {\"d\": 7}}}}",
            "{\"a\": {\"b\": [{\"t\": \"x\", \"c\": {\"d\": 7}}]}}",
            "{\"Records\": [{\"a\": 1}, null, \"s\", [2]]}",
            "{\"Records\": []}",
            "{\"Records\": {\"x\": 1, \"y\": {\"z\": 2}}}",
            "{\"Records\": \"[1, 2]\"}",
            "{\"Records\": 3}",
            "{\"detail\": {\"_datadog\": {\"x\": \"1\"}, \"other\": 2}}",
            "{\"detail\": [\"a\", \"b\"]}",
            "{\"detail\": {}}",
            "{\"eventSource\": \"aws:kafka\", \"bootstrapServers\": \"b-1:9092\", \"records\": {\"t-0\": [{\"a\": 1}, {\"b\": 2}], \"t-1\": [{\"c\": 3}]}}",
            "{\"eventSource\": \"SelfManagedKafka\", \"records\": {\"t-0\": [], \"t-1\": {\"0\": {\"c\": 3}}, \"t-2\": \"x\", \"t-3\": null}}",
            "{\"records\": [[1, 2], {\"a\": [3]}, null, 4]}",
            "{\"records\": null}",
            "{\"Records\": [{\"eventSource\": \"aws:sqs\", \"EventSource\": null}, {\"detail\": {\"t\": \"x\", \"x\": [1]}}]}",
            "{\"Records\": [{\"EventSource\": \"aws:sns\"}]}",
            "{\"Records\": [\"s\"]}",
            "{\"Records\": [null]}",
            "{\"detail-type\": \"Order Placed\", \"source\": \"com.example\"}",
            "{\"detail-type\": null, \"source\": \"aws.events\"}",
            "{\"detail-type\": \"Scheduled Event\", \"source\": 3}",
            "{\"detail-type\": \"x\"}",
            "{\"a\": {\"b\": null, \"c\": \"1\", \"d\": {\"e\": 1}}}",
            "{\"a\": null}",
            "{\"a\": \"text\"}",
            "{\"a\": [{\"b\": 1}, {\"c\": 2}, {\"b\": null}]}",
            "{\"a\": [{\"b\": 1}, \"s\"]}",
            "{\"a\": {\"b\": [{\"t\": \"x\", \"c\": 1}, {\"t\": \"y\", \"c\": 2}, {\"t\": \"z\"}]}}",
            "{\"env\": {\"DD_MERGE_XRAY_TRACES\": \"TRUE\"}}",
            "{\"env\": {\"DD_MERGE_XRAY_TRACES\": \"false\"}}",
            "{\"env\": {}}",
            "{\"source\": \"x\", \"Type\": \"y\", \"dataType\": \"Strx\", \"Value\": 1}",
            "{\"source\": \"x\", \"Type\": \"z\", \"Value\": {\"v\": 2}}");

    @BeforeAll
    static void loggingFirst() {
        Logging.init(); // as the engine's entry points do before Jayway's first use starts SLF4J
    }

    private static JaywayPath jayway(String path) {
        return new JaywayPath(path, JsonPath.compile(path));
    }

    @Test
    void parse_everyShape_isASimplePathJaywayAlsoCompiles() {
        for (String p : PATHS) {
            assertThat(SimplePath.parse(p)).as(p).isNotNull();
            assertThatCode(() -> JsonPath.compile(p)).as(p).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.Records[0]", "$.a", "$..a", "$.a[?(@.b == 1)]",
            "$.a[?(@.b == \"c\")]", "$[?(@.b == 'it\\'s')]", "$.a[?(@.b =~ /x/m)]", "$['a']", "$[\"a\",\"b\"]",
            "$.a[?(@.b == 'c')][0]", "$.a[?(@.b.c == 'd')]", "$.a[1:2]", "$.a[?((@.b))]", "$.a[?(!@.b)]",
            "$.a[-1][?(@.b)]", "$.*.a", "$['a','b'].c", "$[?(@.a > 'b')]", "$.length()"})
    void parse_otherShapes_leftToJayway(String path) {
        assertThat(SimplePath.parse(path)).isNull();
    }

    @Test
    void readAndReadAll_fixedDocuments_asJayway() throws Exception {
        for (String p : PATHS) {
            SimplePath simple = SimplePath.parse(p);
            JaywayPath reference = jayway(p);
            for (String d : DOCUMENTS) {
                JsonNode doc = MAPPER.readTree(d);
                assertThat(simple.read(doc)).as("%s on %s", p, d).isEqualTo(reference.read(doc));
                assertThat(simple.readAll(doc)).as("%s on %s (all)", p, d).isEqualTo(reference.readAll(doc));
            }
        }
    }

    @Test
    void readAndReadAll_randomDocuments_asJayway() throws Exception {
        Random random = new Random(16);
        String[] names = {"eventSource", "Type", "Value", "source", "detail-type", "dataType", "Records", "detail",
                "messageAttributes", "_datadog", "a", "b", "c", "d", "t", "records", "EventSource", "bootstrapServers", "env",
                "DD_MERGE_XRAY_TRACES", "x"};
        String[] texts = {"aws:sqs", "aws:sns", "String", "Binary", "String.Array", "Notification", "x", "y",
                "aws.events", "Order Placed", "", "aws:kafka", "SelfManagedKafka", "true", "TRUE", "Str"};
        int compared = 0;
        for (int n = 0; n < 6000; n++) {
            JsonNode doc = MAPPER.readTree(randomValue(random, names, texts, 0));
            for (String p : PATHS) {
                SimplePath simple = SimplePath.parse(p);
                JaywayPath reference = jayway(p);
                assertThat(simple.read(doc)).as("%s on %s", p, doc).isEqualTo(reference.read(doc));
                assertThat(simple.readAll(doc)).as("%s on %s (all)", p, doc).isEqualTo(reference.readAll(doc));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(6000 * PATHS.size());
    }

    @Test
    void plainDefinitePaths_readWithoutJayway_areAcceptedByJayway() throws Exception {
        Random random = new Random(7);
        String chars = "abcXYZ019_-";
        for (int n = 0; n < 2000; n++) {
            StringBuilder path = new StringBuilder("$");
            for (int s = 0, steps = 1 + random.nextInt(4); s < steps; s++) {
                switch (random.nextInt(3)) {
                    case 0 -> path.append('.').append(name(random, chars));
                    case 1 -> path.append("['").append(name(random, chars)).append("']");
                    default -> path.append('[').append(random.nextInt(5) - 2).append(']');
                }
            }
            String p = path.toString();
            JsonAccessor compiled = PathCompiler.compile(p);
            if (compiled instanceof DefinitePath) {
                assertThatCode(() -> JsonPath.compile(p)).as(p).doesNotThrowAnyException();
            }
        }
    }

    private static String name(Random random, String chars) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static String randomValue(Random r, String[] names, String[] texts, int depth) {
        int kind = depth > 3 ? 3 + r.nextInt(4) : r.nextInt(7);
        switch (kind) {
            case 0, 1 -> {
                List<String> fields = new ArrayList<>();
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    fields.add("\"" + names[r.nextInt(names.length)] + "\": " + randomValue(r, names, texts, depth + 1));
                }
                return "{" + String.join(", ", fields) + "}";
            }
            case 2 -> {
                List<String> items = new ArrayList<>();
                for (int i = 0, n = r.nextInt(4); i < n; i++) {
                    items.add(randomValue(r, names, texts, depth + 1));
                }
                return "[" + String.join(", ", items) + "]";
            }
            case 3, 4 -> {
                return "\"" + texts[r.nextInt(texts.length)] + "\"";
            }
            case 5 -> {
                return Integer.toString(r.nextInt(3));
            }
            default -> {
                return r.nextBoolean() ? "null" : "true";
            }
        }
    }
}
