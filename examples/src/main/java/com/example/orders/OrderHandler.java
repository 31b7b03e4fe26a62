package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracex.lambda.TraceHeaders;
import dev.tracex.lambda.TracexLambda;
import dev.tracex.lambda.TracingRequestHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SQS consumer that continues the producer's trace and passes it on.
 *
 * <p>Deploy with handler {@code com.example.orders.OrderHandler::handleRequest} and
 * {@code DD_TRACE_EXTRACTOR=extractors.sqs} ({@code src/main/resources/extractors.yaml} is on the class
 * path). The same function without the base class would set the handler to
 * {@code dev.tracex.lambda.TracingHandler::handleRequest} and {@code DD_LAMBDA_HANDLER} to its own.
 */
public final class OrderHandler extends TracingRequestHandler<SQSEvent, String> {
    @Override
    protected String handle(SQSEvent event, Context context) {
        // Here the producer's context is the current OpenTelemetry parent, in the MDC, and in current().
        String trace = TracexLambda.current().map(c -> c.traceIdHex()).orElse("no trace");
        context.getLogger().log("processing " + event.getRecords().size() + " orders in trace " + trace + "\n");

        List<Map<String, Object>> outgoing = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            // Whatever goes on to the next function carries the context under "_datadog".
            outgoing.add(TraceHeaders.withTraceHeaders(Map.of("orderMessageId", message.getMessageId())));
        }
        return "processed " + outgoing.size();
    }
}
