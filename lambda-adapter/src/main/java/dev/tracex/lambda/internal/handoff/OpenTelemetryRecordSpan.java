package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.Objects;

/**
 * The CONSUMER span of one batch record's processing, started with the SDK handed to tracex
 * ({@code TracexOpenTelemetry.register}), following OpenTelemetry's messaging conventions for a "process"
 * span: named {@code process <destination>}, {@code messaging.operation.type=process},
 * {@code messaging.system} ({@code aws_sqs}, {@code aws.sns}, {@code kafka}), the destination, the message id,
 * Kafka's partition and offset. Its parent is the record's context (the producer's span), and it links to the
 * span that was current (the invocation span); a record without a context is processed in a child of the
 * invocation span. Loaded only with the OpenTelemetry API present.
 */
public final class OpenTelemetryRecordSpan implements AutoCloseable {
    // messaging.system and messaging.operation.type: the invocation span's keys (OpenTelemetryInvocationSpan).
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> KAFKA_OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Span span;
    private final Scope scope;

    private OpenTelemetryRecordSpan(Span span, Scope scope) {
        this.span = span;
        this.scope = scope;
    }

    /** The record's span, current until closed; {@code null} when no SDK was handed to tracex. */
    public static OpenTelemetryRecordSpan start(TraceContext record, RecordMeta meta) {
        Tracer tracer = OpenTelemetryInvocationSpan.registeredTracer();
        if (tracer == null) {
            return null;
        }
        Context current = Context.current();
        SpanBuilder b = tracer.spanBuilder(meta.destination() == null ? "process" : "process " + meta.destination())
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(OpenTelemetryInvocationSpan.MESSAGING_OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process");
        set(b, OpenTelemetryInvocationSpan.MESSAGING_SYSTEM, meta.system());
        set(b, DESTINATION, meta.destination());
        set(b, MESSAGE_ID, meta.id());
        set(b, PARTITION, meta.partition());
        if (meta.offset() != null) {
            b.setAttribute(KAFKA_OFFSET, meta.offset());
        }
        if (record != null) {
            b.setParent(current.with(Span.wrap(OpenTelemetryHandOff.spanContext(record))));
            SpanContext invocation = Span.fromContext(current).getSpanContext();
            if (invocation.isValid()) {
                b.addLink(invocation);
            }
        } else {
            b.setParent(current);
        }
        Span span = b.startSpan();
        return new OpenTelemetryRecordSpan(span, current.with(span).makeCurrent());
    }

    private static void set(SpanBuilder b, AttributeKey<String> key, String value) {
        if (value != null && !value.isEmpty()) {
            b.setAttribute(key, value);
        }
    }

    public void failed(Throwable t) {
        span.recordException(Objects.requireNonNull(t));
        span.setAttribute(ERROR_TYPE, t.getClass().getName());
        span.setStatus(StatusCode.ERROR, t.getClass().getName());
    }

    /** Ends the span; the invocation span's flush exports it with the rest. */
    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
