package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Projection;
import dev.tracex.engine.internal.step.Pipeline;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code record_id:} of an {@code each:} rule: a record's identity read relative to the record, as one
 * pipeline or as pipelines and literal texts concatenated (Kafka: {@code [$.topic, "-", $.partition, "@",
 * $.offset]}). A record lacking any part has no identity. Internal: may change without notice.
 */
public final class RecordId {
    /** One part: exactly one of a pipeline or a literal text. */
    public record Part(Pipeline pipeline, String literal) {
        @Override
        public String toString() {
            return pipeline != null ? pipeline.toString() : "'" + literal + "'";
        }
    }

    private final Part[] parts;

    public RecordId(List<Part> parts) {
        this.parts = parts.toArray(new Part[0]);
    }

    /** The identity of {@code record}, or {@code null} when a part is missing or not a scalar. */
    String read(JsonNode record) {
        if (parts.length == 1 && parts[0].pipeline != null) {
            return text(parts[0].pipeline.evaluate(record));
        }
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p.literal != null) {
                b.append(p.literal);
            } else {
                String v = text(p.pipeline.evaluate(record));
                if (v == null) {
                    return null;
                }
                b.append(v);
            }
        }
        return b.toString();
    }

    private static String text(JsonNode v) {
        return v == null || !v.isValueNode() ? null : v.asText();
    }

    void project(Projection record) {
        for (Part p : parts) {
            if (p.pipeline != null) {
                p.pipeline.project(record);
            }
        }
    }

    /** The parts, in order (what the precompiled form's plan is written from). */
    public List<Part> parts() {
        return List.of(parts);
    }

    @Override
    public String toString() {
        return java.util.Arrays.stream(parts).map(Part::toString).collect(Collectors.joining(" + "));
    }
}
