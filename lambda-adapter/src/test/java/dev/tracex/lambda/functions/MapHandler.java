package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.Map;

/** A plain class with a handler method taking a Map and the Context (DD_LAMBDA_HANDLER=...MapHandler::handle). */
public class MapHandler {
    public Map<String, Object> handle(Map<String, Object> event, Context context) {
        Map<String, Object> m = Seen.now();
        m.put("order", event.get("order"));
        return m;
    }
}
