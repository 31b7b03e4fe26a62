package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * What {@code builtin.default} (the rule that runs when none is selected, and behind every selected rule that
 * finds nothing) costs on events that carry no trace context, the commonest events of a queue consumer,
 * against one {@code readTree} of the same bytes (the least a reader of the event does). Every event is a batch
 * or a body of JSON documents with no carrier anywhere: SQS with 1 KB and 64 KB bodies, SNS and Kinesis with
 * 64 KB messages, Kafka with 64 KB values, EventBridge with a 640 KB detail and API Gateway with a 640 KB body;
 * {@code sqs-1KB-hit} and {@code sqs-64KB-hit} are the SQS batches with a Datadog attribute on every record, the
 * hit beside the miss. Run under Lambda's JIT setting, with {@code -prof gc} for allocation:
 * {@code java -jar benchmarks/target/benchmarks.jar Miss -f 1 -wi 4 -w 300ms -i 6 -r 300ms -jvmArgs -XX:TieredStopAtLevel=1 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class MissBenchmark {
    private static final int KB = 1024;

    @Param({"sqs-1KB", "sqs-64KB", "sns-64KB", "kinesis-64KB", "kafka-64KB", "eventbridge-640KB", "apigw-640KB",
            "sqs-1KB-hit", "sqs-64KB-hit"})
    public String event;

    private byte[] bytes;
    private Extractor fallback;

    @Setup
    public void setUp() throws Exception {
        bytes = HandWritten.MAPPER.writeValueAsBytes(event(event));
        fallback = Extractors.builtins().extractor("default");
        boolean found = !fallback.extract(bytes).parent().isEmpty();
        if (found != event.endsWith("-hit")) {
            throw new IllegalStateException(event + ": builtin.default " + (found ? "found" : "found no") + " context");
        }
    }

    @Benchmark
    public Extraction defaultBytes() {
        return fallback.extract(bytes);
    }

    @Benchmark
    public JsonNode readTree() throws IOException {
        return HandWritten.MAPPER.readTree(bytes);
    }

    /** The event called {@code name}: {@code <source>-<size of each document>[-hit]}. */
    static JsonNode event(String name) {
        String[] parts = name.split("-");
        int size = Integer.parseInt(parts[1].replace("KB", "")) * KB;
        boolean hit = parts.length > 2;
        switch (parts[0]) {
            case "sqs":
                return sqs(size, hit);
            case "sns":
                return sns(size);
            case "kinesis":
                return kinesis(size);
            case "kafka":
                return kafka(size);
            case "eventbridge":
                return eventBridge(size);
            case "apigw":
                return apiGateway(size);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** Ten SQS records, as the SQS documentation shows them, each with a JSON body of {@code size}. */
    static JsonNode sqs(int size, boolean withContext) {
        return records((r, i) -> {
            r.put("messageId", "059f36b4-87a3-44ab-83d2-66197583" + String.format("%04d", i));
            r.put("receiptHandle", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...");
            r.put("body", LargeEventBenchmark.body(size));
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1545082649183");
            attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attributes.put("ApproximateFirstReceiveTimestamp", "1545082649185");
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            if (withContext) {
                ObjectNode dd = messageAttributes.putObject("_datadog");
                dd.put("stringValue", "{\"x-datadog-trace-id\":\"" + (2684756524522091840L + i)
                        + "\",\"x-datadog-parent-id\":\"7431398482019833808\",\"x-datadog-sampling-priority\":\"1\"}");
                dd.putArray("stringListValues");
                dd.putArray("binaryListValues");
                dd.put("dataType", "String");
            }
            r.put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-2:123456789012:my-queue");
            r.put("awsRegion", "us-east-2");
        });
    }

    /** Ten SNS notifications with a JSON message of {@code size} and a String attribute that is not a carrier. */
    static JsonNode sns(int size) {
        return records((r, i) -> {
            r.put("EventVersion", "1.0");
            r.put("EventSubscriptionArn", "arn:aws:sns:us-east-1:123456789012:sns-lambda:21be56ed-a058-49f5-8c98-aedd2564c486");
            r.put("EventSource", "aws:sns");
            ObjectNode sns = r.putObject("Sns");
            sns.put("SignatureVersion", "1");
            sns.put("Timestamp", "2019-01-02T12:45:07.000Z");
            sns.put("Signature", "tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==");
            sns.put("SigningCertUrl", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-ac565b8b1a6c5d002d285f9598aa1d9b.pem");
            sns.put("MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5" + i);
            sns.put("Message", LargeEventBenchmark.body(size));
            ObjectNode attr = sns.putObject("MessageAttributes").putObject("Test");
            attr.put("Type", "String");
            attr.put("Value", "TestString");
            sns.put("Type", "Notification");
            sns.put("UnsubscribeUrl", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&amp;SubscriptionArn=arn:aws:sns:us-east-1:123456789012:test-lambda");
            sns.put("TopicArn", "arn:aws:sns:us-east-1:123456789012:sns-lambda");
            sns.put("Subject", "TestInvoke");
        });
    }

    /** Ten Kinesis records whose data is a base64 JSON document of {@code size}. */
    static JsonNode kinesis(int size) {
        return records((r, i) -> {
            ObjectNode k = r.putObject("kinesis");
            k.put("kinesisSchemaVersion", "1.0");
            k.put("partitionKey", "1");
            k.put("sequenceNumber", "4959033827149025660855969253836157109592157598913658889" + i);
            k.put("data", base64(LargeEventBenchmark.body(size)));
            k.put("approximateArrivalTimestamp", 1545084650.987);
            r.put("eventSource", "aws:kinesis");
            r.put("eventVersion", "1.0");
            r.put("eventID", "shardId-000000000006:4959033827149025660855969253836157109592157598913658889" + i);
            r.put("eventName", "aws:kinesis:record");
            r.put("invokeIdentityArn", "arn:aws:iam::123456789012:role/lambda-role");
            r.put("awsRegion", "us-east-2");
            r.put("eventSourceARN", "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream");
        });
    }

    /** An MSK event of ten records on one partition, each value a base64 JSON document of {@code size}, no headers. */
    static JsonNode kafka(int size) {
        ObjectNode event = HandWritten.MAPPER.createObjectNode();
        event.put("eventSource", "aws:kafka");
        event.put("eventSourceArn", "arn:aws:kafka:us-east-1:123456789012:cluster/vpc-2priv-2pub/751d2973-a626-431c-9d4e-d7975eb44dd7-2");
        event.put("bootstrapServers", "b-2.demo-cluster-1.a1bcde.c1.kafka.us-east-1.amazonaws.com:9092");
        ArrayNode partition = event.putObject("records").putArray("mytopic-0");
        for (int i = 0; i < 10; i++) {
            ObjectNode r = partition.addObject();
            r.put("topic", "mytopic");
            r.put("partition", 0);
            r.put("offset", 15 + i);
            r.put("timestamp", 1545084650987L);
            r.put("timestampType", "CREATE_TIME");
            r.put("key", "abcDEFghiJKLmnoPQRstuVWXyz1234==");
            r.put("value", base64(LargeEventBenchmark.body(size)));
            r.putArray("headers");
        }
        return event;
    }

    /** A custom EventBridge event whose detail is a JSON object of {@code size}. */
    static JsonNode eventBridge(int size) {
        ObjectNode event = HandWritten.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", "fe8d3c65-xmpl-c5c3-2c87-81584709a377");
        event.put("detail-type", "OrderPlaced");
        event.put("source", "com.example.orders");
        event.put("account", "123456789012");
        event.put("time", "2026-12-06T10:00:00Z");
        event.put("region", "us-east-2");
        event.putArray("resources");
        event.set("detail", HandWritten.parse(LargeEventBenchmark.body(size).getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    /** The API Gateway REST event of the fixtures without its propagation headers, its body a JSON document of {@code size}. */
    static JsonNode apiGateway(int size) {
        ObjectNode event = (ObjectNode) HandWritten.parse(Events.load("apigw_v1_event.json"));
        for (String h : new String[] {"headers", "multiValueHeaders"}) {
            ObjectNode headers = (ObjectNode) event.get(h);
            headers.retain("Accept", "Host", "User-Agent", "Content-Type");
        }
        event.put("body", LargeEventBenchmark.body(size));
        return event;
    }

    /** {@code {"Records": [...]}} of ten records, each filled by {@code record} with its index. */
    private static JsonNode records(java.util.function.ObjIntConsumer<ObjectNode> record) {
        ObjectNode event = HandWritten.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < 10; i++) {
            record.accept(records.addObject(), i);
        }
        return event;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
