package dev.tracex.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Extractor#explain}: every rule tried, every stage and format, and why; the same result as extract. */
class ExplanationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void explain_rejectedParentId_saysWhichHeaderAndWhy() throws Exception {
        Extractor json = Extractors.parse("""
                extractors:
                  json:
                    headers: $._datadog
                """, "extractors.yaml").extractor("json");
        JsonNode event = json("{\"_datadog\": {\"x-datadog-trace-id\": \"5827296727441744253\", \"x-datadog-parent-id\": \"41123902181344364011\"}}");

        Explanation why = json.explain(event, InvocationContext.NONE);

        assertThat(why.toString()).isEqualTo("""
                rule "json": Headers($._datadog)
                  $._datadog: an object (2 keys)
                  datadog: x-datadog-parent-id "41123902181344364011": not an unsigned 64-bit decimal
                  tracecontext: no traceparent
                  b3: no b3
                  b3multi: no x-b3-traceid or x-b3-spanid
                  xray: no x-amzn-trace-id
                  -> no context
                """);
        assertThat(why.extraction()).isEqualTo(json.extract(event));
    }

    @Test
    void explain_pipeline_saysWhatEachStageGot() throws Exception {
        Extractor sqs = Extractors.parse("""
                extractors:
                  sqs:
                    headers: $.Records[0].body | json | $._datadog
                    styles: [datadog]
                """, "extractors.yaml").extractor("sqs");
        JsonNode notJson = json("{\"Records\": [{\"body\": \"hello\"}]}");
        JsonNode found = json("{\"Records\": [{\"body\": \"{\\\"_datadog\\\": {\\\"x-datadog-trace-id\\\": \\\"1\\\", \\\"x-datadog-parent-id\\\": \\\"2\\\"}}\"}]}");

        assertThat(sqs.explain(notJson, InvocationContext.NONE).toString()).isEqualTo("""
                rule "sqs": Headers($.Records[0].body | json | $._datadog, styles=[datadog])
                  $.Records[0].body: a string "hello"
                  json: not JSON: a string "hello"
                  -> no context
                """);
        assertThat(sqs.explain(found, InvocationContext.NONE).toString()).isEqualTo("""
                rule "sqs": Headers($.Records[0].body | json | $._datadog, styles=[datadog])
                  $.Records[0].body: a string "{\\"_datadog\\": {\\"x-datadog-trace-id\\": \\"1\\", \\"x-datadog-parent-i..."
                  json: an object (1 key)
                  $._datadog: an object (2 keys)
                  datadog: trace_id 1, parent_id 2
                  -> trace_id 1, parent_id 2 (datadog)
                """);
    }

    @Test
    void explain_firstEachAndFields_nestEveryRuleTriedInOrder() throws Exception {
        Extractor any = Extractors.parse("""
                extractors:
                  batch:
                    each: $.Records[*]
                    fields: {trace_id: $.t, parent_id: $.p}
                  meta:
                    fields: {trace_id: $.meta.t, parent_id: $.meta.p}
                  any:
                    first: [meta, batch]
                """, "extractors.yaml").extractor("any");
        JsonNode event = json("{\"Records\": [{\"t\": \"x\", \"p\": \"2\"}, {\"t\": \"3\", \"p\": \"4\"}]}");

        Explanation why = any.explain(event, InvocationContext.NONE);

        assertThat(why.toString()).isEqualTo("""
                rule "any": FirstOf(meta, batch)
                  rule "meta": Fields(trace_id=$.meta.t, parent_id=$.meta.p)
                    $.meta.t: not found in an object (1 key)
                    trace_id: missing
                    -> no context
                  rule "batch": Each($.Records[*], Fields(trace_id=$.t, parent_id=$.p))
                    each $.Records[*]: 2 records
                    record 0:
                      $.t: a string "x"
                      trace_id: a string "x" is not an unsigned 64-bit decimal (or is zero)
                      -> no context
                    record 1:
                      $.t: a string "3"
                      $.p: a string "4"
                      -> trace_id 3, parent_id 4 (fields)
                    -> 1 link, no parent
                  -> 1 link, no parent
                """);
        assertThat(why.extraction()).isEqualTo(any.extract(event));
    }

    @Test
    void explain_jsTypeError_givesThePositionAndTheMessage() throws Exception {
        Extractor legacy = Extractors.parse("""
                extractors:
                  legacy:
                    js: |
                      (payload) => {
                        const d = payload._datadg;
                        return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"] };
                      }
                """, "extractors.yaml").extractor("legacy");
        JsonNode event = json("{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}}");

        Explanation why = legacy.explain(event, InvocationContext.NONE);

        assertThat(why.toString()).isEqualTo("""
                rule "legacy": Script(legacy, extractors.yaml:4, compiled)
                  no context: JS TypeError at extractors.yaml:6:27: TypeError: Cannot read property 'x-datadog-trace-id' of undefined
                  -> no context
                """);
    }
}
