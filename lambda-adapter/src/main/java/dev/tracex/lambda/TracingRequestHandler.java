package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tracex.lambda.internal.coldstart.ExtractorHolder;
import dev.tracex.lambda.internal.invocation.EventExtraction;

/**
 * A base class for a typed handler: extend it, implement {@link #handle}, and the context is extracted
 * and handed off around every call. The runtime sees a {@link RequestHandler} of the subclass's type
 * arguments and deserializes the event for them as usual.
 *
 * <p>The rules read the event as JSON, so the deserialized input is written back to JSON with the
 * runtime's serializer for its type (an extra serialization per call); where that matters, extend
 * {@link TracingRequestStreamHandler} or use {@link TracingHandler}, which extract from the bytes
 * the runtime received.
 *
 * <pre>{@code
 * public final class OrderHandler extends TracingRequestHandler<SQSEvent, String> {
 *     protected String handle(SQSEvent event, Context context) {
 *         return "processed " + event.getRecords().size();
 *     }
 * }
 * }</pre>
 *
 * @param <I> the event type
 * @param <O> the result type
 */
public abstract class TracingRequestHandler<I, O> implements RequestHandler<I, O> {
    protected TracingRequestHandler() {
        ExtractorHolder.EXTRACTOR.name(); // compile at construction, in the init phase
    }

    @Override
    @SuppressWarnings("try") // the scope is used by being closed
    public final O handleRequest(I input, Context context) {
        try (InvocationScope scope = InvocationScope.open(EventExtraction.extract(ExtractorHolder.EXTRACTOR, input, context), context, null)) {
            try {
                return handle(input, scope.lambdaContext());
            } catch (RuntimeException | Error e) {
                scope.failed(e);
                throw e;
            }
        }
    }

    /** The function's work, called with the hand-off open. */
    protected abstract O handle(I input, Context context);
}
