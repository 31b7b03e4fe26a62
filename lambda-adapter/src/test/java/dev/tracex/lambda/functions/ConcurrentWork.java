package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tracex.lambda.TracexLambda;
import io.opentelemetry.api.trace.Span;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A function for several invocations at once in one process: it records every per-invocation value it can
 * see, waits until {@link #AT_ONCE} invocations are inside the handler together, then records them again (a
 * value another thread's invocation changed in between would show), and returns both.
 */
public final class ConcurrentWork implements RequestHandler<Map<String, Object>, Map<String, String>> {
    public static final int AT_ONCE = 4;
    private static final CyclicBarrier TOGETHER = new CyclicBarrier(AT_ONCE);

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        Map<String, String> seen = new LinkedHashMap<>();
        see("before", context, seen);
        try {
            TOGETHER.await(30, TimeUnit.SECONDS);
            seen.put("together", "true");
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            seen.put("together", e.toString());
        }
        see("after", context, seen);
        seen.put("thread", Thread.currentThread().getName());
        return seen;
    }

    private static void see(String when, Context context, Map<String, String> seen) {
        seen.put(when + ".request_id", context.getAwsRequestId());
        seen.put(when + ".xray", String.valueOf(context.getXrayTraceId()));
        seen.put(when + ".tracex_parent", TracexLambda.current().map(c -> c.parentIdHex()).orElse("none"));
        seen.put(when + ".otel_span", Span.current().getSpanContext().getSpanId());
        seen.put(when + ".mdc_span", String.valueOf(MDC.get("dd.span_id")));
        seen.put(when + ".client_traceparent", context.getClientContext() == null ? "none"
                : String.valueOf(context.getClientContext().getCustom().get("traceparent")));
    }
}
