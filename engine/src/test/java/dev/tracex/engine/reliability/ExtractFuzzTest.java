package dev.tracex.engine.reliability;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.Json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code extract} with arbitrary bytes as the event, for the rules of every kind in
 * {@link RuleSuites}. No exception escapes, and reading raw input (bytes, text or a stream, which the
 * engine parses into a tree pruned to what the rule reads) gives exactly what the fully parsed tree
 * gives; input that is not one JSON value gives no context.
 */
class ExtractFuzzTest {
    @FuzzTest(maxDuration = "8s")
    @DictionaryEntries({"\"_datadog\"", "\"x-datadog-trace-id\"", "\"x-datadog-parent-id\"", "\"traceparent\"",
            "\"tracestate\"", "\"b3\"", "\"x-amzn-trace-id\"", "\"Records\"", "\"messageAttributes\"", "\"stringValue\"",
            "\"kinesis\"", "\"data\"", "\"meta\"", "\"traceId\"", "\"spanId\"", "\"items\"", "\"carrier\"", "\"headers\"",
            "\"eventSource\"", "\"aws:sqs\"", "\"body\"", "\"selected\"", "\"id\"", "\"Sns\"", "\"MessageAttributes\"",
            "\"Value\"", "\"EventSource\"", "\"aws:sns\"", "\"clientContext\"", "\"custom\"", "\"1\"", "\"2\"", "\\\""})
    void extract_anyBytes_neverThrowsAndMatchesTheParsedTree(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        JsonNode tree = Json.parseOrNull(input);
        JsonNode textTree = Json.parseOrNull(text);
        InvocationContext context = () -> tree;
        for (Extractor e : RuleSuites.all()) {
            Extraction fromBytes = e.extract(input, context);
            assertThat(fromBytes).as("%s: bytes and the parsed tree", e.name())
                    .isEqualTo(tree == null ? Extraction.none() : e.extract(tree, context));
            assertThat(e.extract(new ByteArrayInputStream(input), context)).as("%s: stream and bytes", e.name())
                    .isEqualTo(fromBytes);
            assertThat(e.extract(text, context)).as("%s: text and its parsed tree", e.name())
                    .isEqualTo(textTree == null ? Extraction.none() : e.extract(textTree, context));
        }
    }
}
