package dev.tracex.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.List;

/**
 * A compiled extractor: finds the trace context in an event.
 *
 * <p>Obtained from {@link Extractors}, compiled once (at cold start) and used for every invocation, like
 * a prepared statement. Immutable and safe to share between threads. {@code extract} never throws: a
 * malformed event, a missing field or an id out of range gives {@link Extraction#none()} and one
 * debug-level log line naming the rule and the path, never the event's content.
 *
 * <pre>{@code
 * Extractor sqs = Extractors.load(Path.of("extractors.yaml")).extractor("sqs");
 * Extraction found = sqs.extract(eventBytes);
 * found.parent().ifPresent(ctx -> log.info("continuing trace {}", ctx.traceId()));
 * }</pre>
 */
public interface Extractor {
    /** The rule's name as it is selected, e.g. {@code sqs} or {@code builtin.sqs}. */
    String name();

    /** Extracts from a parsed event, with the invocation's context for rules that read it. */
    Extraction extract(JsonNode event, InvocationContext context);

    /** Extracts from a parsed event. */
    default Extraction extract(JsonNode event) {
        return extract(event, InvocationContext.NONE);
    }

    /**
     * Extracts from a parsed event like {@link #extract(JsonNode, InvocationContext)} and says how, step by
     * step: for people finding out why a rule found nothing (slow, allocating; never on the hot path). The
     * explanation may quote the event's values.
     */
    default Explanation explain(JsonNode event, InvocationContext context) {
        ExtractionTrace trace = Explanation.newTrace();
        trace.note("rule \"" + name() + "\": " + getClass().getSimpleName() + " does not explain its steps");
        return Explanation.of(extract(event, context), trace);
    }

    /** Extracts from the raw JSON of an event; malformed JSON gives no context. */
    Extraction extract(byte[] json, InvocationContext context);

    default Extraction extract(byte[] json) {
        return extract(json, InvocationContext.NONE);
    }

    /** Extracts from JSON text; malformed JSON gives no context. */
    Extraction extract(String json, InvocationContext context);

    default Extraction extract(String json) {
        return extract(json, InvocationContext.NONE);
    }

    /** Extracts from a stream of JSON, which it reads but does not close; malformed JSON gives no context. */
    Extraction extract(InputStream json, InvocationContext context);

    default Extraction extract(InputStream json) {
        return extract(json, InvocationContext.NONE);
    }

    /**
     * Compiles now what this extractor leaves to compile when first needed, and returns it: the fallback of
     * {@link Extractors#withLazyFallback}; empty for every other extractor. For code that must pay every first
     * cost ahead, e.g. before a SnapStart snapshot, which runs each returned extractor once. Never throws: what
     * cannot be compiled is logged once and left out.
     */
    default List<Extractor> compileDeferred() {
        return List.of();
    }
}
