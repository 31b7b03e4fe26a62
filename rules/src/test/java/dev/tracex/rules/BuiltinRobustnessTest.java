package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.rule.CompiledExtractor;
import dev.tracex.engine.internal.rule.CompiledRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@code builtin.default}'s compiled rule (below the extractor's catch-all, so a bug in a step or rule
 * would surface here instead of being logged away) on every fixture with one value at a time replaced by
 * a value of another kind. Seeded, so a failure reproduces.
 */
class BuiltinRobustnessTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonNode[] REPLACEMENTS = {
            F.nullNode(), F.textNode(""), F.textNode("{"), F.textNode("{\"Type\": \"Binary\", \"Value\": 1}"),
            F.textNode("%%%"), F.textNode("Root=1-00000000-000000000000000000000000;Parent=0000000000000000"),
            F.numberNode(-1), F.numberNode(1e300), F.booleanNode(true), F.arrayNode(), F.objectNode(),
            F.arrayNode().add(F.objectNode()),
    };

    static Stream<String> fixtures() throws Exception {
        return RawEventTest.events();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void extract_everyValueReplacedInTurn_neverThrows(String fixture) throws Exception {
        CompiledRule rule = ((CompiledExtractor) Extractors.builtins().extractor("default")).rule();
        JsonNode original = Fixtures.event(fixture);
        JsonNode contextJson = Fixtures.event("lambda_client_context.json");
        InvocationContext context = () -> contextJson;
        Random random = new Random(fixture.hashCode());
        List<JsonNode> containers = new ArrayList<>();
        collect(original, containers);
        for (int i = 0; i < containers.size(); i++) {
            for (int k = 0; k < 3; k++) {
                JsonNode event = original.deepCopy();
                List<JsonNode> copies = new ArrayList<>();
                collect(event, copies);
                replaceOneChild(copies.get(i), REPLACEMENTS[random.nextInt(REPLACEMENTS.length)], random);
                assertThatCode(() -> rule.extract(event, context)).as(fixture + " " + event).doesNotThrowAnyException();
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode() && node.size() > 0) {
            out.add(node);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private static void replaceOneChild(JsonNode container, JsonNode replacement, Random random) {
        int index = random.nextInt(container.size());
        if (container.isArray()) {
            ((ArrayNode) container).set(index, replacement);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = container.fields();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        ((ObjectNode) container).set(it.next().getKey(), replacement);
    }
}
