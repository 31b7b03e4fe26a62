package dev.tracex.cli;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.lambda.config.ExtractorResolver;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/** {@code --extractor} and {@code --path}, shared by the commands that run an extractor, resolved as the adapter resolves it. */
final class ExtractorOptions {
    /**
     * The selected rule, and {@code builtin.default} behind it ({@code null} when the selected rule is it), and the
     * propagation settings both were compiled with.
     */
    record Selected(Extractor rule, Extractor fallback, PropagationSettings settings) {
        Selected(Extractor rule, Extractor fallback) {
            this(rule, fallback, PropagationSettings.DEFAULT);
        }
    }

    /** The environment the selection and the propagation settings are read from, as on Lambda. */
    private final Map<String, String> env;
    /** The system properties the propagation settings are read from too, each winning over its variable. */
    private final Properties properties;

    ExtractorOptions() {
        this(System.getenv(), System.getProperties());
    }

    /** With the environment {@code env} instead of the process's, and no system properties: for tests, which cannot set variables. */
    ExtractorOptions(Map<String, String> env) {
        this(env, new Properties());
    }

    /** With the environment {@code env} and the system properties {@code properties} instead of the process's. */
    ExtractorOptions(Map<String, String> env, Properties properties) {
        this.env = env;
        this.properties = properties;
    }

    @Option(names = "--extractor", paramLabel = "<file>.<name>",
            description = "The rule to use, as DD_TRACE_EXTRACTOR would name it (default: $DD_TRACE_EXTRACTOR, else builtin.default).")
    String extractor;

    @Option(names = "--path", paramLabel = "DIR", description = "A directory to look for the rules file in (repeatable), searched before LAMBDA_TASK_ROOT and the working directory.")
    List<Path> paths = new ArrayList<>();

    /** The selected extractor with {@code builtin.default} behind it, or {@code null} after reporting why not to {@code err}. */
    Extractor resolve(Consumer<String> err) {
        try {
            ExtractorResolver resolver = resolver();
            resolver.settings().problems().forEach(err);
            return resolver.resolveStrict();
        } catch (RuleCompilationException | IllegalArgumentException | IllegalStateException e) {
            err.accept(asTyped(e.getMessage()));
            return null;
        }
    }

    /** The selected extractor and the fallback apart, or {@code null} after reporting why not to {@code err}. */
    Selected resolveApart(Consumer<String> err) {
        try {
            ExtractorResolver resolver = resolver();
            resolver.settings().problems().forEach(err);
            Extractor rule = resolver.resolveSelected();
            Extractor fallback = ExtractorResolver.defaultExtractor(resolver.settings());
            return new Selected(rule, rule.name().equals(fallback.name()) ? null : fallback, resolver.settings());
        } catch (RuleCompilationException | IllegalArgumentException | IllegalStateException e) {
            err.accept(asTyped(e.getMessage()));
            return null;
        }
    }

    private ExtractorResolver resolver() {
        return ExtractorResolver.forCommandLine(extractor, paths, env, properties);
    }

    /**
     * The resolver's message in the words the user typed: it names {@code DD_TRACE_EXTRACTOR}, as on Lambda,
     * but here the selection came from {@code --extractor} when that was given.
     */
    private String asTyped(String message) {
        return extractor == null ? message : OptionNames.asOption(message, "DD_TRACE_EXTRACTOR", "--extractor");
    }
}
