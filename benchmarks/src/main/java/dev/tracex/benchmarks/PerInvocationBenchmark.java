package dev.tracex.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Per-invocation cost of one extraction, for each {@link Scenario}: tracex on a parsed tree and from raw
 * bytes (parse included), the same by hand with Jackson (the floor, on the tree and after
 * {@code readTree}), with Jayway JsonPath (compiled paths over Jackson's tree, and from the JSON text),
 * and {@code readTree} alone. The {@code js} scenario is {@code headers} done by a JS rule
 * ({@code (payload) => payload._datadog}), so its YAML equivalent is the {@code headers} row. Ratios are taken against {@code handWritten} of the same scenario in the
 * same JVM ({@code benchmarks/report.py}). Run under the default JIT and under
 * {@code -jvmArgs -XX:TieredStopAtLevel=1} (the Lambda Java runtime's setting):
 * {@code java -jar benchmarks/target/benchmarks.jar PerInvocation -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerInvocationBenchmark {
    @Param({"headers", "sqs", "http", "fields", "kinesis", "js"})
    public String scenario;

    private Scenario s;

    @Setup
    public void setUp() throws Exception {
        s = Scenario.of(scenario).check();
    }

    @Benchmark
    public Extraction tracexTree() {
        return s.extractor.extract(s.tree);
    }

    @Benchmark
    public Extraction tracexBytes() {
        return s.extractor.extract(s.bytes);
    }

    @Benchmark
    public Object handWritten() {
        return s.handWritten.apply(s.tree);
    }

    @Benchmark
    public Object handWrittenBytes() throws IOException {
        return s.handWritten.apply(HandWritten.MAPPER.readTree(s.bytes));
    }

    @Benchmark
    public Object jaywayCompiled() {
        return s.jaywayCompiled.apply(s.tree);
    }

    @Benchmark
    public Object jaywayText() {
        return s.jaywayText.apply(s.text);
    }

    @Benchmark
    public JsonNode readTree() throws IOException {
        return HandWritten.MAPPER.readTree(s.bytes);
    }
}
