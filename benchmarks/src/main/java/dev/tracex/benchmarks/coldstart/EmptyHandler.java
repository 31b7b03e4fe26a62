package dev.tracex.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The baseline function: reads its event and answers as {@link ContextHandler} does, with no tracex at all (so no
 * trace id: its answer says {@code "traceId": "null"}). The answer is built by the same string concatenation as
 * {@code ContextHandler}'s, on purpose: a function's first concatenation of a shape spins method handles
 * (invokedynamic, some 10 ms under Lambda's {@code TieredStopAtLevel=1}, more for more parts), and a shorter one here
 * counted the difference as tracex's cost.
 */
public final class EmptyHandler implements RequestStreamHandler {
    /** Never set: what {@code ContextHandler.seen} would hold without a context. */
    static volatile String seen;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(("{\"bytes\": " + input.readAllBytes().length + ", \"traceId\": \"" + seen + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
