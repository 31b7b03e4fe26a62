package dev.tracex.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RecordContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.InvocationScope;
import dev.tracex.lambda.TracexBatch;
import dev.tracex.lambda.TracexLambda;
import dev.tracex.lambda.TracingHandler;
import dev.tracex.lambda.config.ExtractorResolver;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The wrapper's cost per invocation: a typed SQS handler called as the Lambda runtime calls it (event
 * bytes deserialized with the runtime's serializer, handler, result serialized) against the same call
 * through {@link TracingHandler} (extraction with a YAML rule, hand-off to OpenTelemetry/MDC/current(),
 * then the same deserialize-call-serialize). The difference is the overhead. The {@code perRecord*} cases
 * measure per-record processing of a 10-record batch inside an open invocation: {@link TracexBatch} against a
 * hand-written scope per record (the record's context made OpenTelemetry's current remote parent, restored
 * after) and against a plain loop. Run: {@code java -jar benchmarks/target/benchmarks.jar WrapperOverhead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WrapperOverheadBenchmark {
    static final String RULES = "extractors:\n  sqs:\n    headers: $.Records[0].messageAttributes._datadog.stringValue | json\n";

    static final String RECORD = "{\"messageId\":\"059f36b4-87a3-44ab-83d2-661975830a7d\",\"receiptHandle\":\"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a\","
            + "\"body\":\"{\\\"orderId\\\": 42, \\\"items\\\": [1, 2, 3]}\",\"attributes\":{\"ApproximateReceiveCount\":\"1\","
            + "\"SentTimestamp\":\"1545082649183\",\"SenderId\":\"AIDAIENQZJOLO23YVJ4VO\",\"ApproximateFirstReceiveTimestamp\":\"1545082649185\"},"
            + "\"messageAttributes\":{\"_datadog\":{\"stringValue\":\"{\\\"x-datadog-trace-id\\\":\\\"2684756524522091840\\\","
            + "\\\"x-datadog-parent-id\\\":\\\"7431398482019833808\\\",\\\"x-datadog-sampling-priority\\\":\\\"1\\\"}\","
            + "\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}},\"md5OfBody\":\"e4e68fb7bd0e697a0ae8f1bb342846b3\","
            + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-2:123456789012:my-queue\",\"awsRegion\":\"us-east-2\"}";

    /** The function being measured: counts records and reads a body, as a real consumer would. */
    public static class OrderHandler implements RequestHandler<SQSEvent, String> {
        @Override
        public String handleRequest(SQSEvent event, Context context) {
            return "processed " + event.getRecords().size() + " " + event.getRecords().get(0).getBody().length();
        }
    }

    private byte[] oneRecord;
    private byte[] noContext;
    private Context context;
    private OrderHandler handler;
    private PojoSerializer<SQSEvent> in;
    private PojoSerializer<String> out;
    private TracingHandler wrapped;
    private Extractor sqs;
    private Extractor sqsLazy;
    private Extraction found;
    private SQSEvent batch;
    private Extraction batchFound;

    @Setup
    public void setUp() throws Exception {
        oneRecord = ("{\"Records\":[" + RECORD + "]}").getBytes(StandardCharsets.UTF_8);
        noContext = ("{\"Records\":[" + RECORD.replace("_datadog", "other") + "]}").getBytes(StandardCharsets.UTF_8);
        context = LocalContext.of("orders");
        handler = new OrderHandler();
        in = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader());
        out = JacksonFactory.getInstance().getSerializer(String.class);
        sqs = Extractors.firstOf(Extractors.parse(RULES, "bench.yaml").extractor("sqs"),
                ExtractorResolver.defaultExtractor());
        // What the Lambda adapter makes of DD_TRACE_EXTRACTOR at cold start: the fallback compiled at the first miss.
        sqsLazy = Extractors.withLazyFallback(Extractors.parse(RULES, "bench.yaml").extractor("sqs"),
                ExtractorResolver::defaultExtractorUnchecked);
        if (!sqsLazy.extract(oneRecord).equals(sqs.extract(oneRecord)) || !sqsLazy.extract(noContext).equals(sqs.extract(noContext))) {
            throw new IllegalStateException("the lazy fallback answers otherwise");
        }
        wrapped = TracingHandler.of(OrderHandler.class.getName(), getClass().getClassLoader(), sqs);
        found = sqs.extract(oneRecord);
        StringBuilder records = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < BATCH; i++) {
            records.append(i == 0 ? "" : ",").append(RECORD
                    .replace("059f36b4-87a3-44ab-83d2-661975830a7d", "059f36b4-87a3-44ab-83d2-66197583" + String.format("%04d", i))
                    .replace("2684756524522091840", String.valueOf(2684756524522091840L + i)));
        }
        byte[] batchBytes = records.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        batch = in.fromJson(new ByteArrayInputStream(batchBytes));
        batchFound = Extractors.builtins().extractor("sqs").extract(batchBytes);
        if (batchFound.records().size() != BATCH || batchFound.links().size() != BATCH) {
            throw new IllegalStateException("the batch's records did not all extract: " + batchFound);
        }
    }

    static final int BATCH = 10;

    /** A 10-record batch in an open invocation, a plain loop: the floor. */
    @Benchmark
    @SuppressWarnings("try")
    public void perRecordPlainLoop(Blackhole bh) {
        try (InvocationScope scope = TracexLambda.open(batchFound)) {
            for (SQSEvent.SQSMessage m : batch.getRecords()) {
                bh.consume(m.getBody());
                bh.consume(TracexLambda.current().isPresent());
            }
        }
    }

    /** The same with a hand-written scope per record: its context (known by position) made current, then restored. */
    @Benchmark
    @SuppressWarnings("try")
    public void perRecordHandWritten(Blackhole bh) {
        try (InvocationScope scope = TracexLambda.open(batchFound)) {
            java.util.List<SQSEvent.SQSMessage> messages = batch.getRecords();
            java.util.List<RecordContext> contexts = batchFound.records();
            for (int i = 0; i < messages.size(); i++) {
                TraceContext c = contexts.get(i).context().orElse(null);
                if (c == null) {
                    bh.consume(messages.get(i).getBody());
                    continue;
                }
                SpanContext sc = SpanContext.createFromRemoteParent(c.traceIdHex(), c.parentIdHex(),
                        c.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
                try (io.opentelemetry.context.Scope s = io.opentelemetry.context.Context.current().with(Span.wrap(sc)).makeCurrent()) {
                    bh.consume(messages.get(i).getBody());
                    bh.consume(Span.current());
                }
            }
        }
    }

    /** The same through {@link TracexBatch#forEachRecord}: records matched by messageId, each in its RecordScope. */
    @Benchmark
    @SuppressWarnings("try")
    public void perRecordTracex(Blackhole bh) {
        try (InvocationScope scope = TracexLambda.open(batchFound)) {
            TracexBatch.forEachRecord(batch, (m, record) -> {
                bh.consume(m.getBody());
                bh.consume(TracexLambda.current().isPresent());
            });
        }
    }

    /** The extraction alone: the engine's pruned read of the event, then the rules. */
    @Benchmark
    public Extraction extractOnly() {
        return sqs.extract(oneRecord);
    }

    /** The hand-off alone: OpenTelemetry context, MDC (API without provider here) and current(), opened and closed. */
    @Benchmark
    @SuppressWarnings("try")
    public boolean handOffOnly() {
        try (InvocationScope scope = TracexLambda.open(found)) {
            return TracexLambda.current().isPresent();
        }
    }

    /** What the runtime does for a RequestHandler<SQSEvent, String>: deserialize, call, serialize. */
    @Benchmark
    public byte[] direct() {
        ByteArrayOutputStream result = new ByteArrayOutputStream(64);
        out.toJson(handler.handleRequest(in.fromJson(new ByteArrayInputStream(oneRecord)), context), result);
        return result.toByteArray();
    }

    /** The same through the wrapper, the event carrying a context the rule finds. */
    @Benchmark
    public byte[] wrapped() throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream(64);
        wrapped.handleRequest(new ByteArrayInputStream(oneRecord), result, context);
        return result.toByteArray();
    }

    /** The extraction as the adapter runs it (fallback compiled at the first miss), the rule finding the context. */
    @Benchmark
    public Extraction hitLazyFallback() {
        return sqsLazy.extract(oneRecord);
    }

    /** The same with the fallback compiled ahead into one extractor: the event read once, pruned to both rules. */
    @Benchmark
    public Extraction hitOneExtractor() {
        return sqs.extract(oneRecord);
    }

    /** No context: the rule, then builtin.default, each reading the raw event pruned to its own paths. */
    @Benchmark
    public Extraction missLazyFallback() {
        return sqsLazy.extract(noContext);
    }

    /** No context, one extractor over both rules: the event read once. */
    @Benchmark
    public Extraction missOneExtractor() {
        return sqs.extract(noContext);
    }

    /** Through the wrapper, the event carrying no context: the rule and then builtin.default find nothing. */
    @Benchmark
    public byte[] wrappedNoContext() throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream(64);
        wrapped.handleRequest(new ByteArrayInputStream(noContext), result, context);
        return result.toByteArray();
    }
}
