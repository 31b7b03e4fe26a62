package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.propagation.HeaderCarrier;

import java.util.Iterator;
import java.util.Map;

/**
 * A JSON object read as propagation headers, names matched case-insensitively. A value may be a
 * string, a number or a boolean; an array gives its first value (ALB and API Gateway
 * {@code multiValueHeaders}).
 */
final class JsonHeaderCarrier implements HeaderCarrier {
    private final JsonNode object;
    /** Whether some key has an uppercase letter: learned on the first miss, so misses on an all-lowercase carrier cost one hash lookup. */
    private Boolean mixedCase;

    JsonHeaderCarrier(JsonNode object) {
        this.object = object;
    }

    @Override
    public String get(String lowercaseName) {
        JsonNode v = object.get(lowercaseName);
        if (v == null && mixedCase == null) {
            mixedCase = hasUppercaseKey(object);
        }
        if (v == null && mixedCase) {
            // Carriers are small (a few to a few dozen headers); a scan beats building a lowercase copy.
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(lowercaseName)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        if (v != null && v.isArray()) {
            v = v.size() > 0 ? v.get(0) : null;
        }
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static boolean hasUppercaseKey(JsonNode object) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            for (int i = 0; i < k.length(); i++) {
                if (Character.isUpperCase(k.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }
}
