package dev.tracex.engine.script;

import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Compile-time errors of snippets and modules, positioned in the rules file. */
class ScriptPoolTest {
    private static final String HEAD = "extractors:\n  ok:\n    headers: $._datadog\n";

    static Stream<Arguments> yamlSyntaxErrors() {
        return Stream.of(
                argumentSet("plain scalar",
                        HEAD + "  broken:\n    js: (p) => { x y }\n",
                        "t.yaml:5:20: rule \"broken\": JS syntax error: Expected ; but found y"),
                argumentSet("double-quoted scalar",
                        HEAD + "  broken:\n    js: \"(p) => { x y }\"\n",
                        "t.yaml:5:21: rule \"broken\": JS syntax error: Expected ; but found y"),
                argumentSet("single-quoted scalar",
                        HEAD + "  broken:\n    js: '(p) => { x y }'\n",
                        "t.yaml:5:21: rule \"broken\": JS syntax error: Expected ; but found y"),
                argumentSet("literal block scalar, error on its third line (column after the block's indentation)",
                        HEAD + "  broken:\n    js: |\n      (payload, context) => {\n        const d = payload._datadog;\n"
                                + "        return { traceID: d.a parentID: d.b };\n      }\n",
                        "t.yaml:8:31: rule \"broken\": JS syntax error: Expected comma but found ident"),
                argumentSet("literal block scalar, error on its first line",
                        HEAD + "  broken:\n    js: |\n      (payload, => 1\n",
                        "t.yaml:6:17: rule \"broken\": JS syntax error: Expected an operand but found =>"),
                argumentSet("unterminated function: end of input, the line after the block",
                        HEAD + "  broken:\n    js: |\n      (p) => {\n        return 1;\n",
                        "t.yaml:8:7: rule \"broken\": JS syntax error: Expected } but found eof"));
    }

    @ParameterizedTest
    @MethodSource("yamlSyntaxErrors")
    void compile_syntaxErrorInYaml_isPositionedInTheFile(String yaml, String message) throws Exception {
        Extractors file = Extractors.parse(yaml, "t.yaml");

        assertThatThrownBy(() -> file.extractor("broken"))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage(message);
    }

    @Test
    void compileAll_everyBrokenSnippet_isListed() throws Exception {
        Extractors file = Extractors.parse(HEAD + "  a:\n    js: (p) => { x y }\n  b:\n    js: \"42\"\n  c:\n    js: \"(p) => p\"\n", "t.yaml");

        assertThatThrownBy(file::compileAll)
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("t.yaml:5:20: rule \"a\": JS syntax error: Expected ; but found y\n"
                        + "t.yaml:7:10: rule \"b\": js must evaluate to a function, e.g. (payload, context) => ({...}); "
                        + "this evaluates to a number");
    }

    @Test
    void extractor_yamlRuleSelected_doesNotCompileItsFilesSnippets() throws Exception {
        Extractors file = Extractors.parse(HEAD + "  broken:\n    js: (p) => { x y }\n", "t.yaml");

        assertThat(file.extractor("ok").name()).isEqualTo("ok");
        assertThat(file.plan("broken")).isEqualTo("Script(broken, t.yaml:5, GraalJS: a statement starting with 'x' at t.yaml:5:18, not compiled)");
    }

    @Test
    void compile_topLevelThrow_isACompileErrorWhereTheErrorIsCreated() {
        ScriptSource s = new ScriptSource("top", "const x = 1;\nthrow new Error('boom');\n(p) => null", "t.yaml", 10, 7, 6,
                PropagationStyle.DEFAULTS);

        assertThatThrownBy(() -> JsTesting.SUPPORT.compile(s))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("t.yaml:11:13: rule \"top\": JS error while evaluating: Error: boom");
    }

    @Test
    void compile_topLevelInfiniteLoop_isStoppedAndReported() {
        assertThatThrownBy(() -> JsTesting.compile("spin", "while (true) {}"))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("t.yaml:1:1: rule \"spin\": JS evaluation stopped: statement limit of 20000 exceeded");
    }

    @Test
    void compile_topLevelCodeRunningPastTheWallClockLimit_isStoppedAndReported() {
        GraalScriptSupport support = new GraalScriptSupport(new ScriptLimits(Long.MAX_VALUE, Duration.ofMillis(200), 2),
                EventPassing.PROXY);

        assertThatThrownBy(() -> support.compile(JsTesting.snippet("slow", "while (true) {}")))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("t.yaml:1:1: rule \"slow\": JS evaluation stopped after 200 ms");
    }

    @Test
    void parse_jsFileWithSyntaxError_isPositionedInTheFile() {
        String js = "exports.json = (payload) => {\n    const traceData = payload._datadog\n    return { traceID: traceData.a,, };\n};\n";

        assertThatThrownBy(() -> Extractors.parse(js, "extractors.js", null))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("extractors.js:3:35: rule \"module\": JS syntax error: Expected property id but found ,");
    }

    @Test
    void parse_jsFileUsingRequire_isACompileErrorNamingTheModule() {
        assertThatThrownBy(() -> Extractors.parse("const fs = require('fs');\nexports.x = (p) => null;\n", "extractors.js", null))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("extractors.js:1:12: rule \"module\": JS error while evaluating: "
                        + "Error: require(\"fs\") is not available: tracex JS extractors have no modules");
    }

    @Test
    void parse_jsFileWithoutFunctions_isACompileError() {
        assertThatThrownBy(() -> Extractors.parse("const x = 1;\n", "extractors.js", null))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("extractors.js:1:1: rule \"module\": the module exports no function: use exports.name = "
                        + "(payload, context) => ..., module.exports = {...} or function name(payload) {...}");
    }
}
