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
 *
 * <p>With {@code --precompiled --tree-first}, Jackson's classes the engine's event tree brings ({@link #TREE_CLASSES}:
 * its node classes and what their methods name) are loaded and initialized first, in a lap of their own: the most an
 * event tree of tracex's own could save, before the classes it would load itself.
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
                loadFirst(COMPILER_CLASSES);
                lap("tracex: the node classes and the compiler's, loaded alone");
            } else if (args.length > 4 && args[4].equals("--tree-first")) {
                loadFirst(TREE_CLASSES);
                lap("tracex: Jackson's tree classes, loaded alone");
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

    /**
     * What {@code --tree-first} loads: the classes of Jackson's a precompiled cold start through the runtime client
     * loads (class+load log, 2026-12-07, the 1-rule file's form, a 10-record SQS event), in their order there.
     */
    private static final String[] TREE_CLASSES = {
        "com.fasterxml.jackson.core.TreeNode", "com.fasterxml.jackson.databind.JsonSerializable",
        "com.fasterxml.jackson.databind.JsonSerializable$Base", "com.fasterxml.jackson.databind.JsonNode",
        "com.fasterxml.jackson.databind.node.JsonNodeCreator", "com.fasterxml.jackson.databind.node.BaseJsonNode",
        "com.fasterxml.jackson.databind.node.ContainerNode", "com.fasterxml.jackson.databind.node.ObjectNode",
        "com.fasterxml.jackson.databind.node.ValueNode", "com.fasterxml.jackson.databind.node.NumericNode",
        "com.fasterxml.jackson.databind.node.ArrayNode", "com.fasterxml.jackson.databind.node.TextNode",
        "com.fasterxml.jackson.databind.node.BooleanNode", "com.fasterxml.jackson.databind.node.NullNode",
        "com.fasterxml.jackson.databind.node.JsonNodeFactory", "com.fasterxml.jackson.databind.node.POJONode",
        "com.fasterxml.jackson.databind.node.FloatNode", "com.fasterxml.jackson.databind.node.DoubleNode",
        "com.fasterxml.jackson.databind.node.IntNode", "com.fasterxml.jackson.databind.node.ShortNode",
        "com.fasterxml.jackson.databind.node.DecimalNode", "com.fasterxml.jackson.databind.node.BigIntegerNode",
        "com.fasterxml.jackson.databind.node.LongNode", "com.fasterxml.jackson.databind.node.BinaryNode",
        "com.fasterxml.jackson.databind.node.MissingNode", "com.fasterxml.jackson.core.Versioned",
        "com.fasterxml.jackson.core.JsonParser", "com.fasterxml.jackson.core.base.ParserMinimalBase",
        "com.fasterxml.jackson.databind.node.TreeTraversingParser", "com.fasterxml.jackson.core.JacksonException",
        "com.fasterxml.jackson.core.JsonProcessingException", "com.fasterxml.jackson.core.exc.StreamConstraintsException",
        "com.fasterxml.jackson.core.util.JacksonFeature", "com.fasterxml.jackson.databind.cfg.DatatypeFeature",
        "com.fasterxml.jackson.databind.DatabindException", "com.fasterxml.jackson.databind.JsonMappingException",
        "com.fasterxml.jackson.databind.exc.MismatchedInputException", "com.fasterxml.jackson.databind.exc.InvalidFormatException",
        "com.fasterxml.jackson.databind.node.JsonNodeType",
    };

    private static void loadFirst(String[] names) throws ClassNotFoundException {
        for (String name : names) {
            Class.forName(name, true, ColdStartBreakdown.class.getClassLoader());
        }
    }

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
