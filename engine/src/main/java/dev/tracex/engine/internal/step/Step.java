package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.UnaryOperator;

/**
 * A named pipeline step ({@code json}, {@code base64}, ...): turns one value into another. Stateless and
 * thread-safe; returns {@code null} when the input is not something it can transform (never throws).
 */
public interface Step extends UnaryOperator<JsonNode> {
    String name();

    @Override
    JsonNode apply(JsonNode input);

    /**
     * Whether this step decodes a document (a pure function whose result is a fresh value no step modifies), so
     * that its result for a value can be kept and shared for the rest of the extraction
     * ({@code DecodedDocuments}).
     */
    default boolean decodes() {
        return false;
    }
}
