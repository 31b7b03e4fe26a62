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
 * One-time costs, each measured once per fresh JVM (single shot, no warm-up; run with several forks):
 * <ul>
 *   <li>{@code firstJsRule}: load a rules file and select a JS rule, the first in the process, which
 *       starts the shared engine, creates the first context and evaluates the snippet;</li>
 *   <li>{@code firstYamlRule}: the same file, selecting the equivalent YAML rule (GraalVM never loads);</li>
 *   <li>{@code firstJsRuleAndCall}: the first JS rule and its first call on an event.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class JsColdStartBenchmark {
    private static final String EVENT = "{\"_datadog\": {\"x-datadog-trace-id\": \"1234\", \"x-datadog-parent-id\": \"5678\","
            + " \"x-datadog-sampling-priority\": \"1\"}}";

    @Benchmark
    public Extractor firstJsRule() throws RuleCompilationException {
        return Extractors.parse(JsRuleBenchmark.RULES, "bench.yaml").extractor("js_node");
    }

    @Benchmark
    public Extractor firstYamlRule() throws RuleCompilationException {
        return Extractors.parse(JsRuleBenchmark.RULES, "bench.yaml").extractor("yaml_fields");
    }

    @Benchmark
    public Object firstJsRuleAndCall() throws RuleCompilationException {
        Extractor e = Extractors.parse(JsRuleBenchmark.RULES, "bench.yaml").extractor("js_node");
        if (e.extract(EVENT).parent().isEmpty()) {
            throw new IllegalStateException("no context");
        }
        return e;
    }
}
