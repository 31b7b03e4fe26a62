package dev.tracex.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
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
import java.util.concurrent.TimeUnit;

/**
 * How extraction from raw bytes grows with the event: an SQS batch of 10 records whose bodies make up
 * the size, and an API Gateway REST event whose body does, from 2 KB to 6 MB (Lambda's payload limit).
 * {@code 2.5MB} is the SQS case of 10 records with 256 KB bodies. Each size is measured for the built-in
 * rule from bytes ({@code builtinBytes}), a custom rule that reads only the carrier
 * ({@code customBytes}), Jackson's {@code readTree} of the same bytes, and a bare token pass over the
 * bytes ({@code tokensOnly}: the least any reader of the whole document can do). Run with {@code -prof gc}
 * for the bytes allocated per event:
 * {@code java -jar benchmarks/target/benchmarks.jar LargeEvent -f 1 -wi 3 -i 5 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LargeEventBenchmark {
    private static final String CUSTOM = """
            extractors:
              sqs:
                headers: $.Records[0].messageAttributes._datadog.stringValue | json
              http:
                headers: $.headers
            """;

    @Param({"sqs", "apigw"})
    public String shape;

    @Param({"2KB", "64KB", "1MB", "2.5MB", "6MB"})
    public String size;

    private byte[] bytes;
    private Extractor builtin;
    private Extractor custom;

    @Setup
    public void setUp() throws Exception {
        int target = bytesOf(size);
        bytes = shape.equals("sqs") ? sqs(target) : apiGateway(target);
        builtin = Extractors.builtins().extractor(shape.equals("sqs") ? "sqs" : "http");
        custom = Extractors.parse(CUSTOM, "bench.yaml").extractor(shape.equals("sqs") ? "sqs" : "http");
        if (builtin.extract(bytes).parent().isEmpty() || custom.extract(bytes).parent().isEmpty()) {
            throw new IllegalStateException(shape + " " + size + ": no context found");
        }
        // The actual size, for the report: the SQS batch cannot be smaller than its 10 records.
        System.out.println("event " + shape + " " + size + ": " + bytes.length + " bytes");
    }

    @Benchmark
    public Extraction builtinBytes() {
        return builtin.extract(bytes);
    }

    @Benchmark
    public Extraction customBytes() {
        return custom.extract(bytes);
    }

    @Benchmark
    public JsonNode readTree() throws IOException {
        return HandWritten.MAPPER.readTree(bytes);
    }

    @Benchmark
    public int tokensOnly() throws IOException {
        int n = 0;
        try (JsonParser p = HandWritten.MAPPER.getFactory().createParser(bytes)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    static int bytesOf(String label) {
        switch (label) {
            case "2KB":
                return 2 << 10;
            case "64KB":
                return 64 << 10;
            case "1MB":
                return 1 << 20;
            case "2.5MB":
                return 10 * (256 << 10);
            case "6MB":
                return 6 << 20;
            default:
                throw new IllegalArgumentException(label);
        }
    }

    /** The 10-record SQS event with each body grown to a tenth of {@code target} (never shrunk). */
    static byte[] sqs(int target) throws IOException {
        ObjectNode event = (ObjectNode) HandWritten.parse(Events.load("sqs_10_records_event.json"));
        ArrayNode records = (ArrayNode) event.get("Records");
        int base = HandWritten.MAPPER.writeValueAsBytes(event).length;
        int grow = Math.max(0, (target - base) / records.size());
        for (JsonNode r : records) {
            ObjectNode record = (ObjectNode) r;
            record.put("body", body(record.get("body").asText().length() + grow));
        }
        return HandWritten.MAPPER.writeValueAsBytes(event);
    }

    /** The API Gateway REST event with its body grown so the event is {@code target} bytes. */
    static byte[] apiGateway(int target) throws IOException {
        ObjectNode event = (ObjectNode) HandWritten.parse(Events.load("apigw_v1_event.json"));
        int base = HandWritten.MAPPER.writeValueAsBytes(event).length;
        event.put("body", body(Math.max(0, target - base)));
        return HandWritten.MAPPER.writeValueAsBytes(event);
    }

    /**
     * A JSON document of about {@code length} characters once embedded in a JSON string (its quotes
     * escaped), as an order with line items: what a real body holds, escapes and all.
     */
    static String body(int length) {
        StringBuilder b = new StringBuilder(length).append("{\"items\":[");
        int escaped = b.length() + 4;
        for (int i = 0; escaped < length - 64; i++) {
            int before = b.length();
            b.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(i % 100000)
                    .append("\",\"name\":\"Item number ").append(i).append("\",\"quantity\":").append(i % 7 + 1).append('}');
            escaped += b.length() - before + 10; // each item has 10 quotes, each escaped with a backslash
        }
        return b.append("]}").toString();
    }
}
