package dev.tracex.benchmarks;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A JS rule compiled once the engine is running: a new context plus the snippet's parse and evaluation,
 * without the engine's start. Each call compiles a different snippet text, so no parse is reused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JsNextRuleBenchmark {
    private long n;

    @Benchmark
    public Extractor nextJsRule() throws RuleCompilationException {
        n++;
        String yaml = "extractors:\n  js:\n    js: |\n      (payload, context) => {\n        const d = payload._datadog;\n"
                + "        return { traceID: d['x-datadog-trace-id'], parentID: d['x-datadog-parent-id'], sampleMode: " + n + " };\n"
                + "      }\n";
        return Extractors.parse(yaml, "bench.yaml").extractor("js");
    }
}
