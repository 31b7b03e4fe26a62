package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.lambda.internal.logging.Log;
import dev.tracex.lambda.internal.logging.RuntimeLogOutput;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * One event's extraction as every entry point runs it (the wrapper handler, the base classes, {@code wrap},
 * {@code TracexLambda.extract}, SnapStart priming): the event in whatever form the handler got it, the Lambda
 * context as the rules' invocation context, and nothing thrown.
 */
public final class EventExtraction {
    private EventExtraction() {
    }

    /**
     * The trace context {@code extractor} finds in {@code event}: raw JSON ({@code byte[]}, {@code String}, an
     * {@code InputStream}), a {@code JsonNode}, or an object the runtime deserialized, written back to JSON with
     * the runtime's serializer for its class. Never throws: a failing rule gives {@link Extraction#none()} and
     * one warning; {@code event} and {@code context} may be {@code null}.
     */
    public static Extraction extract(Extractor extractor, Object event, Context context) {
        if (event == null) {
            return Extraction.none();
        }
        InvocationContext ic = LambdaInvocationContext.of(context);
        String outerRequestId = RuntimeLogOutput.requestId(context);
        try {
            if (event instanceof byte[]) {
                return extractor.extract((byte[]) event, ic);
            }
            if (event instanceof String) {
                return extractor.extract((String) event, ic);
            }
            if (event instanceof JsonNode) {
                return extractor.extract((JsonNode) event, ic);
            }
            if (event instanceof InputStream) {
                return extractor.extract((InputStream) event, ic);
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream(1024);
            RuntimeSerializers.forType(event.getClass(), event.getClass().getClassLoader()).toJson(event, json);
            return extractor.extract(json.toByteArray(), ic);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            Log.warn("tracex: extractor " + extractor.name() + " failed, the invocation has no parent: " + e);
            return Extraction.none();
        } finally {
            RuntimeLogOutput.restoreRequestId(outerRequestId);
        }
    }

}
