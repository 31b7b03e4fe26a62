package dev.tracex.lambda.internal.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.lambda.internal.handoff.RecordMeta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The records of a batch event as raw JSON, in event order: {@code Records[*]} (SQS, SNS, Kinesis, DynamoDB)
 * or Kafka's {@code records.<topic-partition>[*]}, each with the identity the built-in rules read.
 */
public final class JsonRecords {
    public final List<JsonNode> records = new ArrayList<>();
    public final List<RecordMeta> metas = new ArrayList<>();

    public static JsonRecords of(JsonNode event) {
        JsonRecords out = new JsonRecords();
        if (event == null || !event.isObject()) {
            return out;
        }
        JsonNode upper = event.get("Records");
        if (upper != null && upper.isArray()) {
            for (JsonNode r : upper) {
                out.records.add(r);
                out.metas.add(meta(r));
            }
            return out;
        }
        JsonNode kafka = event.get("records");
        if (kafka != null && kafka.isObject()) {
            for (Iterator<JsonNode> partitions = kafka.elements(); partitions.hasNext(); ) {
                JsonNode partition = partitions.next();
                if (partition.isArray()) {
                    for (JsonNode r : partition) {
                        out.records.add(r);
                        out.metas.add(kafka(r));
                    }
                }
            }
        }
        return out;
    }

    private static RecordMeta meta(JsonNode r) {
        String source = text(r, "eventSource");
        if (source == null) {
            source = text(r, "EventSource");
        }
        if ("aws:sqs".equals(source)) {
            return new RecordMeta(text(r, "messageId"), "aws_sqs", RecordMeta.nameFromArn(text(r, "eventSourceARN"), null), null, null);
        }
        if ("aws:sns".equals(source)) {
            JsonNode sns = r.path("Sns");
            return new RecordMeta(text(sns, "MessageId"), "aws.sns", RecordMeta.nameFromArn(text(sns, "TopicArn"), null), null, null);
        }
        if ("aws:kinesis".equals(source)) {
            return new RecordMeta(text(r.path("kinesis"), "sequenceNumber"), null,
                    RecordMeta.nameFromArn(text(r, "eventSourceARN"), "stream/"), null, null);
        }
        if ("aws:dynamodb".equals(source)) {
            return new RecordMeta(text(r, "eventID"), null, RecordMeta.nameFromArn(text(r, "eventSourceARN"), "table/"), null, null);
        }
        return RecordMeta.of(null);
    }

    private static RecordMeta kafka(JsonNode r) {
        String topic = text(r, "topic");
        JsonNode partition = r.get("partition");
        JsonNode offset = r.get("offset");
        if (topic == null || partition == null || !partition.isIntegralNumber() || offset == null || !offset.isIntegralNumber()) {
            return RecordMeta.of(null);
        }
        return new RecordMeta(topic + "-" + partition.asInt() + "@" + offset.asLong(), "kafka", topic,
                String.valueOf(partition.asInt()), offset.asLong());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
