package dev.tracex.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.lambda.TracexOpenTelemetry;
import dev.tracex.lambda.TracingHandler;
import dev.tracex.lambda.config.ExtractorResolver;
import dev.tracex.lambda.local.LocalContext;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The wrapper's cost per invocation with and without an OpenTelemetry SDK handed to tracex, written against the
 * public API only, so that the same class runs on a commit before issue 29 (today's wrapper) and after it (span
 * attributes, the debug line's check, the metrics): the difference of {@code wrapped - direct} between the two
 * builds is what items 1 to 3 cost. {@code otel=sdk} registers a real SDK (a span processor exporting to nothing,
 * a meter provider whose reader exports only when flushed) with {@code TracexOpenTelemetry.register}; {@code none}
 * has the API alone. Metrics are chosen by the environment ({@code TRACEX_METRICS=none} for "off"); logs are at
 * {@code info}. Run with {@code -prof gc} for allocation, and with {@code -jvmArgs -XX:TieredStopAtLevel=1} for
 * Lambda's JIT setting: {@code java -jar benchmarks/target/benchmarks.jar Visibility -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class VisibilityBenchmark {
    @Param({"none", "sdk"})
    public String otel;

    private byte[] oneRecord;
    private byte[] noContext;
    private Context context;
    private WrapperOverheadBenchmark.OrderHandler handler;
    private PojoSerializer<SQSEvent> in;
    private PojoSerializer<String> out;
    private TracingHandler wrapped;
    private SdkTracerProvider tracers;
    private SdkMeterProvider meters;

    @Setup
    public void setUp() throws Exception {
        oneRecord = ("{\"Records\":[" + WrapperOverheadBenchmark.RECORD + "]}").getBytes(StandardCharsets.UTF_8);
        noContext = ("{\"Records\":[" + WrapperOverheadBenchmark.RECORD.replace("_datadog", "other") + "]}").getBytes(StandardCharsets.UTF_8);
        context = LocalContext.of("orders");
        handler = new WrapperOverheadBenchmark.OrderHandler();
        in = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader());
        out = JacksonFactory.getInstance().getSerializer(String.class);
        Extractor sqs = Extractors.withLazyFallback(Extractors.parse(WrapperOverheadBenchmark.RULES, "bench.yaml").extractor("sqs"),
                ExtractorResolver::defaultExtractorUnchecked);
        wrapped = TracingHandler.of(WrapperOverheadBenchmark.OrderHandler.class.getName(), getClass().getClassLoader(), sqs);
        if (otel.equals("sdk")) {
            tracers = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new NoSpans())).build();
            meters = SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader.builder(new NoMetrics())
                    .setInterval(Duration.ofHours(1)).build()).build();
            if (!TracexOpenTelemetry.register(OpenTelemetrySdk.builder().setTracerProvider(tracers).setMeterProvider(meters).build(), () -> { })) {
                throw new IllegalStateException("the SDK was not taken");
            }
        }
    }

    @TearDown
    public void tearDown() {
        if (tracers != null) {
            TracexOpenTelemetry.unregister();
            tracers.close();
            meters.close();
        }
    }

    /** What the runtime does for a RequestHandler<SQSEvent, String>: deserialize, call, serialize (the floor). */
    @Benchmark
    public byte[] direct() {
        ByteArrayOutputStream result = new ByteArrayOutputStream(64);
        out.toJson(handler.handleRequest(in.fromJson(new ByteArrayInputStream(oneRecord)), context), result);
        return result.toByteArray();
    }

    /** Through the wrapper, the event carrying a context the rule finds. */
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

    /** Spans are ended and handed over, then dropped: the exporter's own cost is not tracex's. */
    static final class NoSpans implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Metrics are aggregated by the SDK as in a function, exported nowhere. */
    static final class NoMetrics implements MetricExporter {
        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
        }
    }
}
