package dev.tracex.lambda;

import dev.tracex.engine.RecordContext;

/**
 * The function's code for one record of a batch, run by {@link TracexBatch} or
 * {@link TracexLambda#forEachRecord} with the record's context current.
 *
 * @param <R> the record type ({@code SQSEvent.SQSMessage}, {@code KafkaEvent.KafkaEventRecord}, a
 *            {@code JsonNode} ...)
 */
@FunctionalInterface
public interface RecordHandler<R> {
    /**
     * Processes {@code record}; {@code context} is its position, identity and extracted context (or none).
     * An exception thrown here fails this record (see the method that runs it for what happens next).
     */
    void handle(R record, RecordContext context) throws Exception;
}
