package dev.tracex.engine;

import dev.tracex.engine.internal.compiler.Builtins;
import dev.tracex.engine.internal.compiler.CompiledFile;
import dev.tracex.engine.internal.compiler.ExampleRunner;
import dev.tracex.engine.internal.compiler.RuleExample;
import dev.tracex.engine.internal.compiler.RuleFileCompiler;
import dev.tracex.engine.internal.compiler.ScriptFiles;
import dev.tracex.engine.internal.rule.CompiledExtractor;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.LazyFallbackExtractor;
import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.rule.SettingsStyles;
import dev.tracex.engine.logging.Logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A compiled extractors file: every rule of one YAML (or Node-style {@code .js}) file, ready to select
 * by name. Load it once, at cold start; then {@link #extractor(String)} gives the {@link Extractor} a
 * function uses for every invocation.
 *
 * <p>Loading parses the whole file and compiles every YAML rule, so a mistake anywhere is reported at
 * once, as one {@link RuleCompilationException} listing every problem with its file, line and column.
 * JS rules are compiled when a selected rule reaches them ({@link #extractor}) or by {@link #compileAll()},
 * so a function that selects a YAML rule never starts the JS engine. Thread-safe.
 *
 * <pre>{@code
 * Extractors file = Extractors.load(Path.of("extractors.yaml"));
 * Extractor sqs = file.extractor("sqs");          // DD_TRACE_EXTRACTOR=extractors.sqs
 * Extractor fallback = Extractors.builtins().extractor("default");
 * }</pre>
 */
public final class Extractors {
    static {
        // tracex's log setup first: compiling starts Jayway JsonPath, whose first log call starts SLF4J.
        Logging.init();
    }

    private final CompiledFile file;
    private final PropagationSettings settings;
    private final Map<String, Extractor> selected = new ConcurrentHashMap<>();

    private Extractors(CompiledFile file, PropagationSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    private Extractors(CompiledFile file) {
        this(file, PropagationSettings.DEFAULT);
    }

    /** A file compiled elsewhere in this package ({@link PrecompiledRules}). */
    static Extractors of(CompiledFile file, PropagationSettings settings) {
        return new Extractors(file, settings);
    }

    /** Loads and compiles a rules file: {@code .yaml}/{@code .yml}, or a Node-style {@code .js} module. */
    public static Extractors load(Path path) throws IOException, RuleCompilationException {
        Objects.requireNonNull(path, "path");
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return parse(text, path.toString(), path.toAbsolutePath().getParent());
    }

    /** Compiles rules from YAML text; {@code fileName} is what error messages call it. */
    public static Extractors parse(String yaml, String fileName) throws RuleCompilationException {
        return parse(yaml, fileName, null);
    }

    /**
     * Compiles the text of a rules file: a Node-style module when {@code fileName} ends in {@code .js},
     * else YAML.
     *
     * @param fileName what error messages call the file
     * @param baseDir  where examples' {@code event_file:} paths are resolved, or {@code null}
     */
    public static Extractors parse(String text, String fileName, Path baseDir) throws RuleCompilationException {
        return parse(text, fileName, baseDir, PropagationSettings.DEFAULT);
    }

    /**
     * As {@link #parse(String, String, Path)}, its rules without {@code styles:} (and the built-ins they name)
     * reading the styles {@code settings} give: the function's tracer settings
     * ({@link PropagationSettings#fromEnvironment}).
     */
    public static Extractors parse(String text, String fileName, Path baseDir, PropagationSettings settings)
            throws RuleCompilationException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(settings, "settings");
        if (fileName.endsWith(".js")) {
            return new Extractors(ScriptFiles.compileModule(fileName, text, SettingsStyles.of(settings)), settings);
        }
        return new Extractors(RuleFileCompiler.compile(fileName, text, baseDir, "", Builtins.library(settings), settings), settings);
    }

    /**
     * The built-in rules ({@code builtin.sqs}, {@code builtin.default}, ...) from the {@code tracex-rules}
     * module; select them by their short name ({@code "default"}) or full name ({@code "builtin.default"}).
     *
     * @throws IllegalStateException when the rules module is not on the class path
     */
    public static Extractors builtins() {
        CompiledFile f = Builtins.file();
        if (f == null) {
            throw new IllegalStateException("the built-in rules are not on the class path: add dev.tracex:tracex-rules");
        }
        return BuiltinsHolder.INSTANCE;
    }

    private static final class BuiltinsHolder {
        static final Extractors INSTANCE = new Extractors(Builtins.file());
    }

    /**
     * The built-in rules, those without {@code styles:} reading the styles {@code settings} give (compiled once
     * per distinct settings).
     *
     * @throws IllegalStateException when the rules module is not on the class path
     */
    public static Extractors builtins(PropagationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.equals(PropagationSettings.DEFAULT)) {
            return builtins();
        }
        CompiledFile f = Builtins.file(settings);
        if (f == null) {
            throw new IllegalStateException("the built-in rules are not on the class path: add dev.tracex:tracex-rules");
        }
        return new Extractors(f, settings);
    }

    /**
     * The built-in rule {@code name} ({@code "sqs"} or {@code "builtin.sqs"}) alone, those of its rules without
     * {@code styles:} reading the styles {@code settings} give: built from the built-ins' precompiled form (which the
     * rules module carries) with the built-ins it reaches, without compiling the others; what
     * {@code builtins(settings).extractor(name)} gives, for the cost of the one rule. Used by the Lambda adapter.
     *
     * @throws RuleCompilationException when there is no such built-in (the message names those there are)
     * @throws IllegalStateException    when the rules module is not on the class path
     */
    public static Extractor builtin(String name, PropagationSettings settings) throws RuleCompilationException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        String local = name.startsWith(Builtins.NAMESPACE) ? name.substring(Builtins.NAMESPACE.length()) : name;
        CompiledRule rule = Builtins.rule(local, settings);
        return rule == null ? builtins(settings).extractor(name) : new CompiledExtractor(Builtins.NAMESPACE + local, rule);
    }

    /** The propagation settings this file was compiled with. */
    public PropagationSettings settings() {
        return settings;
    }

    /**
     * One extractor that tries {@code extractors} in order: the first whose result has a parent wins
     * (else the first with batch links). It is named after the first, and reads raw input once, pruned to
     * what any of them reads. Used for "the selected rule, then {@code builtin.default}".
     *
     * @param extractors extractors obtained from {@link #extractor(String)}
     */
    public static Extractor firstOf(Extractor... extractors) {
        List<CompiledExtractor> compiled = new ArrayList<>();
        for (Extractor e : extractors) {
            if (!(e instanceof CompiledExtractor)) {
                throw new IllegalArgumentException("not an extractor from Extractors: " + e);
            }
            compiled.add((CompiledExtractor) e);
        }
        if (compiled.isEmpty()) {
            throw new IllegalArgumentException("no extractors");
        }
        return compiled.size() == 1 ? compiled.get(0)
                : new CompiledExtractor(compiled.get(0).name(), dev.tracex.engine.internal.rule.FirstOfRule.of(compiled));
    }

    /**
     * {@code primary}, with {@code fallback} behind it: answers exactly as {@link #firstOf}{@code (primary,
     * fallback)} (the first settled parent wins, else the first batch links), but the fallback is compiled only
     * the first time {@code primary} does not settle a parent, so a function whose rule finds its context never
     * pays for it. Used for "the selected rule, then {@code builtin.default}", whose built-in rules are most of
     * a YAML rule's cold start. {@link Extractor#compileDeferred()} compiles the fallback ahead.
     *
     * <pre>{@code
     * Extractors rules = Extractors.load(Path.of("extractors.yaml"));
     * Extractor sqs = Extractors.withLazyFallback(rules.extractor("sqs"), () -> {
     *     try {
     *         return Extractors.builtins().extractor("default");
     *     } catch (RuleCompilationException e) {
     *         throw new IllegalStateException(e);
     *     }
     * });
     * }</pre>
     *
     * @param primary  an extractor from {@link #extractor(String)}
     * @param fallback gives an extractor from {@link #extractor(String)} when first needed; if it throws, the
     *                 failure is logged once and {@code primary} answers alone from then on
     * @throws IllegalArgumentException when {@code primary} is not from {@link #extractor(String)}
     */
    public static Extractor withLazyFallback(Extractor primary, Supplier<? extends Extractor> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if (!(primary instanceof CompiledExtractor)) {
            throw new IllegalArgumentException("not an extractor from Extractors: " + primary);
        }
        return new LazyFallbackExtractor((CompiledExtractor) primary, fallback);
    }

    /** The file's name as given when it was loaded. */
    public String file() {
        return file.file();
    }

    /** The rules of this file, in file order. */
    public List<String> names() {
        return List.copyOf(file.rules().keySet());
    }

    /**
     * The extractor for rule {@code name} of this file, or a built-in by its qualified name
     * ({@code builtin.sqs}); JS snippets the rule reaches are compiled now, once.
     *
     * @throws RuleCompilationException if there is no such rule, or a JS snippet it reaches does not compile
     */
    public Extractor extractor(String name) throws RuleCompilationException {
        Objects.requireNonNull(name, "name");
        Extractor e = selected.get(name);
        if (e != null) {
            return e;
        }
        CompiledRule rule = lookup(name);
        ScriptRule.compileReachable(rule);
        e = new CompiledExtractor(attributed(name), rule);
        selected.putIfAbsent(name, e);
        return selected.get(name);
    }

    /** True when this file (or, for a qualified name, the built-ins) has a rule {@code name}. */
    public boolean contains(String name) {
        return find(name) != null;
    }

    /** The compiled plan of rule {@code name}, e.g. {@code Headers($._datadog)}. */
    public String plan(String name) throws RuleCompilationException {
        return lookup(name).toString();
    }

    /** Compiles every rule, JS snippets included; what {@code tracex check} does. */
    public void compileAll() throws RuleCompilationException {
        List<RuleError> errors = new ArrayList<>();
        for (CompiledRule r : file.rules().values()) {
            try {
                ScriptRule.compileReachable(r);
            } catch (RuleCompilationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
    }

    /** Runs every rule's {@code examples:}, in file order; what {@code tracex test} does. */
    public List<ExampleResult> runExamples() {
        List<ExampleResult> results = new ArrayList<>();
        for (RuleExample ex : file.examples()) {
            String local = ex.rule().substring(file.prefix().length());
            Extractor e;
            try {
                e = extractor(local);
            } catch (RuleCompilationException ce) {
                results.add(new ExampleResult(ex.rule(), ex.index(), ex.name(), ex.line(), ex.column(), false,
                        "rule does not compile: " + ce.getMessage()));
                continue;
            }
            results.add(ExampleRunner.run(ex, e));
        }
        return results;
    }

    private String attributed(String name) {
        return name.contains(".") ? name : file.prefix() + name;
    }

    private CompiledRule find(String name) {
        CompiledRule r = file.rules().get(name);
        if (r == null && name.contains(".")) {
            r = name.startsWith(file.prefix()) && !file.prefix().isEmpty()
                    ? file.rules().get(name.substring(file.prefix().length()))
                    : Builtins.library(settings).find(name);
        }
        return r;
    }

    private CompiledRule lookup(String name) throws RuleCompilationException {
        CompiledRule r = find(name);
        if (r == null) {
            throw new RuleCompilationException(List.of(new RuleError(file.file(), 1, 1, name,
                    "no such rule (known: " + String.join(", ", names()) + ")")));
        }
        return r;
    }

    @Override
    public String toString() {
        return "Extractors(" + file.file() + ", " + names() + ")";
    }
}
