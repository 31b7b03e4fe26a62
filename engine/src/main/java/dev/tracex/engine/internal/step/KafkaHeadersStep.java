package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.internal.json.Json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code kafka-headers}: a Kafka record's {@code headers} as Lambda delivers them (MSK and self-managed
 * Kafka) → an object of text headers. The headers are a list of single-key objects
 * ({@code [{"traceparent": [48, 48, ...]}]}) or an object keyed by index holding them; each value is
 * bytes spelled as JSON ({@link ByteValues}), read as UTF-8. A header whose value is not valid bytes or
 * UTF-8 is left out; of repeated names the last wins, as in Datadog's extension. Internal.
 */
final class KafkaHeadersStep implements Step {
    @Override
    public String name() {
        return "kafka-headers";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (!in.isContainerNode()) {
            return null;
        }
        ObjectNode headers = Json.object();
        for (JsonNode entry : in) { // an array's elements, an object's values: both spellings
            if (!entry.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                byte[] bytes = ByteValues.of(e.getValue());
                String text = bytes == null ? null : utf8(bytes);
                if (text != null) {
                    headers.put(e.getKey(), text);
                }
            }
        }
        return headers.isEmpty() ? null : headers;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
