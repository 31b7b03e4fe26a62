package dev.tracex.lambda.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/**
 * A test span exporter: each batch the SDK exports as one line on standard output in the OTLP JSON shape,
 * {@code {"resource":{},"scopeSpans":[{"spans":[...]}]}} (ids in hex, kind, parent, attributes as strings,
 * links, status), which {@code ExportedSpans} reads like the agent's {@code logging-otlp} lines. (The SDK's
 * own {@code logging-otlp} exporter is not served by the Maven repository here.)
 */
public final class JsonLinesSpanExporter implements SpanExporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        ObjectNode line = JSON.createObjectNode();
        line.putObject("resource");
        ArrayNode out = line.putArray("scopeSpans").addObject().putArray("spans");
        for (SpanData s : spans) {
            ObjectNode o = out.addObject();
            o.put("traceId", s.getTraceId()).put("spanId", s.getSpanId()).put("name", s.getName())
                    .put("kind", otlpKind(s.getKind()));
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

    /** OTLP's numbers for span kinds (INTERNAL 1, SERVER 2, CLIENT 3, PRODUCER 4, CONSUMER 5). */
    private static int otlpKind(SpanKind kind) {
        return kind.ordinal() + 1;
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
