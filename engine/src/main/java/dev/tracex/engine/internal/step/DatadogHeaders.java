package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.propagation.DatadogFormat;

import java.util.Iterator;
import java.util.Map;

/**
 * The headers object the conversion steps ({@code stepfunctions}, {@code aws-trace-header},
 * {@code lambda-xray}) hand to a {@code headers:} rule: Datadog's {@code x-datadog-*} names with decimal
 * ids, so the Datadog format decodes and validates them like any other carrier. Internal.
 */
final class DatadogHeaders {
    static final String TRACE_ID = DatadogFormat.TRACE_ID;
    static final String PARENT_ID = DatadogFormat.PARENT_ID;
    static final String SAMPLING_PRIORITY = DatadogFormat.SAMPLING_PRIORITY;
    static final String ORIGIN = DatadogFormat.ORIGIN;
    static final String TAGS = DatadogFormat.TAGS;

    private DatadogHeaders() {
    }

    /** Trace and parent id as unsigned decimal text, the priority (omitted when {@code null}). */
    static ObjectNode of(long traceId, long parentId, Integer priority) {
        ObjectNode o = Json.object();
        o.put(TRACE_ID, Long.toUnsignedString(traceId));
        o.put(PARENT_ID, Long.toUnsignedString(parentId));
        if (priority != null) {
            o.put(SAMPLING_PRIORITY, priority.toString());
        }
        return o;
    }

    /** The value of field {@code name} of an object, its name matched case-insensitively, or {@code null}. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode v = object.get(name);
        if (v != null) {
            return v;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A text value, or {@code null} for anything else. */
    static String text(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** An object given as itself or as text holding a JSON object; else {@code null}. */
    static JsonNode object(JsonNode v) {
        if (v != null && v.isTextual()) {
            v = DecodedDocuments.embedded(v);
        }
        return v != null && v.isObject() ? v : null;
    }
}
