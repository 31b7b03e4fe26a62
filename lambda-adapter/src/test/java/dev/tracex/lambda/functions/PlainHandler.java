package dev.tracex.lambda.functions;

import dev.tracex.lambda.TracexLambda;

import java.util.LinkedHashMap;
import java.util.Map;

/** A handler that uses neither OpenTelemetry nor SLF4J, for the run without them on the class path. */
public class PlainHandler {
    public static Map<String, Object> handle(Map<String, Object> event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", ((java.util.List<?>) event.get("Records")).size());
        TracexLambda.current().ifPresent(c -> {
            m.put("trace_id", c.traceId());
            m.put("parent_id", c.parentIdDecimal());
        });
        m.put("headers", TracexLambda.currentHeaders());
        return m;
    }
}
