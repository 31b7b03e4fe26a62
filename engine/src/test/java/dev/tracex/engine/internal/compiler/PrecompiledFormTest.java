package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.FirstOfRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule loaded from a precompiled form gives the runtime is what compiling the YAML gives: the rules it reaches
 * by name in file order, their positions, their plans (attributed names included), and for a {@code first:} the very
 * rule each reference names; whether it was built from its plan or compiled from its nodes (the fallback for a rule
 * without a plan).
 */
class PrecompiledFormTest {
    private static final String TEXT = """
            description: every kind
            extractors:
              named:
                headers:
                  traceparent: $.attributes.traceparent.stringValue
                  x-datadog-trace-id: $['dd trace'] | text
              own_styles:
                  headers: $._datadog
                  styles: [tracecontext]
              fields: {fields: {trace_id: $.t, parent_id: $.p}, id_format: hex}
              batch:
                each: $.Records[*]
                record_id: [$.eventSourceARN, '/', $.messageId | text]
                parent: first-found
                when: $.Records
                from: context
                first: [named, fields]
              script:
                js: (e) => e._datadog
              via_script:
                first: [script, batch]
            """;

    static Stream<Arguments> rules() {
        List<Arguments> out = new ArrayList<>();
        for (boolean planned : new boolean[] {true, false}) {
            for (String rule : List.of("named", "own_styles", "fields", "batch", "script", "via_script")) {
                out.add(Arguments.argumentSet((planned ? "from its plan: " : "from its nodes: ") + rule, rule, planned));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void load_givesTheRulesPositionsAndPlansOfTheYaml(String rule, boolean planned) throws Exception {
        byte[] form = planned ? PrecompiledForm.write(TEXT, "x.yaml", null) : withoutPlans(PrecompiledForm.write(TEXT, "x.yaml", null));
        PropagationSettings settings = PropagationSettings.fromEnvironment(Map.of(PropagationSettings.DD_EXTRACT, "b3multi"));
        List<String> warnings = new ArrayList<>();

        CompiledFile loaded = PrecompiledForm.load(form, TEXT, "x.yaml", null, rule, settings, warnings::add);
        CompiledFile compiled = RuleFileCompiler.compile("x.yaml", TEXT, null, "", Builtins.library(settings), settings);

        assertThat(warnings).isEmpty();
        assertThat(loaded.file()).isEqualTo("x.yaml");
        assertThat(loaded.prefix()).isEmpty();
        assertThat(compiled.rules().keySet()).containsSubsequence(loaded.rules().keySet()).contains(rule);
        for (Map.Entry<String, CompiledRule> e : loaded.rules().entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).hasToString(compiled.rules().get(e.getKey()).toString());
            assertThat(loaded.positions().get(e.getKey())).as(e.getKey()).containsExactly(compiled.positions().get(e.getKey()));
            if (e.getValue() instanceof FirstOfRule first) {
                for (FirstOfRule.Ref ref : first.refs()) {
                    assertThat(ref.rule()).isSameAs(loaded.rules().get(ref.name()));
                }
            }
        }
    }

    /**
     * {@code form} with every rule's plan unnamed in its header (its place -1), as a form whose rules had a kind a
     * plan does not describe: its rules are compiled from their YAML nodes, the form's fallback.
     */
    private static byte[] withoutPlans(byte[] form) throws Exception {
        String text = new String(form, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        ObjectNode header = (ObjectNode) Json.mapper().readTree(text.substring(0, newline));
        for (JsonNode rule : header.get("rules")) {
            ((ArrayNode) rule).set(4, IntNode.valueOf(-1));
            ((ArrayNode) rule).set(5, IntNode.valueOf(0));
        }
        return (Json.mapper().writeValueAsString(header) + text.substring(newline)).getBytes(StandardCharsets.UTF_8);
    }
}
