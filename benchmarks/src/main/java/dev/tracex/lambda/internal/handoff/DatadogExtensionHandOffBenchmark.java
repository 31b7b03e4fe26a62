package dev.tracex.lambda.internal.handoff;

import com.amazonaws.services.lambda.runtime.Context;
import com.sun.net.httpserver.HttpServer;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.local.LocalContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the opt-in Datadog extension hand-off ({@code TRACEX_DATADOG_EXTENSION_HANDOFF=true}) adds to an
 * invocation: the start-invocation (the event's bytes and tracex's headers) and the end-invocation, two
 * HTTP/1.1 requests over loopback, here against a JDK HTTP server answering as the extension does (its own
 * time, a few µs, is included). Without a tracer agent, so no tracer span: the exchange alone. In package
 * {@code dev.tracex.lambda.internal.handoff} to reach the package-private hand-off. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar DatadogExtensionHandOff}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DatadogExtensionHandOffBenchmark {
    private HttpServer server;
    private DatadogExtension extension;
    private byte[] event;
    private Context context;
    private Extraction found;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/lambda/", ex -> {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestURI().getPath().endsWith("start-invocation")) {
                ex.getResponseHeaders().set("x-datadog-trace-id", "6022140857747474747");
                ex.getResponseHeaders().set("x-datadog-sampling-priority", "2");
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        extension = new DatadogExtension(server.getAddress());
        event = ("{\"order\": 7, \"meta\": {\"traceId\": \"6022140857747474747\", \"spanId\": \"1380649000000000001\", "
                + "\"sampled\": 2}, \"items\": [1, 2, 3]}").getBytes(StandardCharsets.UTF_8);
        context = LocalContext.of("orders");
        found = Extraction.of(TraceContext.builder().traceId(0, 6022140857747474747L).parentId(1380649000000000001L)
                .samplingPriority(2).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.stop(0);
    }

    /** One invocation's start- and end-invocation. */
    @Benchmark
    public boolean startAndEnd() {
        try (DatadogExtensionHandOff handOff = DatadogExtensionHandOff.start(extension, event, context, found)) {
            return handOff != null;
        }
    }
}
