package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** What the subset leaves to GraalJS, and where it says so; hostile snippets fall back instead of failing. */
class JsSubsetTest {
    static Stream<Arguments> outside() {
        return Stream.of(
            argumentSet("a loop", "(p) => {\n  for (const r of p.Records) return r;\n}", "a statement starting with 'for' at t.yaml:2:3"),
            argumentSet("destructuring", "(p) => {\n  const { a } = p;\n  return a;\n}", "destructuring at t.yaml:2:9"),
            argumentSet("a spread", "(p) => ({ ...p._datadog })", "'...' at t.yaml:1:11"),
            argumentSet("a method call", "(p) => p.body.toLowerCase()", "a read of \"toLowerCase\" (a prototype member) at t.yaml:1:8"),
            argumentSet("an unknown function", "(p) => decodeURIComponent(p.a)", "the name decodeURIComponent at t.yaml:1:8"),
            argumentSet("a Buffer kept", "(p) => {\n  const b = Buffer.from(p.a, 'base64');\n  return b.toString();\n}",
                    "Buffer other than Buffer.from(x, 'base64').toString() at t.yaml:2:13"),
            argumentSet("Buffer.from in hex", "(p) => Buffer.from(p.a, 'hex').toString()",
                    "Buffer.from with an encoding other than 'base64' or 'base64url' at t.yaml:1:8"),
            argumentSet("Buffer.from without an encoding", "(p) => Buffer.from(p.a).toString()", "Buffer.from with 1 arguments at t.yaml:1:8"),
            argumentSet("a Buffer's text in UTF-16", "(p) => Buffer.from(p.a, 'base64').toString('utf16le')",
                    "a Buffer's toString other than in 'utf8', 'latin1', 'ascii' or 'hex' at t.yaml:1:8"),
            argumentSet("a Buffer read as JSON text", "(p) => JSON.parse(Buffer.from(p.a, 'base64'))",
                    "Buffer other than Buffer.from(x, 'base64').toString() at t.yaml:1:19"),
            argumentSet("atob with two arguments", "(p) => atob(p.a, 1)", "atob with 2 arguments at t.yaml:1:8"),
            argumentSet("btoa", "(p) => btoa(p.a)", "the name btoa at t.yaml:1:8"),
            argumentSet("a computed read", "(p) => p[p.key]", "a computed property read at t.yaml:1:10"),
            argumentSet("+", "(p) => p.a + 1", "'+' at t.yaml:1:12"),
            argumentSet("a relational comparison", "(p) => { if (p.n > 1) return null; }", "'>' where ')' was expected at t.yaml:1:18"),
            argumentSet("loose equality with a string", "(p) => p.a == '1'", "== with a literal other than null or undefined at t.yaml:1:12"),
            argumentSet("comparing two reads", "(p) => p.a === p.b", "a comparison of two non-literals at t.yaml:1:12"),
            argumentSet("?? mixed with ||", "(p) => p.a ?? p.b || p.c", "?? mixed with || or && without parentheses at t.yaml:1:19"),
            argumentSet("await", "async (p) => await p.a", "the name await at t.yaml:1:14"),
            argumentSet("an async declaration", "async function f(p) { return p; }", "a function declaration at t.yaml:1:1"),
            argumentSet("a declaration", "function f(p) { return p; }", "a function declaration at t.yaml:1:1"),
            argumentSet("parseInt radix 2", "(p) => parseInt(p.a, 2)", "parseInt with a radix other than 10 or 16 at t.yaml:1:8"),
            argumentSet("use before declaration", "(p) => {\n  { const b = a; }\n  const a = 1;\n}", "the name a at t.yaml:2:15"),
            argumentSet("a shadowed binding read before", "(p) => {\n  const a = p;\n  { const b = a; const a = 1; }\n}",
                    "a name declared twice or used before its declaration: a at t.yaml:3:24"),
            argumentSet("a method in an object literal", "(p) => ({ f() { return 1; } })", "a method at t.yaml:1:12"),
            argumentSet("JSON.stringify as a value", "(p) => JSON.stringify(p)", "the name JSON at t.yaml:1:8"),
            argumentSet("JSON.stringify inside a console argument", "(p) => {\n  console.log(JSON.stringify(p).length);\n}",
                    "JSON.stringify other than as a console argument at t.yaml:2:15"),
            argumentSet("console.table", "(p) => {\n  console.table(p);\n}", "console.table at t.yaml:2:3"),
            argumentSet("a regular expression", "(p) => /x/.test(p.a)", "'/' at t.yaml:1:8"),
            argumentSet("a syntax error", "(p) => { x y }", "a statement starting with 'x' at t.yaml:1:10"),
            argumentSet("a nested function", "(p) => () => 1", "')' at t.yaml:1:9"),
            argumentSet("an integer-like key", "(p) => ({ '0': p.a })", "an integer-like key at t.yaml:1:11"),
            argumentSet("a read of the caught error", "(p) => {\n  try { return JSON.parse(p.a); } catch (e) { return e.message; }\n}",
                    "a read of the caught error e at t.yaml:2:54"),
            argumentSet("finally", "(p) => {\n  try { return p.a.b; } catch { return null; } finally { }\n}", "a finally block at t.yaml:2:48"),
            argumentSet("an assignment to a const", "(p) => {\n  const a = 1;\n  a = 2;\n}", "an assignment to a const at t.yaml:3:3"),
            argumentSet("an assignment to an undeclared name", "(p) => {\n  a = 2;\n}", "an assignment to a, which is not a binding at t.yaml:2:3"),
            argumentSet("a compound assignment", "(p) => {\n  let a = 1;\n  a ??= 2;\n}", "a statement starting with 'a' at t.yaml:3:3"),
            argumentSet("a binding without a value", "(p) => {\n  const a;\n}", "a binding without a value at t.yaml:2:9"),
            argumentSet("a tagged template", "(p) => String`x`", "String other than called at t.yaml:1:8"));
    }

    @ParameterizedTest
    @MethodSource("outside")
    void compile_outsideTheSubset_saysWhatAndWhere(String code, String reason) {
        JsSubset.Attempt a = JsSubset.compile(source(code));

        assertThat(a.compiled()).isNull();
        assertThat(a.outside()).isEqualTo(reason);
    }

    @Test
    void compile_deepNesting_fallsBackWithoutOverflowingTheStack() {
        String deep = "(p) => " + "(".repeat(100_000) + "p" + ")".repeat(100_000);
        String chain = "(p) => p" + " || p".repeat(50_000);
        String wide = "(p) => {\n" + "  if (p.a) return null;\n".repeat(10_000) + "}";

        assertThat(JsSubset.compile(source(deep)).outside()).isEqualTo("nesting deeper than 64 at t.yaml:1:40");
        assertThat(JsSubset.compile(source(chain)).outside()).startsWith("a snippet of more than 4000 constructs at t.yaml:1:");
        assertThat(JsSubset.compile(source(wide)).outside()).startsWith("a snippet of more than 4000 constructs at t.yaml:");
    }

    @Test
    void compile_forced_leavesEverySnippetToGraalJs() {
        System.setProperty(JsSubset.FORCE_PROPERTY, "true");
        try {
            assertThat(JsSubset.compile(source("(p) => p._datadog")).outside()).isEqualTo("forced by tracex.js.forceGraal");
        } finally {
            System.clearProperty(JsSubset.FORCE_PROPERTY);
        }
        assertThat(JsSubset.compile(source("(p) => p._datadog")).outside()).isNull();
    }

    @Test
    void compileModule_everyExportForm_inTheHarnessOrder() {
        String code = String.join("\n",
                "function helper(p) { return p.b; }",
                "module.exports = { a: (p) => p.a, helper, c: function (p) { return p.c; } };");

        JsSubset.ModuleAttempt m = JsSubset.compileModule(source(code));

        assertThat(m.outside()).isNull();
        assertThat(m.compiled()).containsOnlyKeys("a", "helper", "c");
    }

    @Test
    void compileModule_topLevelCode_isLeftToGraalJs() {
        JsSubset.ModuleAttempt m = JsSubset.compileModule(source("const x = require('x');\nexports.a = (p) => p;"));

        assertThat(m.compiled()).isNull();
        assertThat(m.outside()).isEqualTo("'const' at the top of the module at t.yaml:1:1");
    }

    /** A block snippet's columns past the YAML reader's first window (1 KB) still count from its indentation. */
    @Test
    void plan_blockSnippetLateInALargeFile_namesTheColumnInTheFile() throws Exception {
        String yaml = "# " + "x".repeat(3000) + "\nextractors:\n  a:\n    js: |\n      (p) => {\n        const [x] = p;\n"
                + "        return x;\n      }\n";

        String plan = dev.tracex.engine.Extractors.parse(yaml, "t.yaml").plan("a");

        assertThat(plan).isEqualTo("Script(a, t.yaml:5, GraalJS: destructuring at t.yaml:6:15, not compiled)");
    }

    private static ScriptSource source(String code) {
        return new ScriptSource("r", code, "t.yaml", 1, 1, 0, PropagationStyle.DEFAULTS);
    }
}
