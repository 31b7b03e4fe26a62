package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tracex's log lines as the Lambda runtime receives them: the real runtime interface client in a child
 * JVM with {@code _LAMBDA_TELEMETRY_LOG_FD} on a file (descriptor 3, opened by the shell that starts it,
 * as Lambda hands the runtime its telemetry pipe), read back frame by frame in the runtime's framing
 * ({@code FramedTelemetryLogSink}: type with magic, level and format; length; timestamp; message). One
 * frame is one CloudWatch event. The child's stdout and stderr are kept apart, so a line that bypasses
 * the runtime's stream (a JUL header, SLF4J's notice) is seen there.
 */
class RuntimeLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Planted in the second event's body and ids: no line may hold it. */
    private static final String SECRET = "Bearer-eyJzZWNyZXQiOnRydWV9";
    /** The runtime's {@code LogLevel} ordinals, as the frame type carries them. */
    private static final List<String> LAMBDA_LEVELS = List.of("UNDEFINED", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    @TempDir
    Path taskRoot;

    /** One frame of the telemetry log: its level and format from the frame type, and its message. */
    record Frame(String level, boolean json, String message) {
    }

    /** What a run left: the frames, and the child's own stdout and stderr. */
    record Run(List<Frame> frames, String stdout, String stderr) {
        List<Frame> tracex() {
            return frames.stream().filter(f -> f.message().contains("dev.tracex")).toList();
        }

        String all() {
            return "frames: " + frames + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    @Test
    void ric_brokenRulesFileWithTwoProblems_isOneWarningFrameNamingBoth() throws Exception {
        Files.writeString(taskRoot.resolve("extractors.yaml"),
                "extractors:\n  sqs:\n    headers: $.Records[0] | b64\n  other:\n    headers: $.x | nope\n");
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "extractors.sqs"), List.of());

        assertThat(run.tracex()).as(run.all()).hasSize(1);
        Frame warning = run.tracex().get(0);
        assertThat(warning.level()).isEqualTo("WARN");
        assertThat(warning.json()).isFalse();
        assertThat(warning.message()).startsWith("[WARN] dev.tracex.lambda: DD_TRACE_EXTRACTOR=extractors.sqs cannot be used, "
                + "continuing with builtin.default: ")
                .contains(":3:29: rule \"sqs\": unknown step \"b64\"", ":5:20: rule \"other\": unknown step \"nope\"")
                .endsWith("\n");
        assertThat(run.stdout() + run.stderr()).as(run.all()).doesNotContain("tracex", "SLF4J", "WARNING");
    }

    @Test
    void ric_ddLogLevelDebug_bringsTheDebugLinesEachOneFrame() throws Exception {
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs", "DD_LOG_LEVEL", "Debug"), List.of());

        assertThat(run.tracex()).as(run.all()).extracting(Frame::level).containsOnly("DEBUG");
        assertThat(run.tracex()).extracting(Frame::message).anySatisfy(m -> assertThat(m)
                .isEqualTo("[DEBUG] dev.tracex.lambda: tracex: extractor sqs (then builtin.default) compiled at cold start, "
                        + "styles datadog, tracecontext, b3, b3multi, xray, baggage (tracex's default: DD_TRACE_PROPAGATION_STYLE_EXTRACT, "
                        + "DD_TRACE_PROPAGATION_STYLE and OTEL_PROPAGATORS unset)\n"));
        // One line per invocation: the hit names rule, outcome, format and ids; the miss (a malformed id) the
        // reason of each rule tried, naming the rule and the path, not the event.
        assertThat(run.tracex()).extracting(Frame::message).filteredOn(m -> m.contains("outcome=")).hasSize(2);
        assertThat(run.tracex()).extracting(Frame::message).anySatisfy(m -> assertThat(m)
                .matches("\\[DEBUG\\] dev\\.tracex\\.lambda: tracex: outcome=continued rule=sqs format=datadog trace_id=\\d+ parent_id=\\d+\n"));
        assertThat(run.tracex()).extracting(Frame::message).anySatisfy(m -> assertThat(m)
                .startsWith("[DEBUG] dev.tracex.lambda: tracex: outcome=not_found rule=sqs why: rule \"sqs\": no context at ")
                .contains("; rule \"builtin.default\""));
        assertThat(run.all()).doesNotContain(SECRET);
        assertThat(run.stdout() + run.stderr()).as(run.all()).doesNotContain("tracex", "SLF4J");
    }

    @Test
    void ric_emfMetrics_oneDocumentPerInvocationEachItsOwnFrame() throws Exception {
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs", "TRACEX_METRICS", "emf"), List.of());

        List<JsonNode> documents = new ArrayList<>();
        for (Frame f : run.frames()) {
            if (f.message().startsWith("{\"_aws\"")) {
                documents.add(JSON.readTree(f.message()));
            }
        }
        assertThat(documents).as(run.all()).hasSize(2);
        dev.tracex.lambda.internal.handoff.ExtractionMetricsTest.assertEmf(documents.get(0), "sqs", "continued");
        dev.tracex.lambda.internal.handoff.ExtractionMetricsTest.assertEmf(documents.get(1), "sqs", "not_found");
        assertThat(run.tracex()).as("nothing else at info").isEmpty();
        assertThat(run.all()).doesNotContain(SECRET);
        assertThat(run.stdout() + run.stderr()).as(run.all()).doesNotContain("_aws", "tracex");
    }

    /**
     * Under {@code AWS_LAMBDA_LOG_FORMAT=JSON} the runtime client wraps a {@code String} logged through its logger into its
     * own JSON object ({@code JsonLogFormatter}: the text becomes {@code "message"}), where CloudWatch would find no EMF
     * document; bytes it frames as they are ({@code AbstractLambdaLogger.log(byte[], LogLevel)}: "there is no formatting
     * for byte[] messages"). tracex writes its documents as bytes, at level {@code UNDEFINED}, which the runtime never
     * filters ({@code LogFiltering}): each frame is the EMF document itself, marked JSON, even with the function's log
     * level at {@code ERROR}.
     */
    @Test
    void ric_emfMetricsUnderJsonFormat_eachFrameIsTheDocumentItselfWhateverTheLevel() throws Exception {
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs", "TRACEX_METRICS", "emf",
                "AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "ERROR"), List.of());

        List<Frame> emf = run.frames().stream().filter(f -> f.message().contains("CloudWatchMetrics")).toList();
        assertThat(emf).as(run.all()).hasSize(2).allSatisfy(f -> {
            assertThat(f.json()).as("framed as JSON").isTrue();
            assertThat(f.level()).isEqualTo("UNDEFINED");
            assertThat(f.message()).startsWith("{\"_aws\":").endsWith("}\n");
        });
        dev.tracex.lambda.internal.handoff.ExtractionMetricsTest.assertEmf(JSON.readTree(emf.get(0).message()), "sqs", "continued");
        dev.tracex.lambda.internal.handoff.ExtractionMetricsTest.assertEmf(JSON.readTree(emf.get(1).message()), "sqs", "not_found");
        assertThat(JSON.readTree(emf.get(0).message()).has("message")).as("not wrapped in the runtime's JSON line").isFalse();
        assertThat(run.all()).doesNotContain("\"message\":\"{\\\"_aws");
        assertThat(run.stdout() + run.stderr()).as(run.all()).doesNotContain("_aws", "tracex");
    }

    @Test
    void ric_jsonFormat_linesAreJsonObjectsInTheRuntimesShape() throws Exception {
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs",
                "AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "DEBUG"), List.of());

        assertThat(run.tracex()).as(run.all()).isNotEmpty().allSatisfy(f -> assertThat(f.json()).isTrue());
        List<JsonNode> lines = new ArrayList<>();
        for (Frame f : run.tracex()) {
            lines.add(JSON.readTree(f.message()));
        }
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(line.get("level").asText()).isEqualTo("DEBUG");
            assertThat(line.get("logger").asText()).startsWith("dev.tracex.");
            assertThat(line.get("message").asText()).isNotEmpty();
        });
        JsonNode coldStart = lines.stream().filter(l -> l.get("message").asText().contains("compiled at cold start")).findFirst().orElseThrow();
        assertThat(coldStart.has("AWSRequestId")).as("no request at cold start").isFalse();
        JsonNode miss = lines.stream().filter(l -> l.get("message").asText().startsWith("tracex: outcome=not_found rule=sqs why: "))
                .findFirst().orElseThrow();
        assertThat(miss.get("AWSRequestId").asText()).isEqualTo("no-context");
        assertThat(miss.get("logger").asText()).isEqualTo("dev.tracex.lambda");
        assertThat(run.all()).doesNotContain(SECRET);
    }

    @Test
    void ric_yamlFunctionWithoutAnyProvider_printsNothingButItsOwnOutputAtColdStart() throws Exception {
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs"), List.of());

        assertThat(run.tracex()).as(run.all()).isEmpty();
        assertThat(run.stdout()).as(run.all()).isEmpty();
        assertThat(run.stderr()).as(run.all()).isEmpty();
    }

    @Test
    void ric_logbackProvider_linesGoThroughLogback() throws Exception {
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "missing.sqs"), providers("logback-"));

        assertThat(run.tracex()).as(run.all()).isEmpty();
        // Logback's default configuration: a console appender, "%d{HH:mm:ss.SSS} [%thread] %level %logger{36} -- %msg%n".
        assertThat(run.stdout()).as(run.all()).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main\\] WARN +dev\\.tracex\\.lambda -- "
                + "DD_TRACE_EXTRACTOR=missing\\.sqs cannot be used, continuing with builtin\\.default: no rules file missing");
        assertThat(run.stdout() + run.stderr()).doesNotContain("SLF4J(");
    }

    @Test
    void ric_log4j2Provider_linesGoThroughLog4j2() throws Exception {
        Path config = Files.writeString(taskRoot.resolve("log4j2.xml"), String.join("\n",
                "<Configuration status=\"warn\">",
                "  <Appenders><Console name=\"out\" target=\"SYSTEM_OUT\"><PatternLayout pattern=\"log4j2 %level %logger: %msg%n\"/></Console></Appenders>",
                "  <Loggers><Root level=\"info\"><AppenderRef ref=\"out\"/></Root></Loggers>",
                "</Configuration>", ""));
        Run run = invoke(Map.of("DD_TRACE_EXTRACTOR", "missing.sqs"), providers("log4j-"), "-Dlog4j2.configurationFile=" + config);

        assertThat(run.tracex()).as(run.all()).isEmpty();
        assertThat(run.stdout()).as(run.all()).contains("log4j2 WARN dev.tracex.lambda: DD_TRACE_EXTRACTOR=missing.sqs cannot be used, "
                + "continuing with builtin.default: no rules file missing");
        assertThat(run.stdout() + run.stderr()).doesNotContain("SLF4J(");
    }

    /** The provider jars copied to target/log-providers whose names start with {@code prefix}. */
    private static List<Path> providers(String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target", "log-providers"))) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .map(Path::toAbsolutePath).sorted().toList();
            assertThat(found).as("jars %s* in target/log-providers", prefix).isNotEmpty();
            return found;
        }
    }

    /**
     * Starts the function (an SQS handler behind the wrapper) without slf4j-jdk14 (the tests' own SLF4J
     * provider), with {@code extra} jars, sends it an SQS event with a context and one without, and
     * stops it. The documented setting for java25 (docs/snapstart-and-runtimes.md) goes on the command line (the runtime client's native library
     * warns without it): stderr is asserted.
     */
    private Run invoke(Map<String, String> env, List<Path> extra, String... jvmOptions) throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer()) {
            RunningFunction f = LambdaFunctionJvm.onTheClassPath(taskRoot, entry -> entry.contains("slf4j-jdk14"), extra)
                    .telemetryLog().separateStreams().jvmOptions(jvmOptions)
                    .env(Map.of("DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SqsHandler")).env(env)
                    .start("function", api);
            try (f) {
                api.enqueue("with-context", event("sqs_event.json"), Map.of());
                api.enqueue("no-context", ("{\"Records\": [{\"messageId\": \"m-1\", \"body\": \"" + SECRET + "\", "
                        + "\"eventSource\": \"aws:sqs\", \"messageAttributes\": {\"_datadog\": {\"dataType\": \"String\", "
                        + "\"stringValue\": \"{\\\"x-datadog-trace-id\\\":\\\"" + SECRET + "\\\"}\"}}}]}").getBytes(StandardCharsets.UTF_8), Map.of());
                for (String id : List.of("with-context", "no-context")) {
                    RuntimeApiServer.Outcome o = f.await(id, 60);
                    assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                }
            }
            // Read once the JVM is gone: the telemetry log and the streams are whole.
            return new Run(frames(f.telemetry()), f.stdout(), f.stderr());
        }
    }

    /** The frames of a telemetry log; anything that is not a whole frame fails the test. */
    static List<Frame> frames(byte[] log) {
        ByteBuffer b = ByteBuffer.wrap(log);
        List<Frame> frames = new ArrayList<>();
        while (b.hasRemaining()) {
            assertThat(b.remaining()).as("a frame header at byte %d", b.position()).isGreaterThanOrEqualTo(16);
            int type = b.getInt();
            assertThat(type & 0xFFFFFF00).as("frame magic at byte %d", b.position() - 4).isEqualTo(0xa55a0000);
            int length = b.getInt();
            b.getLong();
            byte[] message = new byte[length];
            b.get(message);
            frames.add(new Frame(LAMBDA_LEVELS.get((type >> 2) & 7), (type & 1) == 0, new String(message, StandardCharsets.UTF_8)));
        }
        return frames;
    }

    private static byte[] event(String name) throws IOException {
        try (InputStream in = RuntimeLogTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }
}
