package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tracex.lambda.TracexOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A function that owns its OpenTelemetry SDK (no agent) and hands it to tracex at init, as docs/tracers.md shows.
 * Its SDK batches (the default five-second delay), so a span in the log by the time the runtime has the
 * response shows tracex's flush; it exports with {@link JsonLinesSpanExporter}.
 */
public final class SdkFunction implements RequestHandler<Map<String, Object>, Map<String, String>> {
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new JsonLinesSpanExporter()).build()).build())
            .buildAndRegisterGlobal();

    static {
        TracexOpenTelemetry.register(SDK, () -> SDK.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS));
    }

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalStateException("order rejected");
        }
        return UserWork.run(context);
    }
}
