package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.batch.BatchRun;
import dev.tracex.lambda.internal.batch.JsonRecords;
import dev.tracex.lambda.internal.coldstart.ExtractorHolder;
import dev.tracex.lambda.internal.handoff.HeaderStyles;
import dev.tracex.lambda.internal.invocation.EventExtraction;
import dev.tracex.lambda.internal.invocation.InvocationHandOff;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapter in code: the function's extractor ({@code DD_TRACE_EXTRACTOR}, compiled once at cold
 * start), {@link #extract} for code that owns its tracing, {@link #wrap} for a handler, and the
 * accessors for the invocation in progress ({@link #current()}, {@link #currentLinks()},
 * {@link #currentHeaders()}).
 *
 * <p>Never harms the function: {@code extract} never throws (a bad event, a failing or timed-out rule
 * gives {@link Extraction#none()} and one log line), and a wrapped handler always runs with its original
 * event, its own exceptions propagating unchanged. Thread-safe; the accessors read the invocation open
 * on the calling thread (Lambda calls a handler on one thread; code that hands work to other threads
 * takes the context along, e.g. with OpenTelemetry's {@code Context.taskWrapping}).
 *
 * <pre>{@code
 * public class Handler implements RequestHandler<SQSEvent, String> {
 *     private final RequestHandler<SQSEvent, String> traced = TracexLambda.wrap(this::process);
 *     public String handleRequest(SQSEvent event, Context context) { return traced.handleRequest(event, context); }
 *     private String process(SQSEvent event, Context context) {
 *         TracexLambda.current().ifPresent(parent -> log.info("trace {}", parent.traceId()));
 *         return "ok";
 *     }
 * }
 * }</pre>
 */
public final class TracexLambda {
    private TracexLambda() {
    }

    /** The extractor selected by {@code DD_TRACE_EXTRACTOR} (with {@code builtin.default} behind it). */
    public static Extractor extractor() {
        return ExtractorHolder.EXTRACTOR;
    }

    /**
     * The trace context in an event's raw JSON, with the Lambda context for rules that read it.
     * Never throws; {@code context} may be {@code null}.
     */
    public static Extraction extract(byte[] event, Context context) {
        return EventExtraction.extract(ExtractorHolder.EXTRACTOR, event, context);
    }

    /**
     * The trace context in an event: raw JSON ({@code byte[]}, {@code String}, an {@code InputStream},
     * which is read to its end), a Jackson {@code JsonNode}, or an object the Lambda runtime deserialized (an {@code aws-lambda-java-events}
     * type, a {@code Map}, a POJO), which is written back to JSON with the runtime's serializer for its
     * class, so rules see the event as it arrived. Never throws; {@code context} may be {@code null}.
     */
    public static Extraction extract(Object event, Context context) {
        if (event instanceof byte[]) {
            return extract((byte[]) event, context);
        }
        return EventExtraction.extract(ExtractorHolder.EXTRACTOR, event, context);
    }

    /**
     * Opens the hand-off of {@code extraction} on this thread: {@link #current()}, the OpenTelemetry
     * current context, the SLF4J MDC. Close it after the handler call.
     */
    public static InvocationScope open(Extraction extraction) {
        return InvocationScope.open(Objects.requireNonNull(extraction, "extraction"), null, null);
    }

    /**
     * {@link #open(Extraction)} for an invocation with Lambda context {@code context}: also gives the context to
     * pass on to the handler ({@link InvocationScope#lambdaContext()}, the parent in its client context) and,
     * with an SDK handed over ({@link TracexOpenTelemetry#register}), starts tracex's invocation span.
     */
    public static InvocationScope open(Extraction extraction, Context context) {
        return InvocationScope.open(Objects.requireNonNull(extraction, "extraction"), context, null);
    }

    /** {@code handler}, with extraction and hand-off around each call. */
    @SuppressWarnings("try") // the scope is used by being closed
    public static <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler) {
        Objects.requireNonNull(handler, "handler");
        ExtractorHolder.EXTRACTOR.name(); // resolve now, at the wrapper's creation (cold start)
        return (input, context) -> {
            try (InvocationScope scope = InvocationScope.open(EventExtraction.extract(ExtractorHolder.EXTRACTOR, input, context), context, null)) {
                try {
                    return handler.handleRequest(input, scope.lambdaContext());
                } catch (RuntimeException | Error e) {
                    scope.failed(e);
                    throw e;
                }
            }
        };
    }

    /** {@code handler}, with extraction (from the same bytes it reads) and hand-off around each call. */
    @SuppressWarnings("try") // the scope is used by being closed
    public static RequestStreamHandler wrap(RequestStreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        ExtractorHolder.EXTRACTOR.name();
        return (input, output, context) -> {
            byte[] event = input.readAllBytes();
            try (InvocationScope scope = InvocationScope.open(extract(event, context), context, event)) {
                try {
                    handler.handleRequest(new ByteArrayInputStream(event), output, scope.lambdaContext());
                } catch (Throwable t) {
                    scope.failed(t);
                    throw t;
                }
            }
        };
    }

    /**
     * Runs {@code handler} for every record of a batch event given as JSON ({@code Records[*]} of SQS, SNS,
     * Kinesis, DynamoDB; Kafka's {@code records.<topic-partition>[*]}), in event order, each with its own
     * context current ({@link RecordScope}); records without one run under the invocation's context. Records
     * are matched to contexts by identity in the open invocation's extraction, or, with none open, by
     * extracting {@code event} now. The first exception thrown for a record propagates unchanged, after that
     * record's scope is closed; the remaining records are not processed. For the typed events and partial batch
     * responses see {@link TracexBatch}.
     *
     * <pre>{@code
     * TracexLambda.forEachRecord(event, (record, rc) -> log.info("message {}", rc.id().orElse("?")));
     * }</pre>
     */
    public static void forEachRecord(JsonNode event, RecordHandler<JsonNode> handler) {
        Objects.requireNonNull(handler, "handler");
        JsonRecords records = JsonRecords.of(event);
        BatchRun.forEach(records.records, records.metas, () -> extract(event, null), handler::handle);
    }

    /** The parent context of the invocation running on this thread, if one was extracted. */
    public static Optional<TraceContext> current() {
        return InvocationHandOff.current().parent();
    }

    /** The batch records' contexts of the invocation running on this thread (span links data). */
    public static List<TraceContext> currentLinks() {
        return InvocationHandOff.current().links();
    }

    /**
     * The extracted parent as propagation headers ({@code x-datadog-*}, {@code traceparent},
     * {@code tracestate}) any tracer can extract; empty when there is none. For the context to send on,
     * use {@link TraceHeaders#current()}, which prefers the span in progress.
     */
    public static Map<String, String> currentHeaders() {
        return current().map(HeaderStyles::inject).orElse(Map.of());
    }
}
