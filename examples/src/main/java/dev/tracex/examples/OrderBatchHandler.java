package dev.tracex.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.TracexBatch;
import dev.tracex.lambda.TracexLambda;

/**
 * An SQS consumer that processes its batch message by message, each under the trace of the order that sent
 * it, and reports the messages it could not process as a partial batch response (the event source mapping
 * has {@code FunctionResponseTypes: [ReportBatchItemFailures]}), so SQS redelivers only those.
 *
 * <p>Behind the wrapper, with {@code DD_TRACE_EXTRACTOR=extractors.sqs_records}: that rule reads every
 * message's {@code _datadog} attribute and names each by its {@code messageId}, so {@link TracexBatch} puts
 * each message's own context in place while its code runs ({@link TracexLambda#current()}, OpenTelemetry's
 * current context, the MDC) and the invocation's back afterwards. A message without a context runs under the
 * invocation's (with {@code parent: none}, none). Stateless and thread-safe.
 */
public final class OrderBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return TracexBatch.processSqs(event, (message, record) -> {
            JsonNode order = parse(message.getBody());
            String trace = TracexLambda.current().map(TraceContext::traceIdHex).orElse("none");
            // A real function would reserve stock here; its spans and logs join the order's trace.
            context.getLogger().log("order " + order.path("orderId").asText() + " (message " + message.getMessageId()
                    + "): trace " + trace + "\n");
        });
    }

    private static JsonNode parse(String body) throws JsonProcessingException {
        JsonNode order = JSON.readTree(body);
        if (order == null || !order.isObject() || !order.hasNonNull("orderId")) {
            // The producer's bug: fail this message only; SQS redrives it to the dead-letter queue in time.
            throw new IllegalArgumentException("order message is not a JSON object with an orderId");
        }
        return order;
    }
}
