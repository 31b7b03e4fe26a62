package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.IdentityHashMap;
import java.util.function.UnaryOperator;

/**
 * The documents embedded in an event (an SQS body, an SNS message, a Kinesis record's base64 data), each decoded
 * at most once per extraction and shared by every rule and step that reads into it. Without it a miss of
 * {@code builtin.default} decoded each SQS body once per rule of its chain that looks inside (the Datadog reading,
 * SNS-in-SQS, EventBridge-in-SQS, the W3C carriers, ...), some ten times, which made a miss 17 to 30 times a
 * {@code readTree} of the event.
 *
 * <p>Open while an extraction runs on a thread ({@link #open()}); the memo is keyed by the identity of the value
 * decoded, a node of this extraction's event, so nothing outlives the extraction and nothing is shared between
 * events. With none open (a rule evaluated outside an extractor), every call decodes. Only pure decodings are
 * kept: embedded JSON text, and the {@code base64}, {@code gzip} and {@code json} steps, whose results are fresh
 * nodes no step modifies. Internal: may change without notice.
 */
public final class DecodedDocuments implements AutoCloseable {
    private static final ThreadLocal<DecodedDocuments> OPEN = new ThreadLocal<>();
    /** What a decoding gave when it gave nothing ({@code null} cannot be told from "not decoded yet"). */
    private static final JsonNode NOTHING = Json.object();

    /**
     * Per decoding (embedded JSON, or a step), the value decoded → its result; made at the first decoding, so that
     * an extraction that decodes nothing (most hits) allocates no map.
     */
    private IdentityHashMap<Object, IdentityHashMap<JsonNode, JsonNode>> memo;

    private DecodedDocuments() {
    }

    /**
     * Opens the memo for an extraction on this thread, to be closed when it ends; {@code null} (nothing to close)
     * when one is open already: an extraction inside another (a fallback behind a rule, on the same event) shares it.
     */
    public static DecodedDocuments open() {
        if (OPEN.get() != null) {
            return null;
        }
        DecodedDocuments d = new DecodedDocuments();
        OPEN.set(d);
        return d;
    }

    @Override
    public void close() {
        OPEN.remove();
    }

    /** The JSON object or array held in {@code text}, a text node, or {@code null}: {@link Json#decodeEmbedded}, once. */
    public static JsonNode embedded(JsonNode text) {
        return once(Json.class, text, DecodedDocuments::decode);
    }

    private static JsonNode decode(JsonNode text) {
        return text instanceof EmbeddedText ? ((EmbeddedText) text).decode() : Json.decodeEmbedded(text.textValue());
    }

    /** {@code decoding.apply(value)}, computed once per extraction for this {@code value} node and {@code decoding} key. */
    public static JsonNode once(Object decoding, JsonNode value, UnaryOperator<JsonNode> decode) {
        DecodedDocuments d = OPEN.get();
        if (d == null) {
            return decode.apply(value);
        }
        if (d.memo == null) {
            d.memo = new IdentityHashMap<>(4);
        }
        IdentityHashMap<JsonNode, JsonNode> results = d.memo.get(decoding);
        if (results == null) {
            results = new IdentityHashMap<>();
            d.memo.put(decoding, results);
        }
        JsonNode r = results.get(value);
        if (r == null) {
            r = decode.apply(value);
            results.put(value, r == null ? NOTHING : r);
            return r;
        }
        return r == NOTHING ? null : r;
    }
}
