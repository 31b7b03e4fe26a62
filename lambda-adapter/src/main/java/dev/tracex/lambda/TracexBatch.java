package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.RecordContext;
import dev.tracex.lambda.internal.batch.BatchRun;
import dev.tracex.lambda.internal.batch.CurrentRecord;
import dev.tracex.lambda.internal.batch.RecordHandOff;
import dev.tracex.lambda.internal.handoff.RecordMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per-record processing of the {@code aws-lambda-java-events} batch types: the function's code runs for each
 * record with that record's context current ({@link RecordScope}: {@link TracexLambda#current()}, the
 * OpenTelemetry context, with an SDK handed to tracex a CONSUMER {@code process} span, the MDC ids), put back
 * after each record, also when the code throws. Records without a context run under the invocation's.
 *
 * <p>Records are matched to their contexts by identity (SQS {@code messageId}, SNS {@code MessageId}, Kinesis
 * {@code sequenceNumber}, Kafka {@code <topic>-<partition>@<offset>}, DynamoDB {@code eventID}) in the extraction
 * the wrapper made for the invocation on this thread; with no invocation open (no wrapper, another thread)
 * the event is extracted now with the function's extractor.
 *
 * <p>Two ways to run a batch:
 * <ul>
 * <li>{@code forEachRecord}: records in order; an exception from a record propagates unchanged (after that
 * record's scope is closed) and the remaining records are not processed, as in a plain loop, so the whole
 * invocation fails and Lambda retries the batch.</li>
 * <li>{@code processSqs}, {@code processKinesis}, {@code processDynamodb}: an exception fails that record only
 * (logged, its span's status error); the others are processed, and the failed records are returned as the
 * partial batch response ({@code ReportBatchItemFailures}: SQS {@code messageId}, Kinesis and DynamoDB
 * {@code SequenceNumber}). For an SQS FIFO queue the messages after the first failure are not processed and
 * are reported failed too, so none overtakes a failed one.</li>
 * </ul>
 *
 * <pre>{@code
 * public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
 *     return TracexBatch.processSqs(event, (message, record) -> {
 *         log.info("order {}", message.getBody()); // MDC: this message's dd.trace_id
 *         orders.save(message.getBody());
 *     });
 * }
 * }</pre>
 */
public final class TracexBatch {
    private TracexBatch() {
    }

    // ---------------------------------------------------------------- SQS

    /** Runs {@code handler} for every message, each with its context current; the first exception propagates. */
    public static void forEachRecord(SQSEvent event, RecordHandler<SQSEvent.SQSMessage> handler) {
        List<SQSEvent.SQSMessage> records = records(event, SQSEvent::getRecords);
        BatchRun.forEach(records, metas(records, TracexBatch::sqs), extractNow(event), Objects.requireNonNull(handler, "handler")::handle);
    }

    /** Runs {@code handler} for every message; the messages that threw make the partial batch response. */
    public static SQSBatchResponse processSqs(SQSEvent event, RecordHandler<SQSEvent.SQSMessage> handler) {
        List<SQSEvent.SQSMessage> records = records(event, SQSEvent::getRecords);
        boolean fifo = !records.isEmpty() && records.get(0).getEventSourceArn() != null
                && records.get(0).getEventSourceArn().endsWith(".fifo");
        List<Integer> failed = BatchRun.collectFailures(records, metas(records, TracexBatch::sqs), extractNow(event),
                Objects.requireNonNull(handler, "handler")::handle, fifo);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(failed.size());
        for (int i : failed) {
            failures.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }

    /** Opens the scope of one message a library hands the function (e.g. Powertools' batch handler). */
    public static RecordScope open(SQSEvent.SQSMessage message) {
        SQSEvent one = new SQSEvent();
        one.setRecords(List.of(Objects.requireNonNull(message, "message")));
        return open(sqs(message), () -> TracexLambda.extract(one, null));
    }

    private static RecordMeta sqs(SQSEvent.SQSMessage m) {
        return new RecordMeta(m.getMessageId(), "aws_sqs", RecordMeta.nameFromArn(m.getEventSourceArn(), null), null, null);
    }

    // ---------------------------------------------------------------- SNS

    /** Runs {@code handler} for every notification, each with its context current; the first exception propagates. */
    public static void forEachRecord(SNSEvent event, RecordHandler<SNSEvent.SNSRecord> handler) {
        List<SNSEvent.SNSRecord> records = records(event, SNSEvent::getRecords);
        BatchRun.forEach(records, metas(records, TracexBatch::sns), extractNow(event), Objects.requireNonNull(handler, "handler")::handle);
    }

    /** Opens the scope of one SNS record. */
    public static RecordScope open(SNSEvent.SNSRecord record) {
        SNSEvent one = new SNSEvent();
        one.setRecords(List.of(Objects.requireNonNull(record, "record")));
        return open(sns(record), () -> TracexLambda.extract(one, null));
    }

    private static RecordMeta sns(SNSEvent.SNSRecord r) {
        SNSEvent.SNS sns = r.getSNS();
        return new RecordMeta(sns == null ? null : sns.getMessageId(), "aws.sns",
                sns == null ? null : RecordMeta.nameFromArn(sns.getTopicArn(), null), null, null);
    }

    // ---------------------------------------------------------------- Kinesis

    /** Runs {@code handler} for every record, each with its context current; the first exception propagates. */
    public static void forEachRecord(KinesisEvent event, RecordHandler<KinesisEvent.KinesisEventRecord> handler) {
        List<KinesisEvent.KinesisEventRecord> records = records(event, KinesisEvent::getRecords);
        BatchRun.forEach(records, metas(records, TracexBatch::kinesis), extractNow(event), Objects.requireNonNull(handler, "handler")::handle);
    }

    /** Runs {@code handler} for every record; the records that threw make the partial batch response. */
    public static StreamsEventResponse processKinesis(KinesisEvent event, RecordHandler<KinesisEvent.KinesisEventRecord> handler) {
        List<KinesisEvent.KinesisEventRecord> records = records(event, KinesisEvent::getRecords);
        List<RecordMeta> metas = metas(records, TracexBatch::kinesis);
        List<Integer> failed = BatchRun.collectFailures(records, metas, extractNow(event), Objects.requireNonNull(handler, "handler")::handle, false);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>(failed.size());
        for (int i : failed) {
            failures.add(new StreamsEventResponse.BatchItemFailure(metas.get(i).id()));
        }
        return new StreamsEventResponse(failures);
    }

    /** Opens the scope of one Kinesis record. */
    public static RecordScope open(KinesisEvent.KinesisEventRecord record) {
        KinesisEvent one = new KinesisEvent();
        one.setRecords(List.of(Objects.requireNonNull(record, "record")));
        return open(kinesis(record), () -> TracexLambda.extract(one, null));
    }

    private static RecordMeta kinesis(KinesisEvent.KinesisEventRecord r) {
        return new RecordMeta(r.getKinesis() == null ? null : r.getKinesis().getSequenceNumber(), null,
                RecordMeta.nameFromArn(r.getEventSourceARN(), "stream/"), null, null);
    }

    // ---------------------------------------------------------------- Kafka (Amazon MSK, self-managed)

    /**
     * Runs {@code handler} for every record, partition by partition in the event's order, each with its context
     * current; the first exception propagates. (Kafka event sources have no partial batch response.)
     */
    public static void forEachRecord(KafkaEvent event, RecordHandler<KafkaEvent.KafkaEventRecord> handler) {
        List<KafkaEvent.KafkaEventRecord> records = new ArrayList<>();
        if (event != null && event.getRecords() != null) {
            for (List<KafkaEvent.KafkaEventRecord> partition : event.getRecords().values()) {
                if (partition != null) {
                    records.addAll(partition);
                }
            }
        }
        BatchRun.forEach(records, metas(records, TracexBatch::kafka), extractNow(event), Objects.requireNonNull(handler, "handler")::handle);
    }

    /** Opens the scope of one Kafka record. */
    public static RecordScope open(KafkaEvent.KafkaEventRecord record) {
        Objects.requireNonNull(record, "record");
        KafkaEvent one = new KafkaEvent(Map.of(record.getTopic() + "-" + record.getPartition(), List.of(record)),
                "aws:kafka", null, null);
        return open(kafka(record), () -> TracexLambda.extract(one, null));
    }

    private static RecordMeta kafka(KafkaEvent.KafkaEventRecord r) {
        String id = r.getTopic() == null ? null : r.getTopic() + "-" + r.getPartition() + "@" + r.getOffset();
        return new RecordMeta(id, "kafka", r.getTopic(), String.valueOf(r.getPartition()), r.getOffset());
    }

    // ---------------------------------------------------------------- DynamoDB streams

    /** Runs {@code handler} for every stream record, each with its context current; the first exception propagates. */
    public static void forEachRecord(DynamodbEvent event, RecordHandler<DynamodbEvent.DynamodbStreamRecord> handler) {
        List<DynamodbEvent.DynamodbStreamRecord> records = records(event, DynamodbEvent::getRecords);
        BatchRun.forEach(records, metas(records, TracexBatch::dynamodb), extractNow(event), Objects.requireNonNull(handler, "handler")::handle);
    }

    /** Runs {@code handler} for every stream record; the records that threw make the partial batch response. */
    public static StreamsEventResponse processDynamodb(DynamodbEvent event, RecordHandler<DynamodbEvent.DynamodbStreamRecord> handler) {
        List<DynamodbEvent.DynamodbStreamRecord> records = records(event, DynamodbEvent::getRecords);
        List<Integer> failed = BatchRun.collectFailures(records, metas(records, TracexBatch::dynamodb), extractNow(event),
                Objects.requireNonNull(handler, "handler")::handle, false);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>(failed.size());
        for (int i : failed) {
            DynamodbEvent.DynamodbStreamRecord r = records.get(i);
            failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb() == null ? null : r.getDynamodb().getSequenceNumber()));
        }
        return new StreamsEventResponse(failures);
    }

    /** Opens the scope of one DynamoDB stream record. */
    public static RecordScope open(DynamodbEvent.DynamodbStreamRecord record) {
        DynamodbEvent one = new DynamodbEvent();
        one.setRecords(List.of(Objects.requireNonNull(record, "record")));
        return open(dynamodb(record), () -> TracexLambda.extract(one, null));
    }

    private static RecordMeta dynamodb(DynamodbEvent.DynamodbStreamRecord r) {
        return new RecordMeta(r.getEventID(), null, RecordMeta.nameFromArn(r.getEventSourceARN(), "table/"), null, null);
    }

    // ---------------------------------------------------------------- shared

    private static <E, R> List<R> records(E event, Function<E, List<R>> get) {
        List<R> records = event == null ? null : get.apply(event);
        return records == null ? List.of() : records;
    }

    private static <R> List<RecordMeta> metas(List<R> records, Function<R, RecordMeta> meta) {
        List<RecordMeta> out = new ArrayList<>(records.size());
        for (R r : records) {
            out.add(r == null ? RecordMeta.of(null) : meta.apply(r));
        }
        return out;
    }

    private static Supplier<Extraction> extractNow(Object event) {
        return () -> TracexLambda.extract(event, null);
    }

    private static RecordScope open(RecordMeta meta, Supplier<Extraction> extractOne) {
        RecordContext context = CurrentRecord.match(java.util.Collections.singletonList(meta.id()), extractOne).get(0);
        return new RecordScope(RecordHandOff.open(context, meta));
    }
}
