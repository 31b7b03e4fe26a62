package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.TraceContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The floor: what a careful engineer writes by hand with Jackson for one event shape, with the same
 * validation the rules apply (unsigned 64-bit decimal ids, non-zero, optional priority, {@code _dd.p.tid})
 * and producing the same {@link TraceContext}. The Jayway variants reuse the decoders here, so they
 * differ from the floor only in how they reach the values.
 */
final class HandWritten {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String TRACE_ID = "x-datadog-trace-id";
    private static final String PARENT_ID = "x-datadog-parent-id";
    private static final String PRIORITY = "x-datadog-sampling-priority";
    private static final String ORIGIN = "x-datadog-origin";
    private static final String TAGS = "x-datadog-tags";

    private HandWritten() {
    }

    /** {@code headers: $._datadog} done by hand. */
    static TraceContext datadogHeaders(JsonNode event) {
        return carrier(event.get("_datadog"), "json");
    }

    /** The {@code fields:} rule on {@code $.meta} done by hand. */
    static TraceContext metaFields(JsonNode event) {
        JsonNode meta = event.get("meta");
        if (meta == null) {
            return null;
        }
        JsonNode sampled = meta.get("sampled");
        return fields(text(meta.get("traceId")), text(meta.get("spanId")),
                sampled != null && sampled.canConvertToInt() ? sampled.intValue() : null, text(meta.get("origin")));
    }

    /** The values of the {@code fields:} rule decoded into a context, or {@code null}. */
    static TraceContext fields(String traceIdText, String spanIdText, Integer sampled, String origin) {
        long traceId = decimal(traceIdText);
        long parentId = decimal(spanIdText);
        if (traceId == 0 || parentId == 0) {
            return null;
        }
        TraceContext.Builder b = TraceContext.builder().traceId(0, traceId).parentId(parentId).format("fields").rule("custom");
        if (sampled != null) {
            b.samplingPriority(sampled);
        }
        if (origin != null) {
            b.origin(origin);
        }
        return b.build();
    }

    /**
     * {@code builtin.sqs} by hand, for what the benchmark event holds: the batch must come from SQS, and
     * every record's {@code _datadog} message attribute (String: JSON text; Binary: base64 JSON) gives
     * one context. The first record's is the parent.
     */
    static List<TraceContext> sqs(JsonNode event) {
        JsonNode records = event.get("Records");
        if (records == null || records.size() == 0 || !"aws:sqs".equals(text(records.get(0).get("eventSource")))) {
            return List.of();
        }
        List<TraceContext> found = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            JsonNode attribute = record.path("messageAttributes").get("_datadog");
            TraceContext c = attribute == null ? null : sqsAttribute(attribute);
            if (c != null) {
                found.add(c);
            }
        }
        return found;
    }

    /** One SQS {@code _datadog} message attribute, as the AWS event shapes it. */
    static TraceContext sqsAttribute(JsonNode attribute) {
        String type = text(attribute.get("dataType"));
        if (type == null) {
            return null;
        }
        if (type.startsWith("String")) {
            return carrier(parse(text(attribute.get("stringValue"))), "builtin.sqs");
        }
        if (type.startsWith("Binary")) {
            return carrier(parse(Base64.getDecoder().decode(text(attribute.get("binaryValue")))), "builtin.sqs");
        }
        return null;
    }

    /**
     * {@code builtin.http} by hand on an API Gateway REST event without a Lambda authorizer: the request
     * headers, whose names are case-insensitive.
     */
    static TraceContext apiGateway(JsonNode event) {
        JsonNode authorizer = event.path("requestContext").get("authorizer");
        if (authorizer != null && authorizer.has("_datadog")) {
            throw new UnsupportedOperationException("the benchmark event has no authorizer context");
        }
        return carrierIgnoringCase(event.get("headers"), "builtin.http");
    }

    /** {@code headers: $.Records[0].kinesis.data | base64 | json | $._datadog} by hand. */
    static TraceContext kinesis(JsonNode event) {
        return kinesisData(text(event.path("Records").path(0).path("kinesis").get("data")));
    }

    /** A Kinesis record's base64 data holding {@code {"_datadog": {...}}}. */
    static TraceContext kinesisData(String data) {
        if (data == null) {
            return null;
        }
        JsonNode payload = parse(Base64.getDecoder().decode(data));
        return payload == null ? null : carrier(payload.get("_datadog"), "kinesis");
    }

    /** The same attribute as a {@code Map} (Jayway's default, json-smart, provider). */
    static TraceContext sqsAttribute(Map<?, ?> attribute) {
        String type = string(attribute.get("dataType"));
        if (type == null) {
            return null;
        }
        if (type.startsWith("String")) {
            return carrier(parse(string(attribute.get("stringValue"))), "builtin.sqs");
        }
        if (type.startsWith("Binary")) {
            return carrier(parse(Base64.getDecoder().decode(string(attribute.get("binaryValue")))), "builtin.sqs");
        }
        return null;
    }

    /** A carrier object with lowercase Datadog header names. */
    static TraceContext carrier(JsonNode c, String rule) {
        if (c == null || !c.isObject()) {
            return null;
        }
        return datadog(text(c.get(TRACE_ID)), text(c.get(PARENT_ID)), text(c.get(PRIORITY)), text(c.get(ORIGIN)),
                text(c.get(TAGS)), rule);
    }

    /** The same carrier as a {@code Map} (Jayway's default, json-smart, provider). */
    static TraceContext carrier(Map<?, ?> c, String rule) {
        if (c == null) {
            return null;
        }
        return datadog(string(c.get(TRACE_ID)), string(c.get(PARENT_ID)), string(c.get(PRIORITY)),
                string(c.get(ORIGIN)), string(c.get(TAGS)), rule);
    }

    /** Request headers, names in any case. */
    static TraceContext carrierIgnoringCase(JsonNode headers, String rule) {
        if (headers == null || !headers.isObject()) {
            return null;
        }
        String traceId = null;
        String parentId = null;
        String priority = null;
        String origin = null;
        String tags = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            String name = h.getKey();
            if (name.equalsIgnoreCase(TRACE_ID)) {
                traceId = text(h.getValue());
            } else if (name.equalsIgnoreCase(PARENT_ID)) {
                parentId = text(h.getValue());
            } else if (name.equalsIgnoreCase(PRIORITY)) {
                priority = text(h.getValue());
            } else if (name.equalsIgnoreCase(ORIGIN)) {
                origin = text(h.getValue());
            } else if (name.equalsIgnoreCase(TAGS)) {
                tags = text(h.getValue());
            }
        }
        return datadog(traceId, parentId, priority, origin, tags, rule);
    }

    /** The same request headers as a {@code Map}. */
    static TraceContext carrierIgnoringCase(Map<?, ?> headers, String rule) {
        if (headers == null) {
            return null;
        }
        String traceId = null;
        String parentId = null;
        String priority = null;
        String origin = null;
        String tags = null;
        for (Map.Entry<?, ?> h : headers.entrySet()) {
            String name = String.valueOf(h.getKey());
            if (name.equalsIgnoreCase(TRACE_ID)) {
                traceId = string(h.getValue());
            } else if (name.equalsIgnoreCase(PARENT_ID)) {
                parentId = string(h.getValue());
            } else if (name.equalsIgnoreCase(PRIORITY)) {
                priority = string(h.getValue());
            } else if (name.equalsIgnoreCase(ORIGIN)) {
                origin = string(h.getValue());
            } else if (name.equalsIgnoreCase(TAGS)) {
                tags = string(h.getValue());
            }
        }
        return datadog(traceId, parentId, priority, origin, tags, rule);
    }

    /** Datadog's header values decoded into a context, or {@code null}. */
    static TraceContext datadog(String traceIdText, String parentIdText, String priority, String origin,
                                String tags, String rule) {
        long traceId = decimal(traceIdText);
        long parentId = decimal(parentIdText);
        if (traceId == 0 || parentId == 0) {
            return null;
        }
        TraceContext.Builder b = TraceContext.builder().traceId(0, traceId).parentId(parentId).format("datadog").rule(rule);
        if (priority != null) {
            try {
                b.samplingPriority(Integer.parseInt(priority));
            } catch (NumberFormatException e) {
                // a malformed priority is left absent, the context kept
            }
        }
        if (origin != null) {
            b.origin(origin);
        }
        if (tags != null && tags.length() <= 512) {
            for (String pair : tags.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.startsWith("_dd.p.")) {
                    String k = pair.substring(0, eq);
                    String v = pair.substring(eq + 1);
                    if (k.equals("_dd.p.tid")) {
                        if (v.length() == 16) {
                            b.traceIdHigh(Long.parseUnsignedLong(v, 16));
                        }
                    } else {
                        b.tag(k, v);
                    }
                }
            }
        }
        return b.build();
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** A scalar's text (strings, numbers, booleans); {@code null} for anything else. */
    static String text(JsonNode v) {
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    static String string(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : null;
    }

    /** An unsigned 64-bit decimal id of 1-20 ASCII digits, or 0. */
    static long decimal(String s) {
        if (s == null || s.isEmpty() || s.length() > 20) {
            return 0;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return 0;
            }
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
