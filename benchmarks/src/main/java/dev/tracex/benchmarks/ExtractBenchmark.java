package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.TraceContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Per-invocation cost of a {@code headers:} rule and a {@code fields:} rule on a 2 KB custom payload,
 * next to the same extraction written by hand with Jackson (the floor), on a parsed tree and from raw
 * bytes (parse included). Report ratios, e.g. {@code headersRule / handWrittenHeaders}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtractBenchmark {
    private static final String RULES = """
            extractors:
              json:
                headers: $._datadog
              custom:
                fields:
                  trace_id: $.meta.traceId
                  parent_id: $.meta.spanId
                  sampling_priority: $.meta.sampled
                  origin: $.meta.origin
            """;

    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] bytes;
    private JsonNode tree;
    private Extractor headersRule;
    private Extractor fieldsRule;

    @Setup
    public void setUp() throws Exception {
        bytes = Events.load("custom_payload_2kb.json");
        tree = mapper.readTree(bytes);
        Extractors rules = Extractors.parse(RULES, "bench.yaml");
        headersRule = rules.extractor("json");
        fieldsRule = rules.extractor("custom");
        // The two must agree, or the comparison means nothing.
        check(headersRule.extract(tree), HandWritten.datadogHeaders(tree));
        check(fieldsRule.extract(tree), HandWritten.metaFields(tree));
    }

    private static void check(Extraction rule, TraceContext byHand) {
        if (!rule.parent().orElseThrow().traceIdHex().equals(byHand.traceIdHex())
                || rule.parent().get().parentId() != byHand.parentId()) {
            throw new IllegalStateException("rule and hand-written code disagree: " + rule + " vs " + byHand);
        }
    }

    @Benchmark
    public Extraction headersRule() {
        return headersRule.extract(tree);
    }

    @Benchmark
    public TraceContext handWrittenHeaders() {
        return HandWritten.datadogHeaders(tree);
    }

    @Benchmark
    public Extraction fieldsRule() {
        return fieldsRule.extract(tree);
    }

    @Benchmark
    public TraceContext handWrittenFields() {
        return HandWritten.metaFields(tree);
    }

    @Benchmark
    public Extraction headersRuleFromBytes() {
        return headersRule.extract(bytes);
    }

    @Benchmark
    public TraceContext handWrittenHeadersFromBytes() throws IOException {
        return HandWritten.datadogHeaders(mapper.readTree(bytes));
    }

    @Benchmark
    public JsonNode readTreeOnly() throws IOException {
        return mapper.readTree(bytes);
    }
}
