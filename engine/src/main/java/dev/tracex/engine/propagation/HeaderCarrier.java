package dev.tracex.engine.propagation;

import java.util.Locale;
import java.util.Map;

/**
 * Read access to a carrier of propagation headers. Names are asked for in lowercase; an implementation
 * matches them case-insensitively and returns {@code null} for an absent header.
 */
@FunctionalInterface
public interface HeaderCarrier {
    /** The value of the header named {@code lowercaseName}, or {@code null}. */
    String get(String lowercaseName);

    /** A carrier over a map whose keys may be in any case. */
    static HeaderCarrier of(Map<String, String> headers) {
        return name -> {
            String v = headers.get(name);
            if (v != null) {
                return v;
            }
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                    return e.getValue();
                }
            }
            return null;
        };
    }
}
