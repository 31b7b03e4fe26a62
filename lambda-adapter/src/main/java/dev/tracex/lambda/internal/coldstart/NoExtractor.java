package dev.tracex.lambda.internal.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;

import java.io.InputStream;

/** An extractor that finds nothing: what runs when not even {@code builtin.default} could be loaded. */
final class NoExtractor implements Extractor {
    static final NoExtractor INSTANCE = new NoExtractor();

    private NoExtractor() {
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Extraction extract(JsonNode event, InvocationContext context) {
        return Extraction.none();
    }

    @Override
    public Extraction extract(byte[] json, InvocationContext context) {
        return Extraction.none();
    }

    @Override
    public Extraction extract(String json, InvocationContext context) {
        return Extraction.none();
    }

    @Override
    public Extraction extract(InputStream json, InvocationContext context) {
        return Extraction.none();
    }
}
