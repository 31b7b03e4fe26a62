package dev.tracex.lambda;

import java.util.Map;

/**
 * {@link TraceHeaders#current()} as the {@code _datadog} message attribute of an SQS or SNS message,
 * in AWS SDK v2 types: a {@code String} attribute whose value is the headers as JSON, the form the
 * built-in {@code sqs} and {@code sns} rules read. Needs {@code software.amazon.awssdk:sqs} /
 * {@code :sns} on the class path (optional dependencies of the adapter). Each method returns an empty
 * map when there is no context, so it can always be merged into a message's attributes.
 *
 * <pre>{@code
 * Map<String, MessageAttributeValue> attributes = new HashMap<>(myAttributes);
 * attributes.putAll(AwsSdkTraceHeaders.sqsMessageAttributes());
 * sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(attributes));
 * }</pre>
 *
 * SQS allows 10 message attributes per message; this adds one.
 */
public final class AwsSdkTraceHeaders {
    private AwsSdkTraceHeaders() {
    }

    /** {@code {"_datadog": MessageAttributeValue(String, <headers JSON>)}} for {@code SendMessage}. */
    public static Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sqsMessageAttributes() {
        Map<String, String> headers = TraceHeaders.current();
        if (headers.isEmpty()) {
            return Map.of();
        }
        return Map.of(TraceHeaders.KEY, software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                .dataType("String").stringValue(TraceHeaders.toJson(headers)).build());
    }

    /** {@code {"_datadog": MessageAttributeValue(String, <headers JSON>)}} for {@code Publish}. */
    public static Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> snsMessageAttributes() {
        Map<String, String> headers = TraceHeaders.current();
        if (headers.isEmpty()) {
            return Map.of();
        }
        return Map.of(TraceHeaders.KEY, software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                .dataType("String").stringValue(TraceHeaders.toJson(headers)).build());
    }

    /**
     * {@link TraceHeaders#currentW3c()} as String message attributes named {@code traceparent},
     * {@code tracestate} and {@code baggage}, as OpenTelemetry's AWS SDK instrumentation writes them, for
     * {@code SendMessage}. Adds up to three of SQS's ten attributes.
     */
    public static Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sqsW3cMessageAttributes() {
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> out = new java.util.LinkedHashMap<>();
        TraceHeaders.currentW3c().forEach((k, v) -> out.put(k, software.amazon.awssdk.services.sqs.model.MessageAttributeValue
                .builder().dataType("String").stringValue(v).build()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** {@link TraceHeaders#currentW3c()} as String message attributes, as {@link #sqsW3cMessageAttributes()}, for {@code Publish}. */
    public static Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> snsW3cMessageAttributes() {
        Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> out = new java.util.LinkedHashMap<>();
        TraceHeaders.currentW3c().forEach((k, v) -> out.put(k, software.amazon.awssdk.services.sns.model.MessageAttributeValue
                .builder().dataType("String").stringValue(v).build()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
