package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.InvocationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The fixture events under {@code src/test/resources/events/}, read with a plain Jackson mapper. */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode event(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An invocation context whose JSON is fixture {@code name}, or none when {@code name} is null. */
    static InvocationContext context(String name) {
        if (name == null) {
            return InvocationContext.NONE;
        }
        JsonNode json = event(name);
        return () -> json;
    }

    /** Unsigned decimal text of 16 hex digits, as a reader of the fixture converts them by hand. */
    static String decimalOfHex(String hex16) {
        return Long.toUnsignedString(Long.parseUnsignedLong(hex16, 16));
    }
}
