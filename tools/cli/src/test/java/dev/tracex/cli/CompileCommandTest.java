package dev.tracex.cli;

import dev.tracex.engine.Extractors;
import dev.tracex.engine.PrecompiledRules;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompileCommandTest {
    private static final String RULES = """
            extractors:
              json:
                headers: $._datadog
              any:
                first: [json, builtin.sqs]
            """;

    @Test
    void compile_writesAFormTheFunctionLoads(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("extractors.yaml"), RULES);
        Path out = dir.resolve("build/resources");

        CommandRun run = CommandRun.of("compile", file.toString(), "-o", out.toString());

        Path form = out.resolve("extractors.yaml.tracex");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(file + ": " + form + " (" + Files.size(form) + " bytes)");
        List<String> warnings = new ArrayList<>();
        Extractors loaded = PrecompiledRules.load(Files.readAllBytes(form), RULES, "extractors.yaml", null, "any",
                warnings::add).orElseThrow();
        assertThat(warnings).isEmpty();
        assertThat(loaded.names()).containsExactly("json", "any");
        TraceContext ctx = loaded.extractor("any").extract(
                "{\"_datadog\":{\"x-datadog-trace-id\":\"12\",\"x-datadog-parent-id\":\"34\"}}".getBytes(StandardCharsets.UTF_8))
                .parent().orElseThrow();
        assertThat(ctx.parentId()).isEqualTo(34L);
    }

    @Test
    void compile_withoutOutput_writesBesideTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.yml"), RULES);

        assertThat(CommandRun.of("compile", file.toString()).exit()).isZero();

        assertThat(dir.resolve("rules.yml.tracex")).isRegularFile();
    }

    @Test
    void compile_brokenFile_exitsTwoWithEveryProblemAndWritesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "extractors:\n  a:\n    headers: $.a[\n  b:\n    first: [nope]\n");

        CommandRun run = CommandRun.of("compile", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly(
                file + ":3:14: rule \"a\": bad JSONPath \"$.a[\": unclosed '['",
                file + ":5:13: rule \"b\": unknown rule \"nope\" in first (known: a, b)");
        assertThat(dir.resolve("bad.yaml.tracex")).doesNotExist();
    }

    @Test
    void compile_jsFile_isRefusedByName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("extractors.js"), "exports.json = (p) => p._datadog;\n");

        CommandRun run = CommandRun.of("compile", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + ": only a YAML rules file (.yaml, .yml) has a precompiled form");
    }
}
