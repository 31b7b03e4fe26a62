package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.internal.invocation.LambdaInvocationContext;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer side, and round trips: what is injected, the built-in rules extract with the same ids. */
class TraceHeadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the previous function extracted: a 128-bit id, a propagated tag, an origin. */
    private static final TraceContext EXTRACTED = TraceContext.builder()
            .traceId(0x640cfd8d00000000L, 0x1a2b3c4d5e6f7081L).parentId(0x1122334455667788L)
            .samplingPriority(2).origin("lambda").tag("_dd.p.dm", "-4").rule("sqs").format("datadog").build();

    @SuppressWarnings("try") // the scope is used by being closed
    private static <T> T inInvocation(Supplier<T> body) {
        try (InvocationScope scope = TracexLambda.open(Extraction.of(EXTRACTED))) {
            return body.get();
        }
    }

    /** The built-in rule {@code rule}, and {@code builtin.default}, both extract the same parent. */
    private static TraceContext consume(String rule, String event) {
        Extractors builtins = Extractors.builtins();
        try {
            TraceContext byRule = builtins.extractor(rule).extract(event).parent().orElseThrow();
            TraceContext byDefault = builtins.extractor("default").extract(event).parent().orElseThrow();
            assertThat(byDefault.traceIdHex()).isEqualTo(byRule.traceIdHex());
            assertThat(byDefault.parentId()).isEqualTo(byRule.parentId());
            assertThat(byRule.rule()).startsWith("builtin.");
            return byRule;
        } catch (RuleCompilationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSameTrace(TraceContext got) {
        assertThat(got.traceIdHex()).isEqualTo(EXTRACTED.traceIdHex());
        assertThat(got.parentId()).isEqualTo(EXTRACTED.parentId());
        assertThat(got.samplingPriority()).hasValue(2);
        assertThat(got.origin()).hasValue("lambda");
        assertThat(got.tags()).containsEntry("_dd.p.dm", "-4");
    }

    @Test
    void current_noInvocation_isEmpty() {
        assertThat(TraceHeaders.current()).isEmpty();
        assertThat(TraceHeaders.withTraceHeaders(Map.of("a", 1))).isEqualTo(Map.of("a", 1));
        assertThat(AwsSdkTraceHeaders.sqsMessageAttributes()).isEmpty();
        assertThat(AwsSdkTraceHeaders.snsMessageAttributes()).isEmpty();
    }

    @Test
    void current_inInvocation_isTheExtractedContextInDatadogAndW3cForms() {
        Map<String, String> h = inInvocation(TraceHeaders::current);
        assertThat(h).containsEntry("x-datadog-trace-id", Long.toUnsignedString(0x1a2b3c4d5e6f7081L))
                .containsEntry("x-datadog-parent-id", Long.toUnsignedString(0x1122334455667788L))
                .containsEntry("x-datadog-sampling-priority", "2")
                .containsEntry("x-datadog-origin", "lambda")
                .containsEntry("traceparent", "00-640cfd8d000000001a2b3c4d5e6f7081-1122334455667788-01")
                .containsKey("tracestate");
        assertThat(h.get("x-datadog-tags")).contains("_dd.p.dm=-4").contains("_dd.p.tid=640cfd8d00000000");
    }

    @Test
    void current_localOpenTelemetrySpan_isTheParentSentOn() {
        SpanContext local = SpanContext.create("640cfd8d000000001a2b3c4d5e6f7081", "00000000000000aa",
                TraceFlags.getSampled(), TraceState.getDefault());
        Map<String, String> h = inInvocation(() -> {
            try (Scope s = Span.wrap(local).makeCurrent()) {
                return TraceHeaders.current();
            }
        });
        assertThat(h).containsEntry("x-datadog-parent-id", "170")
                .containsEntry("x-datadog-sampling-priority", "1")
                .containsEntry("x-datadog-origin", "lambda")
                .containsEntry("traceparent", "00-640cfd8d000000001a2b3c4d5e6f7081-00000000000000aa-01");
    }

    @Test
    void roundTrip_sqsMessageAttribute() {
        var attribute = inInvocation(AwsSdkTraceHeaders::sqsMessageAttributes).get("_datadog");
        ObjectNode event = JSON.createObjectNode();
        ObjectNode a = event.putArray("Records").addObject().put("eventSource", "aws:sqs").put("body", "{}")
                .putObject("messageAttributes").putObject("_datadog");
        a.put("stringValue", attribute.stringValue()).put("dataType", attribute.dataType());
        assertSameTrace(consume("sqs", event.toString()));
    }

    @Test
    void roundTrip_snsMessageAttribute() {
        var attribute = inInvocation(AwsSdkTraceHeaders::snsMessageAttributes).get("_datadog");
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addObject().put("EventSource", "aws:sns").putObject("Sns")
                .putObject("MessageAttributes").putObject("_datadog")
                .put("Type", attribute.dataType()).put("Value", attribute.stringValue());
        assertSameTrace(consume("sns", event.toString()));
    }

    @Test
    void roundTrip_eventBridgeDetail() throws Exception {
        String detail = inInvocation(() -> TraceHeaders.eventBridgeDetail(Map.of("orderId", 42)));
        ObjectNode event = JSON.createObjectNode().put("detail-type", "OrderPlaced").put("source", "shop");
        event.set("detail", JSON.readTree(detail));
        assertSameTrace(consume("eventbridge", event.toString()));
        assertThat(JSON.readTree(detail).get("orderId").asInt()).isEqualTo(42);
    }

    @Test
    void roundTrip_kinesisRecord() {
        byte[] data = inInvocation(() -> TraceHeaders.kinesisData(Map.of("orderId", 42)));
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addObject().put("eventSource", "aws:kinesis").putObject("kinesis")
                .put("partitionKey", "1").put("data", Base64.getEncoder().encodeToString(data));
        assertSameTrace(consume("kinesis", event.toString()));
    }

    @Test
    void roundTrip_customPayload() {
        Map<String, Object> payload = inInvocation(() -> TraceHeaders.withTraceHeaders(Map.of("orderId", 42)));
        assertSameTrace(consume("payload", TraceHeaders.toJson(payload)));
    }

    @Test
    void roundTrip_clientContextOfADirectInvoke() throws Exception {
        String clientContext = inInvocation(TraceHeaders::clientContext);
        JsonNode decoded = JSON.readTree(Base64.getDecoder().decode(clientContext));
        Map<String, String> custom = JSON.convertValue(decoded.get("custom"), JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, String.class));
        LocalContext receiving = LocalContext.of("next").withCustom(custom);
        for (String rule : new String[] {"client_context", "lambda", "default"}) {
            TraceContext got = Extractors.builtins().extractor(rule)
                    .extract("{}".getBytes(StandardCharsets.UTF_8), LambdaInvocationContext.of(receiving)).parent().orElseThrow();
            assertSameTrace(got);
        }
    }

    @Test
    void roundTrip_sqsW3cMessageAttributes_asOpenTelemetryWritesThem() {
        var attributes = inInvocation(AwsSdkTraceHeaders::sqsW3cMessageAttributes);
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject().put("eventSource", "aws:sqs").put("body", "{}");
        ObjectNode a = record.putObject("messageAttributes");
        attributes.forEach((k, v) -> a.putObject(k).put("stringValue", v.stringValue()).put("dataType", v.dataType()));

        assertThat(attributes).containsOnlyKeys("traceparent", "tracestate");
        TraceContext got = consume("sqs", event.toString());
        assertSameTrace(got);
        assertThat(got.rule()).isEqualTo("builtin.sqs_attributes_record");
    }

    @Test
    void roundTrip_snsW3cMessageAttributes() {
        var attributes = inInvocation(AwsSdkTraceHeaders::snsW3cMessageAttributes);
        ObjectNode event = JSON.createObjectNode();
        ObjectNode a = event.putArray("Records").addObject().put("EventSource", "aws:sns").putObject("Sns")
                .putObject("MessageAttributes");
        attributes.forEach((k, v) -> a.putObject(k).put("Type", v.dataType()).put("Value", v.stringValue()));

        TraceContext got = consume("sns", event.toString());
        assertSameTrace(got);
        assertThat(got.rule()).isEqualTo("builtin.sns_attributes_record");
    }

    @Test
    @SuppressWarnings("try") // the scope is used by being closed
    void roundTrip_w3cWithBaggage_baggageTravelsToo() {
        TraceContext withBaggage = EXTRACTED.toBuilder().baggage(Map.of("tenant", "acme corp")).build();
        Map<String, String> headers;
        try (InvocationScope scope = TracexLambda.open(Extraction.of(withBaggage))) {
            headers = TraceHeaders.currentW3c();
        }
        ObjectNode event = JSON.createObjectNode().put("detail-type", "OrderPlaced").put("source", "shop");
        ObjectNode detail = event.putObject("detail").put("orderId", 42);
        headers.forEach(detail::put);

        TraceContext got = consume("eventbridge", event.toString());
        assertSameTrace(got);
        assertThat(got.baggage()).containsExactly(Map.entry("tenant", "acme corp"));
    }

    @Test
    void roundTrip_kafkaHeaders_asLambdaDeliversThemFromMsk() {
        Map<String, byte[]> headers = inInvocation(TraceHeaders::kafkaHeaders);
        ObjectNode event = JSON.createObjectNode().put("eventSource", "aws:kafka").put("bootstrapServers", "b-1:9092");
        var list = event.putObject("records").putArray("orders-0").addObject().put("topic", "orders")
                .put("partition", 0).put("offset", 7).putArray("headers");
        headers.forEach((k, v) -> {
            var bytes = list.addObject().putArray(k);
            for (byte b : v) {
                bytes.add(b & 0xff);
            }
        });

        assertSameTrace(consume("kafka", event.toString()));
    }
}
