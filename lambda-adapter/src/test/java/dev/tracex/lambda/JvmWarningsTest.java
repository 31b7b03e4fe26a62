package dev.tracex.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JVM prints on a JS rule's first use in a function, on the JDK running the tests: the real runtime
 * interface client in a child JVM, a JS rule selected by {@code DD_TRACE_EXTRACTOR}, with and without the
 * documented {@code JAVA_TOOL_OPTIONS} (docs/snapstart-and-runtimes.md). JDK 17 and 21 print no warning either way; from JDK 24 GraalJS (Truffle)
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
            // Why the documented setting uses the system property: the launcher option kills a JDK 17 or 21 JVM.
            try (RuntimeApiServer api = new RuntimeApiServer();
                 RunningFunction f = function(LambdaJavaOptions.QUIET_ON_JAVA25_ONLY).start("function", api)) {
                assertThat(f.exited(60)).isTrue();
                assertThat(f.exitValue()).isNotZero();
                assertThat(f.log()).as("JDK %d", LambdaJavaOptions.jdk())
                        .contains("Unrecognized option: --sun-misc-unsafe-memory-access=allow")
                        .contains("Could not create the Java Virtual Machine");
            }
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

    /** Starts the function, runs one SQS event through its JS rule, checks the context arrived; returns the output. */
    private String firstInvocationLog(String javaToolOptions) throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer(); RunningFunction f = function(javaToolOptions).start("function", api)) {
            api.enqueue("first", event(), Map.of());
            RuntimeApiServer.Outcome o = f.await("first", 120);
            assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
            assertThat(JSON.readTree(o.body()).get("trace_id").asText()).as(f.log()).isEqualTo("2684756524522091840");
            return f.log();
        }
    }

    /**
     * The runtime client with the wrapper as the handler and a JS rule, everything on one class path (GraalJS too), and
     * {@code JAVA_TOOL_OPTIONS} {@code javaToolOptions} alone: no JVM option of the documented setting on the command line.
     */
    private LambdaFunctionJvm function(String javaToolOptions) throws IOException {
        Files.writeString(taskRoot.resolve("extractors.yaml"), String.join("\n",
                "extractors:",
                "  sqs_js:",
                // .trim() is outside the compiled subset: GraalJS runs the rule, which is what may warn
                "    js: (payload) => JSON.parse(payload.Records[0].messageAttributes._datadog.stringValue.trim())",
                ""));
        return LambdaFunctionJvm.onTheClassPath(taskRoot).javaToolOptions(javaToolOptions).env(Map.of(
                "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler",
                "DD_TRACE_EXTRACTOR", "extractors.sqs_js"));
    }

    private static byte[] event() throws IOException {
        try (InputStream in = JvmWarningsTest.class.getResourceAsStream("/events/sqs_event.json")) {
            return in.readAllBytes();
        }
    }
}
