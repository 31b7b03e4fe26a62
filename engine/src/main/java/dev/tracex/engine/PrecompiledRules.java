package dev.tracex.engine;

import dev.tracex.engine.internal.compiler.CompiledFile;
import dev.tracex.engine.internal.compiler.PrecompiledForm;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A YAML rules file precompiled at build time ({@code tracex-maven-plugin}'s {@code compile} goal, {@code tracex
 * compile}): a file {@code <rules file>.tracex} beside it (e.g. {@code extractors.yaml.tracex}) from which a
 * function's cold start loads the rule it selects without parsing YAML and without compiling the file's other
 * rules (nor the rule itself: the form holds it as the build compiled it, a JS snippet as its source). The form is written only for a file that compiles whole, and names the exact text it was made from and
 * the tracex version that wrote it; at cold start any other text or version is one warning and the YAML is compiled
 * as without a form, so a stale form costs time, never a wrong answer. Node-style {@code .js} rules files have no
 * precompiled form.
 */
public final class PrecompiledRules {
    /** What the form's name adds to the rules file's: {@code extractors.yaml} → {@code extractors.yaml.tracex}. */
    public static final String SUFFIX = ".tracex";

    private PrecompiledRules() {
    }

    /** Whether a rules file of this name has a precompiled form (a YAML file: {@code .yaml} or {@code .yml}). */
    public static boolean supports(String rulesFileName) {
        return rulesFileName.endsWith(".yaml") || rulesFileName.endsWith(".yml");
    }

    /**
     * Compiles the YAML {@code text} whole, as {@link Extractors#parse(String, String, Path)} does, and returns its
     * precompiled form (UTF-8 JSON; write it as {@code fileName + SUFFIX}).
     *
     * @param fileName what error messages call the file
     * @param baseDir  where examples' {@code event_file:} paths are resolved, or {@code null}
     * @throws RuleCompilationException with every problem of the file
     */
    public static byte[] write(String text, String fileName, Path baseDir) throws RuleCompilationException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        if (!supports(fileName)) {
            throw new IllegalArgumentException(fileName + ": only a YAML rules file (.yaml, .yml) has a precompiled form");
        }
        return PrecompiledForm.write(text, fileName, baseDir);
    }

    /**
     * The rule {@code rule} of the rules file {@code text} (and the rules its {@code first:} reaches), loaded from
     * its precompiled {@code form}; select it with {@link Extractors#extractor}. Empty when the form cannot be used
     * (made from another text or by another tracex, unreadable: said to {@code warn} in one line) or when the file
     * has no such rule; then compile {@code text} with {@link Extractors#parse(String, String, Path)}, which reports
     * the rules there are.
     */
    public static Optional<Extractors> load(byte[] form, String text, String fileName, Path baseDir, String rule,
                                            Consumer<String> warn) {
        return load(form, text, fileName, baseDir, rule, PropagationSettings.DEFAULT, warn);
    }

    /**
     * As {@link #load(byte[], String, String, Path, String, Consumer)}, its rules without {@code styles:} reading the
     * styles {@code settings} give, as {@link Extractors#parse(String, String, Path, PropagationSettings)} does.
     */
    public static Optional<Extractors> load(byte[] form, String text, String fileName, Path baseDir, String rule,
                                            PropagationSettings settings, Consumer<String> warn) {
        Objects.requireNonNull(settings, "settings");
        CompiledFile file = PrecompiledForm.load(form, text, fileName, baseDir, rule, settings, warn);
        return file == null ? Optional.empty() : Optional.of(Extractors.of(file, settings));
    }
}
