package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.Json;

import java.io.IOException;
import java.io.InputStream;

/**
 * The user's extractor, then {@code builtin.default} when it finds no parent: a custom rule for one
 * producer must not cost the function the context that the standard event sources carry.
 */
public final class FallbackExtractor implements Extractor {
    private final Extractor primary;
    private final Extractor fallback;

    public FallbackExtractor(Extractor primary, Extractor fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return primary.name();
    }

    public Extractor primary() {
        return primary;
    }

    @Override
    public Extraction extract(JsonNode event, InvocationContext context) {
        Extraction e = primary.extract(event, context);
        if (e.parent().isPresent() || fallback == null) {
            return e;
        }
        Extraction f = fallback.extract(event, context);
        return f.isEmpty() ? e : f;
    }

    @Override
    public Extraction extract(byte[] json, InvocationContext context) {
        return extract(parse(json), context);
    }

    @Override
    public Extraction extract(String json, InvocationContext context) {
        return extract(json == null ? null : Json.parseOrNull(json), context);
    }

    @Override
    public Extraction extract(InputStream json, InvocationContext context) {
        try {
            return extract(json == null ? null : Json.MAPPER.readTree(json), context);
        } catch (IOException | RuntimeException e) {
            return Extraction.none();
        }
    }

    private static JsonNode parse(byte[] json) {
        return json == null ? null : Json.parseOrNull(json);
    }

    @Override
    public String toString() {
        return primary.name() + " (then " + (fallback == null ? "nothing" : fallback.name()) + ")";
    }
}
