package dev.tracex.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JVM prints on a JS rule's first use in a function, on the JDK running the tests: the real runtime
 * interface client in a child JVM, a JS rule selected by {@code DD_TRACE_EXTRACTOR}, with and without the
 * README's {@code JAVA_TOOL_OPTIONS}. JDK 17 and 21 print no warning either way; from JDK 24 GraalJS (Truffle)
 * and the runtime client make the JVM print eight {@code WARNING:} lines unless the setting is there.
 * {@code .ci/run} runs this class on JDK 17 and on JDK 25, so both branches are asserted.
 */
class JvmWarningsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // The JDK warns once for all class-path code, naming the first caller: here the runtime client's JniHelper,
    // which loads its native Runtime API client before Truffle's JDKSupport loads its library.
    private static final String NATIVE_ACCESS =
            "WARNING: Use --enable-native-access=ALL-UNNAMED to avoid a warning for callers in this module";
    private static final String TRUFFLE_UNSAFE =
            "WARNING: sun.misc.Unsafe::objectFieldOffset has been called by com.oracle.truffle.api.strings.TStringUnsafe";

    @TempDir
    Path taskRoot;

    @Test
    void jsRuleFirstUse_withTheDocumentedSetting_printsNoJvmWarning() throws Exception {
        String log = firstInvocationLog(LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME);

        assertThat(log).as("JDK %d, JAVA_TOOL_OPTIONS=%s:%n%s", LambdaJavaOptions.jdk(), LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME, log)
                .doesNotContain("WARNING");
    }

    @Test
    void jsRuleFirstUse_withTheJava25OnlySetting_printsNoJvmWarningFromJdk23AndStopsTheJvmBefore() throws Exception {
        if (LambdaJavaOptions.jdkKnowsUnsafeMemoryAccessOption()) {
            String log = firstInvocationLog(LambdaJavaOptions.QUIET_ON_JAVA25_ONLY);
            assertThat(log).as("JDK %d:%n%s", LambdaJavaOptions.jdk(), log).doesNotContain("WARNING");
        } else {
            // Why the README's setting uses the system property: the launcher option kills a JDK 17 or 21 JVM.
            Process p = startRuntimeClient(null, LambdaJavaOptions.QUIET_ON_JAVA25_ONLY);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(log()).as("JDK %d", LambdaJavaOptions.jdk())
                    .contains("Unrecognized option: --sun-misc-unsafe-memory-access=allow")
                    .contains("Could not create the Java Virtual Machine");
        }
    }

    @Test
    void jsRuleFirstUse_withoutTheSetting_warnsFromJdk24Only() throws Exception {
        String log = firstInvocationLog(null);

        if (LambdaJavaOptions.jdkWarnsAboutGraalJs()) {
            assertThat(log).as("JDK %d:%n%s", LambdaJavaOptions.jdk(), log)
                    .contains(NATIVE_ACCESS, TRUFFLE_UNSAFE);
        } else {
            assertThat(log).as("JDK %d:%n%s", LambdaJavaOptions.jdk(), log).doesNotContain("WARNING");
        }
    }

    /** Starts the function, runs one SQS event through its JS rule, checks the context arrived; returns the log. */
    private String firstInvocationLog(String javaToolOptions) throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer()) {
            Process p = startRuntimeClient(api, javaToolOptions);
            try {
                api.enqueue("first", event(), Map.of());
                RuntimeApiServer.Outcome o;
                try {
                    o = api.await("first", 120);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nfunction log:\n" + log(), e);
                }
                assertThat(o.error()).as(o.body() + "\n" + log()).isFalse();
                assertThat(JSON.readTree(o.body()).get("trace_id").asText()).as(log()).isEqualTo("2684756524522091840");
                return log();
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The runtime client with the wrapper as the handler and a JS rule; {@code api} null: an address nothing serves. */
    private Process startRuntimeClient(RuntimeApiServer api, String javaToolOptions) throws IOException {
        Files.writeString(taskRoot.resolve("extractors.yaml"), String.join("\n",
                "extractors:",
                "  sqs_js:",
                "    js: (payload) => JSON.parse(payload.Records[0].messageAttributes._datadog.stringValue)",
                ""));
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "dev.tracex.lambda.TracingHandler::handleRequest"))
                .directory(taskRoot.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_") || k.startsWith("_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        if (javaToolOptions != null) {
            env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        env.put("AWS_LAMBDA_RUNTIME_API", api == null ? "127.0.0.1:9" : api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "orders");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler");
        env.put("DD_TRACE_EXTRACTOR", "extractors.sqs_js");
        pb.redirectErrorStream(true).redirectOutput(taskRoot.resolve("function.log").toFile());
        return pb.start();
    }

    private String log() throws IOException {
        return Files.readString(taskRoot.resolve("function.log"), StandardCharsets.UTF_8);
    }

    private static byte[] event() throws IOException {
        try (InputStream in = JvmWarningsTest.class.getResourceAsStream("/events/sqs_event.json")) {
            return in.readAllBytes();
        }
    }
}
