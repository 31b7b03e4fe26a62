package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.internal.json.Json;

import java.util.Iterator;
import java.util.Map;

/**
 * {@code message-attributes}: SQS or SNS message attributes → headers, one per attribute of a
 * {@code String} type ({@code String}, {@code String.<custom>}), its text the value. Reads the three
 * spellings a Lambda function meets: SQS events ({@code {"dataType": "String", "stringValue": ...}}),
 * SNS notifications, also inside an SQS body ({@code {"Type": "String", "Value": ...}}), and the SDK's
 * ({@code DataType}, {@code StringValue}). This is where OpenTelemetry's AWS SDK instrumentation writes
 * {@code traceparent}, {@code tracestate} and {@code baggage}. Binary and Number attributes are left out;
 * no String attribute gives nothing. Internal.
 */
final class MessageAttributesStep implements Step {
    @Override
    public String name() {
        return "message-attributes";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        JsonNode attributes = in.isTextual() ? DecodedDocuments.embedded(in) : in;
        if (attributes == null || !attributes.isObject()) {
            return null;
        }
        ObjectNode headers = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = stringValue(e.getValue());
            if (value != null) {
                if (headers == null) {
                    headers = Json.object();
                }
                headers.put(e.getKey(), value);
            }
        }
        return headers;
    }

    /** The attribute's text when its type is String or String.<custom>, else {@code null}. */
    private static String stringValue(JsonNode attribute) {
        if (!attribute.isObject()) {
            return null;
        }
        JsonNode type = first(attribute, "dataType", "DataType", "Type");
        if (type == null || !type.isTextual() || !isStringType(type.textValue())) {
            return null;
        }
        JsonNode value = first(attribute, "stringValue", "StringValue", "Value");
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static boolean isStringType(String type) {
        return type.equals("String") || type.startsWith("String.");
    }

    private static JsonNode first(JsonNode o, String a, String b, String c) {
        JsonNode v = o.get(a);
        if (v == null) {
            v = o.get(b);
        }
        return v != null ? v : o.get(c);
    }
}
