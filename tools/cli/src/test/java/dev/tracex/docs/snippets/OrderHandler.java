package dev.tracex.docs.snippets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracex.lambda.TracingRequestHandler;

// snippet:begin base-class
public final class OrderHandler extends TracingRequestHandler<SQSEvent, String> {
    @Override
    protected String handle(SQSEvent event, Context context) {
        return "processed " + event.getRecords().size();
    }
}
// snippet:end base-class
