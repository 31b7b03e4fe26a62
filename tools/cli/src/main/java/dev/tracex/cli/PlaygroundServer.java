package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The playground's HTTP server: the page, its sample events, and its calls ({@code POST /api/run},
 * {@code /api/save}, {@code /api/suggest}, {@code /api/path}). Listens on 127.0.0.1 only. Any other site the user's browser has open could send
 * requests to it, so every request must name this server in {@code Host} (which also defeats DNS rebinding) and,
 * when it has an {@code Origin}, come from this page; otherwise 403. Bodies over {@link #MAX_BODY} are refused
 * with 413 before they are read. One thread: runs of the engine never overlap.
 */
final class PlaygroundServer {
    /** The largest event the page sends (Lambda's own synchronous payload limit is 6 MB). */
    static final int MAX_EVENT = 6 * 1024 * 1024;
    /** The largest rules file. */
    static final int MAX_RULES = 1024 * 1024;
    /** A request: both, JSON-escaped, with room for the escaping and the field names. */
    static final int MAX_BODY = MAX_EVENT + MAX_RULES + 512 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> POSTS = List.of("/api/run", "/api/save", "/api/suggest", "/api/path");
    private static final String PAGE = "/dev/tracex/cli/playground/";
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/playground.js", "playground.js", "/playground.css", "playground.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService thread;
    private final Playground playground;
    private final List<String> hosts;
    private final List<String> origins;

    private PlaygroundServer(HttpServer server, ExecutorService thread, Playground playground) {
        this.server = server;
        this.thread = thread;
        this.playground = playground;
        int port = server.getAddress().getPort();
        this.hosts = List.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** Starts serving {@code playground} on 127.0.0.1:{@code port} (0: any free port). */
    static PlaygroundServer start(Playground playground, int port) throws IOException {
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tracex-playground");
            t.setDaemon(true);
            return t;
        });
        PlaygroundServer p = new PlaygroundServer(server, thread, playground);
        server.createContext("/", p::handle);
        server.setExecutor(thread);
        server.start();
        return p;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:43117/}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void stop() {
        server.stop(0);
        thread.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String refused = refusal(x);
            if (refused != null) {
                send(x, 403, "txt", refused.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (path.startsWith("/api/")) {
                api(x, method, path);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                send(x, 405, "txt", "use GET".getBytes(StandardCharsets.UTF_8));
            } else if (STATIC.containsKey(path)) {
                String name = STATIC.get(path);
                send(x, 200, name.substring(name.lastIndexOf('.') + 1), resource(PAGE + name));
            } else if (path.startsWith("/samples/")) {
                byte[] sample = PlaygroundSamples.read(path.substring("/samples/".length()));
                if (sample == null) {
                    send(x, 404, "txt", "no such sample".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(x, 200, "json", sample);
                }
            } else {
                send(x, 404, "txt", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            // The server outlives any one bad request; the page shows the message.
            try {
                send(x, 500, "txt", ("internal error: " + e).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // the response had started: nothing more can be said on this exchange
            }
        }
    }

    /** Why the request is refused, or {@code null}: it must be addressed to this server and come from its page. */
    private String refusal(HttpExchange x) {
        String host = x.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return "refused: Host " + host + " is not this playground (" + String.join(" or ", hosts) + ")";
        }
        String origin = x.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(java.util.Locale.ROOT))) {
            return "refused: requests from " + origin + " are not from this playground's page";
        }
        String site = x.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "refused: a " + site + " request";
        }
        return null;
    }

    private void api(HttpExchange x, String method, String path) throws IOException {
        if (path.equals("/api/state") && method.equals("GET")) {
            sendJson(x, 200, playground.state());
            return;
        }
        if (!method.equals("POST") || !POSTS.contains(path)) {
            send(x, 404, "txt", ("no " + method + " " + path).getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = readBody(x);
        if (body == null) {
            sendJson(x, 413, error("request too large: at most " + MAX_EVENT / (1024 * 1024) + " MB of event and "
                    + MAX_RULES / (1024 * 1024) + " MB of rules"));
            return;
        }
        JsonNode request;
        try {
            request = Playground.parseRequest(body);
        } catch (IOException e) {
            sendJson(x, 400, error("not a JSON request"));
            return;
        }
        String rules = request.path("rules").asText("");
        if (rules.length() > MAX_RULES) {
            sendJson(x, 413, error("rules file too large: " + rules.length() + " characters, at most " + MAX_RULES));
            return;
        }
        if (path.equals("/api/save")) {
            try {
                ObjectNode ok = JSON.createObjectNode();
                ok.put("message", playground.save(rules));
                sendJson(x, 200, ok);
            } catch (Playground.SaveRefused e) {
                sendJson(x, 409, error(e.getMessage()));
            }
            return;
        }
        String event = request.path("event").asText("");
        if (event.length() > MAX_EVENT) {
            sendJson(x, 413, error("event too large: " + event.length() + " characters, at most " + MAX_EVENT));
            return;
        }
        if (path.equals("/api/path")) {
            sendJson(x, 200, Playground.pathAt(event, request.path("offset").asInt(-1)));
        } else if (path.equals("/api/suggest")) {
            sendJson(x, 200, playground.suggest(rules, event));
        } else {
            sendJson(x, 200, playground.run(rules, event, request.path("rule").asText("")));
        }
    }

    /** The body, or {@code null} when it is over {@link #MAX_BODY} (refused before reading when it says so). */
    private static byte[] readBody(HttpExchange x) throws IOException {
        String declared = x.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        InputStream in = x.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + n > MAX_BODY) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static ObjectNode error(String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("error", message);
        return e;
    }

    private static void sendJson(HttpExchange x, int status, JsonNode body) throws IOException {
        send(x, status, "json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        var h = x.getResponseHeaders();
        h.set("Content-Type", TYPES.get(type));
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        // The page loads nothing from anywhere else, and no other page may frame it.
        h.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " missing from the tool's resources");
            }
            return in.readAllBytes();
        }
    }
}
