package dev.tracex.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goals run on real rules files in a temporary project, their log recorded. The invoker ITs run them in Maven. */
class MojosTest {
    static final String GOOD = """
            extractors:
              json:
                headers: $._datadog
                examples:
                  - name: datadog headers
                    event: {_datadog: {x-datadog-trace-id: "1", x-datadog-parent-id: "2"}}
                    expect: {trace_id: "1", parent_id: "2"}
            """;

    @TempDir
    Path project;

    final RecordingLog log = new RecordingLog();

    private <M extends RulesMojo> M mojo(M mojo) {
        mojo.basedir = project.toFile();
        mojo.setLog(log);
        return mojo;
    }

    private Path rules(String name, String text) throws IOException {
        Path file = project.resolve("src/main/resources").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void check_goodDefaultFile_passes() throws Exception {
        Path file = rules("extractors.yaml", GOOD);
        mojo(new CheckMojo()).execute();
        assertThat(log.lines).containsExactly("INFO " + file + ": OK");
    }

    @Test
    void check_everyProblem_isReportedWithItsPosition() throws IOException {
        Path file = rules("extractors.yaml", """
                extractors:
                  a:
                    headers: $._datadog | nosuchstep
                  b:
                    fields: {trace_id: "$[", parent_id: $.p}
                """);
        assertThatThrownBy(() -> mojo(new CheckMojo()).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage(file + ": 2 problems (the lines above)");
        assertThat(log.lines).hasSize(2);
        assertThat(log.lines.get(0)).startsWith("ERROR " + file + ":3:").contains("rule \"a\": ");
        assertThat(log.lines.get(1)).startsWith("ERROR " + file + ":5:").contains("rule \"b\": ");
    }

    @Test
    void check_noDefaultFile_checksNothingAndSucceeds() throws Exception {
        mojo(new CheckMojo()).execute();
        assertThat(log.text()).startsWith("INFO No rules file (").endsWith("nothing to check.");
    }

    @Test
    void check_ymlIsTheDefaultWhenNoYaml() throws Exception {
        Path file = rules("extractors.yml", GOOD);
        mojo(new CheckMojo()).execute();
        assertThat(log.lines).containsExactly("INFO " + file + ": OK");
    }

    @Test
    void check_configuredFileMissing_fails() {
        CheckMojo check = mojo(new CheckMojo());
        check.rulesFiles = List.of(project.resolve("rules/typo.yaml").toFile());
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no such rules file: ").hasMessageContaining("typo.yaml");
    }

    @Test
    void skip_doesNothing() throws Exception {
        rules("extractors.yaml", "extractors: {a: {headers: $.x | nosuchstep}}\n");
        CheckMojo check = mojo(new CheckMojo());
        check.skip = true;
        check.execute();
        TestMojo test = mojo(new TestMojo());
        test.skip = true;
        test.execute();
        assertThat(log.lines).containsExactly("INFO Skipped (tracex.skip).", "INFO Skipped (tracex.skip).");
    }

    @Test
    void test_passingExamples_summarised() throws Exception {
        Path file = rules("extractors.yaml", GOOD);
        mojo(new TestMojo()).execute();
        assertThat(log.lines).containsExactly(
                "DEBUG PASS " + file + ":5:9: rule \"json\" example 1 (datadog headers)",
                "INFO Rule examples: 1 passed, 0 failed");
    }

    @Test
    void test_failingExample_failsWithTheExplanation() throws IOException {
        Path file = rules("extractors.yaml", GOOD.replace("trace_id: \"1\", parent_id", "trace_id: \"9\", parent_id"));
        assertThatThrownBy(() -> mojo(new TestMojo()).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("rule examples: 0 passed, 1 failed (the FAIL lines above)");
        assertThat(log.lines).hasSize(1);
        assertThat(log.lines.get(0))
                .startsWith("ERROR FAIL " + file + ":5:9: rule \"json\" example 1 (datadog headers): ")
                .contains("trace_id")
                .contains("\n    ");
    }

    @Test
    void test_noExamples_warns() throws Exception {
        Path file = rules("extractors.yaml", "extractors: {json: {headers: $._datadog}}\n");
        mojo(new TestMojo()).execute();
        assertThat(log.lines).containsExactly("WARNING " + file + ": no rule has examples:");
    }

    @Test
    void test_brokenRule_failsAsCheckDoes() throws IOException {
        Path file = rules("extractors.yaml", "extractors: {a: {headers: $.x | nosuchstep}}\n");
        assertThatThrownBy(() -> mojo(new TestMojo()).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage(file + ": 1 problem (the lines above)");
        assertThat(log.lines).singleElement().asString().startsWith("ERROR " + file + ":1:").contains("rule \"a\": ");
    }

    @Test
    void defaultNames_followTheAdaptersOrder() {
        assertThat(RulesMojo.DEFAULT_NAMES).containsExactly("extractors.yaml", "extractors.yml", "extractors.js");
    }

    @Test
    void compile_writesTheFormBesideTheRulesFileInTheClasses() throws Exception {
        Path file = rules("extractors.yaml", GOOD);
        CompileMojo compile = mojo(new CompileMojo());
        compile.outputDirectory = project.resolve("target/classes").toFile();

        compile.execute();

        Path form = project.resolve("target/classes/extractors.yaml.tracex");
        assertThat(log.lines).containsExactly("INFO " + file + ": precompiled into " + form);
        assertThat(dev.tracex.engine.PrecompiledRules.load(Files.readAllBytes(form), GOOD, "extractors.yaml", null, "json",
                w -> { throw new AssertionError(w); })).isPresent();
    }

    @Test
    void compile_brokenFile_failsAsCheckDoes_andWritesNothing() throws IOException {
        Path file = rules("extractors.yaml", "extractors:\n  a:\n    first: [b]\n");
        CompileMojo compile = mojo(new CompileMojo());
        compile.outputDirectory = project.resolve("target/classes").toFile();

        assertThatThrownBy(compile::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage(file + ": 1 problem (the lines above)");
        assertThat(log.lines).containsExactly("ERROR " + file + ":3:13: rule \"a\": unknown rule \"b\" in first (known: a)");
        assertThat(project.resolve("target/classes")).doesNotExist();
    }

    @Test
    void compile_jsFile_isLoggedAndSkipped() throws Exception {
        Path file = rules("extractors.js", "exports.json = (payload) => payload._datadog;\n");
        CompileMojo compile = mojo(new CompileMojo());
        compile.outputDirectory = project.resolve("target/classes").toFile();

        compile.execute();

        assertThat(log.lines).containsExactly("INFO " + file + ": a .js rules file has no precompiled form; it is compiled at cold start");
    }
}
