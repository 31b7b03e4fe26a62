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
 * The per-call cost of a JS rule next to the YAML rule doing the same: the Node-style snippet (and the seed's
 * {@code extractors.js} function) against a {@code fields:} rule, and a Go-style snippet returning the headers
 * object against a {@code headers:} rule, on the same parsed event. The JS rules are in the compiled subset;
 * {@code graal_*} are the same snippets forced onto GraalJS ({@code tracex.js.forceGraal}), as they ran before.
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
            + "    js: (payload) => payload._datadog\n"
            + "  js_seed:\n"
            + "    js: |\n"
            + "      (payload) => {\n"
            + "          const traceData = payload._datadog\n"
            + "          const traceID = traceData[\"x-datadog-trace-id\"];\n"
            + "          const parentID = traceData[\"x-datadog-parent-id\"];\n"
            + "          const sampledHeader = traceData[\"x-datadog-sampling-priority\"];\n"
            + "          const sampleMode = parseInt(sampledHeader, 10);\n"
            + "          return { parentID, sampleMode, source: 'event', traceID };\n"
            + "      }\n";

    @Param({"yaml_fields", "js_node", "js_seed", "graal_node", "yaml_headers", "js_headers", "graal_headers"})
    public String rule;

    private Extractor extractor;
    private JsonNode event;

    @Setup
    public void setUp() throws RuleCompilationException {
        boolean graal = rule.startsWith("graal_");
        if (graal) {
            System.setProperty("tracex.js.forceGraal", "true");
        }
        try {
            extractor = Extractors.parse(RULES, "bench.yaml").extractor(graal ? rule.replace("graal_", "js_") : rule);
        } finally {
            System.clearProperty("tracex.js.forceGraal");
        }
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
