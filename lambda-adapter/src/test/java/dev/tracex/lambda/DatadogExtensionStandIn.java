package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stand-in for the Datadog Lambda extension's two lifecycle endpoints on {@code 127.0.0.1:8124},
 * built from its source (DataDog/datadog-lambda-extension at 5bf63162, {@code bottlecap/src}); the real
 * extension is a Rust binary that cannot be built or obtained here. It records every request and answers
 * as the extension does:
 * <ul>
 * <li>{@code lifecycle/listener.rs:34-37} the paths and the fixed port 8124;
 * {@code :122-153} {@code handle_start_invocation} parses the body as JSON ({} when it is not), extracts a
 * span context synchronously and answers 200 {@code {}} with it as headers;</li>
 * <li>{@code lifecycle/invocation/processor.rs:1259-1292} {@code extract_span_context}, in this order: the
 * trigger's carrier ({@code span_inferrer.rs:394-420}; here the SQS trigger only,
 * {@code triggers/sqs_event.rs:178-199}: {@code Records[0].messageAttributes._datadog}, a JSON string in
 * {@code stringValue} or base64 JSON in {@code binaryValue}), then {@code event.request.headers}, then
 * {@code event.headers}, last the start-invocation request's own headers;</li>
 * <li>{@code traces/propagation/mod.rs} extraction styles Datadog then W3C trace context (the extension's
 * defaults), reduced here to {@code x-datadog-trace-id/-parent-id/-sampling-priority/-tags} and
 * {@code traceparent};</li>
 * <li>{@code lifecycle/listener.rs:204-239} {@code inject_span_context_to_headers}: the answer carries
 * {@code x-datadog-trace-id} (the lower 64 bits, decimal), {@code x-datadog-sampling-priority} when known and
 * {@code x-datadog-tags: _dd.p.tid=...} for a 128-bit id; never a parent id;</li>
 * <li>{@code :155-173} {@code handle_end_invocation} answers 200 {@code {}}; what it does with the headers
 * ({@code processor.rs:1384-1428}: {@code x-datadog-span-id} becomes the {@code aws.lambda} span's id) is
 * asserted by the tests on the recorded requests.</li>
 * </ul>
 *
 * <p>The port is fixed, and several builds may run on one machine: the stand-in holds an exclusive lock on
 * {@code /tmp/tracex-dd-extension-8124.lock} while it lives (other processes' stand-ins wait for it), and
 * fails with a clear message if the port stays taken by something else.
 */
public final class DatadogExtensionStandIn implements AutoCloseable {
    static final int PORT = 8124;
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "tracex-dd-extension-8124.lock");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the stand-in received: path, headers (names lowercased), body. */
    public record Request(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A span context as the extension extracts it (the parts it answers with). */
    public record Extracted(long traceIdLow, String traceIdHigh, Integer priority, String from) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    public final List<Extracted> extracted = new CopyOnWriteArrayList<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    public DatadogExtensionStandIn() throws IOException, InterruptedException {
        lockChannel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock(); // waits while another build's test holds the port
        try {
            server = bind();
        } catch (IOException | RuntimeException | Error e) {
            release();
            throw e;
        }
        server.setExecutor(executor);
        server.createContext("/lambda/", this::handle);
        server.start();
    }

    private static HttpServer bind() throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), PORT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return HttpServer.create(address, 16);
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("127.0.0.1:" + PORT + " stayed busy for 15 s although this build holds " + LOCK
                            + ": something other than a tracex test (a Datadog agent or extension?) listens there; "
                            + "stop it to run the dd-trace-java tests", e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** The requests to {@code path}, in arrival order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(path, headers, body));
            if (path.equals("/lambda/start-invocation")) {
                extract(headers, body).ifPresent(sc -> {
                    extracted.add(sc);
                    ex.getResponseHeaders().set("x-datadog-trace-id", Long.toUnsignedString(sc.traceIdLow()));
                    if (sc.priority() != null) {
                        ex.getResponseHeaders().set("x-datadog-sampling-priority", sc.priority().toString());
                    }
                    if (sc.traceIdHigh() != null) {
                        ex.getResponseHeaders().set("x-datadog-tags", "_dd.p.tid=" + sc.traceIdHigh());
                    }
                });
                send(ex, 200);
            } else if (path.equals("/lambda/end-invocation")) {
                send(ex, 200);
            } else {
                send(ex, 404);
            }
        }
    }

    private static void send(HttpExchange ex, int status) throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code extract_span_context}: trigger carrier, {@code request.headers}, {@code headers}, the request's headers. */
    static Optional<Extracted> extract(Map<String, String> requestHeaders, byte[] body) {
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            payload = JSON.createObjectNode(); // serde_json::from_slice(...).unwrap_or_else(|_| json!({}))
        }
        Optional<Extracted> found = sqsCarrier(payload).flatMap(c -> fromCarrier(c, "sqs trigger"));
        if (found.isEmpty()) {
            found = asMap(payload.path("request").path("headers")).flatMap(c -> fromCarrier(c, "event.request.headers"));
        }
        if (found.isEmpty()) {
            found = asMap(payload.path("headers")).flatMap(c -> fromCarrier(c, "event.headers"));
        }
        if (found.isEmpty()) {
            found = fromCarrier(requestHeaders, "start-invocation headers");
        }
        return found;
    }

    private static Optional<Map<String, String>> sqsCarrier(JsonNode payload) {
        JsonNode record = payload.path("Records").path(0);
        if (!"aws:sqs".equals(record.path("eventSource").asText())) {
            return Optional.empty();
        }
        JsonNode attribute = record.path("messageAttributes").path("_datadog");
        String dataType = attribute.path("dataType").asText("");
        try {
            if (dataType.startsWith("String") && attribute.path("stringValue").isTextual()) {
                return asMap(JSON.readTree(attribute.get("stringValue").asText()));
            }
            if (dataType.startsWith("Binary") && attribute.path("binaryValue").isTextual()) {
                return asMap(JSON.readTree(Base64.getDecoder().decode(attribute.get("binaryValue").asText())));
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // serde_json::from_str(..).unwrap_or_default(): an empty carrier
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> asMap(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        Map<String, String> m = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isValueNode()) {
                m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
            }
        }
        return Optional.of(m);
    }

    /** Datadog headers first, then {@code traceparent}, the extension's default extraction order. */
    private static Optional<Extracted> fromCarrier(Map<String, String> carrier, String from) {
        String traceId = carrier.get("x-datadog-trace-id");
        if (traceId != null) {
            try {
                long low = Long.parseUnsignedLong(traceId);
                if (low != 0) {
                    String high = null;
                    String tags = carrier.get("x-datadog-tags");
                    if (tags != null) {
                        for (String tag : tags.split(",")) {
                            if (tag.startsWith("_dd.p.tid=")) {
                                high = tag.substring("_dd.p.tid=".length());
                            }
                        }
                    }
                    return Optional.of(new Extracted(low, high, priority(carrier.get("x-datadog-sampling-priority")), from));
                }
            } catch (NumberFormatException e) {
                // not a Datadog context; try W3C
            }
        }
        String traceparent = carrier.get("traceparent");
        if (traceparent != null && traceparent.length() == 55) {
            String[] parts = traceparent.split("-");
            if (parts.length == 4 && !parts[1].equals("0".repeat(32))) {
                String high = parts[1].substring(0, 16);
                return Optional.of(new Extracted(Long.parseUnsignedLong(parts[1].substring(16), 16),
                        high.equals("0".repeat(16)) ? null : high, parts[3].endsWith("1") ? 1 : 0, from));
            }
        }
        return Optional.empty();
    }

    private static Integer priority(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(0);
            executor.shutdownNow();
        } finally {
            release();
        }
    }

    private void release() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
