package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RepositoryRulesFiles;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.rule.ScriptRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rules file compiled from its composed form ({@link ComposedYaml}) is the file compiled from its text: the same
 * rules (their plans), positions (JS snippets' too) and errors, for every YAML rules file of the repository that
 * snakeyaml composes, only without examples (the form leaves them out with the descriptions); and the form is
 * refused for another text or of another format version.
 */
class ComposedYamlTest {
    /** Every YAML rules file of the repository (from the engine module's directory). */
    static Stream<Path> rulesFiles() throws IOException {
        List<Path> out = RepositoryRulesFiles.all();
        assertThat(out).hasSizeGreaterThan(30);
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("rulesFiles")
    void compiledFromComposedForm_sameAsFromText(Path file) throws Exception {
        byte[] yaml = Files.readAllBytes(file);
        String text = new String(yaml, StandardCharsets.UTF_8);
        byte[] form;
        try {
            form = ComposedYaml.write(yaml);
        } catch (YamlComposer.InvalidYaml notYaml) {
            return; // no composed form: the text is not YAML snakeyaml composes (an error case of the tests)
        }
        Node composed = ComposedYaml.read(new ByteArrayInputStream(form), yaml, file.toString());
        assertThat(composed).isNotNull();

        String fromText = describe(() -> RuleFileCompiler.compile("f.yaml", text, file.getParent(), "", RuleLibrary.NONE));
        String fromForm = describe(() -> RuleFileCompiler.compile("f.yaml", composed, file.getParent(), "", RuleLibrary.NONE));

        if (fromText.startsWith("error ")) {
            // The same errors, but for those in examples and descriptions, which the form leaves out.
            List<String> formErrors = fromForm.lines().filter(l -> l.startsWith("error ")).toList();
            assertThat(fromText.lines().toList()).containsAll(formErrors);
            assertThat(fromText.lines().filter(l -> !formErrors.contains(l)))
                    .allSatisfy(l -> assertThat(l).containsAnyOf("example", "description", "event", "expect"));
            return;
        }
        assertThat(fromForm).isEqualTo(withoutExamples(fromText));
    }

    @Test
    void builtinRules_compileFromTheirFormAsFromText() throws Exception {
        Path builtin = Path.of("../rules/src/main/resources", Builtins.RESOURCE);
        byte[] yaml = Files.readAllBytes(builtin);
        Node composed = ComposedYaml.read(new ByteArrayInputStream(ComposedYaml.write(yaml)), yaml, Builtins.RESOURCE);

        String fromText = describe(() -> RuleFileCompiler.compile(Builtins.RESOURCE, new String(yaml, StandardCharsets.UTF_8), null, "builtin.", RuleLibrary.NONE));
        String fromForm = describe(() -> RuleFileCompiler.compile(Builtins.RESOURCE, composed, null, "builtin.", RuleLibrary.NONE));

        assertThat(fromText).contains("rule default ", "example ").doesNotContain("error");
        assertThat(fromForm).isEqualTo(withoutExamples(fromText)).doesNotContain("example ");
        assertThat(ComposedYaml.write(yaml).length).isLessThan(yaml.length * 2);
    }

    @Test
    void read_formOfAnotherText_isNull() throws Exception {
        byte[] yaml = "extractors:\n  a:\n    headers: $.headers\n".getBytes(StandardCharsets.UTF_8);
        byte[] form = ComposedYaml.write(yaml);
        byte[] edited = "extractors:\n  a:\n    headers: $.Headers\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ComposedYaml.read(new ByteArrayInputStream(form), edited, "x.yaml")).isNull();
        assertThat(ComposedYaml.read(new ByteArrayInputStream(form), yaml, "x.yaml")).isNotNull();
    }

    @Test
    void read_anotherFormatVersion_isRefusedByName() throws Exception {
        byte[] yaml = "extractors:\n  a:\n    headers: $.headers\n".getBytes(StandardCharsets.UTF_8);
        String form = new String(ComposedYaml.write(yaml), StandardCharsets.UTF_8).replace("\"format\":1", "\"format\":2");

        assertThatThrownBy(() -> ComposedYaml.read(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)), yaml, "x.yaml"))
                .isInstanceOf(IOException.class)
                .hasMessage("the composed form of x.yaml is of format 2; this tracex reads format 1");
    }

    @Test
    void jsSnippets_keepTheirPositions_plainQuotedAndBlock() throws Exception {
        byte[] yaml = ("extractors:\n  a:\n    js: (e) => e._datadog\n  b:\n    js: \"(e) => e.x\"\n"
                + "  c:\n    js: |\n        (e) => {\n          return e._datadog;\n        }\n"
                + "  d:\n    js: >-\n      (e) =>\n      e.y\n").getBytes(StandardCharsets.UTF_8);
        Node composed = ComposedYaml.read(new ByteArrayInputStream(ComposedYaml.write(yaml)), yaml, "x.yaml");

        String fromText = describe(() -> RuleFileCompiler.compile("x.yaml", new String(yaml, StandardCharsets.UTF_8), null, "", RuleLibrary.NONE));
        String fromForm = describe(() -> RuleFileCompiler.compile("x.yaml", composed, null, "", RuleLibrary.NONE));

        assertThat(fromText).contains("source ScriptSource[rule=c, code=(e) => {", "line=8, column=9, indent=8",
                "line=13, column=7, indent=6");
        assertThat(fromForm).isEqualTo(fromText);
    }

    private static String withoutExamples(String described) {
        return described.lines().filter(l -> !l.startsWith("example ")).map(l -> l + "\n").reduce("", String::concat);
    }

    /** What a compilation gives, as text: every rule's plan and position and every example's name, or the errors. */
    private static String describe(Compilation c) {
        try {
            CompiledFile f = c.run();
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, ?> r : f.rules().entrySet()) {
                int[] at = f.positions().get(r.getKey());
                b.append("rule ").append(r.getKey()).append(' ').append(at[0]).append(':').append(at[1])
                        .append(' ').append(r.getValue()).append('\n');
                if (r.getValue() instanceof ScriptRule) {
                    b.append("source ").append(((ScriptRule) r.getValue()).source()).append('\n');
                }
            }
            f.examples().forEach(e -> b.append("example ").append(e).append('\n'));
            return b.toString();
        } catch (RuleCompilationException e) {
            StringBuilder b = new StringBuilder();
            e.errors().forEach(err -> b.append("error ").append(err).append('\n'));
            return b.toString();
        }
    }

    @FunctionalInterface
    private interface Compilation {
        CompiledFile run() throws RuleCompilationException;
    }
}
