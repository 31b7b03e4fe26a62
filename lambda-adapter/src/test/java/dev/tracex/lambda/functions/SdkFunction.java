package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.lambda.TracexOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A function that owns its OpenTelemetry SDK (no agent) and hands it to tracex at init, as the README shows.
 * Its SDK batches (the default five-second delay), so a span in the log by the time the runtime has the
 * response shows tracex's flush; it exports each batch as one OTLP-shaped JSON line on standard output.
 */
public final class SdkFunction implements RequestHandler<Map<String, Object>, Map<String, String>> {
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new JsonLines()).build()).build())
            .buildAndRegisterGlobal();

    static {
        TracexOpenTelemetry.register(SDK, () -> SDK.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS));
    }

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalStateException("order rejected");
        }
        return UserWork.run(context);
    }

    /** Each batch as {@code {"resource":{},"scopeSpans":[{"spans":[...]}]}}, the OTLP JSON shape, one line. */
    static final class JsonLines implements SpanExporter {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ObjectNode line = JSON.createObjectNode();
            line.putObject("resource");
            ArrayNode out = line.putArray("scopeSpans").addObject().putArray("spans");
            for (SpanData s : spans) {
                ObjectNode o = out.addObject();
                o.put("traceId", s.getTraceId()).put("spanId", s.getSpanId()).put("name", s.getName())
                        .put("kind", s.getKind() == SpanKind.SERVER ? 2 : s.getKind() == SpanKind.INTERNAL ? 1 : 0);
                if (s.getParentSpanContext().isValid()) {
                    o.put("parentSpanId", s.getParentSpanId());
                }
                ArrayNode attributes = o.putArray("attributes");
                s.getAttributes().forEach((AttributeKey<?> k, Object v) ->
                        attributes.addObject().put("key", k.getKey()).putObject("value").put("stringValue", String.valueOf(v)));
                ArrayNode links = o.putArray("links");
                for (LinkData l : s.getLinks()) {
                    links.addObject().put("traceId", l.getSpanContext().getTraceId()).put("spanId", l.getSpanContext().getSpanId());
                }
                o.putObject("status").put("code", s.getStatus().getStatusCode().ordinal());
            }
            System.out.println(line);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
