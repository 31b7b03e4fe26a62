package dev.tracex.lambda.functions;

import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.TracexLambda;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a test function saw of its trace context during the call, through every hand-off channel. */
public final class Seen {
    private Seen() {
    }

    public static Map<String, Object> now() {
        Map<String, Object> m = tracex();
        SpanContext sc = Span.current().getSpanContext();
        if (sc.isValid()) {
            m.put("otel_trace_id", sc.getTraceId());
            m.put("otel_span_id", sc.getSpanId());
            m.put("otel_sampled", sc.isSampled());
            m.put("otel_remote", sc.isRemote());
            m.put("otel_tracestate", sc.getTraceState().asMap().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }
        m.put("mdc_trace_id", MDC.get("dd.trace_id"));
        m.put("mdc_span_id", MDC.get("dd.span_id"));
        return m;
    }

    /** Only what the adapter itself offers; touches neither OpenTelemetry nor SLF4J. */
    public static Map<String, Object> tracex() {
        Map<String, Object> m = new LinkedHashMap<>();
        TracexLambda.current().ifPresent(c -> {
            m.put("trace_id", c.traceId());
            m.put("parent_id", c.parentIdDecimal());
            m.put("rule", c.rule());
            m.put("sampled", c.sampled());
        });
        List<TraceContext> links = TracexLambda.currentLinks();
        if (!links.isEmpty()) {
            m.put("links", links.stream().map(TraceContext::traceId).collect(Collectors.toList()));
        }
        m.put("headers", TracexLambda.currentHeaders());
        return m;
    }
}
