package dev.tracex.benchmarks.coldstart;

import org.graalvm.polyglot.Context;

/**
 * GraalJS's own cost, the reference for a JS rule's cold start: one context created and its JavaScript
 * realm initialised, with nothing evaluated. Loaded only in {@code graal} mode.
 */
final class BareGraalJs {
    private BareGraalJs() {
    }

    static void createContext() {
        Context context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context.initialize("js");
        context.close();
    }
}
