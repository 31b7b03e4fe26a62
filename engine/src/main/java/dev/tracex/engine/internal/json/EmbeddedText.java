package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Text of an event read from raw bytes where rules read into the JSON it may hold (an SQS body, an SNS message):
 * the text, as any {@link TextNode}, and what of its document the rules read. {@link DecodedDocuments#embedded}
 * decodes only that, once per extraction; the rest of a 64 KB body is streamed past by the parser without building
 * nodes, which made a miss of {@code builtin.default} on such bodies cost about one {@code readTree} of the event
 * instead of two. Internal: may change without notice.
 */
final class EmbeddedText extends TextNode {
    private static final long serialVersionUID = 1L;

    private final transient Projection projection;
    /** The text's bytes when it is ASCII, read as JSON as they are (encoding the text anew is a pass over it). */
    private final transient byte[] ascii;

    EmbeddedText(String text, Projection projection) {
        super(text);
        this.projection = projection;
        this.ascii = null;
    }

    EmbeddedText(byte[] ascii, Projection projection) {
        super(new String(ascii, StandardCharsets.ISO_8859_1));
        this.projection = projection;
        this.ascii = ascii;
    }

    Projection projection() {
        return projection;
    }

    /** The JSON object or array this text holds, pruned to what rules read of it, or {@code null}. */
    JsonNode decode() {
        if (!Json.startsLikeDocument(_value)) {
            return null;
        }
        try {
            JsonReader r = ascii != null ? JsonReader.of(ascii) : JsonReader.of(_value);
            r.nextToken();
            return projection.read(r); // the first value, what follows unread, as Json.decodeEmbedded reads it
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
