package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.rule.CompiledRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code builtin.*} rules: {@value #RESOURCE} on the class path (shipped by the {@code tracex-rules}
 * module), compiled once, on first use. Internal: may change without notice.
 */
public final class Builtins {
    public static final String RESOURCE = "dev/tracex/rules/builtin.yaml";
    public static final String NAMESPACE = "builtin.";

    private Builtins() {
    }

    /** The built-in rules, or {@code null} when the rules module is not on the class path. */
    public static CompiledFile file() {
        return Holder.FILE;
    }

    /** The built-ins as a library other files reference. */
    public static RuleLibrary library() {
        return LIBRARY;
    }

    private static final RuleLibrary LIBRARY = new RuleLibrary() {
        @Override
        public CompiledRule find(String qualifiedName) {
            CompiledFile f = file();
            if (f == null || !qualifiedName.startsWith(NAMESPACE)) {
                return null;
            }
            return f.rules().get(qualifiedName.substring(NAMESPACE.length()));
        }

        @Override
        public List<String> names() {
            CompiledFile f = file();
            List<String> out = new ArrayList<>();
            if (f != null) {
                f.rules().keySet().forEach(n -> out.add(NAMESPACE + n));
            }
            return out;
        }

        @Override
        public String missingHint() {
            return file() == null
                    ? " (the built-in rules are not on the class path: add the dependency dev.tracex:tracex-rules)"
                    : " (known built-ins: " + String.join(", ", names()) + ")";
        }
    };

    private static final class Holder {
        static final CompiledFile FILE = load();

        private static CompiledFile load() {
            ClassLoader cl = Builtins.class.getClassLoader();
            try (InputStream in = cl == null ? null : cl.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return null;
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return RuleFileCompiler.compile(RESOURCE, text, null, NAMESPACE, RuleLibrary.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuleCompilationException e) {
                // The built-ins are tested in their own module; failing here is a packaging bug.
                throw new IllegalStateException("built-in rules do not compile:\n" + e.getMessage(), e);
            }
        }
    }
}
