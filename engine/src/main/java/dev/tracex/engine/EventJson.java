package dev.tracex.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.internal.json.Json;

/**
 * JSON read as the engine reads events, for code beside it (the Lambda adapter, the command line): a tree
 * built with jackson-core alone, without an {@code ObjectMapper}, whose first use costs a large part of a
 * cold start; Jackson's read limits (nesting depth, string and number lengths) stay on, so a hostile document
 * is refused rather than exhausting the stack or the heap. {@link #mapper()} is the one mapper the engine
 * makes, on first use, for code that does need one. Thread-safe.
 *
 * <pre>{@code
 * JsonNode event = EventJson.readOrNull(bytes);
 * if (event != null && event.has("Records")) { ... }
 * }</pre>
 */
public final class EventJson {
    private EventJson() {
    }

    /** {@code json}'s first value as a tree (as {@code ObjectMapper.readTree} reads it); {@code null} when it is {@code null}, empty or not JSON. */
    public static JsonNode readOrNull(byte[] json) {
        return Json.parseOrNull(json);
    }

    /** {@code json}'s first value as a tree (as {@code ObjectMapper.readTree} reads it); {@code null} when it is {@code null}, empty or not JSON. */
    public static JsonNode readOrNull(String json) {
        return Json.parseOrNull(json);
    }

    /** The engine's shared {@code ObjectMapper}, made on first use; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return Json.mapper();
    }
}
