package dev.tracex.engine.internal.script;

import dev.tracex.engine.Extractors;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptBridgeTest {
    /** {@code legacy} spreads, which is outside the compiled subset: it needs GraalJS. */
    private static final String YAML = "extractors:\n  yaml:\n    headers: $._datadog\n  legacy:\n    js: |\n"
            + "      (payload) => ({ ...payload._datadog })\n";
    private static final String SEED = String.join("\n",
            "exports.json = (payload) => {",
            "    const traceData = payload._datadog",
            "    const traceID = traceData[\"x-datadog-trace-id\"];",
            "    const parentID = traceData[\"x-datadog-parent-id\"];",
            "    const sampledHeader = traceData[\"x-datadog-sampling-priority\"];",
            "    const sampleMode = parseInt(sampledHeader, 10);",
            "    return { parentID, sampleMode, source: 'event', traceID };",
            "};");

    /** The engine's own classes, loaded again by a loader that cannot see GraalVM: a function without its jars. */
    private static final class WithoutGraalVm extends URLClassLoader {
        /** Every GraalVM or Truffle class something asked this loader for. */
        final java.util.List<String> graalVmAsked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        WithoutGraalVm() {
            super(new URL[] {Extractors.class.getProtectionDomain().getCodeSource().getLocation()},
                    ScriptBridgeTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.graalvm.") || name.startsWith("com.oracle.truffle.")) {
                graalVmAsked.add(name);
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

    /**
     * JS rules written in the compiled subset (a {@code js:} snippet, and the seed's {@code extractors.js}) extract
     * with no GraalVM on the class path, and nothing even asks for a GraalVM class: a function whose JS rules all
     * compile needs neither the GraalJS jars nor the layer's JS add-on.
     */
    @Test
    void extract_compiledJsRulesWithoutGraalVm_findTheContextAndLoadNoGraalVmClass() throws Exception {
        String yaml = "extractors:\n  go:\n    js: (payload) => payload._datadog\n";
        String event = "{\"_datadog\": {\"x-datadog-trace-id\": \"1234\", \"x-datadog-parent-id\": \"5678\", "
                + "\"x-datadog-sampling-priority\": \"1\"}}";
        try (WithoutGraalVm loader = new WithoutGraalVm()) {
            Class<?> extractors = loader.loadClass(Extractors.class.getName());
            Object snippetFile = extractors.getMethod("parse", String.class, String.class).invoke(null, yaml, "t.yaml");
            Object seedFile = extractors.getMethod("parse", String.class, String.class).invoke(null, SEED, "extractors.js");

            String go = extract(extractors, snippetFile, "go", event);
            String json = extract(extractors, seedFile, "json", event);

            assertThat(go).contains("trace_id=000000000000000000000000000004d2", "parent_id=000000000000162e");
            assertThat(json).contains("trace_id=000000000000000000000000000004d2", "parent_id=000000000000162e",
                    "sampling_priority=1", "format=js");
            assertThat(loader.graalVmAsked).isEmpty();
        }
    }

    private static String extract(Class<?> extractors, Object file, String rule, String event) throws Exception {
        Object extractor = extractors.getMethod("extractor", String.class).invoke(file, rule);
        Class<?> api = extractor.getClass().getClassLoader().loadClass("dev.tracex.engine.Extractor");
        return String.valueOf(api.getMethod("extract", String.class).invoke(extractor, event));
    }
}
