package dev.tracex.lambda.internal.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.LogOutput;
import dev.tracex.engine.logging.StreamOutput;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * tracex's lines on the Lambda runtime's own log stream, {@link LambdaRuntime#getLogger()}: under the
 * runtime interface client each line is one frame on the telemetry log descriptor, so one CloudWatch
 * event whatever it holds, with its level in the frame. Used when the function has no SLF4J provider
 * (a service of the engine's logging: see {@code META-INF/services}).
 *
 * <p>Plain text, {@code [WARN] dev.tracex.lambda: ...}, unless {@code AWS_LAMBDA_LOG_FORMAT=JSON}: then
 * one JSON object in the shape of the runtime's own JSON lines ({@code JsonLogFormatter}: {@code timestamp},
 * {@code level}, {@code message}, {@code AWSRequestId}) with {@code logger} as in Lambda's Log4j 2 layout,
 * so tracex's lines filter like the function's. The runtime also drops lines below
 * {@code AWS_LAMBDA_LOG_LEVEL}, as it does for the function's own.
 */
public final class RuntimeLogOutput implements LogOutput {
    /** Made on the first JSON line, not at cold start: the formatter and java.time's classes cost some 5 ms. */
    private static final class Timestamps {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
    }
    /** The request id of the invocation running on this thread, for JSON lines. */
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private final boolean json = "JSON".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_FORMAT"));

    /** Sets the request id of this thread's invocation ({@code null} when it ends); returns the one it replaced. */
    public static String requestId(Context context) {
        String previous = REQUEST_ID.get();
        String id = context == null ? null : context.getAwsRequestId();
        if (id == null) {
            REQUEST_ID.remove();
        } else {
            REQUEST_ID.set(id);
        }
        return previous;
    }

    public static void restoreRequestId(String previous) {
        if (previous == null) {
            REQUEST_ID.remove();
        } else {
            REQUEST_ID.set(previous);
        }
    }

    /** Only under a Lambda runtime: outside one, {@code LambdaRuntime}'s logger is its stand-in printing to stdout. */
    @Override
    public boolean appliesHere() {
        return LambdaRuntime.getLogger().getClass().getEnclosingClass() != LambdaRuntime.class;
    }

    @Override
    public boolean enabled(LogLevel level, String logger) {
        return true;
    }

    @Override
    public void write(LogLevel level, String logger, String message) {
        LambdaLogger runtime = LambdaRuntime.getLogger();
        String line = json ? json(level, logger, message, REQUEST_ID.get(), System.currentTimeMillis())
                : StreamOutput.text(level, logger, message) + "\n";
        runtime.log(line.getBytes(StandardCharsets.UTF_8), lambdaLevel(level));
    }

    static String json(LogLevel level, String logger, String message, String requestId, long epochMillis) {
        StringBuilder b = new StringBuilder(96 + message.length());
        b.append("{\"timestamp\":\"").append(Timestamps.FORMAT.format(java.time.Instant.ofEpochMilli(epochMillis)))
                .append("\",\"level\":\"").append(level)
                .append("\",\"message\":\"");
        JsonStringEncoder.getInstance().quoteAsString(message, b);
        b.append("\",\"logger\":\"");
        JsonStringEncoder.getInstance().quoteAsString(logger, b);
        b.append('"');
        if (requestId != null) {
            b.append(",\"AWSRequestId\":\"");
            JsonStringEncoder.getInstance().quoteAsString(requestId, b);
            b.append('"');
        }
        return b.append("}\n").toString();
    }

    private static com.amazonaws.services.lambda.runtime.logging.LogLevel lambdaLevel(LogLevel level) {
        switch (level) {
            case DEBUG:
                return com.amazonaws.services.lambda.runtime.logging.LogLevel.DEBUG;
            case INFO:
                return com.amazonaws.services.lambda.runtime.logging.LogLevel.INFO;
            case WARN:
                return com.amazonaws.services.lambda.runtime.logging.LogLevel.WARN;
            default:
                return com.amazonaws.services.lambda.runtime.logging.LogLevel.ERROR;
        }
    }

    @Override
    public String toString() {
        return json ? "the Lambda runtime's log (JSON)" : "the Lambda runtime's log";
    }
}
