package dev.tracex.docs.snippets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracex.engine.Extraction;
import dev.tracex.lambda.InvocationScope;
import dev.tracex.lambda.TracexLambda;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import dev.tracex.lambda.TracexOpenTelemetry;

import java.util.concurrent.TimeUnit;

/** docs/handlers.md and docs/tracers.md: the ways into tracex from code. */
final class HandlerSnippets {
    private final RequestStreamHandler myStreamHandler = (in, out, context) -> { };
    private final RequestHandler<SQSEvent, String> inner = (event, context) -> "";
    private final Tracer myTracer = new Tracer();

    void wrap() {
        // snippet:begin wrap
        RequestHandler<SQSEvent, String> traced = TracexLambda.wrap(this::process);        // typed
        RequestStreamHandler tracedStream = TracexLambda.wrap(myStreamHandler);           // bytes
        // snippet:end wrap
    }

    String extract(SQSEvent event, Context context) {
        // snippet:begin extract
        Extraction found = TracexLambda.extract(event, context);   // byte[], String, JsonNode, or a deserialized event
        found.parent().ifPresent(parent -> myTracer.continueTrace(parent.traceIdHex(), parent.parentIdHex()));
        try (InvocationScope scope = TracexLambda.open(found, context)) {  // optional: the hand-off below, for this call
            return inner.handleRequest(event, scope.lambdaContext());       // the Context with the parent in its client context
        }
        // snippet:end extract
    }

    static void register(OpenTelemetrySdk sdk) {
        // snippet:begin register
        TracexOpenTelemetry.register(sdk, () -> sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS));
        // snippet:end register
    }

    private String process(SQSEvent event, Context context) {
        return "";
    }

    /** A tracer of your own that continues a trace from hex ids. */
    static final class Tracer {
        void continueTrace(String traceIdHex, String parentIdHex) {
        }
    }
}
