package dev.tracex.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.TracexLambda;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function that returns the trace context it was handed, to check the wiring of any rule on any event:
 * deploy it behind the wrapper ({@code DD_LAMBDA_HANDLER=dev.tracex.examples.EchoContextHandler}), invoke
 * it, and compare its answer with what the producer sent.
 *
 * <p>It is a plain {@link RequestHandler} and knows nothing of the rules. It returns the keys
 * {@code tracex extract} prints ({@code rule}, {@code format}, {@code trace_id}, {@code trace_id_128},
 * {@code parent_id}, {@code sampling_priority}, {@code origin}, {@code tags}, {@code traceparent}), read
 * through {@link TracexLambda#current()}; {@code otel_trace_id} and {@code otel_parent_span_id}, the remote
 * parent in OpenTelemetry's current context (what a span started here would be the child of); and
 * {@code aws_request_id}. Keys without a value ({@code origin}, {@code sampling_priority}) are left out, as
 * the runtime's serializer would drop them anyway. With no context it returns an empty map. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * $ tracex invoke --handler dev.tracex.examples.EchoContextHandler --extractor extractors.json \
 *       --path src/main/resources --classpath 'target/classes:target/lib/*' events/custom_payload_event.json
 * }</pre>
 */
public final class EchoContextHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Optional<TraceContext> parent = TracexLambda.current();
        if (parent.isEmpty()) {
            return Map.of();
        }
        // The same JSON `tracex extract` prints, so the two can be compared key by key.
        Map<String, Object> seen = new LinkedHashMap<>(JSON.convertValue(ContextJson.of(parent.get()), MAP));
        seen.values().removeIf(Objects::isNull);
        SpanContext otel = Span.current().getSpanContext();
        if (otel.isValid()) {
            seen.put("otel_trace_id", otel.getTraceId());
            seen.put("otel_parent_span_id", otel.getSpanId());
        }
        seen.put("aws_request_id", context.getAwsRequestId());
        return seen;
    }
}
