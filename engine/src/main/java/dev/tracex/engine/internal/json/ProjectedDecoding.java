package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * A decoding step ({@code base64}, {@code gzip}, {@code json}) applied to a value of an event read from raw bytes,
 * keeping what the rules read of its result: the bytes of {@code base64} and {@code gzip} carry on the projection of
 * what is read through the next step, and {@code json} decodes only what the rules read of the document, as for
 * embedded JSON text ({@link EmbeddedText}). A Kinesis record's 64 KB of base64 JSON thus becomes a document of its
 * {@code _datadog} and propagation headers. Values not from raw bytes, or that no rule reads through the step, are
 * decoded by the step itself. Internal: may change without notice.
 */
public final class ProjectedDecoding {
    private ProjectedDecoding() {
    }

    /** Bytes a decoding step made of a projected value, with the projection of what is read of them. */
    static final class ProjectedBytes extends BinaryNode {
        private static final long serialVersionUID = 1L;

        private final transient Projection projection;

        ProjectedBytes(byte[] bytes, Projection projection) {
            super(bytes);
            this.projection = projection;
        }
    }

    /** What step {@code name} ({@code step}) makes of {@code in}, pruned to what rules read of it where they say. */
    public static JsonNode apply(String name, UnaryOperator<JsonNode> step, JsonNode in) {
        Projection at = in instanceof EmbeddedText ? ((EmbeddedText) in).projection()
                : in instanceof ProjectedBytes ? ((ProjectedBytes) in).projection : null;
        Projection next = at == null ? null : at.decodedOrNull(name);
        if (next == null || next.isWhole()) {
            return step.apply(in);
        }
        if (!name.equals("json")) {
            JsonNode out = step.apply(in);
            return out instanceof BinaryNode ? new ProjectedBytes(((BinaryNode) out).binaryValue(), next) : out;
        }
        if (!in.isTextual() && !in.isBinary()) {
            return step.apply(in); // an object or array passes through
        }
        try {
            JsonReader r = in.isTextual() ? JsonReader.of(in.textValue()) : JsonReader.of(((BinaryNode) in).binaryValue());
            return r.nextToken() == null ? null : next.read(r); // the first value, as the json step reads it
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
