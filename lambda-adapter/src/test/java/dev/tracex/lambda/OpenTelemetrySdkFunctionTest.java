package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.ExportedSpans.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function that owns its OpenTelemetry SDK and hands it to tracex ({@link TracexOpenTelemetry#register}), no
 * agent, under the real Runtime Interface Client laid out as on Lambda: tracex starts the invocation span
 * itself with OpenTelemetry's FaaS attributes, parented on the extracted context, one link per batch record
 * with a context, current for the handler, and flushed before the runtime gets the response (the function's
 * SDK batches with a five-second delay, so a span already exported when the response arrives was flushed by
 * tracex).
 */
class OpenTelemetrySdkFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    @Test
    void sdkHandedToTracex_eachInvocationOneFaasServerSpanFlushedBeforeTheResponse() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = LambdaFunctionJvm.laidOut(taskRoot).julAtFine()
                     .env(Map.of("DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SdkFunction")).start("sdk", api)) {
            api.enqueue("batch", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of());
            api.enqueue("http", RuntimeInterfaceClientTest.event("apigw_v2_event.json"), Map.of());
            api.enqueue("plain", "{\"order\": 1}".getBytes(StandardCharsets.UTF_8), Map.of());
            api.enqueue("fails", "{\"fail\": true}".getBytes(StandardCharsets.UTF_8), Map.of());

            RuntimeApiServer.Outcome batch = f.await("batch", 60);
            Span server = onlyServerSpan(f, "batch");
            assertThat(server.traceId()).isEqualTo("000000000000000025422bd5a88d3540");
            assertThat(server.parentSpanId()).isEqualTo("6721a18bd12b57d0");
            assertThat(server.name()).isEqualTo("orders");
            assertThat(server.attributes()).containsEntry("faas.trigger", "pubsub")
                    .containsEntry("cloud.resource_id", "arn:aws:lambda:us-east-1:123456789012:function:orders")
                    .containsEntry("cloud.account.id", "123456789012")
                    .containsEntry("messaging.system", "aws_sqs")
                    .containsEntry("messaging.operation.type", "process")
                    .containsEntry("messaging.batch.message_count", "2");
            assertThat(server.links()).containsExactly("000000000000000025422bd5a88d3540-6721a18bd12b57d0",
                    "00000000000000000f6b75ab2bc471c7-1ed6eb565788e38e");
            assertUserSpanBeneath(f, batch, server);

            RuntimeApiServer.Outcome http = f.await("http", 60);
            Span httpServer = onlyServerSpan(f, "http");
            assertThat(httpServer.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(httpServer.parentSpanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(httpServer.attribute("faas.trigger")).isEqualTo("http");
            assertThat(httpServer.links()).isEmpty();
            assertUserSpanBeneath(f, http, httpServer);

            RuntimeApiServer.Outcome plain = f.await("plain", 60);
            Span root = onlyServerSpan(f, "plain");
            assertThat(root.parentSpanId()).as("no context: a root invocation span").isNull();
            assertThat(root.attribute("faas.trigger")).isEqualTo("other");
            assertUserSpanBeneath(f, plain, root);

            RuntimeApiServer.Outcome fails = f.await("fails", 60);
            assertThat(fails.error()).isTrue();
            assertThat(JSON.readTree(fails.body()).get("errorMessage").asText()).isEqualTo("order rejected");
            assertThat(onlyServerSpan(f, "fails").status()).isEqualTo(ExportedSpans.STATUS_ERROR);

            assertThat(ExportedSpans.fromLog(f.log()).stream().filter(Span::isServer)).hasSize(4);
            assertThat(f.log()).doesNotContain("WARNING");
        }
    }

    /** The one SERVER span of {@code requestId}, already in the log: the response came after the flush. */
    private static Span onlyServerSpan(RunningFunction f, String requestId) throws Exception {
        String log = f.log();
        List<Span> server = ExportedSpans.fromLog(log).stream()
                .filter(s -> s.isServer() && requestId.equals(s.attribute("faas.invocation_id"))).toList();
        assertThat(server).as("flushed before the response: " + requestId + "\n" + log).hasSize(1);
        return server.get(0);
    }

    private static void assertUserSpanBeneath(RunningFunction f, RuntimeApiServer.Outcome outcome, Span server) throws Exception {
        assertThat(outcome.error()).as(outcome.body()).isFalse();
        JsonNode seen = JSON.readTree(outcome.body());
        assertThat(seen.get("current_span_id").asText()).isEqualTo(server.spanId());
        Span user = ExportedSpans.fromLog(f.log()).stream().filter(s -> s.spanId().equals(seen.get("user_span_id").asText()))
                .findFirst().orElseThrow();
        assertThat(user.parentSpanId()).isEqualTo(server.spanId());
        assertThat(user.traceId()).isEqualTo(server.traceId());
    }
}
