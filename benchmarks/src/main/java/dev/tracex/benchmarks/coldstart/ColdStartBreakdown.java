package dev.tracex.benchmarks.coldstart;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.PrecompiledRules;
import dev.tracex.lambda.config.ExtractorResolver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a YAML rule's cold start goes, piece by piece in one fresh JVM, each piece timed as the first to
 * load its classes, in the order {@code TracingHandler} meets them: the rules file compiled (snakeyaml's
 * first document, the engine's compiler, the paths and steps its rules name; the built-ins it names are
 * not compiled), the rule selected with {@code builtin.default} behind it (left for the first miss), the
 * first extraction (tracex's JSON reader, the tree), then what the first miss adds: the built-in
 * rules compiled and run. Run by {@code benchmarks/cold-start.sh}.
 *
 * <pre>{@code
 * java -XX:TieredStopAtLevel=1 -cp function:function/lib/* dev.tracex.benchmarks.coldstart.ColdStartBreakdown extractors.yaml orders_sqs event.json [--precompiled]
 * }</pre>
 *
 * <p>With {@code --precompiled} the rule comes from {@code extractors.yaml.tracex} ({@code tracex compile}) instead.
 * With {@code --precompiled --compiler-first}, the classes that loading the form needs only because the form holds
 * rule nodes to compile (tracex's node classes and its compiler, {@link #COMPILER_CLASSES}) are loaded and
 * initialized in a lap of their own first: that lap is the most a form of another kind (generated Java constructing
 * the compiled rule, a serialized plan) could save, since it would still load the rule's own classes. That was
 * measured before the form held plans (format 2, 2026-12-07): a planned rule's load now uses none of these classes,
 * so the lap only shows what they cost; the form's lap itself no longer includes them.
 */
public final class ColdStartBreakdown {
    private static long last = System.nanoTime();

    private ColdStartBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        lap("JVM to main (not timed here)");
        Extractors file;
        if (args.length > 3 && args[3].equals("--precompiled")) {
            if (args.length > 4 && args[4].equals("--compiler-first")) {
                for (String name : COMPILER_CLASSES) {
                    Class.forName(name, true, ColdStartBreakdown.class.getClassLoader());
                }
                lap("tracex: the node classes and the compiler's, loaded alone");
            }
            Path rules = Path.of(args[0]);
            byte[] form = Files.readAllBytes(Path.of(args[0] + PrecompiledRules.SUFFIX));
            file = PrecompiledRules.load(form, Files.readString(rules), rules.toString(), null, args[1],
                    new java.util.function.Consumer<String>() {
                        @Override
                        public void accept(String warning) { // not a lambda, as below
                            throw new IllegalStateException(warning);
                        }
                    }).orElseThrow();
            lap("tracex: the rule loaded from the precompiled form (compiler, paths, steps)");
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
        lap("tracex: first extraction (the JSON reader, the tree)");
        selected.extract("{\"headers\": {\"traceparent\": \"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}}");
        lap("tracex: first miss (built-in rules compiled and run)");
    }

    /**
     * What {@code --compiler-first} loads: the classes of these kinds a form load met (class+load log, 2026-12-06; no
     * snakeyaml class since the compiler reads tracex's own nodes).
     */
    private static final String[] COMPILER_CLASSES = {
        "dev.tracex.engine.internal.node.Node", "dev.tracex.engine.internal.node.Position",
        "dev.tracex.engine.internal.node.Mapping", "dev.tracex.engine.internal.node.Scalar$Style",
        "dev.tracex.engine.internal.node.Scalar", "dev.tracex.engine.internal.node.Entry",
        "dev.tracex.engine.internal.compiler.ComposedYaml", "dev.tracex.engine.internal.compiler.YamlComposer$InvalidYaml",
        "dev.tracex.engine.internal.compiler.RuleFileCompiler", "dev.tracex.engine.internal.compiler.Problems",
        "dev.tracex.engine.internal.compiler.RuleKeys", "dev.tracex.engine.internal.compiler.ExampleParser",
        "dev.tracex.engine.internal.compiler.PipelineCompiler", "dev.tracex.engine.internal.compiler.RuleBodies",
        "dev.tracex.engine.internal.compiler.FirstReferences", "dev.tracex.engine.internal.compiler.RuleDraft",
        "dev.tracex.engine.internal.rule.SettingsStyles", "dev.tracex.engine.internal.json.PathCompiler",
    };

    /** {@code builtin.default} as the adapter gets it at a first miss (since 2026-12-07 built from the built-ins' form). */
    private static Extractor defaultRule() {
        return ExtractorResolver.defaultExtractorUnchecked();
    }

    private static void lap(String what) {
        long now = System.nanoTime();
        System.out.printf("%-70s %6.1f ms%n", what, (now - last) / 1e6);
        last = System.nanoTime(); // the next lap starts after this one is printed: a first printf costs ~40 ms
    }
}
