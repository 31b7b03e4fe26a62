package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.awslambdacore.v1_0.TracingRequestHandler;
import io.opentelemetry.instrumentation.awslambdacore.v1_0.TracingRequestStreamHandler;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Functions instrumented with OpenTelemetry's Lambda library instrumentation ({@code opentelemetry-aws-lambda-core-1.0}),
 * as its README shows: a subclass of its {@code TracingRequestHandler} / {@code TracingRequestStreamHandler} with the
 * function's SDK, whose propagators include W3C {@code tracecontext} (the SDK has none by default). tracex's wrapper
 * sits in front ({@code DD_LAMBDA_HANDLER} names these classes) and hands the parent over in the client context.
 */
public final class LibraryInstrumented {
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new JsonLinesSpanExporter()).build()).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .buildAndRegisterGlobal();

    private LibraryInstrumented() {
    }

    public static final class Typed extends TracingRequestHandler<Map<String, Object>, Map<String, String>> {
        public Typed() {
            super(SDK);
        }

        @Override
        protected Map<String, String> doHandleRequest(Map<String, Object> input, Context context) {
            return UserWork.run(context);
        }
    }

    public static final class Streaming extends TracingRequestStreamHandler {
        private static final ObjectMapper JSON = new ObjectMapper();

        public Streaming() {
            super(SDK);
        }

        @Override
        protected void doHandleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            input.readAllBytes();
            output.write(JSON.writeValueAsBytes(UserWork.run(context)));
        }
    }
}
