package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.lambda.internal.coldstart.ExtractorHolder;
import dev.tracex.lambda.internal.invocation.EventExtraction;
import dev.tracex.lambda.internal.invocation.HandlerTarget;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The no-code-change wrapper: set the function's handler to
 * {@code dev.tracex.lambda.TracingHandler::handleRequest} and {@code DD_LAMBDA_HANDLER} to the function's
 * own handler ({@code com.example.MyHandler::handleRequest} or {@code com.example.MyHandler}).
 *
 * <p>At construction (the runtime's init phase) it compiles the extractor and loads the user's handler
 * once, picking the method as the Lambda Java runtime does; a missing or unusable {@code DD_LAMBDA_HANDLER}
 * fails the init with a message naming it. Per invocation it reads the event's bytes once, extracts the
 * context from them, opens the hand-off ({@link InvocationScope}) and calls the user's handler with the
 * same bytes, deserialized by the runtime's own serializers for its input type, and the invocation's
 * {@link Context} with the parent added to its client context ({@link InvocationScope#lambdaContext()}).
 * Extraction problems never reach the handler; the handler's exceptions propagate unchanged.
 *
 * <p>Deliberately implements neither {@code RequestStreamHandler} nor {@code RequestHandler}: the runtime
 * runs {@code handleRequest} as a method handler, so a tracer agent that instruments handler interfaces
 * (the OpenTelemetry agent) starts exactly one invocation span, on the user's handler beneath this one, and
 * reads its parent from the client context tracex filled in. Implementing an interface here again would
 * give every invocation two SERVER spans, neither with the extracted parent.
 *
 * <pre>{@code
 * Handler:            dev.tracex.lambda.TracingHandler::handleRequest
 * DD_LAMBDA_HANDLER:  com.example.OrderHandler::handleRequest
 * DD_TRACE_EXTRACTOR: extractors.sqs
 * }</pre>
 */
public final class TracingHandler {
    /** The environment variable naming the user's handler. */
    public static final String HANDLER_ENV = "DD_LAMBDA_HANDLER";

    private final HandlerTarget target;
    private final Extractor extractor;

    /** The wrapper for {@code DD_LAMBDA_HANDLER}; what the Lambda runtime instantiates. */
    public TracingHandler() {
        this(FromEnvironment.TARGET, ExtractorHolder.EXTRACTOR);
    }

    TracingHandler(HandlerTarget target, Extractor extractor) {
        this.target = Objects.requireNonNull(target, "target");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    /**
     * A wrapper for {@code handler} ({@code <class>} or {@code <class>::<method>}, loaded from
     * {@code loader}) with {@code extractor}; what {@code tracex invoke} runs.
     *
     * @throws IllegalStateException when the handler cannot be loaded
     */
    public static TracingHandler of(String handler, ClassLoader loader, Extractor extractor) {
        return new TracingHandler(HandlerTarget.load(handler, loader), extractor);
    }

    /** The user's handler as configured. */
    public String handler() {
        return target.spec;
    }

    /** One invocation, as the Lambda runtime calls it: the event's bytes in, the handler's result out. */
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        invoke(input.readAllBytes(), output, context);
    }

    /**
     * One invocation on an event's raw JSON, as {@link #handleRequest} runs it; returns the extraction
     * that was handed off to the handler (for {@code tracex invoke} and tests).
     */
    @SuppressWarnings("try") // the scope is used by being closed
    public Extraction invoke(byte[] event, OutputStream output, Context context) throws IOException {
        Extraction found = EventExtraction.extract(extractor, event, context);
        try (InvocationScope scope = InvocationScope.open(found, context, event)) {
            try {
                target.handle(event, output, scope.lambdaContext());
            } catch (Throwable t) {
                scope.failed(t);
                throw t;
            }
        }
        return found;
    }

    /** {@code DD_LAMBDA_HANDLER}, loaded when the runtime first constructs the wrapper. */
    private static final class FromEnvironment {
        static final HandlerTarget TARGET = HandlerTarget.load(System.getenv(HANDLER_ENV), ExtractorHolder.classLoader());
    }
}
