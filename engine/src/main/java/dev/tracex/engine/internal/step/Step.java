package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A named pipeline step ({@code json}, {@code base64}, ...): turns one value into another. Stateless and
 * thread-safe; returns {@code null} when the input is not something it can transform (never throws).
 */
public interface Step {
    String name();

    JsonNode apply(JsonNode input);
}
