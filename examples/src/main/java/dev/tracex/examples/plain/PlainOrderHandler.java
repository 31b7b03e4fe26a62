package dev.tracex.examples.plain;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * An SQS consumer that knows nothing about tracex: no tracex class, no tracex dependency in its package
 * ({@code target/layer-function.zip} holds this package, {@code extractors.yaml} and the events library).
 * tracex comes with the layer ({@code AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper}), which runs this handler
 * behind the wrapper; a tracer agent next to it (OpenTelemetry's, through {@code TRACEX_NEXT_WRAPPER}) then
 * parents the invocation span on the extracted context. What tracex hands a tracer is visible here too: the
 * client context's {@code traceparent}. Stateless and thread-safe.
 */
public final class PlainOrderHandler implements RequestHandler<SQSEvent, String> {
    @Override
    public String handleRequest(SQSEvent event, Context context) {
        ClientContext client = context.getClientContext();
        String traceparent = client == null || client.getCustom() == null ? null : client.getCustom().get("traceparent");
        int orders = event.getRecords() == null ? 0 : event.getRecords().size();
        context.getLogger().log("orders: " + orders + ", traceparent: " + traceparent);
        return "processed " + orders + " orders";
    }
}
