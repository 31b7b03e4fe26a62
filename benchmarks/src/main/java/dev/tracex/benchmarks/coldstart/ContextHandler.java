package dev.tracex.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracex.lambda.TracexLambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The function behind {@code TracingHandler} ({@code DD_LAMBDA_HANDLER}): reads its event like
 * {@link EmptyHandler} and keeps the trace id it was handed, also in its answer, so the harness knows the
 * context arrived.
 */
public final class ContextHandler implements RequestStreamHandler {
    static volatile String seen;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        seen = TracexLambda.current().map(c -> c.traceId()).orElse(null);
        output.write(("{\"bytes\": " + input.readAllBytes().length + ", \"traceId\": \"" + seen + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
