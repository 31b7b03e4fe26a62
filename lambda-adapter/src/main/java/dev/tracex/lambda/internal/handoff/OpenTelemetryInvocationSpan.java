package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.logging.Log;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.Objects;

/**
 * The invocation (SERVER) span tracex starts itself when the function handed it its OpenTelemetry SDK
 * ({@code TracexOpenTelemetry.register}) and no tracer span is current: named after the function, parented on
 * the extracted context, with OpenTelemetry's FaaS attributes ({@code faas.trigger}, {@code faas.invocation_id},
 * {@code cloud.resource_id}, {@code cloud.account.id}), the extraction's ({@link ExtractionAttributes}), for a batch the messaging attributes and one link per
 * record that carried a context. It is current for the handler, ends when the invocation does and is then
 * flushed, because Lambda may freeze the process as soon as the response is sent. Loaded only with the
 * OpenTelemetry API present.
 */
public final class OpenTelemetryInvocationSpan implements AutoCloseable {
    static final String INSTRUMENTATION_SCOPE = "dev.tracex.lambda";

    static final AttributeKey<String> FAAS_TRIGGER = AttributeKey.stringKey("faas.trigger");
    public static final AttributeKey<String> FAAS_INVOCATION_ID = AttributeKey.stringKey("faas.invocation_id");
    static final AttributeKey<String> CLOUD_RESOURCE_ID = AttributeKey.stringKey("cloud.resource_id");
    public static final AttributeKey<String> CLOUD_ACCOUNT_ID = AttributeKey.stringKey("cloud.account.id");
    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> MESSAGING_OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<Long> MESSAGING_BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");

    /** The instance handed over, with the function's way of flushing it. */
    private record Registration(Tracer tracer, io.opentelemetry.api.metrics.MeterProvider meterProvider, Runnable forceFlush) {
    }

    private static volatile Registration registered;

    private final Span span;
    private final Scope scope;
    private final Runnable forceFlush;

    private OpenTelemetryInvocationSpan(Span span, Scope scope, Runnable forceFlush) {
        this.span = span;
        this.scope = scope;
        this.forceFlush = forceFlush;
    }

    public static void register(OpenTelemetry openTelemetry, Runnable forceFlush) {
        registered = new Registration(openTelemetry.getTracer(INSTRUMENTATION_SCOPE), openTelemetry.getMeterProvider(), forceFlush);
    }

    public static void unregister() {
        registered = null;
    }

    /** The tracer of the SDK handed over, or {@code null}. */
    static Tracer registeredTracer() {
        Registration r = registered;
        return r == null ? null : r.tracer();
    }

    /** The meter provider of the SDK handed over, or {@code null}. */
    static io.opentelemetry.api.metrics.MeterProvider registeredMeterProvider() {
        Registration r = registered;
        return r == null ? null : r.meterProvider();
    }

    /** Whether an SDK was handed over, so that invocations get a span of tracex's own. */
    public static boolean isRegistered() {
        return registered != null;
    }

    /**
     * Starts the invocation span and makes it current; {@code null} when no SDK was handed over or a tracer's
     * span is already current (that tracer owns the invocation span).
     */
    public static OpenTelemetryInvocationSpan start(Extraction extraction, com.amazonaws.services.lambda.runtime.Context lambda,
                                             byte[] event, ExtractionOutcome outcome) {
        Registration r = registered;
        if (r == null || OpenTelemetryHandOff.hasLocalSpan()) {
            return null;
        }
        Context parent = Context.current();
        if (extraction.parent().isPresent()) {
            parent = parent.with(Span.wrap(OpenTelemetryHandOff.spanContext(extraction.parent().get())));
        }
        String name = lambda == null || lambda.getFunctionName() == null ? "lambda" : lambda.getFunctionName();
        InvocationTrigger trigger = InvocationTrigger.of(event);
        SpanBuilder b = r.tracer().spanBuilder(name).setSpanKind(SpanKind.SERVER).setParent(parent)
                .setAttribute(FAAS_TRIGGER, trigger.faasTrigger());
        if (lambda != null) {
            setIfPresent(b, FAAS_INVOCATION_ID, lambda.getAwsRequestId());
            String arn = lambda.getInvokedFunctionArn();
            setIfPresent(b, CLOUD_RESOURCE_ID, arn);
            String[] parts = arn == null ? new String[0] : arn.split(":", 6);
            if (parts.length > 4 && !parts[4].isEmpty()) {
                b.setAttribute(CLOUD_ACCOUNT_ID, parts[4]);
            }
        }
        if (trigger.records() > 0) {
            setIfPresent(b, MESSAGING_SYSTEM, trigger.messagingSystem());
            b.setAttribute(MESSAGING_OPERATION_TYPE, "process");
            b.setAttribute(MESSAGING_BATCH_COUNT, (long) trigger.records());
        }
        if (outcome != null) {
            ExtractionAttributes.set(b, outcome);
        }
        for (TraceContext link : extraction.links()) {
            b.addLink(OpenTelemetryHandOff.spanContext(link));
        }
        Span span = b.startSpan();
        return new OpenTelemetryInvocationSpan(span, parent.with(span).makeCurrent(), r.forceFlush());
    }

    private static void setIfPresent(SpanBuilder b, AttributeKey<String> key, String value) {
        if (value != null && !value.isEmpty()) {
            b.setAttribute(key, value);
        }
    }

    /** Records the handler's exception on the span (status error); the exception itself goes on unchanged. */
    public void failed(Throwable t) {
        span.recordException(Objects.requireNonNull(t));
        span.setStatus(StatusCode.ERROR, t.getClass().getName());
    }

    /** Ends the span and flushes it, on the invocation's thread, before the response is sent. */
    @Override
    public void close() {
        scope.close();
        span.end();
        try {
            forceFlush.run();
        } catch (RuntimeException | LinkageError e) {
            Log.warn("tracex: the OpenTelemetry flush after the invocation failed: " + e);
        }
    }
}
