package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled JSONPath: reads one value from a document. Internal: may change without notice. */
public interface JsonAccessor {
    /** The value at this path in {@code root} (the first match for a path that can match several), or {@code null}. */
    JsonNode read(JsonNode root);

    /** Every value this path matches in {@code root}, in document order (empty when none). */
    java.util.List<JsonNode> readAll(JsonNode root);

    /**
     * Marks in {@code root} what this path reads and returns the projection where its value lives, so
     * a caller can mark that value whole or project further below it.
     */
    Projection project(Projection root);

    /** True when the path names at most one value: only names and indices. */
    boolean isDefinite();
}
