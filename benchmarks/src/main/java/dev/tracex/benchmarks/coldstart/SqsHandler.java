package dev.tracex.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracex.lambda.TracexLambda;

/**
 * The typed function of the {@code typed} cases: an {@code SQSEvent} handler, its event deserialized by
 * the Lambda runtime's serializers (by the harness as the runtime would, or by {@code TracingHandler}
 * around it). Keeps the trace id it was handed, if any, like {@link ContextHandler}.
 */
public final class SqsHandler implements RequestHandler<SQSEvent, String> {
    /** Set by the harness when tracex wraps this handler; the baseline leaves tracex's classes unloaded. */
    static volatile boolean probe;
    static volatile String seen;

    @Override
    public String handleRequest(SQSEvent event, Context context) {
        if (probe) {
            seen = TracexLambda.current().map(c -> c.traceId()).orElse(null);
        }
        return event.getRecords().size() + " records";
    }
}
