package dev.tracex.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's guards, over real HTTP on loopback: only its own page may drive it, and requests are size-limited.
 * Written as raw HTTP/1.1 so that {@code Host} can be anything, as a DNS-rebinding page would send it.
 */
class PlaygroundServerTest {
    private PlaygroundServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = PlaygroundServer.start(new Playground(null, "extractors: {}\n", "builtin.default"), 0);
        port = URI.create(server.url()).getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void url_isOnLoopbackOnly() {
        assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/");
    }

    @Test
    void get_fromItsOwnPage_isServed() throws IOException {
        assertThat(request("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n", ""))
                .startsWith("HTTP/1.1 200 ").containsIgnoringCase("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'")
                .contains("<title>tracex playground</title>");
        assertThat(request("GET /samples/sqs_event.json HTTP/1.1\r\nHost: localhost:" + port + "\r\n", "")).startsWith("HTTP/1.1 200 ").contains("aws:sqs");
    }

    @Test
    void run_sameOriginPost_isAnswered() throws IOException {
        String body = "{\"rules\": \"extractors: {}\", \"event\": \"{}\", \"rule\": \"builtin.default\"}";
        assertThat(post("/api/run", "Origin: http://127.0.0.1:" + port + "\r\nSec-Fetch-Site: same-origin\r\n", body))
                .startsWith("HTTP/1.1 200 ").contains("\"explain\":\"rule \\\"builtin.default\\\": ");
    }

    @Test
    void suggestAndPath_sameOriginPosts_areAnswered() throws IOException {
        String event = "{\\\"_datadog\\\": {\\\"x-datadog-trace-id\\\": \\\"1\\\", \\\"x-datadog-parent-id\\\": \\\"2\\\"}}";
        String origin = "Origin: http://127.0.0.1:" + port + "\r\n";

        assertThat(post("/api/suggest", origin, "{\"rules\": \"extractors: {}\", \"event\": \"" + event + "\"}"))
                .startsWith("HTTP/1.1 200 ").contains("\"name\":\"datadog\"", "\"rule\":\"  # 1. datadog context from propagation headers\\n  datadog:\\n");
        assertThat(post("/api/path", origin, "{\"event\": \"" + event + "\", \"offset\": 30}"))
                .startsWith("HTTP/1.1 200 ").endsWith("{\"path\":\"$._datadog['x-datadog-trace-id']\"}");
        assertThat(post("/api/suggest", "Origin: https://attacker.example\r\n", "{\"event\": \"{}\"}")).startsWith("HTTP/1.1 403 ");
    }

    @Test
    void anyRequest_foreignHost_isRefused() throws IOException {
        assertThat(request("GET / HTTP/1.1\r\nHost: attacker.example:" + port + "\r\n", ""))
                .startsWith("HTTP/1.1 403 ").endsWith("refused: Host attacker.example:" + port + " is not this playground (127.0.0.1:" + port
                        + " or localhost:" + port + ")");
    }

    @Test
    void post_foreignOrigin_isRefused() throws IOException {
        assertThat(post("/api/save", "Origin: https://attacker.example\r\n", "{\"rules\": \"x\"}"))
                .startsWith("HTTP/1.1 403 ").endsWith("refused: requests from https://attacker.example are not from this playground's page");
        assertThat(post("/api/run", "Origin: null\r\n", "{}")).startsWith("HTTP/1.1 403 ");
    }

    @Test
    void post_crossSiteFetch_isRefused() throws IOException {
        assertThat(post("/api/run", "Sec-Fetch-Site: cross-site\r\n", "{}")).startsWith("HTTP/1.1 403 ").endsWith("refused: a cross-site request");
    }

    @Test
    void post_declaredOverTheLimit_isRefusedUnread() throws IOException {
        assertThat(request("POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: " + (PlaygroundServer.MAX_BODY + 1) + "\r\n", ""))
                .startsWith("HTTP/1.1 413 ").endsWith("{\"error\":\"request too large: at most 6 MB of event and 1 MB of rules\"}");
    }

    @Test
    void post_eventOverSixMegabytes_isRefused() throws IOException {
        String event = "\"" + "x".repeat(PlaygroundServer.MAX_EVENT) + "\"";
        assertThat(post("/api/run", "", "{\"rules\": \"\", \"rule\": \"builtin.default\", \"event\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event) + "}"))
                .startsWith("HTTP/1.1 413 ").endsWith("{\"error\":\"event too large: " + (PlaygroundServer.MAX_EVENT + 2) + " characters, at most " + PlaygroundServer.MAX_EVENT + "\"}");
    }

    @Test
    void post_rulesOverOneMegabyte_isRefused() throws IOException {
        assertThat(post("/api/save", "", "{\"rules\": \"" + "#".repeat(PlaygroundServer.MAX_RULES + 1) + "\"}"))
                .startsWith("HTTP/1.1 413 ").endsWith("{\"error\":\"rules file too large: " + (PlaygroundServer.MAX_RULES + 1) + " characters, at most " + PlaygroundServer.MAX_RULES + "\"}");
    }

    @Test
    void save_startedWithoutFile_saysWhyWith409() throws IOException {
        assertThat(post("/api/save", "", "{\"rules\": \"extractors: {}\"}"))
                .startsWith("HTTP/1.1 409 ").endsWith("{\"error\":\"started without a rules file: nothing to save to (start with --extractor FILE.rule)\"}");
    }

    private String post(String path, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n" + headers
                + "Content-Length: " + bytes.length + "\r\n", body);
    }

    /** Sends the request and reads the response: its head, and as much body as it declares (the server may keep the connection). */
    private String request(String head, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            java.io.InputStream in = s.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            while (!got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                got.write(b);
            }
            String responseHead = got.toString(StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(responseHead);
            byte[] responseBody = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return responseHead + new String(responseBody, StandardCharsets.UTF_8);
        }
    }
}
