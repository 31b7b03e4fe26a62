package dev.tracex.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Batch sources give one link per record that carries a context, in record order; the parent is record 0's. */
class BatchLinksTest {
    static Stream<Arguments> batches() {
        return Stream.of(
                argumentSet("SQS: the middle record has none", "sqs_event.json", "sqs",
                        List.of("2684756524522091840", "4684756524522091841")),
                argumentSet("SQS Binary and Binary.<custom>", "sqs_binary_event.json", "sqs",
                        List.of("1002003004005006007", "5002003004005006001")),
                argumentSet("SNS String and Binary", "sns_event.json", "sns", List.of("6966585609680374559", "7966585609680374550")),
                argumentSet("Kinesis", "kinesis_event.json", "kinesis", List.of("4948377316357291421", "5948377316357291422")));
    }

    @ParameterizedTest
    @MethodSource("batches")
    void extract_batch_linksEveryRecordsContextInOrder(String fixture, String rule, List<String> traceIds) throws Exception {
        for (String selected : new String[] {rule, "default"}) {
            Extraction found = Extractors.builtins().extractor(selected).extract(Fixtures.event(fixture));
            assertThat(found.links()).extracting(TraceContext::traceId).containsExactlyElementsOf(traceIds);
            assertThat(found.parent()).contains(found.links().get(0));
        }
    }

    @Test
    void extract_firstRecordWithoutContext_hasLinksButNoParent() throws Exception {
        ObjectNode event = (ObjectNode) Fixtures.event("sqs_event.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        records.insert(0, records.remove(1)); // the record without a context first

        Extraction found = Extractors.builtins().extractor("sqs").extract(event);

        assertThat(found.parent()).isEmpty();
        assertThat(found.links()).extracting(TraceContext::traceId)
                .containsExactly("2684756524522091840", "4684756524522091841");
    }

    @Test
    void contextJson_batch_printsLinks() throws Exception {
        Extraction found = Extractors.builtins().extractor("default").extract(Fixtures.event("kinesis_event.json"));

        ObjectNode printed = ContextJson.of(found, "builtin.default");

        assertThat(printed.get("trace_id").asText()).isEqualTo("4948377316357291421");
        assertThat(printed.get("links")).hasSize(2);
        assertThat(printed.get("links").get(1).get("parent_id").asText()).isEqualTo("3876253380018681027");
    }
}
