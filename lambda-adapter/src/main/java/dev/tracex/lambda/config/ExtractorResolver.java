package dev.tracex.lambda.config;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.PrecompiledRules;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Turns an extractor name ({@code DD_TRACE_EXTRACTOR} or {@code --extractor}) into the extractor a function
 * uses: the selected rule, falling back to {@code builtin.default}; unset means {@code builtin.default}.
 */
public final class ExtractorResolver {
    /** The rule used when none is configured, and after the configured one finds nothing. */
    public static final String DEFAULT_RULE = "default";

    private final String selection;
    private final ExtractorLocator locator;
    private final PropagationSettings settings;
    private final Consumer<String> warn;
    /** Set by resolving a rule of a rules file: whether it came from the file's precompiled form. */
    private volatile boolean precompiled;

    private ExtractorResolver(String selection, ExtractorLocator locator, PropagationSettings settings,
                              Consumer<String> warn) {
        this.selection = selection == null || selection.isBlank() ? null : selection.trim();
        this.locator = locator;
        this.settings = settings;
        this.warn = warn;
    }

    /**
     * As the Lambda adapter resolves: {@code DD_TRACE_EXTRACTOR}, searched as {@link ExtractorLocator#fromEnvironment}
     * says, its rules without {@code styles:} reading the tracer's propagation settings
     * ({@link PropagationSettings#fromEnvironment}).
     */
    public static ExtractorResolver fromEnvironment(Map<String, String> env, ClassLoader classpath) {
        return fromEnvironment(env, classpath, w -> { });
    }

    /**
     * As {@link #fromEnvironment(Map, ClassLoader)}; {@code warn} receives the one line saying why a precompiled
     * form beside the rules file was not used (the file is then compiled from its text).
     */
    public static ExtractorResolver fromEnvironment(Map<String, String> env, ClassLoader classpath, Consumer<String> warn) {
        return fromEnvironment(env, System.getProperties(), classpath, warn);
    }

    /**
     * As {@link #fromEnvironment(Map, ClassLoader, Consumer)}, the tracers' propagation settings read from
     * {@code properties} too (a system property wins over its variable, {@link PropagationSettings}) instead of
     * this process's system properties.
     */
    public static ExtractorResolver fromEnvironment(Map<String, String> env, Properties properties, ClassLoader classpath,
                                                    Consumer<String> warn) {
        return new ExtractorResolver(env.get("DD_TRACE_EXTRACTOR"), ExtractorLocator.fromEnvironment(env, List.of(), classpath),
                PropagationSettings.fromEnvironment(env, properties), warn);
    }

    /** As {@code tracex extract} resolves: {@code --extractor}, else {@code DD_TRACE_EXTRACTOR}; {@code --path} dirs first. */
    public static ExtractorResolver forCommandLine(String extractor, List<Path> paths) {
        return forCommandLine(extractor, paths, System.getenv(), System.getProperties());
    }

    /** As {@link #forCommandLine(String, List)}, with the environment {@code env} and no system properties. */
    public static ExtractorResolver forCommandLine(String extractor, List<Path> paths, Map<String, String> env) {
        return forCommandLine(extractor, paths, env, new Properties());
    }

    /** As {@link #forCommandLine(String, List)}, with the environment {@code env} and the system properties {@code properties}. */
    public static ExtractorResolver forCommandLine(String extractor, List<Path> paths, Map<String, String> env,
                                                   Properties properties) {
        String selection = extractor != null ? extractor : env.get("DD_TRACE_EXTRACTOR");
        return new ExtractorResolver(selection, ExtractorLocator.fromEnvironment(env, paths, null),
                PropagationSettings.fromEnvironment(env, properties), w -> { });
    }

    /** The propagation styles the rules read, and the setting that chose them. */
    public PropagationSettings settings() {
        return settings;
    }

    /** The configured selection, or empty when none is set. */
    public Optional<String> selection() {
        return Optional.ofNullable(selection);
    }

    /**
     * The selected extractor with {@code builtin.default} behind it (or {@code builtin.default} alone when
     * nothing is selected). The built-in rules are compiled when the selected rule first misses, not now:
     * they are most of a YAML rule's cold start, for a fallback a function whose rule answers never runs
     * ({@link Extractors#withLazyFallback}; the answers are those of one {@code first:} over the two).
     *
     * @throws RuleCompilationException when the file does not compile or has no such rule
     * @throws IllegalArgumentException when the selection is not {@code <file>.<name>} or no file is found
     */
    public Extractor resolveStrict() throws RuleCompilationException {
        Extractor primary = resolveSelected();
        if (selection == null || primary.name().equals(ExtractorSelection.BUILTIN + "." + DEFAULT_RULE)) {
            return primary;
        }
        return Extractors.withLazyFallback(primary, () -> defaultExtractorUnchecked(settings));
    }

    /**
     * The selected extractor alone, without {@code builtin.default} behind it ({@code builtin.default} when
     * nothing is selected): for {@code tracex extract --no-fallback} and {@code tracex explain}.
     *
     * @throws RuleCompilationException when the file does not compile or has no such rule
     * @throws IllegalArgumentException when the selection is not {@code <file>.<name>} or no file is found
     */
    public Extractor resolveSelected() throws RuleCompilationException {
        if (selection == null) {
            return defaultExtractor(settings);
        }
        ExtractorSelection sel = ExtractorSelection.parse(selection);
        Extractor primary;
        if (sel.isBuiltin()) {
            primary = Extractors.builtin(sel.rule(), settings);
        } else {
            RulesFile file = locator.locate(sel).orElse(null); // not orElseThrow's lambda, a class spun at cold start
            if (file == null) {
                throw new IllegalArgumentException("DD_TRACE_EXTRACTOR=" + selection + ": no rules file "
                        + locator.describeSearch(sel));
            }
            Extractors rules = file.precompiled() == null ? null : PrecompiledRules.load(file.precompiled(), file.text(),
                    file.name(), file.directory(), sel.rule(), settings, warn).orElse(null);
            precompiled = rules != null;
            if (rules == null) {
                rules = Extractors.parse(file.text(), file.name(), file.directory(), settings);
            }
            if (!rules.names().contains(sel.rule())) {
                throw new RuleCompilationException(List.of(new RuleError(file.name(), 1, 1, sel.rule(),
                        "no such rule (known: " + String.join(", ", rules.names()) + ")")));
            }
            primary = rules.extractor(sel.rule());
        }
        return primary;
    }

    /** Whether the last rule resolved from a rules file was loaded from its precompiled form ({@code <file>.tracex}). */
    public boolean resolvedFromPrecompiledForm() {
        return precompiled;
    }

    /** {@code builtin.default}, with tracex's default propagation settings. */
    public static Extractor defaultExtractor() throws RuleCompilationException {
        return defaultExtractor(PropagationSettings.DEFAULT);
    }

    /** {@code builtin.default}, reading the styles {@code settings} give. */
    public static Extractor defaultExtractor(PropagationSettings settings) throws RuleCompilationException {
        return Extractors.builtin(DEFAULT_RULE, settings);
    }

    /** {@code builtin.default}, its compile error (a broken rules jar) as an {@link IllegalStateException}: a fallback's source. */
    public static Extractor defaultExtractorUnchecked() {
        return defaultExtractorUnchecked(PropagationSettings.DEFAULT);
    }

    private static Extractor defaultExtractorUnchecked(PropagationSettings settings) {
        try {
            return defaultExtractor(settings);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
