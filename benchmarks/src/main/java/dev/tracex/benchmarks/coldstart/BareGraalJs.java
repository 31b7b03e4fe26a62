package dev.tracex.benchmarks.coldstart;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

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

    /**
     * The same, then one snippet evaluated and called, as {@code orders_js} reads its event: what any JS rule
     * costs GraalJS itself before tracex does anything (the first parse, the first call, the first
     * {@code JSON.parse}, interpreted).
     */
    static void createContextAndCall() {
        Context context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        Value f = context.eval("js", "(event) => JSON.parse(event.Records[0].messageAttributes._datadog.stringValue)");
        Value event = context.eval("js", "({Records: [{messageAttributes: {_datadog: {stringValue: JSON.stringify({x: '1'})}}}]})");
        if (!f.execute(event).getMember("x").asString().equals("1")) {
            throw new IllegalStateException("the snippet did not run");
        }
        context.close();
    }
}
