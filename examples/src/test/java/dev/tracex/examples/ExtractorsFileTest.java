package dev.tracex.examples;

import dev.tracex.cli.TracexCommand;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules file: every rule compiles and every {@code examples:} entry passes, as {@code tracex test} runs them. */
class ExtractorsFileTest {
    @Test
    void tracexTest_extractorsYaml_everyExamplePasses() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TracexCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "test", "src/main/resources/extractors.yaml");

        assertThat(out.toString()).doesNotContain("FAIL").containsPattern("\\b[1-9][0-9]* passed, 0 failed");
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
    }

    @Test
    void tracexCheck_datadogsExtractorsJs_compilesItsJsonExport() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TracexCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "check", "src/main/resources/node/extractors.js");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("json");
    }
}
