package dev.tracex.engine.internal.rule;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EachRuleTest {
    private static final String RULES = """
            extractors:
              kafka:
                each: $.records.*[*]
                record_id: [$.topic, "-", $.partition, "@", $.offset]
                parent: first-found
                headers: $.h
            """;
    // Raw input is parsed into a tree pruned to what the rule reads: the id's paths must survive the pruning.
    private static final String EVENT = """
            {"eventSource": "aws:kafka", "records": {
              "orders-0": [
                {"topic": "orders", "partition": 0, "offset": 15, "value": "eA==", "timestampType": "CREATE_TIME"},
                {"topic": "orders", "partition": 0, "offset": 16, "h": {"x-datadog-trace-id": "5", "x-datadog-parent-id": "6"}}
              ],
              "orders-1": [
                {"topic": "orders", "partition": 1, "offset": 3, "h": {"x-datadog-trace-id": "7", "x-datadog-parent-id": "8"}}
              ]}}
            """;

    @Test
    void extract_rawBatch_listsEveryRecordWithItsIdAndContext() throws Exception {
        Extractor kafka = Extractors.parse(RULES, "extractors.yaml").extractor("kafka");

        Extraction e = kafka.extract(EVENT.getBytes(StandardCharsets.UTF_8));

        assertThat(e.records()).extracting(RecordContext::index).containsExactly(0, 1, 2);
        assertThat(e.records()).extracting(r -> r.id().orElse(null)).containsExactly("orders-0@15", "orders-0@16", "orders-1@3");
        assertThat(e.records()).extracting(r -> r.context().map(TraceContext::traceId).orElse(null)).containsExactly(null, "5", "7");
        assertThat(e.links()).extracting(TraceContext::traceId).containsExactly("5", "7");
        assertThat(e.parent()).map(TraceContext::traceId).hasValue("5");
        assertThat(kafka.extract(EVENT)).isEqualTo(e);
    }

    @Test
    void plan_showsIdAndPolicy() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");

        assertThat(rules.plan("kafka")).isEqualTo(
                "Each($.records.*[*], id=$.topic + '-' + $.partition + '@' + $.offset, parent=first-found, Headers($.h))");
    }
}
