package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracex.lambda.internal.coldstart.ExtractorHolder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A base class for a stream handler: the event's bytes are read once, the context extracted from them
 * and handed off, and {@link #handle} gets the same bytes as its input stream.
 *
 * <pre>{@code
 * public final class RawHandler extends TracingRequestStreamHandler {
 *     protected void handle(InputStream in, OutputStream out, Context context) throws IOException {
 *         in.transferTo(out);
 *     }
 * }
 * }</pre>
 */
public abstract class TracingRequestStreamHandler implements RequestStreamHandler {
    protected TracingRequestStreamHandler() {
        ExtractorHolder.EXTRACTOR.name(); // compile at construction, in the init phase
    }

    @Override
    @SuppressWarnings("try") // the scope is used by being closed
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        try (InvocationScope scope = InvocationScope.open(TracexLambda.extract(event, context), context, event)) {
            try {
                handle(new ByteArrayInputStream(event), output, scope.lambdaContext());
            } catch (Throwable t) {
                scope.failed(t);
                throw t;
            }
        }
    }

    /** The function's work, called with the hand-off open. */
    protected abstract void handle(InputStream input, OutputStream output, Context context) throws IOException;
}
