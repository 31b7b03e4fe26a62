package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.LibraryRule;
import dev.tracex.engine.PropagationSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code builtin.*} rules: {@value #RESOURCE} on the class path (shipped by the {@code tracex-rules}
 * module), compiled once, on first use, from its composed form when the module carries it. A file that names built-ins in {@code first:} is checked against
 * their declared names ({@link #declaredNames()}) and gets {@link LibraryRule}s, so it compiles without
 * them; they are compiled when a selected rule reaches one. Internal: may change without notice.
 */
public final class Builtins {
    public static final String RESOURCE = "dev/tracex/rules/builtin.yaml";
    /** {@value #RESOURCE}, composed at build time ({@link ComposedYaml}). */
    public static final String COMPOSED_RESOURCE = "dev/tracex/rules/builtin.composed.json";
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
                CompiledFile f = file(settings);
                if (f == null || !qualifiedName.startsWith(NAMESPACE)) {
                    return null;
                }
                return f.rules().get(qualifiedName.substring(NAMESPACE.length()));
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
        ClassLoader cl = Builtins.class.getClassLoader();
        try (InputStream in = cl == null ? null : cl.getResourceAsStream(RESOURCE)) {
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
