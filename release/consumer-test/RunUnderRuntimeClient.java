import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a Java function as Lambda's Java runtime does, and prints what its handler answered to one event:
 * the real runtime interface client ({@code AWSLambda}) alone on the JVM's class path, the function in a task root
 * (classes at the root, jars in {@code lib/}), {@code _HANDLER} as its argument, against a loopback stand-in of the
 * Runtime API that hands out the event and takes the response. Exits 1, with the function's output, when the
 * function fails to start, reports an error or does not answer within 60 s. The function's output is in
 * {@code function.log} beside the task root.
 *
 * <pre>{@code java RunUnderRuntimeClient.java <taskRoot> <runtimeDir> <handler> <eventFile> [NAME=VALUE...]}</pre>
 *
 * The {@code NAME=VALUE} pairs are added to the function's environment (its configuration, e.g. {@code DD_TRACE_EXTRACTOR}).
 *
 * A single source file (run by the java launcher, no build) because release/consumer-test.sh runs it outside any
 * Maven project: the function under test must be the only thing built against the staging repository.
 */
public final class RunUnderRuntimeClient {
    private static final String PREFIX = "/2018-06-01/runtime/";

    public static void main(String[] args) throws Exception {
        Path taskRoot = Path.of(args[0]).toAbsolutePath();
        Path runtime = Path.of(args[1]).toAbsolutePath();
        String handler = args[2];
        byte[] event = Files.readAllBytes(Path.of(args[3]));

        CompletableFuture<String> outcome = new CompletableFuture<>();
        CountDownLatch handedOut = new CountDownLatch(1);
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        api.setExecutor(Executors.newFixedThreadPool(4));
        api.createContext(PREFIX, exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (path.equals("invocation/next")) {
                    if (handedOut.getCount() == 0) {
                        // One event only: the runtime client's next poll waits until the run ends.
                        outcome.handle((r, e) -> null).join();
                        send(exchange, 500, "{}".getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    handedOut.countDown();
                    exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "r1");
                    exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
                    exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:orders");
                    send(exchange, 200, event);
                } else if (path.equals("invocation/r1/response")) {
                    outcome.complete(new String(body, StandardCharsets.UTF_8));
                    send(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
                } else if (path.equals("invocation/r1/error") || path.equals("init/error")) {
                    outcome.completeExceptionally(new IllegalStateException(path + ": " + new String(body, StandardCharsets.UTF_8)));
                    send(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        api.start();

        Path log = taskRoot.resolveSibling("function.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                // The runtime client loads its native library: from JDK 24 the JVM would warn without this.
                "--enable-native-access=ALL-UNNAMED",
                "-cp", runtime + "/*", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_")
                || k.startsWith("_") || k.startsWith("OTEL_") || k.startsWith("TRACEX_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(Map.of("AWS_LAMBDA_RUNTIME_API", api.getAddress().getHostString() + ":" + api.getAddress().getPort(),
                "LAMBDA_TASK_ROOT", taskRoot.toString(), "_HANDLER", handler, "AWS_LAMBDA_FUNCTION_NAME", "orders",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "AWS_REGION", "us-east-1",
                "AWS_EXECUTION_ENV", "AWS_Lambda_java17"));
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            pb.environment().put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Process function = pb.start();
        int exit = 0;
        try {
            System.out.println(outcome.get(60, TimeUnit.SECONDS));
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            System.err.println("the function gave no response: " + (e.getCause() != null ? e.getCause().getMessage() : "none in 60 s")
                    + "\nits output:\n" + Files.readString(log));
            exit = 1;
        } finally {
            outcome.complete(null);
            function.destroy();
            if (!function.waitFor(10, TimeUnit.SECONDS)) {
                function.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            api.stop(0);
            ((java.util.concurrent.ExecutorService) api.getExecutor()).shutdownNow();
        }
        System.exit(exit);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        // The runtime client's native HTTP client reads Content-Type without a null check.
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
