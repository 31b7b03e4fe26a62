package dev.tracex.engine.internal.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;

/** A compiled JS extractor function. Thread-safe; never throws. Internal: may change without notice. */
public interface CompiledScript {
    Extraction extract(JsonNode event, InvocationContext context);
}
