package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;

/**
 * {@code bytes}: bytes spelled as JSON values ({@link ByteValues}: an array of byte values or an object
 * keyed by index) → bytes, for {@code text} or {@code json} next; bytes pass through. Internal.
 */
final class BytesStep implements Step {
    @Override
    public String name() {
        return "bytes";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (in.isBinary()) {
            return in;
        }
        byte[] bytes = ByteValues.of(in);
        return bytes == null ? null : BinaryNode.valueOf(bytes);
    }
}
