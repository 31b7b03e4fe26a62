package dev.tracex.lambda.internal.handoff;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extension client against a JDK HTTP server on an ephemeral loopback port. */
class DatadogExtensionTest {
    private record Received(String path, Map<String, List<String>> headers, byte[] body) {
    }

    @Test
    void post_headersAndBody_arriveAsSentAndTheAnswerHeadersAreRead() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/lambda/", ex -> {
            received.add(new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes()));
            ex.getResponseHeaders().set("X-Datadog-Trace-Id", "42");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            DatadogExtension extension = new DatadogExtension(server.getAddress());
            byte[] event = "{\"order\": \"ä\\n\"}\r\n".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("lambda-runtime-aws-request-id", "r-1");
            headers.put("x-datadog-tags", "_dd.p.dm=-0\r\nx-injected: 1"); // from an event: must not add a header
            headers.put("x-datadog-origin", "l\u00e4mbda");

            DatadogExtension.Response answer = extension.post("/lambda/start-invocation", headers, event);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.ok()).isTrue();
            assertThat(answer.headers()).containsEntry("x-datadog-trace-id", "42");
            assertThat(received).hasSize(1);
            Received r = received.get(0);
            assertThat(r.path()).isEqualTo("/lambda/start-invocation");
            assertThat(r.body()).isEqualTo(event);
            assertThat(r.headers().get("Lambda-runtime-aws-request-id")).containsExactly("r-1");
            assertThat(r.headers().get("Content-type")).containsExactly("application/json");
            assertThat(r.headers()).doesNotContainKeys("X-datadog-tags", "X-injected", "X-datadog-origin");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void post_nothingListening_throws() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        DatadogExtension extension = new DatadogExtension(closed);
        assertThatThrownBy(() -> extension.post("/lambda/start-invocation", Map.of(), new byte[0])).isInstanceOf(IOException.class);
    }
}
