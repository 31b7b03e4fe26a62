package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.internal.compiler.Builtins;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.LogOutput;
import dev.tracex.engine.logging.Logging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * This module's build writes the built-ins' precompiled form beside {@code builtin.yaml} (exec-maven-plugin, the
 * engine's {@code PrecompiledForm}), and a function selecting a built-in ({@code DD_TRACE_EXTRACTOR=builtin.sqs}, or
 * {@code builtin.default} when nothing is selected) builds that rule alone from it ({@link Extractors#builtin}):
 * the same rule as the whole file compiled, without the rules compiler.
 */
class BuiltinFormTest {
    private static final PropagationSettings TRACECONTEXT_ONLY = PropagationSettings.fromEnvironment(
            Map.of(PropagationSettings.DD_EXTRACT, "tracecontext"));
    private static Map<String, JsonNode> events;

    @BeforeAll
    static void readEvents() throws IOException {
        events = BuiltinAnswersTest.events();
    }

    static Stream<String> builtins() {
        assertThat(Builtins.declaredNames()).hasSizeGreaterThan(50);
        return Builtins.declaredNames().stream();
    }

    /** Every built-in alone, under the default settings and the tracer's: the whole file's plan and answers. */
    @ParameterizedTest
    @MethodSource("builtins")
    void builtin_alone_answersAsTheWholeFile(String name) throws Exception {
        assertThat(Builtins.class.getClassLoader().getResource(Builtins.FORM_RESOURCE)).isNotNull();
        for (PropagationSettings settings : List.of(PropagationSettings.DEFAULT, TRACECONTEXT_ONLY)) {
            Extractor alone = Extractors.builtin(name, settings);
            Extractor whole = Extractors.builtins(settings).extractor(name);

            assertThat(alone.name()).isEqualTo(whole.name()).isEqualTo("builtin." + name);
            assertThat(Builtins.rule(name, settings)).hasToString(Extractors.builtins(settings).plan(name));
            for (Map.Entry<String, JsonNode> e : events.entrySet()) {
                byte[] bytes = Fixtures.MAPPER.writeValueAsBytes(e.getValue());
                assertThat(render(alone.extract(bytes))).as("builtin.%s on %s", name, e.getKey())
                        .isEqualTo(render(whole.extract(bytes)));
            }
        }
    }

    @Test
    void builtin_qualifiedName_isTheShortOnes_andAskedTwice_isTheSameRule() throws Exception {
        assertThat(Extractors.builtin("builtin.sqs", PropagationSettings.DEFAULT).name()).isEqualTo("builtin.sqs");
        assertThat(Builtins.rule("sqs", PropagationSettings.DEFAULT)).isSameAs(Builtins.rule("sqs", PropagationSettings.DEFAULT));
        // A rule reached first is the one a later selection gets: one object per rule and settings.
        assertThat(Builtins.rule("sqs_datadog_record", PropagationSettings.DEFAULT))
                .isSameAs(Builtins.library().find("builtin.sqs_datadog_record"));
    }

    @Test
    void builtin_unknown_isTheWholeFilesError_namingTheBuiltins() {
        assertThatThrownBy(() -> Extractors.builtin("no_such_rule", PropagationSettings.DEFAULT))
                .hasMessageStartingWith("dev/tracex/rules/builtin.yaml:1:1: rule \"no_such_rule\": no such rule (known: ")
                .hasMessageContaining("sqs, sqs_datadog");
    }

    /**
     * Selecting {@code builtin.sqs} and running it asks for no class of the rules compiler but {@code Builtins} (where
     * the form is read), the form's reader and the compiled file it gives, and for no YAML node class: the compiler
     * is not loaded. Fails when the built-ins are compiled whole ({@code RuleFileCompiler}, {@code RuleKeys}, ...).
     */
    @Test
    void builtin_selected_asksForNoClassOfTheCompiler_andNoNodeClass() throws Exception {
        List<URL> classPath = engineRulesAndJackson();
        byte[] event = Files.readAllBytes(Path.of("src/test/resources/events/sqs_event.json"));

        try (Recording loader = new Recording(classPath, Map.of())) {
            Class<?> settings = loader.loadClass(PropagationSettings.class.getName());
            Object extractor = loader.loadClass(Extractors.class.getName()).getMethod("builtin", String.class, settings)
                    .invoke(null, "sqs", settings.getField("DEFAULT").get(null));
            Object extraction = loader.loadClass(Extractor.class.getName()).getMethod("extract", byte[].class)
                    .invoke(extractor, (Object) event);

            assertThat(String.valueOf(extraction)).contains("parent_id=");
            List<String> asked;
            synchronized (loader.asked) {
                asked = List.copyOf(loader.asked);
            }
            assertThat(asked).filteredOn(n -> n.startsWith("dev.tracex.engine.internal.compiler."))
                    .contains("dev.tracex.engine.internal.compiler.PrecompiledForm")
                    .allMatch(n -> n.startsWith("dev.tracex.engine.internal.compiler.Builtins")
                            || n.startsWith("dev.tracex.engine.internal.compiler.PrecompiledForm")
                            || n.equals("dev.tracex.engine.internal.compiler.CompiledFile")
                            || n.equals("dev.tracex.engine.internal.compiler.RuleLibrary"));
            assertThat(asked).noneMatch(n -> n.startsWith("dev.tracex.engine.internal.node.")
                    || n.startsWith("org.yaml.snakeyaml"));
        }
    }

    /**
     * A rules jar whose form another tracex wrote (a packaging slip): one warning, however many built-ins are asked
     * for, and the rules from the whole file compiled, as without a form.
     */
    @Test
    void builtin_formOfAnotherTracex_isOneWarning_andTheWholeFileAnswers() throws Exception {
        String form = new String(Files.readAllBytes(Path.of("target/classes", Builtins.FORM_RESOURCE)), UTF_8);
        String tracex = "\"tracex\":\"" + dev.tracex.engine.TracexVersion.VERSION + "\"";
        assertThat(form).contains(tracex);
        byte[] older = form.replaceFirst(java.util.regex.Pattern.quote(tracex), "\"tracex\":\"0.0.1\"").getBytes(UTF_8);
        byte[] event = Files.readAllBytes(Path.of("src/test/resources/events/sqs_event.json"));

        try (Recording loader = new Recording(engineRulesAndJackson(), Map.of(Builtins.FORM_RESOURCE, older))) {
            List<String> warnings = new ArrayList<>();
            captureLogs(loader, warnings);
            Class<?> settings = loader.loadClass(PropagationSettings.class.getName());
            Object defaults = settings.getField("DEFAULT").get(null);
            java.lang.reflect.Method builtin = loader.loadClass(Extractors.class.getName())
                    .getMethod("builtin", String.class, settings);
            Object sqs = builtin.invoke(null, "sqs", defaults);
            builtin.invoke(null, "sns", defaults);
            Object extraction = loader.loadClass(Extractor.class.getName()).getMethod("extract", byte[].class)
                    .invoke(sqs, (Object) event);

            assertThat(String.valueOf(extraction)).isEqualTo(String.valueOf(
                    Extractors.builtins().extractor("sqs").extract(event)));
            assertThat(warnings).containsExactly("WARN dev/tracex/rules/builtin.yaml.tracex not used, compiling "
                    + "dev/tracex/rules/builtin.yaml: it was written by tracex 0.0.1, this is tracex "
                    + dev.tracex.engine.TracexVersion.VERSION + " (rebuild to precompile it again)");
            synchronized (loader.asked) {
                assertThat(loader.asked).contains("dev.tracex.engine.internal.compiler.RuleFileCompiler");
            }
        }
    }

    /** The engine's classes, this module's (the rules and their form) and Jackson's jars. */
    private static List<URL> engineRulesAndJackson() throws IOException {
        List<URL> classPath = new ArrayList<>();
        classPath.add(Extractors.class.getProtectionDomain().getCodeSource().getLocation());
        classPath.add(Path.of("target/classes").toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().matches("jackson-(core|databind|annotations)-.*\\.jar")) {
                classPath.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(classPath).hasSize(5);
        return classPath;
    }

    /** Every line the engine in {@code loader} logs, as "LEVEL message", into {@code lines} (not to standard error). */
    private static void captureLogs(ClassLoader loader, List<String> lines) throws Exception {
        Class<?> output = loader.loadClass(LogOutput.class.getName());
        Class<?> level = loader.loadClass(LogLevel.class.getName());
        Object capture = Proxy.newProxyInstance(loader, new Class<?>[] {output}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "enabled", "appliesHere" -> {
                    return true;
                }
                case "write" -> {
                    lines.add(args[0] + " " + args[2]);
                    return null;
                }
                default -> {
                    return method.invoke(lines, args); // toString, equals, hashCode: the list's
                }
            }
        });
        Class<?> setup = loader.loadClass(Logging.Setup.class.getName());
        Object debug = level.getField("DEBUG").get(null);
        loader.loadClass(Logging.class.getName()).getMethod("swap", setup)
                .invoke(null, setup.getConstructor(level, output).newInstance(debug, capture));
    }

    private static String render(Extraction x) {
        return x.isEmpty() ? "-" : ContextJson.of(x, null).toString();
    }

    /** The given class path over the JDK's alone, some resources replaced; records every class asked for. */
    private static final class Recording extends URLClassLoader {
        final List<String> asked = new ArrayList<>();
        private final Map<String, byte[]> replaced;

        Recording(List<URL> classPath, Map<String, byte[]> replaced) {
            super(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            this.replaced = replaced;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] bytes = replaced.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (asked) {
                asked.add(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
