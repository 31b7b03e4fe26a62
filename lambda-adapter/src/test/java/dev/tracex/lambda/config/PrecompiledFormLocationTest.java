package dev.tracex.lambda.config;

import dev.tracex.engine.PrecompiledRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a function finds its rules file's precompiled form: beside the file in a searched directory, or beside it at
 * the class path root (a function jar's resources, where tracex-maven-plugin's compile goal puts it); and that a
 * form which cannot be read costs nothing but the time it would have saved.
 */
class PrecompiledFormLocationTest {
    private static final String RULES = "extractors:\n  json:\n    headers: $._datadog\n";

    @TempDir
    Path dir;

    @Test
    void onTheClassPath_theFormBesideTheFileIsLoaded() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), RULES);
        Files.write(dir.resolve("extractors.yaml.tracex"), PrecompiledRules.write(RULES, "classpath:extractors.yaml", null));
        List<String> warnings = new ArrayList<>();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            RulesFile file = ExtractorLocator.fromEnvironment(Map.of(), List.of(), jar)
                    .locate(ExtractorSelection.parse("extractors.json")).orElseThrow();
            ExtractorResolver resolver = ExtractorResolver.fromEnvironment(Map.of("DD_TRACE_EXTRACTOR", "extractors.json"),
                    jar, warnings::add);

            assertThat(file.name()).isEqualTo("classpath:extractors.yaml");
            assertThat(file.precompiled()).isEqualTo(Files.readAllBytes(dir.resolve("extractors.yaml.tracex")));
            assertThat(resolver.resolveSelected().name()).isEqualTo("json");
            assertThat(resolver.resolvedFromPrecompiledForm()).isTrue();
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void inADirectory_theFormBesideTheFileIsLoaded_andWithoutOneTheYamlIsCompiled() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), RULES);
        Map<String, String> env = Map.of("DD_TRACE_EXTRACTOR", "extractors.json", "LAMBDA_TASK_ROOT", dir.toString());

        ExtractorResolver without = ExtractorResolver.fromEnvironment(env, null);
        without.resolveSelected();
        assertThat(without.resolvedFromPrecompiledForm()).isFalse();

        Files.write(dir.resolve("extractors.yaml.tracex"), PrecompiledRules.write(RULES, "extractors.yaml", null));
        ExtractorResolver with = ExtractorResolver.fromEnvironment(env, null);
        with.resolveSelected();
        assertThat(with.resolvedFromPrecompiledForm()).isTrue();
    }

    @Test
    void aFormThatCannotBeRead_isNoForm_theRulesFileStillCounts() throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), RULES);
        Files.createDirectory(dir.resolve("extractors.yaml.tracex")); // there, but not a file

        RulesFile file = ExtractorLocator.fromEnvironment(Map.of("LAMBDA_TASK_ROOT", dir.toString()), List.of(), null)
                .locate(ExtractorSelection.parse("extractors.json")).orElseThrow();

        assertThat(file.text()).isEqualTo(RULES);
        assertThat(file.precompiled()).isNull();
    }

    @Test
    void aJsRulesFile_hasNoForm() throws Exception {
        Files.writeString(dir.resolve("extractors.js"), "exports.json = (payload) => payload._datadog;\n");
        Files.writeString(dir.resolve("extractors.js.tracex"), "{}");

        RulesFile file = ExtractorLocator.fromEnvironment(Map.of("LAMBDA_TASK_ROOT", dir.toString()), List.of(), null)
                .locate(ExtractorSelection.parse("extractors.json")).orElseThrow();

        assertThat(file.precompiled()).isNull();
    }
}
