package dev.tracex.lambda.internal.handoff;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;

import java.util.function.Supplier;

/**
 * The extraction's outcome as attributes of the span tracex hands off to: {@code tracex.rule}, {@code tracex.outcome},
 * {@code tracex.format} (with a parent) and, for a batch, {@code tracex.records_with_context}. On the span a user
 * already looks at, so "did this invocation continue its trace, and why not" needs no new span. Loaded only with
 * the OpenTelemetry API present.
 */
public final class ExtractionAttributes {
    public static final AttributeKey<String> RULE = AttributeKey.stringKey("tracex.rule");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("tracex.outcome");
    public static final AttributeKey<String> FORMAT = AttributeKey.stringKey("tracex.format");
    public static final AttributeKey<Long> RECORDS_WITH_CONTEXT = AttributeKey.longKey("tracex.records_with_context");

    private ExtractionAttributes() {
    }

    static void set(SpanBuilder b, ExtractionOutcome o) {
        b.setAttribute(RULE, o.rule());
        b.setAttribute(OUTCOME, o.outcome());
        if (o.format() != null) {
            b.setAttribute(FORMAT, o.format());
        }
        if (o.batch()) {
            b.setAttribute(RECORDS_WITH_CONTEXT, (long) o.withContext());
        }
    }

    /**
     * Sets them on the span current on this thread, when it is a local recording span (a tracer's invocation span,
     * such as the OpenTelemetry agent's SERVER span around tracex's handler adapter); never on a remote parent.
     */
    public static void setOnCurrentSpan(Supplier<ExtractionOutcome> outcome) {
        Span span = Span.current();
        if (!span.isRecording() || span.getSpanContext().isRemote()) {
            return;
        }
        ExtractionOutcome o = outcome.get(); // made only for a span that takes it
        if (o == null) {
            return;
        }
        span.setAttribute(RULE, o.rule());
        span.setAttribute(OUTCOME, o.outcome());
        if (o.format() != null) {
            span.setAttribute(FORMAT, o.format());
        }
        if (o.batch()) {
            span.setAttribute(RECORDS_WITH_CONTEXT, (long) o.withContext());
        }
    }
}
