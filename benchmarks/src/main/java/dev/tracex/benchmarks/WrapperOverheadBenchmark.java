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
import dev.tracex.lambda.ExtractorResolver;
import dev.tracex.lambda.InvocationScope;
import dev.tracex.lambda.LocalContext;
import dev.tracex.lambda.TracexLambda;
import dev.tracex.lambda.TracingHandler;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The wrapper's cost per invocation: a typed SQS handler called as the Lambda runtime calls it (event
 * bytes deserialized with the runtime's serializer, handler, result serialized) against the same call
 * through {@link TracingHandler} (extraction with a YAML rule, hand-off to OpenTelemetry/MDC/current(),
 * then the same deserialize-call-serialize). The difference is the overhead. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar WrapperOverhead}.
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
    private Extraction found;

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
        wrapped = TracingHandler.of(OrderHandler.class.getName(), getClass().getClassLoader(), sqs);
        found = sqs.extract(oneRecord);
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

    /** Through the wrapper, the event carrying no context: the rule and then builtin.default find nothing. */
    @Benchmark
    public byte[] wrappedNoContext() throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream(64);
        wrapped.handleRequest(new ByteArrayInputStream(noContext), result, context);
        return result.toByteArray();
    }
}
