package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code tracex.jar}, copied alone into an empty directory and run there with {@code java -jar}: it
 * carries everything (picocli, the rules, GraalJS), and its help, version and errors are what a user sees.
 * Run on the JDK of the test run ({@code .ci/run}: 17, then 25), with the launch docs/command-line.md documents for it
 * ({@link TracexJar#DOCUMENTED_JVM_OPTIONS}); the JVM-warning tests below also run it with none.
 */
class TracexJarIT {
    private static final int JDK = Runtime.version().feature();

    @TempDir
    static Path home;
    static Path jar;

    @BeforeAll
    static void copyTheJarAlone() throws IOException {
        jar = Files.copy(TracexJar.built(), home.resolve("tracex.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(Files.list(home)).containsExactly(jar);
    }

    @Test
    void manifest_keepsMultiReleaseAndNativeAccess() throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            assertThat(m.getMainAttributes().getValue("Main-Class")).isEqualTo("dev.tracex.cli.TracexCommand");
            assertThat(m.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(m.getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            assertThat(m.getMainAttributes().getValue("Class-Path")).isNull();
            // Truffle finds GraalJS through its service files: merged, not the first jar's only.
            assertThat(j.getEntry("META-INF/services/com.oracle.truffle.api.provider.TruffleLanguageProvider")).isNotNull();
        }
    }

    @Test
    void help_onEverySubcommand_exitsZeroWithItsUsage() throws Exception {
        for (String command : new String[] {"extract", "explain", "check", "test", "invoke", "schema", "playground"}) {
            for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
                CommandRun run = TracexJar.run(jar, home, args);

                assertThat(run.exit()).as(String.join(" ", args)).isZero();
                assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: tracex " + command + " ");
                assertThat(run.err()).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    @Test
    void version_isTheArtifactsVersion() throws Exception {
        CommandRun run = TracexJar.run(jar, home, "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("tracex " + System.getProperty("tracex.version") + "\n");
    }

    @Test
    void extractCheckTest_jsRules_runFromTheCopiedJar(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("extractors.js"), """
                exports.json = (payload) => {
                    const d = payload._datadog;
                    return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"], sampleMode: 1, source: 'event' };
                };
                """);
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"123\", \"x-datadog-parent-id\": \"456\"}}");

        CommandRun extract = TracexJar.run(jar, dir, "extract", "--extractor", "extractors.json", event.toString());
        CommandRun check = TracexJar.run(jar, dir, "check", "extractors.js");

        assertThat(extract.exit()).as(extract.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(extract.out());
        assertThat(printed.get("format").asText()).isEqualTo("js");
        assertThat(printed.get("trace_id").asText()).isEqualTo("123");
        assertThat(printed.get("parent_id").asText()).isEqualTo("456");
        assertThat(extract.err()).isEmpty();
        assertThat(check.exit()).isZero();
        assertThat(check.out()).isEqualTo("extractors.js: 1 rule\n  json = Script(json, extractors.js:1, compiled)\n");
    }

    @Test
    void extract_malformedEvents_sayWhereAndWhat(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("comma.json"), "{\n  \"_datadog\": {\n    \"x-datadog-trace-id\": \"1\",\n  }\n}\n");
        Files.writeString(dir.resolve("empty.json"), "");

        CommandRun comma = TracexJar.run(jar, dir, "extract", "comma.json");
        CommandRun empty = TracexJar.run(jar, dir, "extract", "empty.json");
        CommandRun missing = TracexJar.run(jar, dir, "extract", "missing.json");

        assertThat(comma.exit()).isEqualTo(2);
        assertThat(comma.err()).isEqualTo("comma.json:4:3: expected a field name in double quotes, found '}' (a trailing comma before it?)\n");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("empty.json: empty\n");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("missing.json: no such file\n");
    }

    @Test
    void schema_printsTheSchemaTheJarCarries() throws Exception {
        CommandRun run = TracexJar.run(jar, home, "schema");

        assertThat(run.exit()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("title").asText()).isEqualTo("tracex rules file");
    }

    @Test
    void explain_theIssuesCases_sayWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("extractors.yaml"), """
                extractors:
                  json:
                    headers: $._datadog
                  legacy:
                    js: |
                      (payload) => {
                        const d = payload._datadg;
                        return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"] };
                      }
                """);
        Files.writeString(dir.resolve("bad_parent.json"),
                "{\"_datadog\": {\"x-datadog-trace-id\": \"5827296727441744253\", \"x-datadog-parent-id\": \"0x3912251d71b1ba31\"}}");
        Files.writeString(dir.resolve("sqs.json"), Files.readString(Path.of(InvokeCommandTest.event("sqs_event.json"))));

        CommandRun rejected = TracexJar.run(jar, dir, "explain", "--extractor", "extractors.json", "--no-fallback", "bad_parent.json");
        CommandRun typo = TracexJar.run(jar, dir, "explain", "--extractor", "extractors.legacy", "bad_parent.json");
        CommandRun fallback = TracexJar.run(jar, dir, "extract", "--extractor", "extractors.json", "sqs.json");

        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.out()).contains(
                "  datadog: x-datadog-parent-id \"0x3912251d71b1ba31\": not an unsigned 64-bit decimal\n").endsWith("answer: no context\n");
        assertThat(typo.out()).startsWith("rule \"legacy\": Script(legacy, extractors.yaml:6, compiled)\n"
                + "  no context: JS TypeError at extractors.yaml:8:27: TypeError: Cannot read property 'x-datadog-trace-id' of undefined\n");
        assertThat(fallback.exit()).isZero();
        assertThat(fallback.err()).isEqualTo("rule \"json\" found no context; builtin.default answered instead "
                + "(tracex explain says why; --no-fallback turns the fallback off)\n");
    }

    @Test
    void extract_jsRuleWithTheDocumentedLaunch_printsNoJvmWarning(@TempDir Path dir) throws Exception {
        CommandRun run = TracexJar.run(jar, jsRule(dir), "extract", "--extractor", "extractors.sqs_js", "event.json");

        assertThat(TracexJar.DOCUMENTED_JVM_OPTIONS).as("JDK %d", JDK)
                .isEqualTo(JDK >= 24 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of());
        assertFoundTheContext(run);
        assertThat(run.err()).as("JDK %d", JDK).isEmpty();
    }

    @Test
    void extract_jsRulePlainJavaJar_manifestCoversNativeAccessOnlyUnsafeWarnsFromJdk24(@TempDir Path dir) throws Exception {
        CommandRun run = TracexJar.run(jar, jsRule(dir), List.of(), "extract", "--extractor", "extractors.sqs_js", "event.json");

        assertFoundTheContext(run);
        if (JDK >= 24) {
            assertThat(run.err()).as("JDK %d", JDK)
                    .contains("WARNING: sun.misc.Unsafe::objectFieldOffset has been called by com.oracle.truffle.api.strings.TStringUnsafe")
                    .doesNotContain("System::load", "--enable-native-access");
        } else {
            assertThat(run.err()).as("JDK %d", JDK).isEmpty();
        }
    }

    /**
     * A JS rule reading an SQS message attribute ({@code extractors.sqs_js}), and an event for it, in {@code dir};
     * returns {@code dir}. Also the distribution's test rule ({@code DistributionIT}).
     */
    static Path jsRule(Path dir) throws IOException {
        Files.writeString(dir.resolve("extractors.yaml"), String.join("\n",
                "extractors:",
                "  sqs_js:",
                "    js: (payload) => JSON.parse(payload.Records[0].messageAttributes._datadog.stringValue.trim())",
                ""));
        Files.writeString(dir.resolve("event.json"), "{\"Records\": [{\"messageId\": \"m-1\", \"eventSource\": \"aws:sqs\", "
                + "\"body\": \"{}\", \"messageAttributes\": {\"_datadog\": {\"dataType\": \"String\", \"stringValue\": "
                + "\"{\\\"x-datadog-trace-id\\\": \\\"2684756524522091840\\\", \\\"x-datadog-parent-id\\\": \\\"7431398482019833808\\\"}\"}}}]}");
        return dir;
    }

    private static void assertFoundTheContext(CommandRun run) throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("trace_id").asText()).as(run.out()).isEqualTo("2684756524522091840");
    }
}
