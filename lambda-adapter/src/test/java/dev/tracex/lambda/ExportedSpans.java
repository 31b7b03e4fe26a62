package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans a tracer exported, read back from OTLP JSON, ids in hex: the lines the {@code logging-otlp}
 * exporter prints (one OTLP {@code ResourceSpans} per line, {@code {"resource": ..., "scopeSpans": [...]}}),
 * or a whole {@code ExportTraceServiceRequest} ({@code {"resourceSpans": [...]}}).
 */
final class ExportedSpans {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int SERVER = 2;
    static final int INTERNAL = 1;
    static final int CONSUMER = 5;
    static final int STATUS_ERROR = 2;

    record Span(String traceId, String spanId, String parentSpanId, String name, int kind,
                Map<String, String> attributes, List<String> links, int status) {
        boolean isServer() {
            return kind == SERVER;
        }

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private ExportedSpans() {
    }

    /** Every span in every OTLP JSON line of {@code log}, in export order. */
    static List<Span> fromLog(String log) {
        List<Span> spans = new ArrayList<>();
        for (String line : log.split("\n")) {
            int start = line.indexOf("{\"resourceSpans\"");
            if (start < 0) {
                start = line.indexOf("{\"resource\"");
            }
            if (start >= 0) {
                spans.addAll(fromJson(line.substring(start)));
            }
        }
        return spans;
    }

    /** The spans of one {@code {"resourceSpans": ...}} document. */
    static List<Span> fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not OTLP JSON: " + json, e);
        }
        List<Span> spans = new ArrayList<>();
        Iterable<JsonNode> resourceSpans = root.has("resourceSpans") ? root.get("resourceSpans") : List.of(root);
        for (JsonNode rs : resourceSpans) {
            for (JsonNode ss : rs.path("scopeSpans")) {
                for (JsonNode s : ss.path("spans")) {
                    Map<String, String> attributes = new HashMap<>();
                    for (JsonNode a : s.path("attributes")) {
                        JsonNode v = a.path("value");
                        String text = v.has("stringValue") ? v.get("stringValue").asText()
                                : v.has("intValue") ? v.get("intValue").asText()
                                : v.has("boolValue") ? v.get("boolValue").asText() : v.toString();
                        attributes.put(a.path("key").asText(), text);
                    }
                    List<String> links = new ArrayList<>();
                    for (JsonNode l : s.path("links")) {
                        links.add(l.path("traceId").asText() + "-" + l.path("spanId").asText());
                    }
                    JsonNode kind = s.path("kind");
                    int k = kind.isInt() ? kind.asInt() : kind.asText().equals("SPAN_KIND_SERVER") ? SERVER
                            : kind.asText().equals("SPAN_KIND_CONSUMER") ? CONSUMER : INTERNAL;
                    String parent = s.path("parentSpanId").asText("");
                    spans.add(new Span(s.path("traceId").asText(), s.path("spanId").asText(), parent.isEmpty() ? null : parent,
                            s.path("name").asText(), k, attributes, links, s.path("status").path("code").asInt(0)));
                }
            }
        }
        return spans;
    }
}
