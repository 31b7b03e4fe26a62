package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.tracex.engine.Extraction;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OpenTelemetry SDK handed to tracex: one CONSUMER "process" span per record, with the messaging
 * attributes of its source, parented on the record's context and linked to the invocation span.
 */
class RecordSpansTest {
    private static final EndedSpans ENDED = new EndedSpans();
    private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder().addSpanProcessor(ENDED).build();

    @BeforeEach
    void register() {
        ENDED.clear();
        TracexOpenTelemetry.register(OpenTelemetrySdk.builder().setTracerProvider(PROVIDER).build(), () -> { });
    }

    @AfterEach
    void unregister() {
        TracexOpenTelemetry.unregister();
    }

    @AfterAll
    static void shutdown() {
        PROVIDER.close();
    }

    @Test
    @SuppressWarnings("try")
    void kafkaBatch_processSpanPerRecord_parentIsTheRecordsContext_linkedToTheInvocationSpan() throws Exception {
        byte[] bytes = TracingHandlerTest.event("kafka_event.json");
        Extraction found = TracingHandlerTest.rule("kafka").extract(bytes);
        List<String> seen = new CopyOnWriteArrayList<>();

        try (InvocationScope scope = InvocationScope.open(found, LocalContext.of("orders"), bytes)) {
            TracexBatch.forEachRecord(TracexBatchTest.typed(KafkaEvent.class, bytes),
                    (record, rc) -> seen.add(Span.current().getSpanContext().getSpanId()));
        }

        SpanData server = only(SpanKind.SERVER);
        List<SpanData> consumers = ENDED.data().stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
        assertThat(consumers).extracting(SpanData::getSpanId).as("current during each record").containsExactlyElementsOf(seen);
        assertThat(consumers).extracting(SpanData::getName).containsOnly("process orders");
        assertThat(consumers).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
                .containsExactly("orders-0@15", "orders-0@16", "orders-1@3");
        assertThat(consumers).extracting(s -> s.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset"))).containsExactly(15L, 16L, 3L);
        assertThat(consumers).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("messaging.destination.partition.id")))
                .containsExactly("0", "0", "1");
        assertThat(consumers).allSatisfy(s -> {
            assertThat(s.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("kafka");
            assertThat(s.getAttributes().get(AttributeKey.stringKey("messaging.operation.type"))).isEqualTo("process");
            assertThat(s.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo("orders");
        });
        // orders-0@15 has no context: a child of the invocation span (whose parent is the first found, 5555...).
        assertThat(consumers.get(0).getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(consumers.get(0).getLinks()).isEmpty();
        assertThat(consumers.get(1).getTraceId()).isEqualTo(String.format("%032x", 5555555555555555555L));
        assertThat(consumers.get(1).getParentSpanId()).isEqualTo(String.format("%016x", 5000000000000000005L));
        assertThat(consumers.get(2).getTraceId()).isEqualTo(String.format("%032x", 6666666666666666666L));
        assertThat(consumers.get(2).getParentSpanId()).isEqualTo(String.format("%016x", 6000000000000000006L));
        for (SpanData c : consumers.subList(1, 3)) {
            assertThat(c.getLinks()).extracting(LinkData::getSpanContext).extracting(sc -> sc.getSpanId())
                    .containsExactly(server.getSpanId());
        }
        assertThat(server.getParentSpanId()).isEqualTo(String.format("%016x", 5000000000000000005L));
    }

    @Test
    void snsBatch_throwingRecord_itsSpanHasStatusErrorAndTheExceptionGoesOn() throws Exception {
        IllegalStateException thrown = new IllegalStateException("no such order");

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> TracexBatchTest.invoke(SNSEvent.class,
                TracingHandlerTest.event("sns_event.json"), (SNSEvent e, com.amazonaws.services.lambda.runtime.Context c) -> {
                    TracexBatch.forEachRecord(e, (r, rc) -> {
                        throw thrown;
                    });
                    return null;
                }));

        assertThat(t).isSameAs(thrown);
        List<SpanData> consumers = ENDED.data().stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
        assertThat(consumers).hasSize(1);
        assertThat(consumers.get(0).getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
        assertThat(consumers.get(0).getName()).isEqualTo("process sns-lambda");
        assertThat(consumers.get(0).getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("aws.sns");
        assertThat(consumers.get(0).getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.lang.IllegalStateException");
        assertThat(only(SpanKind.SERVER).getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    private static SpanData only(SpanKind kind) {
        List<SpanData> spans = ENDED.data().stream().filter(s -> s.getKind() == kind).toList();
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }
}
