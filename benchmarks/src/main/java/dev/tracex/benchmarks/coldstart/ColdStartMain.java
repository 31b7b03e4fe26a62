package dev.tracex.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tracex.lambda.TracingHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One cold start, in the JVM it runs in: what the Lambda runtime does at init and for the first
 * invocation, timed from JVM start (the epoch microseconds in {@code -Dcoldstart.t0}, taken by the
 * script just before it starts {@code java}) to the first extracted context, and the process's own
 * peak RSS ({@code VmHWM}). Prints one JSON line. Run by {@code benchmarks/cold-start.sh}, which sets
 * {@code DD_LAMBDA_HANDLER}, {@code DD_TRACE_EXTRACTOR} and {@code LAMBDA_TASK_ROOT} as Lambda would.
 *
 * <p>Modes: {@code empty} (a handler that only reads the event: the baseline), {@code graal} (the same
 * after creating and initialising a bare GraalJS context: the reference for a JS rule), {@code graal-call}
 * (the same with one snippet evaluated and called: GraalJS's own first-call cost), {@code tracex}
 * ({@link TracingHandler} as the function's handler, its extractor from the environment, around
 * {@code DD_LAMBDA_HANDLER}), {@code tracex-primed} (the same, then the function's own priming of its handler
 * and the SnapStart priming hooks run in-process through the Runtime Interface Client's CRaC context, as
 * before a snapshot; its {@code firstInvokeMs} is what a restored function pays), {@code typed-empty} (the {@link SqsHandler} called with the event
 * deserialized by the runtime's own {@code SQSEvent} serializer, as the Java runtime does: the typed
 * baseline). After the first invocation, {@value #WARM_INVOCATIONS} more give {@code warmInvokeMs}, the
 * median of the last half: what an invocation of a warm function costs in the same JVM.
 *
 * <p>Handlers are anonymous classes, not lambdas: the first lambda of a JVM bootstraps
 * {@code invokedynamic} (a few ms), which the real runtime has done before it loads the function.
 *
 * <pre>{@code
 * java -Dcoldstart.t0=$(date +%s%6N) -cp function:function/lib/* dev.tracex.benchmarks.coldstart.ColdStartMain tracex event.json
 * }</pre>
 */
public final class ColdStartMain {
    static final int WARM_INVOCATIONS = 50;

    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        long main = micros();
        if (args.length != 2) {
            System.err.println("usage: ColdStartMain empty|graal|graal-call|typed-empty|tracex|tracex-primed EVENT.json");
            System.exit(2);
        }
        String mode = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler;
        long primeMicros = 0;
        switch (mode) {
            case "empty":
                handler = new EmptyHandler();
                break;
            case "graal":
                BareGraalJs.createContext();
                handler = new EmptyHandler();
                break;
            case "graal-call":
                BareGraalJs.createContextAndCall();
                handler = new EmptyHandler();
                break;
            case "typed-empty":
                handler = runtimeDeserializing();
                break;
            case "tracex":
            case "tracex-primed":
                SqsHandler.probe = true;
                handler = tracingHandler();
                if (mode.equals("tracex-primed")) {
                    long p = micros();
                    primeTheFunction(event);
                    SimulatedSnapStart.beforeCheckpoint();
                    primeMicros = micros() - p;
                }
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        long invoke = micros();
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new HarnessContext());
        long end = micros();
        if (mode.startsWith("tracex") && ContextHandler.seen == null && SqsHandler.seen == null) {
            System.err.println("no context reached the handler");
            System.exit(1);
        }
        long peakRss = peakRssKb(); // the cold start's peak, before the warm invocations
        long[] warm = new long[WARM_INVOCATIONS];
        for (int i = 0; i < warm.length; i++) {
            long w = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new HarnessContext());
            warm[i] = System.nanoTime() - w;
        }
        long[] lastHalf = java.util.Arrays.copyOfRange(warm, warm.length / 2, warm.length);
        java.util.Arrays.sort(lastHalf);
        double warmMs = lastHalf[lastHalf.length / 2] / 1e6;
        long t0 = Long.parseLong(System.getProperty("coldstart.t0", "0"));
        System.out.printf("{\"mode\": \"%s\", \"extractor\": \"%s\", \"totalMs\": %.1f, \"jvmToMainMs\": %.1f, \"initMs\": %.1f,"
                        + " \"primeMs\": %.1f, \"firstInvokeMs\": %.1f, \"warmInvokeMs\": %.3f, \"vmHwmKb\": %d, \"traceId\": \"%s\"}%n",
                mode, System.getenv().getOrDefault("DD_TRACE_EXTRACTOR", ""), t0 == 0 ? -1.0 : (end - t0) / 1000.0,
                t0 == 0 ? -1.0 : (main - t0) / 1000.0, (invoke - main - primeMicros) / 1000.0, primeMicros / 1000.0,
                (end - invoke) / 1000.0, warmMs, peakRss, ContextHandler.seen != null ? ContextHandler.seen
                        : SqsHandler.seen == null ? "" : SqsHandler.seen);
    }

    /**
     * The function priming its own code before the snapshot, as a SnapStart function does (tracex primes
     * only its own): its handler called once, outside any invocation. Without it the first invocation after
     * restore would include the handler's own first run (its first string concatenation alone is some 7 ms
     * under {@code TieredStopAtLevel=1}, see the empty handler's first invocation).
     */
    private static void primeTheFunction(byte[] event) throws IOException {
        new ContextHandler().handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new HarnessContext());
        ContextHandler.seen = null;
    }

    /** {@link TracingHandler} as the runtime calls a stream handler. */
    private static RequestStreamHandler tracingHandler() {
        TracingHandler tracing = new TracingHandler();
        return new RequestStreamHandler() {
            @Override
            public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                    com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException {
                tracing.handleRequest(in, out, context);
            }
        };
    }

    /** What the Java runtime does for a typed {@code SQSEvent} handler: its event serializer, then the handler. */
    private static RequestStreamHandler runtimeDeserializing() {
        com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<SQSEvent> events =
                LambdaEventSerializers.serializerFor(SQSEvent.class, ColdStartMain.class.getClassLoader());
        SqsHandler function = new SqsHandler();
        return new RequestStreamHandler() {
            @Override
            public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                    com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException {
                String answer = function.handleRequest(events.fromJson(in), context);
                out.write(('"' + answer + '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The process's peak resident set ({@code VmHWM} of {@code /proc/self/status}), or -1 off Linux. */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
