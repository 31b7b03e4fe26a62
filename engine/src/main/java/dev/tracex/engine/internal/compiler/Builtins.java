package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.LibraryRule;
import dev.tracex.engine.logging.TracexLogger;
import dev.tracex.engine.PropagationSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code builtin.*} rules: {@value #RESOURCE} on the class path (shipped by the {@code tracex-rules}
 * module). A rule a function selects or reaches is built alone from the built-ins' precompiled form ({@link #rule});
 * the whole file (tools, {@code Extractors.builtins()}) is compiled once, on first use, from its composed form when the
 * module carries it. A file that names built-ins in {@code first:} is checked against
 * their declared names ({@link #declaredNames()}) and gets {@link LibraryRule}s, so it compiles without
 * them; they are compiled when a selected rule reaches one. Internal: may change without notice.
 */
public final class Builtins {
    public static final String RESOURCE = "dev/tracex/rules/builtin.yaml";
    /** {@value #RESOURCE}, composed at build time ({@link ComposedYaml}). */
    public static final String COMPOSED_RESOURCE = "dev/tracex/rules/builtin.composed.json";
    /**
     * {@value #RESOURCE} precompiled at build time ({@link PrecompiledForm#main}): each built-in rule's plan, from which
     * {@link #rule} builds the one rule a function selects, and what it reaches, without compiling the others.
     */
    public static final String FORM_RESOURCE = RESOURCE + ".tracex";
    public static final String NAMESPACE = "builtin.";

    private Builtins() {
    }

    /** The built-in rules, or {@code null} when the rules module is not on the class path. */
    public static CompiledFile file() {
        return Holder.LOADED == null ? null : Holder.LOADED.file();
    }

    /**
     * The built-in rules compiled for {@code settings} (their rules without {@code styles:} read what the settings
     * say), once per distinct settings; {@code null} when the rules module is not on the class path.
     */
    public static CompiledFile file(PropagationSettings settings) {
        if (settings.equals(PropagationSettings.DEFAULT)) {
            return file();
        }
        // Not through Holder: a function with its own settings never compiles the default ones.
        return Configured.FILES.computeIfAbsent(settings, s -> {
            Loaded l = load(s);
            return l == null ? null : l.file();
        });
    }

    /**
     * The built-in rule {@code name} (its name without {@code builtin.}) compiled for {@code settings}, once per
     * settings: built from its plan in {@value #FORM_RESOURCE} with the built-ins it reaches, without the rules
     * compiler and without the built-ins it does not reach (a function selecting {@code builtin.sqs} builds a third
     * of them), else, without that form (or with one of another tracex, said in one warning), taken from the whole
     * file compiled. {@code null} when there is no such rule or no rules module.
     */
    public static CompiledRule rule(String name, PropagationSettings settings) {
        Map<String, CompiledRule> built = Alone.BUILT.get(settings);
        if (built == null) {
            Alone.BUILT.putIfAbsent(settings, new ConcurrentHashMap<>());
            built = Alone.BUILT.get(settings);
        }
        CompiledRule r = built.get(name);
        if (r != null) {
            return r;
        }
        CompiledFile f = Alone.FORM == null || Alone.unusable ? null
                : PrecompiledForm.load(Alone.FORM, Alone.YAML, RESOURCE, null, name, settings, Alone.WARN);
        if (f == null) {
            f = file(settings);
        }
        if (f == null || f.rules().get(name) == null) {
            return null;
        }
        // The rules it reached kept too, so that a later ask for one of them is the same object as the one here.
        for (Map.Entry<String, CompiledRule> e : f.rules().entrySet()) {
            built.putIfAbsent(e.getKey(), e.getValue());
        }
        return built.get(name);
    }

    /** What {@link #rule} builds from: the form and the bytes of the text it was made from, read once; the rules it built. */
    private static final class Alone {
        static final byte[] FORM = resource(FORM_RESOURCE);
        static final byte[] YAML = FORM == null ? null : bytes(); // checked against the form, never decoded here
        static final Map<PropagationSettings, Map<String, CompiledRule>> BUILT = new ConcurrentHashMap<>();
        static final Consumer<String> WARN = new Warning();
        /** Set when the form could not be used: said once, then the whole file is compiled, as without a form. */
        static volatile boolean unusable;
    }

    /** The built-ins' form not used: a packaging slip (a rules jar of another tracex), said once. */
    private static final class Warning implements Consumer<String> {
        private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");

        @Override
        public void accept(String message) {
            Alone.unusable = true;
            LOG.warn(message);
        }
    }

    /** The built-ins as a library other files reference. */
    public static RuleLibrary library() {
        return LIBRARY;
    }

    /** The built-ins compiled for {@code settings}, as a library other files compiled with the same settings reference. */
    public static RuleLibrary library(PropagationSettings settings) {
        return settings.equals(PropagationSettings.DEFAULT) ? LIBRARY : Configured.LIBRARIES.computeIfAbsent(settings, Builtins::libraryOf);
    }

    /** Settings other than the default are one per function (its environment), a few in a tool: a small map. */
    private static final class Configured {
        static final Map<PropagationSettings, CompiledFile> FILES = new ConcurrentHashMap<>();
        static final Map<PropagationSettings, RuleLibrary> LIBRARIES = new ConcurrentHashMap<>();
    }

    private static final RuleLibrary LIBRARY = libraryOf(PropagationSettings.DEFAULT);

    private static RuleLibrary libraryOf(PropagationSettings settings) {
        return new RuleLibrary() {
            @Override
            public CompiledRule find(String qualifiedName) {
                return qualifiedName.startsWith(NAMESPACE) ? rule(qualifiedName.substring(NAMESPACE.length()), settings)
                        : null;
            }

            @Override
            public CompiledRule reference(String qualifiedName) {
                if (!qualifiedName.startsWith(NAMESPACE) || !declaredNames().contains(qualifiedName.substring(NAMESPACE.length()))) {
                    return null;
                }
                return new LibraryRule(qualifiedName, () -> find(qualifiedName));
            }

            @Override
            public List<String> names() {
                List<String> out = new ArrayList<>();
                for (String n : declaredNames()) {
                    out.add(NAMESPACE + n);
                }
                return out;
            }

            @Override
            public String missingHint() {
                return Names.DECLARED.isEmpty()
                        ? " (the built-in rules are not on the class path: add the dependency dev.tracex:tracex-rules)"
                        : " (known built-ins: " + String.join(", ", names()) + ")";
            }
        };
    }

    /**
     * The rules {@value #RESOURCE} declares, read from its text without compiling it: the keys at two spaces'
     * indent under {@code extractors:}, as that file is written (the rules module's tests hold this list to
     * the compiled rules). Empty when the rules module is not on the class path.
     */
    public static List<String> declaredNames() {
        return Names.DECLARED;
    }

    private static final class Names {
        static final List<String> DECLARED = scan(text());

        static List<String> scan(String text) {
            List<String> names = new ArrayList<>();
            if (text == null) {
                return List.of();
            }
            boolean inExtractors = false;
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                if (line.charAt(0) != ' ') {
                    inExtractors = line.stripTrailing().equals("extractors:");
                    continue;
                }
                if (inExtractors && line.length() > 2 && line.charAt(1) == ' ' && line.charAt(2) != ' ' && line.charAt(2) != '#') {
                    int colon = line.indexOf(':');
                    if (colon > 2) {
                        names.add(line.substring(2, colon));
                    }
                }
            }
            return List.copyOf(names);
        }
    }

    /**
     * The node tree of {@value #COMPOSED_RESOURCE}, which the rules module's build writes beside the rules, if it
     * was made from {@code yaml}, else {@code null} (also when it is absent: then the text is composed, as for any
     * rules file: a build that skipped the step is slower at a first miss, never wrong).
     */
    private static Node composed(byte[] yaml) {
        ClassLoader cl = Builtins.class.getClassLoader();
        try (InputStream in = cl == null ? null : cl.getResourceAsStream(COMPOSED_RESOURCE)) {
            return in == null ? null : ComposedYaml.read(in, yaml, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a packaging bug, as a built-in rule that does not compile
        }
    }

    /** The bytes of {@value #RESOURCE}, or {@code null} when the rules module is not on the class path. */
    private static byte[] bytes() {
        return resource(RESOURCE);
    }

    /** The bytes of the resource {@code name} beside this class, or {@code null} when there is none. */
    private static byte[] resource(String name) {
        ClassLoader cl = Builtins.class.getClassLoader();
        try (InputStream in = cl == null ? null : cl.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@value #RESOURCE}, or {@code null} when the rules module is not on the class path. */
    private static String text() {
        byte[] yaml = bytes();
        return yaml == null ? null : new String(yaml, StandardCharsets.UTF_8);
    }

    /** Whether the built-in rules were (or would be) compiled from {@value #COMPOSED_RESOURCE}, not from their text. */
    public static boolean compiledFromComposedForm() {
        return Holder.LOADED != null && Holder.LOADED.fromComposedForm();
    }

    /** The compiled built-ins, and whether they came from their composed form. */
    private record Loaded(CompiledFile file, boolean fromComposedForm) {
    }

    private static final class Holder {
        static final Loaded LOADED = load(PropagationSettings.DEFAULT);
    }

    private static Loaded load(PropagationSettings settings) {
        byte[] yaml = bytes();
        if (yaml == null) {
            return null;
        }
        try {
            Node composed = composed(yaml);
            return composed != null
                    ? new Loaded(RuleFileCompiler.compile(RESOURCE, composed, null, NAMESPACE, RuleLibrary.NONE, settings), true)
                    : new Loaded(RuleFileCompiler.compile(RESOURCE, new String(yaml, StandardCharsets.UTF_8), null, NAMESPACE,
                            RuleLibrary.NONE, settings), false);
        } catch (RuleCompilationException e) {
            // The built-ins are tested in their own module; failing here is a packaging bug.
            throw new IllegalStateException("built-in rules do not compile:\n" + e.getMessage(), e);
        }
    }
}
