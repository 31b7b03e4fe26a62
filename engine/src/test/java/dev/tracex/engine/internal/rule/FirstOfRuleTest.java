package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.compiler.CompiledFile;
import dev.tracex.engine.internal.compiler.RuleFileCompiler;
import dev.tracex.engine.internal.compiler.RuleLibrary;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FirstOfRuleTest {
    @Test
    void extract_aRuleThatThrows_doesNotEndTheChain() throws Exception {
        CompiledFile f = RuleFileCompiler.compile("t.yaml", "extractors:\n  json:\n    headers: $._datadog\n", null, "", RuleLibrary.NONE);
        // Compiled rules do not throw; a guard without a condition is a stand-in for one that has a bug.
        CompiledRule broken = new WhenRule(null, f.rules().get("json"));
        FirstOfRule chain = new FirstOfRule(List.of(
                new FirstOfRule.Ref("broken", broken),
                new FirstOfRule.Ref("json", f.rules().get("json"))));
        JsonNode event = Json.parseOrNull("{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}}");

        Extraction found = chain.extract(event, InvocationContext.NONE);

        assertThat(found.parent()).hasValueSatisfying(c -> assertThat(c.rule()).isEqualTo("json"));
    }
}
