package dev.tracex.lambda.internal.batch;

import dev.tracex.engine.RecordContext;

/**
 * The function's code for one record, as {@link BatchRun} runs it: the public {@code RecordHandler} seen from
 * below the API, so this package does not depend on the one above it.
 */
@FunctionalInterface
public interface RecordWork<R> {
    void run(R record, RecordContext context) throws Exception;
}
