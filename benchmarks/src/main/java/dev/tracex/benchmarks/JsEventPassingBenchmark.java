package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;
import dev.tracex.engine.script.EventPassing;
import dev.tracex.engine.script.GraalScriptSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * How to hand an event to a JS extractor: read-through proxies over the Jackson tree, the event's JSON
 * text {@code JSON.parse}d in JS, or a deep copy into maps and lists. The snippet reads what a real
 * extractor reads: a few fields of a small payload, or the first record's attribute of an SQS batch
 * (an embedded JSON string it parses itself). It measures engine internals that no public API exposes (the
 * script bridge's {@code ScriptSource} and {@code CompiledScript}), so it imports {@code dev.tracex.engine.internal}:
 * benchmarks may, no other code outside the engine does ({@code ArchitectureTest}).
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main JsEventPassingBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JsEventPassingBenchmark {
    private static final String SMALL = "(payload) => {\n"
            + "  const d = payload._datadog;\n"
            + "  return { traceID: d['x-datadog-trace-id'], parentID: d['x-datadog-parent-id'],\n"
            + "           sampleMode: parseInt(d['x-datadog-sampling-priority'], 10), source: 'event' };\n"
            + "}";
    private static final String SQS = "(event) => {\n"
            + "  const d = JSON.parse(event.Records[0].messageAttributes._datadog.stringValue);\n"
            + "  return { traceID: d['x-datadog-trace-id'], parentID: d['x-datadog-parent-id'],\n"
            + "           sampleMode: parseInt(d['x-datadog-sampling-priority'], 10), source: 'event' };\n"
            + "}";

    @Param({"PROXY", "JSON_TEXT", "CONVERTED"})
    public String passing;

    @Param({"custom_payload_event", "sqs_event"})
    public String event;

    private CompiledScript script;
    private JsonNode node;

    @Setup
    public void setUp() throws RuleCompilationException {
        boolean sqs = event.equals("sqs_event");
        script = new GraalScriptSupport(EventPassing.valueOf(passing)).compile(new ScriptSource("bench",
                sqs ? SQS : SMALL, "bench.yaml", 1, 1, 0, PropagationStyle.DEFAULTS));
        node = Events.read(event + ".json");
        if (script.extract(node, InvocationContext.NONE).parent().isEmpty()) {
            throw new IllegalStateException("the snippet finds no context in " + event);
        }
    }

    @Benchmark
    public Extraction extract() {
        return script.extract(node, InvocationContext.NONE);
    }
}
