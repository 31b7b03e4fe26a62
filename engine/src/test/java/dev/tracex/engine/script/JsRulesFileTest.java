package dev.tracex.engine.script;

import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** JS rules as users write them: snippets in YAML, and Node-style .js files in every form. */
class JsRulesFileTest {
    private static final String EVENT = "{\"_datadog\": {\"x-datadog-trace-id\": \"5555555555\","
            + " \"x-datadog-parent-id\": \"6666\", \"x-datadog-sampling-priority\": \"1\"}}";

    /** The Node.js file from the issue, unchanged. */
    private static final String NODE_FILE = "exports.json = (payload) => {\n"
            + "    const traceData = payload._datadog\n"
            + "    const traceID = traceData[\"x-datadog-trace-id\"];\n"
            + "    const parentID = traceData[\"x-datadog-parent-id\"];\n"
            + "    const sampledHeader = traceData[\"x-datadog-sampling-priority\"];\n"
            + "    const sampleMode = parseInt(sampledHeader, 10);\n"
            + "    return { parentID, sampleMode, source: 'event', traceID };\n"
            + "};\n";

    private static final String BODY = "{\n  const d = payload._datadog;\n"
            + "  return { traceID: d['x-datadog-trace-id'], parentID: d['x-datadog-parent-id'], sampleMode: 1 };\n}\n";

    static Stream<Arguments> fileForms() {
        return Stream.of(
                argumentSet("exports.x = (the issue's file, unchanged)", NODE_FILE, List.of("json")),
                argumentSet("module.exports = {...}",
                        "const helper = (payload) => " + BODY + "module.exports = { json: helper, other: (p) => null, notAFunction: 1 };\n",
                        List.of("json", "other")),
                argumentSet("module.exports.x =",
                        "module.exports.json = function (payload) " + BODY + "module.exports.other = (p) => null;\n",
                        List.of("json", "other")),
                argumentSet("top-level function declarations",
                        "function json(payload) " + BODY + "function other(p) { return null; }\nconst notExported = (p) => 1;\n",
                        List.of("json", "other")),
                argumentSet("exports win over top-level helpers",
                        "function helper(payload) " + BODY + "exports.json = (payload) => helper(payload);\n",
                        List.of("json")));
    }

    @ParameterizedTest
    @MethodSource("fileForms")
    void parse_jsFileForm_exportsItsFunctionsAsRules(String js, List<String> names) throws Exception {
        Extractors file = Extractors.parse(js, "extractors.js", null);

        assertThat(file.names()).isEqualTo(names);
        TraceContext c = file.extractor("json").extract(EVENT).parent().orElseThrow();
        assertThat(c.traceId()).isEqualTo("5555555555");
        assertThat(c.parentId()).isEqualTo(6666L);
        assertThat(c.samplingPriority().getAsInt()).isEqualTo(1);
        assertThat(c.rule()).isEqualTo("json");
    }

    @Test
    void load_nodeFile_isSelectedLikeTheNodeLibrarySelectsIt(@TempDir Path dir) throws Exception {
        Path js = Files.writeString(dir.resolve("extractors.js"), NODE_FILE);

        Extractors file = Extractors.load(js);

        assertThat(file.extractor("json").extract(EVENT).parent().orElseThrow().traceId()).isEqualTo("5555555555");
        assertThat(file.extractor("json").extract("{\"no\": \"datadog\"}").isEmpty()).isTrue();
    }

    @Test
    void parse_yamlSnippetFromTheIssue_extracts() throws Exception {
        String yaml = "extractors:\n"
                + "  legacy:\n"
                + "    js: |\n"
                + "      (payload, context) => {\n"
                + "        const d = payload._datadog;\n"
                + "        return { traceID: d[\"x-datadog-trace-id\"], parentID: d[\"x-datadog-parent-id\"],\n"
                + "                 sampleMode: parseInt(d[\"x-datadog-sampling-priority\"], 10), source: \"event\" };\n"
                + "      }\n"
                + "  either:\n"
                + "    first: [yaml, legacy]\n"
                + "  yaml:\n"
                + "    headers: $.headers\n";
        Extractors file = Extractors.parse(yaml, "extractors.yaml");

        TraceContext c = file.extractor("either").extract(EVENT).parent().orElseThrow();

        assertThat(c.rule()).isEqualTo("legacy");
        assertThat(c.traceId()).isEqualTo("5555555555");
        assertThat(file.plan("legacy")).isEqualTo("Script(legacy, extractors.yaml:4, compiled)");
    }

    @Test
    void runExamples_jsRule_passesAndFails() throws Exception {
        String yaml = "extractors:\n"
                + "  go:\n"
                + "    js: (p) => p.headers\n"
                + "    styles: [tracecontext]\n"
                + "    examples:\n"
                + "      - event: {headers: {traceparent: 00-0000000000000000000000000000002a-0000000000000007-01}}\n"
                + "        expect: {trace_id: \"42\", parent_id: \"7\", format: tracecontext}\n"
                + "      - event: {headers: {x-datadog-trace-id: \"1\", x-datadog-parent-id: \"2\"}}\n"
                + "        expect: null\n"
                + "      - event: {headers: {}}\n"
                + "        expect: {trace_id: \"1\"}\n";
        Extractors file = Extractors.parse(yaml, "t.yaml");

        List<ExampleResult> results = file.runExamples();

        assertThat(results).extracting(ExampleResult::passed).containsExactly(true, true, false);
    }
}
