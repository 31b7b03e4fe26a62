package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TracexVersion;
import dev.tracex.engine.internal.plan.FormHeader;
import dev.tracex.engine.internal.plan.PlanReader;
import dev.tracex.engine.internal.rule.CompiledRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A function's rules file precompiled at build time: per rule, the plan of the rule the compiler made (its compiled
 * rules, paths and steps, {@link dev.tracex.engine.internal.plan.PlanWriter}) and its {@link ComposedYaml composed}
 * node trees, written only after the whole file compiled (so the build reported every problem), naming the text it
 * was made from and the tracex that made it. At cold start a function loads from it the one rule it selects and the
 * local rules that rule's {@code first:} reaches, without snakeyaml and without compiling the file's other rules: the
 * build already did, and a form is only used with the exact text it was made from. A rule whose plan it reads is
 * built by calling the compiled classes' constructors ({@link PlanReader}), without the rules compiler (no class of
 * this package but this one and {@link CompiledFile}; a built-in named in {@code first:} is bound by {@link Builtins}
 * as compiling the YAML binds it) and without the node classes; what a rule without {@code styles:} reads is decided
 * then, from the function's settings, as compiling the YAML decides it; a JS snippet is compiled again from its
 * source. Every rule the compiler makes has a plan; a selected rule that reached one without (a kind a plan does not
 * describe) would be compiled from the nodes ({@link FormNodes}). Anything else (another text, another tracex, an
 * unreadable form or plan) is one warning and the text is compiled as without a form. Internal: may change without
 * notice.
 *
 * <p>Layout: a JSON header on the first line ({@link FormHeader}: format, tracex version, the text's length and
 * CRC-32, the file's and {@code extractors:}'s nodes without their rules, and per rule its name, where its nodes are
 * in the body, the local rules its {@code first:} names and where its plan is, or -1), then the body: per rule its
 * key and value nodes as one JSON array, followed by its plan, another. A cold start tokenizes the header and the
 * selected rules' plans only, with a parser that runs interpreted at that point.
 */
public final class PrecompiledForm {
    private PrecompiledForm() {
    }

    /**
     * Compiles the YAML {@code text} whole (built-ins referenced) and returns its precompiled form.
     *
     * @throws RuleCompilationException with every problem of the file, as loading it would
     */
    public static byte[] write(String text, String fileName, Path baseDir) throws RuleCompilationException {
        return FormWriter.write(text, fileName, baseDir, "", Builtins.library());
    }

    /**
     * Writes the built-ins' own form, {@link Builtins#FORM_RESOURCE}, at the rules module's build:
     * {@code PrecompiledForm builtin.yaml builtin.yaml.tracex}. Its rules are attributed {@code builtin.}, as the
     * built-ins compiled at run time are, and name no other library.
     */
    public static void main(String[] args) throws IOException, RuleCompilationException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PrecompiledForm builtin.yaml OUT.tracex");
        }
        Path yaml = Path.of(args[0]);
        Path out = Path.of(args[1]);
        byte[] form = FormWriter.write(Files.readString(yaml), Builtins.RESOURCE, null, Builtins.NAMESPACE,
                RuleLibrary.NONE);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, form);
    }

    /**
     * The rule {@code rule} of the file {@code text} and the local rules it reaches, built from {@code form}'s plans
     * (or compiled from its nodes), rules without {@code styles:} reading what {@code settings} say;
     * {@code null} when the form cannot be used (said to {@code warn} in one line) or has no such rule (the
     * caller compiles the text, whose error names the rules there are).
     */
    public static CompiledFile load(byte[] form, String text, String fileName, Path baseDir, String rule,
                                    PropagationSettings settings, Consumer<String> warn) {
        return load(form, text.getBytes(StandardCharsets.UTF_8), fileName, baseDir, rule, settings, warn);
    }

    /** As {@link #load(byte[], String, String, Path, String, PropagationSettings, Consumer)}, the file's text as read. */
    static CompiledFile load(byte[] form, byte[] yaml, String fileName, Path baseDir, String rule,
                             PropagationSettings settings, Consumer<String> warn) {
        String notUsed = fileName + ".tracex not used, compiling " + fileName + ": ";
        try {
            FormHeader h = FormHeader.read(form);
            if (h.format() != FormHeader.FORMAT) {
                // Refused by name, so that a form from a newer tracex says why it is not used.
                warn.accept(notUsed + "it is of format " + h.format() + (h.tracex() == null ? "" : " (written by tracex "
                        + h.tracex() + ")") + "; this tracex (" + TracexVersion.VERSION + ") reads format " + FormHeader.FORMAT);
                return null;
            }
            if (h.length() != yaml.length || h.crc32() != FormHeader.crc32(yaml)) {
                warn.accept(notUsed + "it was made from another text of the file (rebuild to precompile it again)");
                return null;
            }
            if (!TracexVersion.VERSION.equals(h.tracex())) {
                warn.accept(notUsed + "it was written by tracex " + h.tracex() + ", this is tracex " + TracexVersion.VERSION
                        + " (rebuild to precompile it again)");
                return null;
            }
            if (!h.rules().containsKey(rule)) {
                return null;
            }
            Set<String> reached = new HashSet<>();
            // A list, not an ArrayDeque: its constructor and addAll take a collection through a lambda, a class the JVM
            // would spin at the cold start for this alone.
            List<String> todo = new ArrayList<>(List.of(rule));
            while (!todo.isEmpty()) {
                String name = todo.remove(todo.size() - 1);
                FormHeader.Span span = h.rules().get(name);
                if (span != null && reached.add(name)) {
                    todo.addAll(span.references());
                }
            }
            List<String> names = new ArrayList<>(); // in file order
            boolean planned = true;
            for (FormHeader.Span span : h.rules().values()) {
                if (reached.contains(span.name())) {
                    names.add(span.name());
                    planned &= span.planned();
                }
            }
            if (!planned) {
                return FormNodes.compile(form, h, names, fileName, baseDir, settings);
            }
            PlanReader plans = new PlanReader(form, h, fileName, settings, new BuiltinReferences(settings));
            Map<String, CompiledRule> rules = new LinkedHashMap<>();
            Map<String, int[]> positions = new LinkedHashMap<>();
            for (String name : names) {
                rules.put(name, plans.rule(name));
                positions.put(name, plans.position(name));
            }
            return new CompiledFile(fileName, "", rules, positions, List.of());
        } catch (IOException | RuleCompilationException | RuntimeException e) {
            // Unreadable, or not expected at all (the build compiled the same text): the text says it again.
            warn.accept(notUsed + e.getMessage());
            return null;
        }
    }

    /**
     * Binds a built-in named in a plan's {@code first:} as compiling the YAML does ({@link Builtins#library}, lazily):
     * a class, not a lambda, which the JVM would spin at the cold start; it loads {@link Builtins} only when asked.
     */
    private static final class BuiltinReferences implements Function<String, CompiledRule> {
        private final PropagationSettings settings;

        BuiltinReferences(PropagationSettings settings) {
            this.settings = settings;
        }

        @Override
        public CompiledRule apply(String qualifiedName) {
            return Builtins.library(settings).reference(qualifiedName);
        }
    }
}
