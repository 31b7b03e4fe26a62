package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.internal.compiler.Builtins;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in rule gives today's answers on every event the repository holds (the fixtures of this module,
 * the adapter's, the playground's, {@code examples/events}, the benchmarks' events) and on three copies of each:
 * stripped of its carriers (what a miss reads), with every JSON document held in text wrapped in an array, and with
 * every such document cut short (not JSON any more); from a tree and from raw bytes. {@value #ANSWERS} holds the
 * answers the rules gave before their paths were evaluated without Jayway and embedded documents were decoded
 * once and pruned (issue 31, written by {@link #main} at commit 8628bf1): per event and rule, none ({@code -}) or
 * the context's 128-bit trace id and a digest of the whole answer. A change of answer is a change of behaviour, to
 * be made on purpose by running {@code main} again and reviewing the file's diff.
 */
class BuiltinAnswersTest {
    static final String ANSWERS = "src/test/resources/answers/builtin-answers.txt";
    /** Names under which a carrier hides in the fixtures; a stripped copy of each event has none of them. */
    private static final List<String> CARRIERS = List.of("_datadog", "_otel", "traceparent", "tracestate", "baggage",
            "x-datadog-trace-id", "X-Datadog-Trace-Id", "AWSTraceHeader", "b3", "X-Amzn-Trace-Id", "x-amzn-trace-id",
            "headers", "multiValueHeaders", "Execution", "InitialExecutionState", "authorizer");

    @Test
    void everyBuiltin_everyEvent_answersAsBefore() throws Exception {
        Map<String, String> expected = byEventAndRule(Files.readAllLines(Path.of(ANSWERS), StandardCharsets.UTF_8));
        Map<String, String> actual = byEventAndRule(answers());
        assertThat(actual.keySet()).as("events answered (an event added since: run main, review the diff)")
                .isEqualTo(expected.keySet());
        assertThat(actual).hasSizeGreaterThan(300);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** The lines {@code <event> | <rule> <answer> | ...} by event, each rule that found nothing left out. */
    private static Map<String, String> byEventAndRule(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            int bar = line.indexOf(" |");
            out.put(bar < 0 ? line : line.substring(0, bar), bar < 0 ? "" : line.substring(bar));
        }
        return out;
    }

    /** Writes {@value #ANSWERS} from the rules as they are (run from the module's directory). */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(ANSWERS);
        Files.createDirectories(out.getParent());
        Files.write(out, answers(), StandardCharsets.UTF_8);
    }

    /** One line per event: its name, then {@code | <rule> <answer>} for every built-in that finds something. */
    static List<String> answers() throws Exception {
        Extractors builtins = Extractors.builtins();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : events().entrySet()) {
            byte[] bytes = Fixtures.MAPPER.writeValueAsBytes(e.getValue());
            StringBuilder line = new StringBuilder(e.getKey());
            for (String rule : Builtins.declaredNames()) {
                Extractor x = builtins.extractor(rule);
                String tree = render(x.extract(e.getValue()));
                String raw = render(x.extract(bytes));
                if (!tree.equals("-") || !raw.equals("-")) {
                    line.append(" | ").append(rule).append(' ').append(tree).append(raw.equals(tree) ? "" : " bytes: " + raw);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String render(Extraction x) throws Exception {
        if (x.isEmpty()) {
            return "-";
        }
        String json = ContextJson.of(x, null).toString();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return x.parent().map(c -> c.traceIdHex()).orElse("links") + " " + java.util.HexFormat.of().formatHex(digest, 0, 8);
    }

    /** Every event, by a name that says where it comes from, in a stable order. */
    static Map<String, JsonNode> events() throws IOException {
        Map<String, JsonNode> found = new TreeMap<>();
        for (String dir : List.of("src/test/resources/events", "../lambda-adapter/src/test/resources/events",
                "../tools/cli/src/main/resources/dev/tracex/cli/playground/events", "../examples/events",
                "../benchmarks/src/main/resources/events")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                    JsonNode event = Fixtures.MAPPER.readTree(f.toFile());
                    String name = (dir.startsWith("../") ? dir.substring(3) : "rules/" + dir) + "/" + f.getFileName();
                    found.put(name, event);
                    found.put(name + "#stripped", strip(event.deepCopy()));
                    found.put(name + "#arrays", documents(event.deepCopy(), d -> "[" + d + "]"));
                    found.put(name + "#cut", documents(event.deepCopy(), d -> d.substring(0, d.length() - 1)));
                }
            }
        }
        return new LinkedHashMap<>(found);
    }

    /** {@code node} with each JSON document held in text (at any depth) replaced by {@code change} of its text. */
    static JsonNode documents(JsonNode node, java.util.function.UnaryOperator<String> change) {
        if (node.isObject()) {
            ((ObjectNode) node).fields().forEachRemaining(f -> f.setValue(documents(f.getValue(), change)));
            return node;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, documents(a.get(i), change));
            }
            return a;
        }
        String t = node.isTextual() ? node.textValue().trim() : "";
        return t.startsWith("{") || t.startsWith("[") ? Fixtures.MAPPER.getNodeFactory().textNode(change.apply(t)) : node;
    }

    /** {@code node} without any field named as a carrier, in embedded JSON strings too. */
    static JsonNode strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove(CARRIERS);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                f.setValue(strip(f.getValue()));
            }
            if (o.has("messageAttributes") && o.get("messageAttributes").isObject()) {
                ((ObjectNode) o.get("messageAttributes")).removeAll();
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, strip(a.get(i)));
            }
            return a;
        }
        if (node.isTextual()) {
            String t = node.textValue().trim();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    return Fixtures.MAPPER.getNodeFactory().textNode(Fixtures.MAPPER.writeValueAsString(strip(Fixtures.MAPPER.readTree(t))));
                } catch (IOException notJson) {
                    return node;
                }
            }
        }
        return node;
    }
}
