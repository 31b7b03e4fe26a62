package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A function as a dd-trace-java user writes one: it logs through SLF4J (logback, with dd-trace-java's log
 * correlation), and starts a span of its own through the OpenTelemetry API (served by dd-trace-java with
 * {@code DD_TRACE_OTEL_ENABLED=true}), tagged with the request id so the test can find it. An event with
 * {@code "fail": true} makes it throw inside its span.
 */
public class DatadogFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatadogFunction.class);

    @Override
    @SuppressWarnings("try") // the scope is used by being closed
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String requestId = context.getAwsRequestId();
        LOG.info("handling {}", requestId);
        Span span = GlobalOpenTelemetry.getTracer("orders").spanBuilder("orders.work")
                .setAttribute("request.id", requestId).startSpan();
        try (Scope scope = span.makeCurrent()) {
            LOG.info("working {}", requestId);
            if (Boolean.TRUE.equals(event.get("fail"))) {
                throw new IllegalStateException("order rejected");
            }
        } finally {
            span.end();
        }
        return Map.of("request_id", requestId);
    }
}
