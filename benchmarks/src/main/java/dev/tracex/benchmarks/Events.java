package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmarks' event fixtures, read from the class path. */
final class Events {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    static JsonNode read(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
