package dev.tracex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code target/tracex.jar} run as a user runs it, {@code java -jar}, by the JDK running the tests,
 * on a JS rule (its first use creates the GraalJS engine): what the JVM prints besides the tool's output.
 * The jar's manifest ({@code Enable-Native-Access: ALL-UNNAMED}) covers Truffle's native library from JDK 24
 * on; no manifest attribute covers {@code sun.misc.Unsafe} memory access, so the README tells JDK 24+ users
 * to add {@code --sun-misc-unsafe-memory-access=allow}. {@code .ci/run} runs this on JDK 17 and JDK 25.
 */
class TracexJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target/tracex.jar").toAbsolutePath();
    private static final int JDK = Runtime.version().feature();

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
    }

    @Test
    void extractWithAJsRule_documentedLaunch_printsNoJvmWarning() throws Exception {
        // JDK 17 to 23 need nothing (and 17 and 21 refuse the option); 24 and later warn without it.
        Run r = JDK >= 24 ? extract("--sun-misc-unsafe-memory-access=allow") : extract();

        assertThat(r.stderr()).as("JDK %d", JDK).isEmpty();
    }

    @Test
    void extractWithAJsRule_plainJavaJar_manifestCoversNativeAccessOnlyUnsafeWarnsFromJdk24() throws Exception {
        Run r = extract();

        if (JDK >= 24) {
            assertThat(r.stderr()).as("JDK %d", JDK)
                    .contains("WARNING: sun.misc.Unsafe::objectFieldOffset has been called by com.oracle.truffle.api.strings.TStringUnsafe")
                    .doesNotContain("System::load", "--enable-native-access");
        } else {
            assertThat(r.stderr()).as("JDK %d", JDK).isEmpty();
        }
    }

    /** {@code java [options] -jar tracex.jar extract} with a JS rule on an SQS event; checks the context it prints. */
    private Run extract(String... jvmOptions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("extractors.yaml"), String.join("\n",
                "extractors:",
                "  sqs_js:",
                "    js: (payload) => JSON.parse(payload.Records[0].messageAttributes._datadog.stringValue)",
                ""));
        Files.writeString(dir.resolve("event.json"), "{\"Records\": [{\"messageId\": \"m-1\", \"eventSource\": \"aws:sqs\", "
                + "\"body\": \"{}\", \"messageAttributes\": {\"_datadog\": {\"dataType\": \"String\", \"stringValue\": "
                + "\"{\\\"x-datadog-trace-id\\\": \\\"2684756524522091840\\\", \\\"x-datadog-parent-id\\\": \\\"7431398482019833808\\\"}\"}}}]}");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-jar", JAR.toString(), "extract", "--path", dir.toString(), "--extractor", "extractors.sqs_js",
                dir.resolve("event.json").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("LAMBDA_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("tracex.jar did not finish in 120 s");
        }
        Run r = new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(JSON.readTree(r.stdout()).get("trace_id").asText()).as(r.stdout()).isEqualTo("2684756524522091840");
        return r;
    }
}
