package dev.tracex.lambda.internal.handoff;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.logging.Log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The opt-in hand-off to the Datadog Lambda extension ({@value #ENV}{@code =true}): tracex does what
 * dd-trace-java's Lambda integration does (which the user turns off with
 * {@code DD_TRACE_AWS_LAMBDA_ENABLED=false}), adding its extracted context, so that the extension's
 * {@code aws.lambda} span gets tracex's parent whenever the extension finds none in the event itself.
 *
 * <p>Per invocation: {@code POST /lambda/start-invocation} with the event's raw bytes and the headers
 * {@code lambda-runtime-aws-request-id}, {@code Datadog-Meta-Lang: java} and tracex's context
 * ({@code x-datadog-*}, {@code traceparent}, {@code tracestate}); the tracer span
 * ({@link DatadogPlaceholderSpan}) started as a child of the context the extension answered with (or
 * of tracex's, when it answered none) and current while the handler runs; at {@link #close()} the span
 * ended and {@code POST /lambda/end-invocation} with its ids ({@code x-datadog-trace-id},
 * {@code x-datadog-span-id}, {@code x-datadog-sampling-priority}) and the error headers when the handler
 * threw.
 *
 * <p>Never two starts for one invocation: when a dd-trace-java span is already active the integration is
 * on and has done the exchange, so this does nothing (one warning per process). Never harms the function:
 * an unreachable extension costs one warning per process and the handler runs.
 */
public final class DatadogExtensionHandOff implements AutoCloseable {
    /** The environment variable that turns the hand-off on. */
    public static final String ENV = "TRACEX_DATADOG_EXTENSION_HANDOFF";
    public static final boolean ENABLED = Boolean.parseBoolean(System.getenv(ENV));

    static final String START_INVOCATION = "/lambda/start-invocation";
    static final String END_INVOCATION = "/lambda/end-invocation";
    private static final String REQUEST_ID = "lambda-runtime-aws-request-id";
    private static final String META_LANG = "Datadog-Meta-Lang";
    private static final String TRACE_ID = "x-datadog-trace-id";
    private static final String SPAN_ID = "x-datadog-span-id";
    private static final String PRIORITY = "x-datadog-sampling-priority";
    private static final String TAGS = "x-datadog-tags";
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private static final AtomicBoolean WARNED_ACTIVE = new AtomicBoolean();
    private static final AtomicBoolean WARNED_UNREACHABLE = new AtomicBoolean();
    private static final AtomicBoolean WARNED_NO_SPAN = new AtomicBoolean();
    private static final AtomicBoolean WARNED_NO_EVENT = new AtomicBoolean();

    public static final DatadogExtensionHandOff NONE = new DatadogExtensionHandOff(null, null, null, null, null);

    private final DatadogExtension extension;
    private final String requestId;
    private final DatadogPlaceholderSpan span;
    private final String traceId;
    private final String priority;
    private Throwable error;
    private boolean closed;

    private DatadogExtensionHandOff(DatadogExtension extension, String requestId, DatadogPlaceholderSpan span,
            String traceId, String priority) {
        this.extension = extension;
        this.requestId = requestId;
        this.span = span;
        this.traceId = traceId;
        this.priority = priority;
    }

    /**
     * The hand-off for one invocation when {@value #ENV} is set, else one that does nothing. Without the
     * event's raw bytes ({@code event} {@code null}: a handler that only has the deserialized object) it
     * cannot send what the extension expects, and does nothing after one warning per process.
     */
    public static DatadogExtensionHandOff start(byte[] event, Context context, Extraction found) {
        return start(event, context, found, null);
    }

    /** As {@link #start(byte[], Context, Extraction)}, the tracer span carrying {@code outcome} ({@link ExtractionAttributes}). */
    public static DatadogExtensionHandOff start(byte[] event, Context context, Extraction found, ExtractionOutcome outcome) {
        if (!ENABLED) {
            return NONE;
        }
        if (event == null) {
            if (!WARNED_NO_EVENT.getAndSet(true)) {
                Log.warn("tracex: " + ENV + "=true needs the event's raw bytes, which this handler does not give tracex: "
                        + "use dev.tracex.lambda.TracingHandler::handleRequest or a stream handler (TracingRequestStreamHandler, "
                        + "TracexLambda.wrap(RequestStreamHandler)), or leave dd-trace-java's Lambda integration on");
            }
            return NONE;
        }
        try {
            return start(DatadogExtension.LOCAL, event, context, found, outcome);
        } catch (RuntimeException | LinkageError e) {
            Log.warn("tracex: the Datadog extension hand-off failed, the invocation runs without it: " + e);
            return NONE;
        }
    }

    static DatadogExtensionHandOff start(DatadogExtension extension, byte[] event, Context context, Extraction found) {
        return start(extension, event, context, found, null);
    }

    static DatadogExtensionHandOff start(DatadogExtension extension, byte[] event, Context context, Extraction found,
                                         ExtractionOutcome outcome) {
        if (DatadogTracer.spanActive()) {
            if (!WARNED_ACTIVE.getAndSet(true)) {
                Log.warn("tracex: " + ENV + "=true does nothing while dd-trace-java's Lambda integration is on "
                        + "(it has told the extension already); set DD_TRACE_AWS_LAMBDA_ENABLED=false to let tracex do it");
            }
            return NONE;
        }
        String requestId = context == null ? null : context.getAwsRequestId();
        Optional<TraceContext> parent = found.parent();
        Map<String, String> headers = new LinkedHashMap<>();
        if (requestId != null) {
            headers.put(REQUEST_ID, requestId);
        }
        headers.put(META_LANG, "java");
        parent.ifPresent(p -> headers.putAll(HeaderStyles.inject(p)));
        DatadogExtension.Response answer;
        try {
            answer = extension.post(START_INVOCATION, headers, event);
            if (!answer.ok()) {
                throw new IOException("HTTP " + answer.status());
            }
        } catch (IOException | RuntimeException e) {
            if (!WARNED_UNREACHABLE.getAndSet(true)) {
                Log.warn("tracex: " + ENV + "=true but the Datadog extension at " + extension
                        + " cannot be reached, the function runs without it: " + e);
            }
            return NONE;
        }
        Map<String, String> spanParent = spanParent(answer.headers(), parent);
        DatadogPlaceholderSpan span = startSpan(spanParent, requestId, outcome);
        String traceId = span != null ? Long.toUnsignedString(span.traceIdLow()) : spanParent.get(TRACE_ID);
        String priority = spanParent.getOrDefault(PRIORITY, span != null ? (span.sampled() ? "1" : "0") : null);
        return new DatadogExtensionHandOff(extension, requestId, span, traceId, priority);
    }

    /**
     * The parent of the tracer span as headers: tracex's context when the extension answered with the same
     * trace (it used tracex's headers, or found the same context in the event), the extension's answer
     * (a trace id, priority and {@code _dd.p.tid}, no parent span id) when it found another, tracex's
     * context when it answered none, nothing when neither has one.
     */
    static Map<String, String> spanParent(Map<String, String> answer, Optional<TraceContext> parent) {
        String answeredTrace = answer.get(TRACE_ID);
        if (answeredTrace == null || parent.filter(p -> p.traceId().equals(answeredTrace)).isPresent()) {
            return parent.map(p -> HeaderStyles.inject(p)).orElse(Map.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TRACE_ID, answeredTrace);
        if (answer.containsKey(PRIORITY)) {
            headers.put(PRIORITY, answer.get(PRIORITY));
        }
        if (answer.containsKey(TAGS)) {
            headers.put(TAGS, answer.get(TAGS));
        }
        return headers;
    }

    private static DatadogPlaceholderSpan startSpan(Map<String, String> parent, String requestId, ExtractionOutcome outcome) {
        String problem;
        if (!OptionalLibraries.OPENTELEMETRY) {
            problem = "the function has no opentelemetry-api";
        } else {
            try {
                DatadogPlaceholderSpan span = DatadogPlaceholderSpan.start(parent, requestId, outcome);
                if (span.valid() && DatadogTracer.spanActive()) {
                    return span;
                }
                span.end();
                problem = "the OpenTelemetry API did not start a dd-trace-java span (is DD_TRACE_OTEL_ENABLED=true?)";
            } catch (RuntimeException | LinkageError e) {
                problem = "the OpenTelemetry API failed: " + e;
            }
        }
        if (!WARNED_NO_SPAN.getAndSet(true)) {
            Log.warn("tracex: " + ENV + "=true: the extension is told of each invocation, but the function's spans "
                    + "are not children of aws.lambda: " + problem);
        }
        return null;
    }

    /** Records that the handler threw {@code e}, for the end-invocation's error headers. */
    public void failed(Throwable e) {
        if (extension == null) {
            return; // the shared no-op: keeps nothing
        }
        error = e;
        if (span != null) {
            span.failed();
        }
    }

    /** Ends the tracer span, then tells the extension the invocation ended; a second call does nothing. */
    @Override
    public void close() {
        if (extension == null || closed) {
            return;
        }
        closed = true;
        Map<String, String> headers = new LinkedHashMap<>();
        if (requestId != null) {
            headers.put(REQUEST_ID, requestId);
        }
        headers.put(META_LANG, "java");
        if (traceId != null) {
            headers.put(TRACE_ID, traceId);
        }
        if (span != null) {
            headers.put(SPAN_ID, Long.toUnsignedString(span.spanId()));
            span.end();
        }
        if (priority != null) {
            headers.put(PRIORITY, priority);
        }
        if (error != null) {
            // As dd-trace-java: the flag, and the type (base64, as the extension decodes it); never the
            // message, which may hold the event's data.
            headers.put("x-datadog-invocation-error", "true");
            headers.put("x-datadog-invocation-error-type",
                    Base64.getEncoder().encodeToString(error.getClass().getName().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            DatadogExtension.Response answer = extension.post(END_INVOCATION, headers, EMPTY_JSON);
            if (!answer.ok()) {
                throw new IOException("HTTP " + answer.status());
            }
        } catch (IOException | RuntimeException e) {
            if (!WARNED_UNREACHABLE.getAndSet(true)) {
                Log.warn("tracex: " + ENV + "=true but the Datadog extension at " + extension
                        + " cannot be reached: " + e);
            }
        }
    }
}
