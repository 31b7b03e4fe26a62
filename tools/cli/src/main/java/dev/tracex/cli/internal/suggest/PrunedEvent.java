package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.cli.internal.location.EventPath;

import java.util.List;

/**
 * An event cut down to the values a rule reads, each kept whole along with the keys and indices that lead to it:
 * a rule's example that reads as the event did, short enough to keep in the rules file. Array items before the one
 * read are kept as empty objects, so indices stay what they were.
 */
final class PrunedEvent {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PrunedEvent() {
    }

    /** {@code event} with only what lies along {@code paths}. */
    static JsonNode keep(JsonNode event, List<EventPath> paths) {
        JsonNode out = null;
        for (EventPath p : paths) {
            out = merge(out, event, p.segments(), 0);
        }
        return out == null ? event.deepCopy() : out;
    }

    private static JsonNode merge(JsonNode kept, JsonNode source, List<Object> segments, int i) {
        if (i == segments.size()) {
            return source.deepCopy();
        }
        Object segment = segments.get(i);
        if (segment instanceof String key) {
            ObjectNode o = kept instanceof ObjectNode k ? k : F.objectNode();
            o.set(key, merge(o.get(key), source.get(key), segments, i + 1));
            return o;
        }
        int index = (Integer) segment;
        ArrayNode a = kept instanceof ArrayNode k ? k : F.arrayNode();
        while (a.size() <= index) {
            a.addObject();
        }
        a.set(index, merge(a.get(index), source.get(index), segments, i + 1));
        return a;
    }
}
