package dev.tracex.engine.internal.script;

import dev.tracex.engine.Extractors;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptBridgeTest {
    private static final String YAML = "extractors:\n  yaml:\n    headers: $._datadog\n  legacy:\n    js: |\n"
            + "      (payload) => payload._datadog\n";

    /** The engine's own classes, loaded again by a loader that cannot see GraalVM: a function without its jars. */
    private static final class WithoutGraalVm extends URLClassLoader {
        WithoutGraalVm() {
            super(new URL[] {Extractors.class.getProtectionDomain().getCodeSource().getLocation()},
                    ScriptBridgeTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.graalvm.") || name.startsWith("com.oracle.truffle.")) {
                throw new ClassNotFoundException(name);
            }
            if (name.startsWith("dev.tracex.")) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void support_withoutGraalVm_isACompileErrorNamingTheRuleAndTheArtifacts() throws Exception {
        try (WithoutGraalVm loader = new WithoutGraalVm()) {
            Class<?> extractors = loader.loadClass(Extractors.class.getName());
            assertThat(extractors.getClassLoader()).isSameAs(loader);
            Object file = extractors.getMethod("parse", String.class, String.class).invoke(null, YAML, "t.yaml");

            Object yaml = extractors.getMethod("extractor", String.class).invoke(file, "yaml");
            InvocationTargetException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvocationTargetException.class,
                    () -> extractors.getMethod("extractor", String.class).invoke(file, "legacy"));

            assertThat(yaml).isNotNull();
            assertThat(e.getCause().getClass().getName()).isEqualTo("dev.tracex.engine.RuleCompilationException");
            assertThat(e.getCause()).hasMessage("t.yaml:6:7: rule \"legacy\": JS rules need GraalVM polyglot on the class "
                    + "path: add the dependencies org.graalvm.polyglot:polyglot and org.graalvm.polyglot:js-community (type pom); "
                    + "with tracex's Lambda layer, attach its add-on layer tracex-lambda-layer-js.zip");
        }
    }
}
