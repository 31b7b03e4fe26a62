package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.logging.MissReasons;
import dev.tracex.lambda.internal.handoff.ExtractionOutcome;
import dev.tracex.lambda.internal.logging.Log;
import dev.tracex.lambda.internal.logging.RuntimeLogOutput;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * One event's extraction as every entry point runs it (the wrapper handler, the base classes, {@code wrap},
 * {@code TracexLambda.extract}, SnapStart priming): the event in whatever form the handler got it, the Lambda
 * context as the rules' invocation context, and nothing thrown. At debug, one line saying what it came to
 * ({@link ExtractionDebugLine}); the hand-off that follows learns which extractor ran from {@link LastExtraction}.
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
            return LastExtraction.note(Extraction.none(), extractor, false);
        }
        InvocationContext ic = LambdaInvocationContext.of(context);
        String outerRequestId = RuntimeLogOutput.requestId(context);
        // Only at debug: the engine's reasons for a miss are gathered for this invocation's one line.
        MissReasons why = Log.debugging() ? MissReasons.open() : null;
        Extraction found = Extraction.none();
        boolean failed = false;
        try {
            if (event instanceof byte[]) {
                found = extractor.extract((byte[]) event, ic);
            } else if (event instanceof String) {
                found = extractor.extract((String) event, ic);
            } else if (event instanceof JsonNode) {
                found = extractor.extract((JsonNode) event, ic);
            } else if (event instanceof InputStream) {
                found = extractor.extract((InputStream) event, ic);
            } else {
                ByteArrayOutputStream json = new ByteArrayOutputStream(1024);
                RuntimeSerializers.forType(event.getClass(), event.getClass().getClassLoader()).toJson(event, json);
                found = extractor.extract(json.toByteArray(), ic);
            }
            return LastExtraction.note(found, extractor, false);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            Log.warn("tracex: extractor " + extractor.name() + " failed, the invocation has no parent: " + e);
            failed = true;
            return LastExtraction.note(Extraction.none(), extractor, true);
        } finally {
            if (why != null) {
                why.close();
                // Before the request id is put back: the line belongs to this invocation in the runtime's log.
                Log.debug(ExtractionDebugLine.of(ExtractionOutcome.of(found, extractor.name(), failed), found, why.reasons()));
            }
            RuntimeLogOutput.restoreRequestId(outerRequestId);
        }
    }
}
