package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a traced function does in the tracer tests: starts one span of its own ({@code user-work}) through
 * {@link GlobalOpenTelemetry}, as a function using the OpenTelemetry API does, and reports what it saw: the
 * request id, the span current when it started (the invocation span), its own span, the client context's
 * {@code traceparent}.
 */
public final class UserWork {
    private UserWork() {
    }

    public static Map<String, String> run(Context context) {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("request_id", context.getAwsRequestId());
        SpanContext current = Span.current().getSpanContext();
        seen.put("current_trace_id", current.getTraceId());
        seen.put("current_span_id", current.getSpanId());
        Tracer tracer = GlobalOpenTelemetry.getTracer("tracex-test-function");
        Span span = tracer.spanBuilder("user-work").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            seen.put("user_trace_id", span.getSpanContext().getTraceId());
            seen.put("user_span_id", span.getSpanContext().getSpanId());
        } finally {
            span.end();
        }
        if (context.getClientContext() != null && context.getClientContext().getCustom() != null) {
            seen.put("client_traceparent", String.valueOf(context.getClientContext().getCustom().get("traceparent")));
        }
        return seen;
    }

    /** The forms of handler the runtime accepts, each doing {@link #run}. */
    public static final class Typed implements com.amazonaws.services.lambda.runtime.RequestHandler<Map<String, Object>, Map<String, String>> {
        @Override
        public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
            return run(context);
        }
    }

    public static final class Streaming implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        @Override
        public void handleRequest(java.io.InputStream input, java.io.OutputStream output, Context context) throws java.io.IOException {
            input.readAllBytes();
            output.write(JSON.writeValueAsBytes(run(context)));
        }
    }

    /** A typed SQS handler: the agent's events instrumentation starts a CONSUMER span for the batch beneath its SERVER span. */
    public static final class SqsTyped implements com.amazonaws.services.lambda.runtime.RequestHandler<
            com.amazonaws.services.lambda.runtime.events.SQSEvent, Map<String, String>> {
        @Override
        public Map<String, String> handleRequest(com.amazonaws.services.lambda.runtime.events.SQSEvent event, Context context) {
            Map<String, String> seen = run(context);
            seen.put("records", String.valueOf(event.getRecords().size()));
            return seen;
        }
    }

    public static final class PojoMethod {
        public Map<String, String> handle(Map<String, Object> event, Context context) {
            return run(context);
        }
    }
}
