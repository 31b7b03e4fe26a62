package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.internal.json.Json;

/** A planted violation for {@code ArchitectureTest}: code outside the engine that uses one of its internal classes. */
public final class ReachesIntoTheEngine {
    private ReachesIntoTheEngine() {
    }

    public static boolean isJson(String text) {
        return Json.parseOrNull(text) != null;
    }
}
