package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracex command with JS rules: GraalVM is an optional dependency the tool carries. */
class JsRulesCommandTest {
    private static final String RULES = "extractors:\n"
            + "  legacy:\n"
            + "    js: |\n"
            + "      (payload, context) => {\n"
            + "        const d = payload._datadog;\n"
            + "        return { traceID: d[\"x-datadog-trace-id\"], parentID: d[\"x-datadog-parent-id\"],\n"
            + "                 sampleMode: parseInt(d[\"x-datadog-sampling-priority\"], 10), source: \"event\" };\n"
            + "      }\n"
            + "    examples:\n"
            + "      - event: {_datadog: {x-datadog-trace-id: \"123\", x-datadog-parent-id: \"456\", x-datadog-sampling-priority: \"1\"}}\n"
            + "        expect: {trace_id: \"123\", parent_id: \"456\", sampling_priority: 1, format: js}\n";

    private record Run(int status, String out, String err) {
    }

    private static Run tracex(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = TracexCommand.run(args);
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void checkTestExtract_jsRule_work(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("extractors.yaml"), RULES);
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"123\", \"x-datadog-parent-id\": \"456\", \"x-datadog-sampling-priority\": \"2\"}}");

        Run check = tracex("check", rules.toString());
        Run test = tracex("test", rules.toString());
        Run extract = tracex("extract", "--path", dir.toString(), "--extractor", "extractors.legacy", event.toString());

        assertThat(check.status()).isZero();
        assertThat(check.out()).contains("legacy = Script(legacy, ");
        assertThat(test.status()).isZero();
        assertThat(test.out()).contains("1 passed, 0 failed");
        assertThat(extract.status()).isZero();
        assertThat(extract.out()).contains("\"rule\" : \"legacy\"", "\"format\" : \"js\"", "\"trace_id\" : \"123\"",
                "\"parent_id\" : \"456\"", "\"sampling_priority\" : 2");
    }

    @Test
    void check_jsSyntaxError_isPositionedAndExits2(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("broken.yaml"),
                "extractors:\n  legacy:\n    js: |\n      (payload) => {\n        return { traceID: payload.a parentID: 1 };\n      }\n");

        Run check = tracex("check", rules.toString());

        assertThat(check.status()).isEqualTo(2);
        assertThat(check.err()).contains(rules + ":5:37: rule \"legacy\": JS syntax error: Expected comma but found ident");
    }

    private static final String BOTH = "extractors:\n"
            + "  compiled:\n"
            + "    js: (payload) => payload._datadog\n"
            + "  graal:\n"
            + "    js: |\n"
            + "      (payload) => {\n"
            + "        for (const h of [payload._datadog]) return h;\n"
            + "      }\n";

    @Test
    void checkAndExplain_jsRules_sayCompiledOrGraalJsWithTheFirstConstructOutside(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("extractors.yaml"), BOTH);
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"123\", \"x-datadog-parent-id\": \"456\"}}");

        Run check = tracex("check", rules.toString());
        Run explain = tracex("explain", "--path", dir.toString(), "--extractor", "extractors.graal", event.toString());

        assertThat(check.out()).isEqualTo(rules + ": 2 rules\n"
                + "  compiled = Script(compiled, " + rules + ":3, compiled)\n"
                + "  graal = Script(graal, " + rules + ":6, GraalJS: a statement starting with 'for' at " + rules + ":7:9)\n");
        assertThat(explain.out()).startsWith("rule \"graal\": Script(graal, " + rules + ":6, GraalJS: a statement starting "
                + "with 'for' at " + rules + ":7:9)\n");
        assertThat(explain.status()).isZero();
    }

    @Test
    void check_forceGraalJs_runsEveryJsRuleOnGraalJs(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("extractors.yaml"), BOTH);
        Run check;
        System.setProperty("tracex.js.forceGraal", "true");
        try {
            check = tracex("check", rules.toString());
        } finally {
            System.clearProperty("tracex.js.forceGraal");
        }

        assertThat(check.out()).contains("  compiled = Script(compiled, " + rules + ":3, GraalJS: forced by tracex.js.forceGraal)\n");
    }
}
