package dev.tracex.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.TraceHeaders;
import dev.tracex.lambda.TracexLambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SQS consumer: reads the orders on the queue and prepares one shipment request per order, for the
 * next function (the one fed by a custom payload), carrying the trace on under {@code "_datadog"}.
 *
 * <p>Nothing here knows how the context arrived: the function's handler is the wrapper
 * ({@code dev.tracex.lambda.TracingHandler::handleRequest}), {@code DD_LAMBDA_HANDLER} names this class,
 * and {@code DD_TRACE_EXTRACTOR=extractors.sqs} reads the {@code _datadog} message attribute the producer
 * set. During the call the producer's context is OpenTelemetry's current remote parent, in the MDC and
 * in {@link TracexLambda#current()}, and {@link TraceHeaders} writes it into what goes out. It returns
 * the shipment requests (where a real function would send them with {@code LambdaClient.invoke}), so a
 * local run shows what would travel on. Stateless and thread-safe.
 *
 * <pre>{@code
 * [{"orderId": "ord-1", "quantity": 2, "_datadog": {"x-datadog-trace-id": "...", "x-datadog-parent-id": "...", ...}}]
 * }</pre>
 */
public final class OrderQueueHandler implements RequestHandler<SQSEvent, List<Map<String, Object>>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public List<Map<String, Object>> handleRequest(SQSEvent event, Context context) {
        String trace = TracexLambda.current().map(c -> c.traceIdHex()).orElse("none");
        context.getLogger().log("orders: " + event.getRecords().size() + " messages, trace " + trace + "\n");
        List<Map<String, Object>> shipments = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Map<String, Object> order = parse(message.getBody());
            Map<String, Object> shipment = new LinkedHashMap<>();
            shipment.put("orderId", order.get("orderId"));
            shipment.put("quantity", order.get("quantity"));
            // What getTraceHeaders() adds in Node: the next function's extractors.json reads it back.
            shipments.add(TraceHeaders.withTraceHeaders(shipment));
        }
        return shipments;
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JSON.readValue(body, MAP);
        } catch (JsonProcessingException e) {
            // A malformed order is the producer's bug; fail the message so SQS redrives it.
            throw new IllegalArgumentException("order message is not a JSON object", e);
        }
    }
}
