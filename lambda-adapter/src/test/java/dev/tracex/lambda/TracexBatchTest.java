package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.lambda.internal.invocation.RuntimeSerializers;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.trace.Span;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Per-record processing in one process: each record's code runs with its own context in {@code current()},
 * the OpenTelemetry context and the MDC, and the invocation's comes back after each record, also when one throws.
 */
class TracexBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one record's code saw. */
    record Seen(String id, String current, String mdc, String otelTrace) {
        static Seen now(String id) {
            var sc = Span.current().getSpanContext();
            return new Seen(id, TracexLambda.current().map(TraceContext::traceId).orElse(null), MDC.get("dd.trace_id"),
                    sc.isValid() ? sc.getTraceId() : null);
        }
    }

    /** An SQS event as SQS delivers it; {@code traces[i]} is message {@code m<i>}'s Datadog trace id, or null for none. */
    static byte[] sqsEvent(String queueArn, String... traces) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < traces.length; i++) {
            ObjectNode r = records.addObject();
            r.put("messageId", "m" + i).put("receiptHandle", "AQEB" + i).put("body", "order " + i)
                    .put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3").put("eventSource", "aws:sqs")
                    .put("eventSourceARN", queueArn).put("awsRegion", "us-east-2");
            r.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", "1764590400000");
            ObjectNode attributes = r.putObject("messageAttributes");
            if (traces[i] != null) {
                ObjectNode dd = attributes.putObject("_datadog");
                dd.put("stringValue", "{\"x-datadog-trace-id\":\"" + traces[i] + "\",\"x-datadog-parent-id\":\"" + (900 + i)
                        + "\",\"x-datadog-sampling-priority\":\"1\"}");
                dd.putArray("stringListValues");
                dd.putArray("binaryListValues");
                dd.put("dataType", "String");
            }
        }
        return JSON.writeValueAsBytes(event);
    }

    static final String QUEUE = "arn:aws:sqs:us-east-2:123456789012:orders";

    @SuppressWarnings("unchecked")
    static <T> T typed(Class<T> type, byte[] json) {
        return (T) RuntimeSerializers.forType(type, TracexBatchTest.class.getClassLoader()).fromJson(new ByteArrayInputStream(json));
    }

    /** Runs {@code handler} as the function's handler behind {@link TracexLambda#wrap} (the function's extractor: builtin.default). */
    static <I, O> O invoke(Class<I> type, byte[] event, RequestHandler<I, O> handler) {
        return TracexLambda.wrap(handler).handleRequest(typed(type, event), LocalContext.of("orders"));
    }

    @Test
    void processSqs_recordsFromDifferentTraces_eachRunsUnderItsOwnContextAndTheInvocationsComesBack() throws Exception {
        List<Seen> seen = new ArrayList<>();
        List<Seen> after = new ArrayList<>();
        // m0 has no context, so the invocation (parent policy first) has none either; m1 and m3 share a trace.
        byte[] event = sqsEvent(QUEUE, null, "11", "22", "11");

        SQSBatchResponse response = invoke(SQSEvent.class, event, (SQSEvent e, com.amazonaws.services.lambda.runtime.Context c) -> {
            SQSBatchResponse r = TracexBatch.processSqs(e, (message, record) -> {
                assertThat(record.id()).hasValue(message.getMessageId());
                seen.add(Seen.now(message.getMessageId()));
            });
            after.add(Seen.now("after"));
            return r;
        });

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(seen).containsExactly(
                new Seen("m0", null, null, null),
                new Seen("m1", "11", "11", "0000000000000000000000000000000b"),
                new Seen("m2", "22", "22", "00000000000000000000000000000016"),
                new Seen("m3", "11", "11", "0000000000000000000000000000000b"));
        assertThat(after).containsExactly(new Seen("after", null, null, null));
    }

    @Test
    void forEachRecord_throwingRecordInTheMiddle_propagatesUnchangedAfterTheInvocationsContextIsBack() throws Exception {
        List<Seen> seen = new ArrayList<>();
        IllegalStateException thrown = new IllegalStateException("order 1 rejected");
        List<Seen> caught = new ArrayList<>();

        Throwable t = catchThrowable(() -> invoke(SQSEvent.class, sqsEvent(QUEUE, "11", "22", "33"),
                (SQSEvent e, com.amazonaws.services.lambda.runtime.Context c) -> {
                    try {
                        TracexBatch.forEachRecord(e, (message, record) -> {
                            seen.add(Seen.now(message.getMessageId()));
                            if (message.getMessageId().equals("m1")) {
                                throw thrown;
                            }
                        });
                    } catch (IllegalStateException failure) {
                        caught.add(Seen.now("caught"));
                        throw failure;
                    }
                    return "unreachable";
                }));

        assertThat(t).isSameAs(thrown);
        assertThat(seen).extracting(Seen::id).as("the records after the failing one are not processed").containsExactly("m0", "m1");
        assertThat(seen.get(1).current()).isEqualTo("22");
        assertThat(caught).containsExactly(new Seen("caught", "11", "11", "0000000000000000000000000000000b"));
        assertThat(Seen.now("test thread")).isEqualTo(new Seen("test thread", null, null, null));
    }

    @Test
    void forEachRecord_checkedException_propagatesUnchanged() throws Exception {
        Exception checked = new java.io.IOException("disk full");
        SQSEvent event = typed(SQSEvent.class, sqsEvent(QUEUE, "11"));

        Throwable t = catchThrowable(() -> TracexBatch.forEachRecord(event, (message, record) -> {
            throw checked;
        }));

        assertThat(t).isSameAs(checked);
    }

    @Test
    void processSqs_failingRecords_areTheBatchItemFailuresAndTheOthersAreProcessed() throws Exception {
        List<String> processed = new ArrayList<>();
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            SQSBatchResponse r = invoke(SQSEvent.class, sqsEvent(QUEUE, "11", "22", "33", null), (SQSEvent e, com.amazonaws.services.lambda.runtime.Context c) ->
                    TracexBatch.processSqs(e, (message, record) -> {
                        if (message.getMessageId().equals("m1") || message.getMessageId().equals("m3")) {
                            throw new IllegalArgumentException("bad order");
                        }
                        processed.add(message.getMessageId());
                    }));

            assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m1", "m3");
            assertThat(processed).containsExactly("m0", "m2");
            assertThat(log.lines()).containsExactly(
                    "WARN tracex: record m1 failed and is reported in the batch response: java.lang.IllegalArgumentException: bad order",
                    "WARN tracex: record m3 failed and is reported in the batch response: java.lang.IllegalArgumentException: bad order");
        }
    }

    @Test
    void processSqs_fifoQueue_messagesAfterAFailureAreNotProcessedAndReportedFailed() throws Exception {
        List<String> processed = new ArrayList<>();
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            SQSBatchResponse r = invoke(SQSEvent.class, sqsEvent(QUEUE + ".fifo", "11", "22", "33"), (SQSEvent e, com.amazonaws.services.lambda.runtime.Context c) ->
                    TracexBatch.processSqs(e, (message, record) -> {
                        processed.add(message.getMessageId());
                        if (message.getMessageId().equals("m1")) {
                            throw new IllegalArgumentException("bad order");
                        }
                    }));

            assertThat(processed).containsExactly("m0", "m1");
            assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m1", "m2");
            assertThat(log.lines()).hasSize(1);
        }
    }

    @Test
    void forEachRecord_noInvocationOpen_extractsTheEventNow() throws Exception {
        List<Seen> seen = new ArrayList<>();
        SQSEvent event = typed(SQSEvent.class, sqsEvent(QUEUE, null, "22"));

        TracexBatch.forEachRecord(event, (message, record) -> seen.add(Seen.now(message.getMessageId())));

        assertThat(seen).extracting(Seen::current).containsExactly(null, "22");
    }

    @Test
    void open_oneMessageOnAThreadWithNoInvocation_extractsThatMessage() throws Exception {
        SQSEvent event = typed(SQSEvent.class, sqsEvent(QUEUE, "11", "22"));

        Seen seen = CompletableFuture.supplyAsync(() -> {
            try (RecordScope scope = TracexBatch.open(event.getRecords().get(1))) {
                assertThat(scope.record().id()).hasValue("m1");
                return Seen.now("m1");
            }
        }).get();

        assertThat(seen).isEqualTo(new Seen("m1", "22", "22", "00000000000000000000000000000016"));
    }

    @Test
    void forEachRecord_snsAndKinesis_matchTheirRecordsByMessageIdAndSequenceNumber() throws Exception {
        List<Seen> seen = new ArrayList<>();

        invoke(SNSEvent.class, TracingHandlerTest.event("sns_event.json"), (SNSEvent e, com.amazonaws.services.lambda.runtime.Context c) -> {
            TracexBatch.forEachRecord(e, (r, record) -> seen.add(Seen.now(r.getSNS().getMessageId())));
            return null;
        });
        invoke(KinesisEvent.class, TracingHandlerTest.event("kinesis_event.json"), (KinesisEvent e, com.amazonaws.services.lambda.runtime.Context c) ->
                TracexBatch.processKinesis(e, (r, record) -> seen.add(Seen.now(r.getKinesis().getSequenceNumber()))));

        assertThat(seen).extracting(Seen::id, Seen::current).containsExactly(
                org.assertj.core.groups.Tuple.tuple("95df01b4-ee98-5cb9-9903-4c221d41eb5e", "6966585609680374559"),
                org.assertj.core.groups.Tuple.tuple("95df01b4-ee98-5cb9-9903-4c221d41eb5f", "7966585609680374550"),
                org.assertj.core.groups.Tuple.tuple("49590338271490256608559692538361571095921575989136588898", "4948377316357291421"),
                org.assertj.core.groups.Tuple.tuple("49590338271490256608559692540925702759324208523137515618", "5948377316357291422"));
    }

    @Test
    void processDynamodb_recordsWithoutContext_runUnderTheInvocationsAndFailuresNameTheSequenceNumber() throws Exception {
        List<Seen> seen = new ArrayList<>();
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            StreamsEventResponse r = invoke(DynamodbEvent.class, TracingHandlerTest.event("dynamodb_event.json"),
                    (DynamodbEvent e, com.amazonaws.services.lambda.runtime.Context c) -> TracexBatch.processDynamodb(e, (rec, record) -> {
                        seen.add(Seen.now(rec.getEventID()));
                        throw new IllegalStateException("table locked");
                    }));

            assertThat(seen).containsExactly(new Seen("1", null, null, null));
            assertThat(r.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("111");
            assertThat(log.lines()).containsExactly(
                    "WARN tracex: record 1 failed and is reported in the batch response: java.lang.IllegalStateException: table locked");
        }
    }

    @Test
    @SuppressWarnings("try")
    void forEachRecord_kafka_matchesTopicPartitionAndOffset_parentIsTheFirstFound() throws Exception {
        byte[] bytes = TracingHandlerTest.event("kafka_event.json");
        Extraction found = TracingHandlerTest.rule("kafka").extract(bytes);
        List<Seen> seen = new ArrayList<>();
        List<Seen> invocation = new ArrayList<>();

        try (InvocationScope scope = TracexLambda.open(found)) {
            invocation.add(Seen.now("invocation"));
            TracexBatch.forEachRecord(typed(KafkaEvent.class, bytes), (r, record) -> seen.add(Seen.now(record.id().orElseThrow())));
        }

        assertThat(found.records()).extracting(r -> r.id().orElse(null)).containsExactly("orders-0@15", "orders-0@16", "orders-1@3");
        assertThat(invocation).extracting(Seen::current).containsExactly("5555555555555555555");
        assertThat(seen).extracting(Seen::id, Seen::current).containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders-0@15", "5555555555555555555"),
                org.assertj.core.groups.Tuple.tuple("orders-0@16", "5555555555555555555"),
                org.assertj.core.groups.Tuple.tuple("orders-1@3", "6666666666666666666"));
    }

    @Test
    @SuppressWarnings("try")
    void forEachRecord_rawJson_eachRecordItsContext() throws Exception {
        byte[] bytes = sqsEvent(QUEUE, "11", null, "33");
        JsonNode event = JSON.readTree(bytes);
        List<RecordContext> records = new ArrayList<>();
        List<Seen> seen = new ArrayList<>();

        try (InvocationScope scope = TracexLambda.open(TracexLambda.extract(bytes, null))) {
            TracexLambda.forEachRecord(event, (record, rc) -> {
                records.add(rc);
                seen.add(Seen.now(record.get("messageId").asText()));
            });
        }

        assertThat(records).extracting(r -> r.id().orElse(null)).containsExactly("m0", "m1", "m2");
        assertThat(seen).extracting(Seen::current).as("m1 has none and runs under the invocation's, m0's").containsExactly("11", "11", "33");
    }
}
