package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
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
 * The per-call cost of a JS rule next to the YAML rule doing the same: the Node-style snippet against a
 * {@code fields:} rule, and a Go-style snippet returning the headers object against a {@code headers:}
 * rule, on the same parsed event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JsRuleBenchmark {
    static final String RULES = "extractors:\n"
            + "  yaml_fields:\n"
            + "    fields:\n"
            + "      trace_id: $._datadog['x-datadog-trace-id']\n"
            + "      parent_id: $._datadog['x-datadog-parent-id']\n"
            + "      sampling_priority: $._datadog['x-datadog-sampling-priority']\n"
            + "  js_node:\n"
            + "    js: |\n"
            + "      (payload, context) => {\n"
            + "        const d = payload._datadog;\n"
            + "        return { traceID: d['x-datadog-trace-id'], parentID: d['x-datadog-parent-id'],\n"
            + "                 sampleMode: parseInt(d['x-datadog-sampling-priority'], 10), source: 'event' };\n"
            + "      }\n"
            + "  yaml_headers:\n"
            + "    headers: $._datadog\n"
            + "  js_headers:\n"
            + "    js: (payload) => payload._datadog\n";

    @Param({"yaml_fields", "js_node", "yaml_headers", "js_headers"})
    public String rule;

    private Extractor extractor;
    private JsonNode event;

    @Setup
    public void setUp() throws RuleCompilationException {
        extractor = Extractors.parse(RULES, "bench.yaml").extractor(rule);
        event = Events.read("custom_payload_event.json");
        if (extractor.extract(event).parent().isEmpty()) {
            throw new IllegalStateException(rule + " finds no context");
        }
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(event);
    }
}
