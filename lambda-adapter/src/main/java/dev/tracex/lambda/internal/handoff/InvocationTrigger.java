package dev.tracex.lambda.internal.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;

/**
 * What kind of event started an invocation, in OpenTelemetry's FaaS and messaging terms, for the invocation
 * span tracex starts with an SDK handed to it ({@code TracexOpenTelemetry.register}): {@code faas.trigger}
 * ({@code http}, {@code pubsub}, {@code datasource}, {@code timer}, {@code other}), the
 * {@code messaging.system} where the conventions name one, and the batch size for a {@code Records} event.
 * Read from the event's top level only; an event it cannot read is {@code other}.
 */
record InvocationTrigger(String faasTrigger, String messagingSystem, int records) {
    static final InvocationTrigger OTHER = new InvocationTrigger("other", null, -1);

    /** The trigger of {@code event} (raw JSON); {@link #OTHER} for {@code null} or unreadable input. */
    static InvocationTrigger of(byte[] event) {
        if (event == null) {
            return OTHER;
        }
        JsonNode root = EventJson.readOrNull(event);
        if (root == null || !root.isObject()) {
            return OTHER;
        }
        JsonNode records = root.get("Records");
        if (records != null && records.isArray() && !records.isEmpty()) {
            JsonNode first = records.get(0);
            String source = text(first, "eventSource");
            if (source == null) {
                source = text(first, "EventSource");
            }
            int n = records.size();
            if ("aws:sqs".equals(source)) {
                return new InvocationTrigger("pubsub", "aws_sqs", n);
            }
            if ("aws:sns".equals(source) || "aws:kinesis".equals(source)) {
                return new InvocationTrigger("pubsub", null, n);
            }
            if ("aws:dynamodb".equals(source) || "aws:s3".equals(source)) {
                return new InvocationTrigger("datasource", null, n);
            }
            return new InvocationTrigger("other", null, n);
        }
        if (root.has("requestContext") || root.has("httpMethod")) {
            return new InvocationTrigger("http", null, -1);
        }
        if ("aws.events".equals(text(root, "source"))) {
            return new InvocationTrigger("Scheduled Event".equals(text(root, "detail-type")) ? "timer" : "pubsub", null, -1);
        }
        return OTHER;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
