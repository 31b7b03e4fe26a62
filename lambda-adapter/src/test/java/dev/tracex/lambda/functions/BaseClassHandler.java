package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracex.lambda.TracingRequestHandler;

import java.util.Map;

/** A function written against the base class, set directly as the Lambda handler (no wrapper). */
public class BaseClassHandler extends TracingRequestHandler<SQSEvent, Map<String, Object>> {
    @Override
    protected Map<String, Object> handle(SQSEvent event, Context context) {
        Map<String, Object> m = Seen.now();
        m.put("records", event.getRecords().size());
        return m;
    }
}
