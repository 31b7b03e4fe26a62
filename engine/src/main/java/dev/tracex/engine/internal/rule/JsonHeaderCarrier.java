package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.propagation.HeaderCarrier;

import java.util.Iterator;

/**
 * A JSON object read as propagation headers, names matched case-insensitively. A value may be a
 * string, a number or a boolean; an array gives its first value (ALB and API Gateway
 * {@code multiValueHeaders}).
 */
final class JsonHeaderCarrier implements HeaderCarrier {
    private final JsonNode object;
    /**
     * The names with an uppercase letter (API Gateway's {@code X-Datadog-Trace-Id}), the first {@link #mixedCount}
     * of the array, listed at the first miss; none on an all-lowercase carrier, whose misses cost one hash lookup.
     * A decoding looks up some ten names, most of them missing: comparing lengths in an array before
     * {@code equalsIgnoreCase} beats walking the object's fields for each (2x the floor on API Gateway events
     * under C1 before) and lowercasing every name.
     */
    private String[] mixedCase;
    private int mixedCount;

    JsonHeaderCarrier(JsonNode object) {
        this.object = object;
    }

    @Override
    public String get(String lowercaseName) {
        JsonNode v = object.get(lowercaseName);
        if (v == null) {
            if (mixedCase == null) {
                listMixedCase();
            }
            int n = lowercaseName.length();
            for (int i = 0; i < mixedCount; i++) {
                // In field order, as a scan finds the first name equal but for case; a lowercase name equal to
                // lowercaseName would have been found by the direct lookup above.
                if (mixedCase[i].length() == n && mixedCase[i].equalsIgnoreCase(lowercaseName)) {
                    v = object.get(mixedCase[i]);
                    break;
                }
            }
        }
        if (v != null && v.isArray()) {
            v = v.size() > 0 ? v.get(0) : null;
        }
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private void listMixedCase() {
        String[] names = new String[object.size()];
        int count = 0;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (hasUppercase(k)) {
                names[count++] = k;
            }
        }
        mixedCount = count;
        mixedCase = names;
    }

    private static boolean hasUppercase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // ASCII first: Character.isUpperCase's Unicode table lookup was a tenth of a headers rule's time under C1.
            if ((c >= 'A' && c <= 'Z') || (c >= 0x80 && Character.isUpperCase(c))) {
                return true;
            }
        }
        return false;
    }
}
