package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

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
        assertThat(Extractors.builtins().plan("default")).isEqualTo(DEFAULT_PLAN);
    }

    /** What Datadog's extension reads, in its order, then the carriers it does not read. */
    static final String DEFAULT_PLAN = "FirstOf(durable_execution, http, kafka, sqs_datadog, sns_datadog, eventbridge_datadog, kinesis_datadog, "
            + "stepfunctions, headers, payload, client_context, xray_env_when_merging, sqs, sns, eventbridge, kinesis, dynamodb)";

    /** The part of {@code builtin.default} that reads what Datadog's extension reads: today's chain before this issue. */
    private static Extractor extensionReading() throws Exception {
        return Extractors.parse("""
                extractors:
                  extension:
                    first: [builtin.http, builtin.kafka, builtin.sqs_datadog, builtin.sns_datadog, builtin.eventbridge_datadog,
                      builtin.kinesis_datadog, builtin.stepfunctions, builtin.headers, builtin.payload,
                      builtin.client_context, builtin.xray_env_when_merging]
                """, "extension.yaml").extractor("extension");
    }

    static Stream<Arguments> everyFixture() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(DefaultChainTest.class.getResource("/events").toURI());
        List<String> events;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            events = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("_event.json")).sorted().toList();
        }
        List<String> contexts = List.of("lambda_client_context.json", "lambda_xray_context.json", "lambda_xray_not_merged_context.json");
        List<Arguments> all = new ArrayList<>();
        // Only what the extension reads: elsewhere there is nothing to compare with. The extension reads
        // nothing in a durable execution's event; the Node library reads its checkpoint before any other
        // source (the client context and X-Ray merging included), and so does tracex.
        Extractor extension = extensionReading();
        for (String e : events) {
            if (Fixtures.event(e).has("DurableExecutionArn")) {
                continue;
            }
            if (extension.extract(Fixtures.event(e), Fixtures.context(null)).parent().isPresent()) {
                all.add(argumentSet(e, e, null));
            }
            for (String c : contexts) {
                if (extension.extract(Fixtures.event(e), Fixtures.context(c)).parent().isPresent()) {
                    all.add(argumentSet(e + " with " + c, e, c));
                }
            }
        }
        assertThat(all).as("fixtures the extension reads").hasSizeGreaterThan(50);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void extract_eventTheExtensionReads_givesExactlyWhatItsReadingGives(String event, String context) throws Exception {
        Extraction extension = extensionReading().extract(Fixtures.event(event), Fixtures.context(context));

        assertThat(defaults().extract(Fixtures.event(event), Fixtures.context(context))).isEqualTo(extension);
    }

    static Stream<Arguments> sourcesTheExtensionDoesNotRead() {
        return Stream.of(
                argumentSet("SQS with OpenTelemetry's attributes", "sqs_otel_event.json", "builtin.sqs_attributes_record", "0af7651916cd43dd8448eb211c80319c"),
                argumentSet("SNS to SQS with OpenTelemetry's attributes", "sns_sqs_otel_event.json", "builtin.sqs_sns_attributes_record", "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"),
                argumentSet("SQS body from an input transformer", "sqs_input_transformer_event.json", "builtin.sqs_body_headers_record", "e2a1f5a3b2c4d6e8f0a1b2c3d4e5f607"),
                argumentSet("SQS with X-Ray's AWSTraceHeader", "sqs_xray_event.json", "builtin.sqs_xray_record", "5759e988bd862e3fe1be46a994272793"),
                argumentSet("SNS with OpenTelemetry's attributes", "sns_otel_event.json", "builtin.sns_attributes_record", "7a3f1c2e9b8d4f6a0c1e2d3f4a5b6c7d"),
                argumentSet("EventBridge detail with traceparent", "eventbridge_otel_event.json", "builtin.eventbridge_detail", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
                argumentSet("DynamoDB item with a stored _datadog", "dynamodb_traced_event.json", "builtin.dynamodb_new_datadog_record", "0000000000000000390ce44db5e0386f"),
                argumentSet("Kinesis data with traceparent", "kinesis_otel_event.json", "builtin.kinesis_data_record", "3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b"));
    }

    @ParameterizedTest
    @MethodSource("sourcesTheExtensionDoesNotRead")
    void extract_carrierTheExtensionDoesNotRead_isFound(String event, String rule, String traceId128) throws Exception {
        TraceContext found = defaults().extract(Fixtures.event(event)).parent().orElseThrow();

        assertThat(found.rule()).isEqualTo(rule);
        assertThat(found.traceIdHex()).isEqualTo(traceId128);
    }

    @Test
    void extract_durableExecutionWithHeadersAndClientContext_checkpointWinsAsInTheNodeLibrary() throws Exception {
        ObjectNode event = (ObjectNode) Fixtures.event("durable_execution_event.json");
        event.putObject("headers").put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        Extraction found = defaults().extract(event, Fixtures.context("lambda_client_context.json"));

        assertThat(found.parent().orElseThrow().rule()).isEqualTo("builtin.durable_execution");
        assertThat(found.parent().orElseThrow().parentIdDecimal()).isEqualTo("3141592653589793238");
    }

    @Test
    void extract_w3cMessageWhileMergingXRay_lambdasXRayHeaderWinsAsInTheExtension() throws Exception {
        Extraction found = defaults().extract(Fixtures.event("sqs_otel_event.json"), Fixtures.context("lambda_xray_context.json"));

        assertThat(found.parent().orElseThrow().rule()).isEqualTo("builtin.xray_env");
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
