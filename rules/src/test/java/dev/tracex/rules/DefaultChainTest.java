package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of {@code builtin.default} and how a user's file falls back to it. */
class DefaultChainTest {
    private static Extractor defaults() throws Exception {
        return Extractors.builtins().extractor("default");
    }

    private static InvocationContext context(String json) throws Exception {
        JsonNode node = Fixtures.MAPPER.readTree(json);
        return () -> node;
    }

    @Test
    void plan_default_followsDatadogsExtensionOrder() throws Exception {
        assertThat(Extractors.builtins().plan("default")).isEqualTo("FirstOf(http, sqs, sns, eventbridge, kinesis, stepfunctions, "
                + "headers, payload, client_context, xray_env_when_merging)");
    }

    @Test
    void extract_headersAndPayloadBothCarryContext_headersWin() throws Exception {
        ObjectNode event = (ObjectNode) Fixtures.event("custom_payload_event.json");
        event.putObject("headers").put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(defaults().extract(event).parent().orElseThrow().rule()).isEqualTo("builtin.http_headers");
    }

    @Test
    void extract_payloadAndClientContextBothCarryContext_payloadWins() throws Exception {
        Extraction found = defaults().extract(Fixtures.event("custom_payload_event.json"),
                Fixtures.context("lambda_client_context.json"));

        assertThat(found.parent().orElseThrow().traceId()).isEqualTo("3141592653589793238");
    }

    @Test
    void extract_eventContextAndMergedXRay_eventWins() throws Exception {
        Extraction found = defaults().extract(Fixtures.event("sqs_event.json"), Fixtures.context("lambda_xray_context.json"));

        assertThat(found.parent().orElseThrow().rule()).isEqualTo("builtin.sqs_string_headers_record");
    }

    @Test
    void extract_xrayHeaderWithoutMergeSetting_isNotUsed() throws Exception {
        String header = "Root=1-67d3822f-3f6b4c2e9a1d8e7fc5b40a19;Parent=2f8e6d4c3b1a0918;Sampled=1";
        JsonNode event = Fixtures.event("no_context_event.json");

        assertThat(defaults().extract(event, context("{\"xrayTraceHeader\": \"" + header + "\"}")).isEmpty()).isTrue();
        assertThat(defaults().extract(event, context("{\"xrayTraceHeader\": \"" + header + "\", \"env\": {}}")).isEmpty()).isTrue();
        assertThat(defaults().extract(event, context("{\"xrayTraceHeader\": \"" + header
                + "\", \"env\": {\"DD_MERGE_XRAY_TRACES\": \"True\"}}")).parent()).isPresent();
        // builtin.xray_env itself does not look at the setting: a user who selects it wants it.
        assertThat(Extractors.builtins().extractor("xray_env")
                .extract(event, context("{\"xrayTraceHeader\": \"" + header + "\"}")).parent()).isPresent();
    }

    @Test
    void extract_userRuleFindsNothing_fallsBackToBuiltinDefault() throws Exception {
        Extractors file = Extractors.parse("""
                extractors:
                  mine:
                    headers: $.meta.trace
                  with_fallback:
                    first: [mine, builtin.default]
                """, "extractors.yaml");

        Extraction found = file.extractor("with_fallback").extract(Fixtures.event("sqs_event.json"));

        assertThat(found.parent().orElseThrow().rule()).isEqualTo("builtin.sqs_string_headers_record");
        assertThat(found.links()).hasSize(2);
    }

    @Test
    void extract_userRuleFindsContext_winsOverTheBuiltIn() throws Exception {
        Extractors file = Extractors.parse("""
                extractors:
                  mine:
                    fields:
                      trace_id: $.orderId
                      parent_id: $.orderId
                  any:
                    first: [builtin.sqs, mine, builtin.default]
                """, "extractors.yaml");
        ObjectNode event = Fixtures.MAPPER.createObjectNode().put("orderId", "42");
        event.putObject("_datadog").put("x-datadog-trace-id", "7").put("x-datadog-parent-id", "8");

        assertThat(file.extractor("any").extract(event).parent().orElseThrow().traceId()).isEqualTo("42");
    }

    @Test
    void extract_recordsThatAreNotObjects_doNotStopTheChain() throws Exception {
        ObjectNode event = (ObjectNode) Fixtures.event("custom_payload_event.json");
        event.putArray("Records").add("not a record");

        assertThat(defaults().extract(event).parent().orElseThrow().rule()).isEqualTo("builtin.payload");
    }

    @Test
    void projection_default_leavesUnreadPartsOfTheEventUnparsed() throws Exception {
        // Raw events are read through the rules' projection; one rule needing the whole event would make
        // every invocation parse every body (a 1 MB API Gateway body costs ~5x more).
        var projection = ((dev.tracex.engine.internal.rule.CompiledExtractor) defaults()).projection();

        assertThat(projection.isWhole()).isFalse();
    }
}
