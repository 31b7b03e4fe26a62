package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.internal.json.DecodedDocuments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A miss of {@code builtin.default} decodes each embedded document once: the SQS bodies, SNS messages and Kinesis
 * data that a dozen of its rules read into. Counted by reading each document through a text node that counts
 * how often its text is taken (every decoding takes it once; nothing else of the chain reads those values).
 */
class DecodeOnceTest {
    /** A text node that counts the reads of its text. */
    static final class CountedText extends TextNode {
        int reads;

        CountedText(String v) {
            super(v);
        }

        @Override
        public String textValue() {
            reads++;
            return super.textValue();
        }
    }

    private static final String BODY = "{\"orderId\": \"ord-1\", \"items\": [1, 2, 3], \"detail\": {\"a\": 1}}";

    private static List<CountedText> plant(JsonNode event, String... path) {
        List<CountedText> planted = new ArrayList<>();
        for (JsonNode r : event.get("Records")) {
            ObjectNode parent = (ObjectNode) r;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            String last = path[path.length - 1];
            CountedText t = new CountedText(parent.get(last).textValue());
            parent.set(last, t);
            planted.add(t);
        }
        return planted;
    }

    private static JsonNode withoutContext(String fixture) {
        return BuiltinAnswersTest.strip(Fixtures.event(fixture));
    }

    @Test
    void sqsMiss_eachBodyDecodedOnce() throws Exception {
        JsonNode event = withoutContext("sqs_event.json");
        event.get("Records").forEach(r -> ((ObjectNode) r).put("body", BODY));
        List<CountedText> bodies = plant(event, "body");
        Extractor fallback = Extractors.builtins().extractor("default");

        Extraction found = fallback.extract(event);

        assertThat(found.isEmpty()).isTrue();
        assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b.reads).isEqualTo(1));
    }

    @Test
    void snsMiss_eachMessageDecodedOnce() throws Exception {
        JsonNode event = withoutContext("sns_event.json");
        event.get("Records").forEach(r -> ((ObjectNode) r.get("Sns")).put("Message", BODY));
        List<CountedText> messages = plant(event, "Sns", "Message");

        Extraction found = Extractors.builtins().extractor("default").extract(event);

        assertThat(found.isEmpty()).isTrue();
        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m.reads).isEqualTo(1));
    }

    @Test
    void kinesisMiss_eachDataDecodedOnce() throws Exception {
        JsonNode event = Fixtures.event("kinesis_event.json");
        String data = Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8));
        event.get("Records").forEach(r -> ((ObjectNode) r.get("kinesis")).put("data", data));
        List<CountedText> datas = plant(event, "kinesis", "data");

        Extraction found = Extractors.builtins().extractor("default").extract(event);

        assertThat(found.isEmpty()).isTrue();
        assertThat(datas).hasSize(2).allSatisfy(d -> assertThat(d.reads).isEqualTo(1));
    }

    @Test
    void withoutAnExtraction_everyReadDecodes_soTheCountsAboveCount() throws Exception {
        CountedText body = new CountedText(BODY);

        DecodedDocuments.embedded(body);
        DecodedDocuments.embedded(body);
        try (DecodedDocuments open = DecodedDocuments.open()) {
            assertThat(open).isNotNull();
            assertThat(DecodedDocuments.open()).as("nested: the outer one serves").isNull();
            JsonNode first = DecodedDocuments.embedded(body);
            assertThat(DecodedDocuments.embedded(body)).isSameAs(first);
        }

        assertThat(body.reads).isEqualTo(3);
    }
}
