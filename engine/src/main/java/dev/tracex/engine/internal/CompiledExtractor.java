package dev.tracex.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * An {@link Extractor} over a compiled rule: parses raw input, runs the rule, and is the last line of
 * defence that keeps any failure (a bug, a stack overflow on a pathological document) from reaching the
 * caller. Internal: may change without notice.
 */
public final class CompiledExtractor implements Extractor {
    private static final System.Logger LOG = System.getLogger("dev.tracex.engine");

    private final String name;
    private final CompiledRule rule;

    public CompiledExtractor(String name, CompiledRule rule) {
        this.name = name;
        this.rule = rule;
    }

    @Override
    public String name() {
        return name;
    }

    public CompiledRule rule() {
        return rule;
    }

    @Override
    public Extraction extract(JsonNode event, InvocationContext context) {
        if (event == null) {
            return Extraction.none();
        }
        try {
            return rule.extract(event, context == null ? InvocationContext.NONE : context);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.DEBUG, "rule \"" + name + "\": extraction failed: " + e.getClass().getName());
            return Extraction.none();
        }
    }

    @Override
    public Extraction extract(byte[] json, InvocationContext context) {
        return json == null ? Extraction.none() : extract(parsed(Json.parseOrNull(json)), context);
    }

    @Override
    public Extraction extract(String json, InvocationContext context) {
        return json == null ? Extraction.none() : extract(parsed(Json.parseOrNull(json)), context);
    }

    @Override
    public Extraction extract(InputStream json, InvocationContext context) {
        if (json == null) {
            return Extraction.none();
        }
        try {
            return extract(parsed(Json.MAPPER.readTree(json)), context);
        } catch (IOException | RuntimeException e) {
            return extract(parsed(null), context);
        }
    }

    private JsonNode parsed(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            LOG.log(System.Logger.Level.DEBUG, "rule \"" + name + "\": event is not valid JSON");
            return null;
        }
        return n;
    }

    @Override
    public String toString() {
        return name + " = " + rule;
    }
}
