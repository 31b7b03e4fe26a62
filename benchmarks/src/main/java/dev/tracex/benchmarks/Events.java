package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmarks' event fixtures, under {@code /events/} on the class path. */
final class Events {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    /** The raw bytes of a fixture. */
    static byte[] load(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture parsed with Jackson. */
    static JsonNode read(String name) {
        try {
            return MAPPER.readTree(load(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
