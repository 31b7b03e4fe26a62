package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.Map;

/** A typed SQS consumer: reports the records it got (deserialized by the runtime's serializer) and the context. */
public class SqsHandler implements RequestHandler<SQSEvent, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(SQSEvent event, Context context) {
        Map<String, Object> m = Seen.now();
        m.put("records", event.getRecords().size());
        m.put("first_body", event.getRecords().get(0).getBody());
        m.put("request_id", context.getAwsRequestId());
        return m;
    }
}
