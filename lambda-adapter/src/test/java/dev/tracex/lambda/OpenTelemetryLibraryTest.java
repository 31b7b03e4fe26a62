package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.ExportedSpans.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * tracex's wrapper in front of a function instrumented with OpenTelemetry's Lambda library instrumentation
 * ({@code opentelemetry-aws-lambda-core-1.0} {@code TracingRequestHandler} and {@code TracingRequestStreamHandler}
 * with the function's own SDK; {@code opentelemetry-aws-lambda-events-3.11} {@code TracingRequestWrapper}, the wrapper
 * layer's handler, with its autoconfigured SDK), under the real Runtime Interface Client laid out as on Lambda, no agent: the library's
 * SERVER span is parented on the extracted context, which it reads from the client context tracex fills in; the
 * user's span is its child; its flush puts the spans in the log before the response. The same events and
 * expectations as {@link OpenTelemetryAgentTest}.
 */
class OpenTelemetryLibraryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path taskRoot;
    static LambdaFunctionJvm function;

    @BeforeAll
    static void layOut() throws IOException {
        // TracingRequestWrapper autoconfigures its SDK: the function keeps the autoconfiguration.
        function = LambdaFunctionJvm.laidOut(taskRoot, entry -> false, List.of()).julAtFine();
    }

    static Stream<Arguments> setups() {
        return Stream.of(
                argumentSet("TracingRequestHandler subclass", "typed",
                        Map.of("DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.LibraryInstrumented$Typed")),
                argumentSet("TracingRequestStreamHandler subclass", "stream",
                        Map.of("DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.LibraryInstrumented$Streaming")),
                // The OpenTelemetry wrapper layer's set-up, with tracex outermost: OpenTelemetry's wrapper
                // (autoconfigured SDK) is tracex's DD_LAMBDA_HANDLER, the function's handler is OpenTelemetry's.
                argumentSet("TracingRequestWrapper (the wrapper layer) behind tracex", "wrapper", Map.of(
                        "DD_LAMBDA_HANDLER", "io.opentelemetry.instrumentation.awslambdaevents.v3_11.TracingRequestWrapper::handleRequest",
                        "OTEL_INSTRUMENTATION_AWS_LAMBDA_HANDLER", "dev.tracex.lambda.functions.UserWork$Typed::handleRequest",
                        "OTEL_TRACES_EXPORTER", "tracex-test-jsonl",
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_LOGS_EXPORTER", "none")));
    }

    @ParameterizedTest
    @MethodSource("setups")
    void libraryInstrumentation_behindTheWrapper_itsServerSpanHasTheExtractedParent(String name, Map<String, String> env) throws Exception {
        List<OpenTelemetryAgentTest.Invocation> invocations = OpenTelemetryAgentTest.invocations();
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = function.env(env).start("library-" + name, api)) {
            for (OpenTelemetryAgentTest.Invocation i : invocations) {
                api.enqueue(i.requestId(), i.event(), i.headers());
            }
            for (OpenTelemetryAgentTest.Invocation i : invocations) {
                RuntimeApiServer.Outcome o = f.await(i.requestId(), 60);
                assertThat(o.error()).as(o.body() + "\n" + f.log()).isFalse();
                String log = f.log();
                List<Span> spans = ExportedSpans.fromLog(log);
                List<Span> server = spans.stream().filter(s -> s.isServer() && i.requestId().equals(s.attribute("faas.invocation_id"))).toList();
                assertThat(server).as("flushed before the response: " + i.requestId() + "\n" + log).hasSize(1);
                Span invocation = server.get(0);
                if (i.traceId() == null) {
                    assertThat(invocation.parentSpanId()).as(i.requestId()).isNull();
                } else {
                    assertThat(invocation.traceId()).as(i.requestId()).isEqualTo(i.traceId());
                    assertThat(invocation.parentSpanId()).as(i.requestId()).isEqualTo(i.parentId());
                }
                JsonNode seen = JSON.readTree(o.body());
                assertThat(seen.get("current_span_id").asText()).isEqualTo(invocation.spanId());
                Span user = spans.stream().filter(s -> s.spanId().equals(seen.get("user_span_id").asText())).findFirst().orElseThrow();
                assertThat(user.parentSpanId()).isEqualTo(invocation.spanId());
            }
            assertThat(ExportedSpans.fromLog(f.log()).stream().filter(Span::isServer)).hasSize(invocations.size());
            assertThat(f.log()).doesNotContain("WARNING");
        }
    }
}
