package dev.tracex.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal AWS Lambda Runtime API on loopback, for running the real Runtime Interface Client against:
 * {@code GET /2018-06-01/runtime/invocation/next} hands out queued events, {@code POST .../response} and
 * {@code POST .../error} record the outcome, {@code POST /runtime/init/error} records an init failure,
 * and {@code GET /runtime/restore/next} answers the SnapStart restore step at once.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    record Invocation(String requestId, byte[] event, Map<String, String> headers) {
    }

    public record Outcome(String requestId, boolean error, String body, String errorTypeHeader) {
    }

    private final HttpServer server;
    // Enough threads for a runtime client polling from several threads at once (AWS_LAMBDA_MAX_CONCURRENCY).
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    final List<String> initErrors = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    public RuntimeApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public void enqueue(String requestId, byte[] event, Map<String, String> headers) {
        pending.add(new Invocation(requestId, event, headers));
    }

    /** The outcome of {@code requestId}, waiting at most {@code seconds}. */
    public Outcome await(String requestId, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Outcome o = outcomes.get(requestId);
            if (o != null) {
                return o;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no response for " + requestId + " in " + seconds + " s; calls: " + calls);
    }

    String awaitInitError(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!initErrors.isEmpty()) {
                return initErrors.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no init error in " + seconds + " s; calls: " + calls);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(PREFIX.length());
        calls.add(ex.getRequestMethod() + " " + path);
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.equals("invocation/next")) {
                Invocation next;
                try {
                    // Long poll as the real API does; the RIC waits as long as it takes.
                    next = pending.poll(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    next = null;
                }
                if (next == null) {
                    send(ex, 500, "{}");
                    return;
                }
                ex.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
                ex.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
                ex.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:orders");
                next.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                send(ex, 200, next.event());
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                boolean error = path.endsWith("/error");
                outcomes.put(id, new Outcome(id, error, new String(body, StandardCharsets.UTF_8),
                        ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("init/error")) {
                initErrors.add(new String(body, StandardCharsets.UTF_8));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("restore/next")) {
                send(ex, 200, "");
            } else {
                send(ex, 404, "{}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        // The RIC's native client reads Content-Type without a null check: the real API always sends one.
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
