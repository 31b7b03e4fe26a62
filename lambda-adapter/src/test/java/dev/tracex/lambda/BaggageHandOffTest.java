package dev.tracex.lambda;

import dev.tracex.engine.Extractors;
import dev.tracex.engine.propagation.W3CBaggage;
import dev.tracex.lambda.internal.invocation.HandlerTarget;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The W3C baggage that came with the parent is OpenTelemetry's current {@code Baggage} while the handler runs. */
class BaggageHandOffTest {
    /** An SQS record as OpenTelemetry's AWS SDK instrumentation sends it: traceparent and baggage attributes. */
    private static final String EVENT = """
            {"Records": [{"messageId": "059f36b4-87a3-44ab-83d2-661975830a7d", "body": "Order placed.",
              "messageAttributes": {
                "traceparent": {"stringValue": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "dataType": "String"},
                "baggage": {"stringValue": "userId=alice,serverNode=DF%2028", "dataType": "String"}},
              "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue"}]}
            """;
    private static final TextMapSetter<Map<String, String>> SETTER = (carrier, key, value) -> carrier.put(key, value);

    @Test
    void invoke_parentWithBaggage_baggageIsCurrentInOpenTelemetryDuringTheHandlerOnly() throws Exception {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        AtomicReference<Map<String, String>> sentOn = new AtomicReference<>();
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("baggage", (in, out, ctx) -> {
            Map<String, String> entries = new HashMap<>();
            Baggage.current().forEach((k, v) -> entries.put(k, v.getValue()));
            seen.set(entries);
            Map<String, String> headers = new HashMap<>();
            W3CBaggagePropagator.getInstance().inject(Context.current(), headers, SETTER);
            sentOn.set(headers);
        }), Extractors.builtins().extractor("sqs"));

        h.invoke(EVENT.getBytes(StandardCharsets.UTF_8), new ByteArrayOutputStream(), LocalContext.of("orders"));

        assertThat(seen.get()).containsOnly(Map.entry("userId", "alice"), Map.entry("serverNode", "DF 28"));
        assertThat(W3CBaggage.parse(sentOn.get().get("baggage")))
                .containsOnly(Map.entry("userId", "alice"), Map.entry("serverNode", "DF 28"));
        assertThat(Baggage.current().isEmpty()).as("undone after the handler").isTrue();
    }
}
