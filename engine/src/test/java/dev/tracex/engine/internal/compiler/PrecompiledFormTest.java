package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.FirstOfRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule loaded from a precompiled form gives the runtime is what compiling the YAML gives: the rules it reaches
 * by name in file order, their positions, their plans (attributed names included), and for a {@code first:} the very
 * rule each reference names; whether it was built from its plan or compiled from its nodes (a JS snippet).
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

    static Stream<String> rules() {
        return Stream.of("named", "own_styles", "fields", "batch", "script", "via_script");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void load_givesTheRulesPositionsAndPlansOfTheYaml(String rule) throws Exception {
        byte[] form = PrecompiledForm.write(TEXT, "x.yaml", null);
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
}
