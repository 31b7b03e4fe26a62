package dev.tracex.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracex.engine.EventJson;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.propagation.PropagationStyle;
import dev.tracex.lambda.internal.handoff.HeaderStyles;
import dev.tracex.lambda.internal.handoff.OpenTelemetryHandOff;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.logging.Log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The producer side: the trace context to put into what a function sends on, so the next function's
 * extractor continues the trace. The Java counterpart of Datadog's {@code get_dd_trace_context()}
 * (Python) and {@code getTraceHeaders()} (Node.js).
 *
 * <p>{@link #current()} is the context of the span in progress: OpenTelemetry's current span when an
 * SDK or agent has started one (the OpenTelemetry API is optional), else the parent the adapter
 * extracted for this invocation, else nothing. It is rendered in Datadog's headers
 * ({@code x-datadog-trace-id}, {@code x-datadog-parent-id}, {@code x-datadog-sampling-priority},
 * {@code x-datadog-origin}, {@code x-datadog-tags}) and W3C's ({@code traceparent}, {@code tracestate}),
 * the map the built-in rules read back from a {@code _datadog} attribute or field. The helpers put it
 * where those rules look. Every method returns an empty map / leaves the payload unchanged when there
 * is no context, and never throws on that account. Thread-safe.
 *
 * <pre>{@code
 * Map<String, Object> detail = TraceHeaders.withTraceHeaders(Map.of("orderId", 42));
 * eventBridge.putEvents(r -> r.entries(e -> e.detail(TraceHeaders.toJson(detail)) ...));
 * }</pre>
 */
public final class TraceHeaders {
    /** The attribute or field name the headers travel under, as in Datadog's libraries. */
    public static final String KEY = "_datadog";

    private TraceHeaders() {
    }

    /** The context to send on, if any (see the class comment for where it comes from). */
    public static Optional<TraceContext> currentContext() {
        TraceContext extracted = TracexLambda.current().orElse(null);
        if (OptionalLibraries.OPENTELEMETRY) {
            try {
                TraceContext local = OpenTelemetryHandOff.localSpan(extracted);
                if (local != null) {
                    return Optional.of(local);
                }
            } catch (RuntimeException | LinkageError e) {
                Log.debug("tracex: cannot read the current OpenTelemetry span: " + e);
            }
        }
        return Optional.ofNullable(extracted);
    }

    /** The propagation headers of {@link #currentContext()}, Datadog then W3C; empty when there is none. */
    public static Map<String, String> current() {
        return currentContext().map(TraceHeaders::of).orElse(Map.of());
    }

    /** The propagation headers of {@code context}, Datadog then W3C. */
    public static Map<String, String> of(TraceContext context) {
        Objects.requireNonNull(context, "context");
        return Collections.unmodifiableMap(HeaderStyles.inject(context));
    }

    /**
     * The W3C headers of {@link #currentContext()} alone: {@code traceparent}, {@code tracestate} (with
     * Datadog's {@code dd=} member) and {@code baggage} when it has some; empty when there is no context.
     * Each as a message attribute of its own is what OpenTelemetry's AWS SDK instrumentation writes, and
     * what the built-in {@code sqs} and {@code sns} rules read after {@code _datadog}.
     */
    public static Map<String, String> currentW3c() {
        return currentContext()
                .map(c -> Collections.unmodifiableMap(PropagationStyle.inject(c, List.of(PropagationStyle.TRACECONTEXT))))
                .orElse(Map.of());
    }

    /**
     * {@link #current()} as Kafka record headers: each value its UTF-8 bytes, for
     * {@code record.headers().add(name, value)} (the built-in {@code kafka} rule reads them back from MSK and
     * self-managed Kafka events). Empty when there is no context.
     */
    public static Map<String, byte[]> kafkaHeaders() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        current().forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return Collections.unmodifiableMap(out);
    }

    /** {@link #current()} as JSON text: the {@code StringValue} of a {@code _datadog} message attribute. */
    public static String currentJson() {
        return toJson(current());
    }

    /**
     * {@code payload} with {@code _datadog} set to {@link #current()}: a custom event, an EventBridge
     * {@code detail}, a Step Functions input, a Kinesis or Kafka record's JSON. {@code payload} is copied,
     * not changed; without a context the copy has no {@code _datadog}.
     */
    public static Map<String, Object> withTraceHeaders(Map<String, ?> payload) {
        Objects.requireNonNull(payload, "payload");
        Map<String, Object> out = new LinkedHashMap<>(payload);
        Map<String, String> headers = current();
        if (!headers.isEmpty()) {
            out.put(KEY, headers);
        }
        return out;
    }

    /** {@link #withTraceHeaders} as the JSON text of an EventBridge {@code Detail}. */
    public static String eventBridgeDetail(Map<String, ?> detail) {
        return toJson(withTraceHeaders(detail));
    }

    /** {@link #withTraceHeaders} as the UTF-8 JSON bytes of a Kinesis record's {@code Data}. */
    public static byte[] kinesisData(Map<String, ?> record) {
        return toJson(withTraceHeaders(record)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code ClientContext} of a direct {@code Invoke} (base64 JSON):
     * {@code {"custom": {"_datadog": "<headers as JSON>"}}}. The Java runtime gives a function the custom
     * values as strings, so the headers travel as one JSON string, which the rules decode.
     */
    public static String clientContext() {
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, String> headers = current();
        if (!headers.isEmpty()) {
            custom.put(KEY, toJson(headers));
        }
        String json = toJson(Map.of("custom", custom));
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON text of a map of strings, numbers, booleans, maps and lists. */
    public static String toJson(Map<String, ?> value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
