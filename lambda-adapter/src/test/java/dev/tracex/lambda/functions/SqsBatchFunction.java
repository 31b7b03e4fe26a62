package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.TracexBatch;
import dev.tracex.lambda.TracexContext;
import dev.tracex.lambda.TracexOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An SQS consumer that owns its OpenTelemetry SDK, hands it to tracex, and processes its batch per record with
 * a partial batch response: each record's work is split over a pool of 8 threads. It prints, as JSON lines,
 * what each record and each worker saw ({@code RECORD}, {@code WORKER}), what the invocation saw after the
 * batch ({@code AFTER}) and, first, what every pool thread holds between invocations ({@code PROBE}); a message
 * whose body is {@code fail} throws.
 */
public final class SqsBatchFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new JsonLinesSpanExporter()).build()).build())
            .build();
    private static final Tracer TRACER = SDK.getTracer("orders");
    private static final ThreadPoolExecutor THREADS = (ThreadPoolExecutor) Executors.newFixedThreadPool(8);
    private static final ExecutorService POOL = TracexContext.wrap(THREADS);

    static {
        // Threads started at init: a thread started inside an invocation inherits the MDC of the thread that
        // starts it with SLF4J's basic MDC (an InheritableThreadLocal), and would keep that invocation's ids.
        THREADS.prestartAllCoreThreads();
        TracexOpenTelemetry.register(SDK, () -> SDK.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        probeEveryPoolThread();
        SQSBatchResponse response = TracexBatch.processSqs(event, (message, record) -> {
            if ("fail".equals(message.getBody())) {
                throw new IllegalStateException("order rejected");
            }
            print("RECORD", message.getMessageId());
            List<Future<?>> parts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parts.add(POOL.submit(() -> {
                    Span span = TRACER.spanBuilder("save part").startSpan();
                    try (Scope s = span.makeCurrent()) {
                        print("WORKER", message.getMessageId());
                    } finally {
                        span.end();
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get(10, TimeUnit.SECONDS);
            }
        });
        print("AFTER", context.getAwsRequestId());
        return response;
    }

    /** One task on each of the 8 threads at once, unwrapped: what a thread holds outside any task of ours. */
    private static void probeEveryPoolThread() {
        CyclicBarrier all = new CyclicBarrier(8);
        List<Future<?>> probes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            probes.add(THREADS.submit(() -> {
                all.await(10, TimeUnit.SECONDS);
                print("PROBE", Thread.currentThread().getName());
                return null;
            }));
        }
        for (Future<?> f : probes) {
            try {
                f.get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void print(String kind, String id) {
        Map<String, Object> seen = Seen.now();
        seen.remove("headers");
        seen.put("id", id);
        seen.put("thread", Thread.currentThread().getName());
        seen.put("span_id", Span.current().getSpanContext().getSpanId());
        try {
            System.out.println(kind + " " + JSON.writeValueAsString(seen));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
