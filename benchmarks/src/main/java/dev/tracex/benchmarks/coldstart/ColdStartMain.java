package dev.tracex.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
 * after creating and initialising a bare GraalJS context: the reference for a JS rule), {@code tracex}
 * ({@link TracingHandler} as the function's handler, its extractor from the environment, around
 * {@link ContextHandler}), {@code tracex-primed} (the same, then the SnapStart priming hook run in-process
 * through the Runtime Interface Client's CRaC context, as before a snapshot; its {@code firstInvokeMs}
 * is what a restored function pays).
 *
 * <pre>{@code
 * java -Dcoldstart.t0=$(date +%s%6N) -cp function:function/lib/* dev.tracex.benchmarks.coldstart.ColdStartMain tracex event.json
 * }</pre>
 */
public final class ColdStartMain {
    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        long main = micros();
        if (args.length != 2) {
            System.err.println("usage: ColdStartMain empty|graal|tracex|tracex-primed EVENT.json");
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
            case "tracex":
                handler = new TracingHandler()::handleRequest;
                break;
            case "tracex-primed":
                handler = new TracingHandler()::handleRequest;
                long p = micros();
                SimulatedSnapStart.beforeCheckpoint();
                primeMicros = micros() - p;
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        long invoke = micros();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new HarnessContext());
        long end = micros();
        if (mode.startsWith("tracex") && ContextHandler.seen == null) {
            System.err.println("no context reached the handler");
            System.exit(1);
        }
        long t0 = Long.parseLong(System.getProperty("coldstart.t0", "0"));
        System.out.printf("{\"mode\": \"%s\", \"extractor\": \"%s\", \"totalMs\": %.1f, \"jvmToMainMs\": %.1f, \"initMs\": %.1f,"
                        + " \"primeMs\": %.1f, \"firstInvokeMs\": %.1f, \"vmHwmKb\": %d, \"traceId\": \"%s\"}%n",
                mode, System.getenv().getOrDefault("DD_TRACE_EXTRACTOR", ""), t0 == 0 ? -1.0 : (end - t0) / 1000.0,
                t0 == 0 ? -1.0 : (main - t0) / 1000.0, (invoke - main - primeMicros) / 1000.0, primeMicros / 1000.0,
                (end - invoke) / 1000.0, peakRssKb(), ContextHandler.seen == null ? "" : ContextHandler.seen);
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
