package dev.tracex.benchmarks.coldstart;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.PrecompiledRules;
import dev.tracex.engine.RuleCompilationException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a YAML rule's cold start goes, piece by piece in one fresh JVM, each piece timed as the first to
 * load its classes, in the order {@code TracingHandler} meets them: the rules file compiled (snakeyaml's
 * first document, the engine's compiler, the paths and steps its rules name; the built-ins it names are
 * not compiled), the rule selected with {@code builtin.default} behind it (left for the first miss), the
 * first extraction (jackson-core's first parser and the tree), then what the first miss adds: the built-in
 * rules compiled and run. Run by {@code benchmarks/cold-start.sh}.
 *
 * <pre>{@code
 * java -XX:TieredStopAtLevel=1 -cp function:function/lib/* dev.tracex.benchmarks.coldstart.ColdStartBreakdown extractors.yaml orders_sqs event.json [--precompiled]
 * }</pre>
 *
 * <p>With {@code --precompiled} the rule comes from {@code extractors.yaml.tracex} ({@code tracex compile}) instead.
 */
public final class ColdStartBreakdown {
    private static long last = System.nanoTime();

    private ColdStartBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        lap("JVM to main (not timed here)");
        Extractors file;
        if (args.length > 3 && args[3].equals("--precompiled")) {
            Path rules = Path.of(args[0]);
            byte[] form = Files.readAllBytes(Path.of(args[0] + PrecompiledRules.SUFFIX));
            file = PrecompiledRules.load(form, Files.readString(rules), rules.toString(), null, args[1],
                    new java.util.function.Consumer<String>() {
                        @Override
                        public void accept(String warning) { // not a lambda, as below
                            throw new IllegalStateException(warning);
                        }
                    }).orElseThrow();
            lap("tracex: the rule loaded from the precompiled form (jackson-core, compiler, paths, steps)");
        } else {
            file = Extractors.load(Path.of(args[0]));
            lap("tracex: the rules file compiled (snakeyaml, compiler, paths, steps)");
        }
        Extractor rule = file.extractor(args[1]);
        Extractor selected = Extractors.withLazyFallback(rule, new java.util.function.Supplier<Extractor>() {
            @Override
            public Extractor get() { // not a lambda: the JVM's first would bootstrap invokedynamic inside this lap
                return defaultRule();
            }
        });
        lap("tracex: rule selected, builtin.default left for the first miss");
        if (selected.extract(Files.readAllBytes(Path.of(args[2]))).parent().isEmpty()) {
            throw new IllegalStateException("no context");
        }
        lap("tracex: first extraction (jackson-core's first parser, the tree)");
        selected.extract("{\"headers\": {\"traceparent\": \"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}}");
        lap("tracex: first miss (built-in rules compiled and run)");
    }

    private static Extractor defaultRule() {
        try {
            return Extractors.builtins().extractor("default");
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lap(String what) {
        long now = System.nanoTime();
        System.out.printf("%-70s %6.1f ms%n", what, (now - last) / 1e6);
        last = System.nanoTime(); // the next lap starts after this one is printed: a first printf costs ~40 ms
    }
}
