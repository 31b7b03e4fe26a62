package dev.tracex.engine.internal.script;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;

/** A compiled JS extractor function. Thread-safe; never throws. Internal: may change without notice. */
public interface CompiledScript {
    /** Calls the function, writing what happened into {@code trace} if not null (an explanation). */
    Extraction extract(JsonNode event, InvocationContext context, ExtractionTrace trace);

    default Extraction extract(JsonNode event, InvocationContext context) {
        return extract(event, context, null);
    }
}
