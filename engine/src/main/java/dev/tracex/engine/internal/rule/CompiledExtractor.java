package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Explanation;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.internal.json.JsonReader;
import dev.tracex.engine.internal.json.Projection;
import dev.tracex.engine.logging.MissReasons;
import dev.tracex.engine.logging.TracexLogger;

import java.io.IOException;
import java.io.InputStream;

/**
 * An {@link Extractor} over a compiled rule: parses raw input, runs the rule, and is the last line of
 * defence that keeps any failure (a bug, a stack overflow on a pathological document) from reaching the
 * caller. Internal: may change without notice.
 */
public final class CompiledExtractor implements Extractor {
    private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");

    private final String name;
    private final CompiledRule rule;
    private final Projection projection;

    public CompiledExtractor(String name, CompiledRule rule) {
        this.name = name;
        this.rule = rule;
        this.projection = Projection.of(rule);
    }

    /** What of an event this extractor reads; raw input is parsed into a tree pruned to it. */
    public Projection projection() {
        return projection;
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
        RuleLog.Open log = RuleLog.begin(name);
        DecodedDocuments documents = DecodedDocuments.open();
        Extraction found = Extraction.none();
        try {
            found = rule.extract(event, context == null ? InvocationContext.NONE : context, null);
            return found;
        } catch (RuntimeException | StackOverflowError e) {
            if (RuleLog.debugging()) {
                RuleLog.line(name, "extraction failed: " + e.getClass().getName());
            }
            return Extraction.none();
        } finally {
            if (documents != null) {
                documents.close();
            }
            RuleLog.end(log, found.isEmpty());
        }
    }

    @Override
    public Explanation explain(JsonNode event, InvocationContext context) {
        ExtractionTrace trace = Explanation.newTrace();
        trace.enter("rule \"" + name + "\": " + rule);
        Extraction found = Extraction.none();
        try (DecodedDocuments documents = DecodedDocuments.open()) {
            found = event == null ? Extraction.none() : rule.extract(event, context == null ? InvocationContext.NONE : context, trace);
        } catch (RuntimeException | StackOverflowError e) {
            trace.note("extraction failed: " + e);
        }
        trace.exit(ExtractionTrace.outcome(found));
        return Explanation.of(found, trace);
    }

    @Override
    public Extraction extract(byte[] json, InvocationContext context) {
        return json == null ? Extraction.none() : extractParsed(JsonReader.of(json), context);
    }

    @Override
    public Extraction extract(String json, InvocationContext context) {
        return json == null ? Extraction.none() : extractParsed(JsonReader.of(json), context);
    }

    @Override
    public Extraction extract(InputStream json, InvocationContext context) {
        if (json == null) {
            return Extraction.none();
        }
        byte[] bytes;
        try {
            bytes = json.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return unreadable();
        }
        return extractParsed(JsonReader.of(bytes), context);
    }

    private Extraction extractParsed(JsonReader reader, InvocationContext context) {
        try {
            return extract(read(reader), context);
        } catch (IOException | RuntimeException e) {
            return unreadable();
        }
    }

    /** No context from an event that could not be read, said at debug level. */
    private Extraction unreadable() {
        if (LOG.debugging()) {
            String line = "rule \"" + name + "\": event is not valid JSON";
            if (!MissReasons.offer(line)) { // the caller's one line for this extraction says it, if one is open
                LOG.debug(line);
            }
        }
        return Extraction.none();
    }

    /** The event, pruned to what the rule reads; the rest is read past without building nodes. */
    public JsonNode read(JsonReader reader) throws IOException {
        return reader.nextToken() == null ? null : projection.read(reader);
    }

    @Override
    public String toString() {
        return name + " = " + rule;
    }
}
