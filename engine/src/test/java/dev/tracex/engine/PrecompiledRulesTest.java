package dev.tracex.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The precompiled form of a rules file: what a function loads from it (the selected rule and the rules its
 * {@code first:} reaches), and the one warning when it cannot be used, after which the caller compiles the YAML.
 */
class PrecompiledRulesTest {
    private static final String RULES = """
            description: Orders' rules.
            extractors:
              unused:
                headers: $.unused
              sqs:
                description: The first record's attribute.
                headers: $.Records[0].messageAttributes._datadog.stringValue | json
                examples:
                  - event: {Records: [{messageAttributes: {_datadog: {stringValue: '{"x-datadog-trace-id":"1","x-datadog-parent-id":"2"}'}}}]}
                    expect: {trace_id: "1", parent_id: "2"}
              body:
                headers: $._datadog
              any:
                first: [sqs, body]
            """;
    private static final String EVENT = "{\"_datadog\":{\"x-datadog-trace-id\":\"7\",\"x-datadog-parent-id\":\"8\"}}";

    private final List<String> warnings = new ArrayList<>();

    @Test
    void load_selectedRule_compilesItAndWhatItReaches_inFileOrder() throws Exception {
        byte[] form = PrecompiledRules.write(RULES, "extractors.yaml", null);

        Extractors any = load(form, RULES, "any").orElseThrow();
        Extractors body = load(form, RULES, "body").orElseThrow();

        assertThat(warnings).isEmpty();
        assertThat(any.names()).containsExactly("sqs", "body", "any");
        assertThat(body.names()).containsExactly("body");
        Extractors text = Extractors.parse(RULES, "extractors.yaml");
        assertThat(any.plan("any")).isEqualTo(text.plan("any"));
        assertThat(any.extractor("any").extract(bytes(EVENT)).parent().orElseThrow().parentId()).isEqualTo(8L);
    }

    @Test
    void load_withTheTracersPropagationSettings_readsTheStylesTheyName_asTheYamlDoes() throws Exception {
        byte[] form = PrecompiledRules.write(RULES, "extractors.yaml", null);
        PropagationSettings tracecontextOnly = PropagationSettings.fromEnvironment(
                java.util.Map.of(PropagationSettings.DD_EXTRACT, "tracecontext"));

        Extractors body = PrecompiledRules.load(form, RULES, "extractors.yaml", null, "body", tracecontextOnly,
                warnings::add).orElseThrow();

        Extractors text = Extractors.parse(RULES, "extractors.yaml", null, tracecontextOnly);
        assertThat(body.extractor("body").extract(bytes(EVENT)).parent()).isEmpty(); // Datadog headers not read
        assertThat(text.extractor("body").extract(bytes(EVENT)).parent()).isEmpty();
        assertThat(body.settings()).isEqualTo(tracecontextOnly);
        assertThat(warnings).isEmpty();
    }

    @Test
    void load_unknownRule_isEmptyWithoutWarning_theYamlSaysWhichRulesThereAre() throws Exception {
        byte[] form = PrecompiledRules.write(RULES, "extractors.yaml", null);

        assertThat(load(form, RULES, "nope")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void load_formOfAnotherText_isOneWarning() throws Exception {
        byte[] form = PrecompiledRules.write(RULES, "extractors.yaml", null);

        assertThat(load(form, RULES.replace("$.unused", "$.Unused"), "body")).isEmpty();
        assertThat(warnings).containsExactly("extractors.yaml.tracex not used, compiling extractors.yaml: it was made"
                + " from another text of the file (rebuild to precompile it again)");
    }

    @Test
    void load_formOfAnotherTracex_isOneWarning() throws Exception {
        String form = new String(PrecompiledRules.write(RULES, "extractors.yaml", null), StandardCharsets.UTF_8);
        String version = form.replaceAll("(?s).*\"tracex\":\"([^\"]*)\".*", "$1");

        assertThat(load(bytes(form.replace("\"tracex\":\"" + version + "\"", "\"tracex\":\"0.0.1\"")), RULES, "body")).isEmpty();
        assertThat(warnings).containsExactly("extractors.yaml.tracex not used, compiling extractors.yaml: it was written"
                + " by tracex 0.0.1, this is tracex " + version + " (rebuild to precompile it again)");
    }

    @Test
    void load_formOfANewerFormat_isRefusedByName() throws Exception {
        String form = new String(PrecompiledRules.write(RULES, "extractors.yaml", null), StandardCharsets.UTF_8);
        String version = form.replaceAll("(?s).*\"tracex\":\"([^\"]*)\".*", "$1");
        String newer = form.replace("\"format\":2", "\"format\":3").replace("\"tracex\":\"" + version + "\"", "\"tracex\":\"9.0.0\"");

        assertThat(load(bytes(newer), RULES, "body")).isEmpty();
        assertThat(warnings).containsExactly("extractors.yaml.tracex not used, compiling extractors.yaml: it is of"
                + " format 3 (written by tracex 9.0.0); this tracex (" + version + ") reads format 2");
    }

    @Test
    void load_unreadableForm_isOneWarning() throws Exception {
        String form = new String(PrecompiledRules.write(RULES, "extractors.yaml", null), StandardCharsets.UTF_8);
        String badSpan = form.replaceFirst("\\[\"body\",\\d+,", "[\"body\",99999,");

        assertThat(load(bytes("{\"format\":2,\"root\":[\"m\""), RULES, "body")).isEmpty();
        assertThat(load(bytes("PK\u0003\u0004"), RULES, "body")).isEmpty();
        assertThat(load(bytes(badSpan), RULES, "body")).isEmpty();
        assertThat(load(bytes(form.substring(0, form.indexOf('\n'))), RULES, "body")).isEmpty();

        assertThat(warnings).hasSize(4).allSatisfy(w -> assertThat(w)
                .startsWith("extractors.yaml.tracex not used, compiling extractors.yaml: "));
    }

    /**
     * A function whose rules file is precompiled needs no snakeyaml: its cold start loads the form with the engine and
     * Jackson alone, and nothing even asks for a snakeyaml class.
     */
    @Test
    void load_inAClassLoaderWithoutSnakeyaml_findsTheContext_andAsksForNoSnakeyamlClass() throws Exception {
        List<String> asked = loadAndExtractWithoutSnakeyaml(PrecompiledRules.write(RULES, "extractors.yaml", null), RULES, "any");

        assertThat(asked).isNotEmpty().noneMatch(name -> name.startsWith("org.yaml.snakeyaml"));
    }

    /**
     * A rule the form has a plan of is built from it, without the rules compiler: loading it, selecting it and running
     * it ask for no class of the compiler's package but the form's own (and the compiled file it gives), and for no
     * YAML node class.
     */
    @Test
    void load_plannedRule_asksForNoClassOfTheCompilerButTheFormsOwn_andNoNodeClass() throws Exception {
        List<String> asked = loadAndExtractWithoutSnakeyaml(PrecompiledRules.write(RULES, "extractors.yaml", null), RULES, "any");

        assertThat(asked).filteredOn(name -> name.startsWith("dev.tracex.engine.internal.compiler."))
                .contains("dev.tracex.engine.internal.compiler.PrecompiledForm")
                .allMatch(name -> name.startsWith("dev.tracex.engine.internal.compiler.PrecompiledForm")
                        || name.equals("dev.tracex.engine.internal.compiler.CompiledFile"));
        assertThat(asked).noneMatch(name -> name.startsWith("dev.tracex.engine.internal.node."));
    }

    /**
     * A {@code js:} snippet has a plan too, its source and where it starts: written in the subset, it is compiled
     * again at the form's load as compiling the YAML compiles it, without the rules compiler or a node class.
     */
    @Test
    void load_jsSnippetInTheSubset_isBuiltFromItsPlan_asksForNoClassOfTheCompilerButTheFormsOwn() throws Exception {
        String text = RULES + """
                  snippet:
                    js: (event) => event._datadog
                """;
        List<String> asked = loadAndExtractWithoutSnakeyaml(PrecompiledRules.write(text, "extractors.yaml", null), text,
                "snippet");

        assertThat(asked).contains("dev.tracex.engine.internal.jscompile.JsSubset");
        assertThat(asked).filteredOn(name -> name.startsWith("dev.tracex.engine.internal.compiler."))
                .allMatch(name -> name.startsWith("dev.tracex.engine.internal.compiler.PrecompiledForm")
                        || name.equals("dev.tracex.engine.internal.compiler.CompiledFile"));
        assertThat(asked).noneMatch(name -> name.startsWith("dev.tracex.engine.internal.node."));
    }

    /**
     * Loads rule {@code rule} from {@code form} (of {@code text}) in a class loader of the engine's classes and
     * Jackson's alone, selects it and runs it on {@link #EVENT}; returns every class name asked for.
     */
    private List<String> loadAndExtractWithoutSnakeyaml(byte[] form, String text, String rule) throws Exception {
        List<URL> classPath = new ArrayList<>();
        classPath.add(PrecompiledRules.class.getProtectionDomain().getCodeSource().getLocation()); // engine's classes
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.matches("jackson-(core|databind|annotations)-.*\\.jar")) {
                classPath.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(classPath).hasSize(4);

        try (WithoutSnakeyaml loader = new WithoutSnakeyaml(classPath)) {
            Class<?> precompiled = loader.loadClass(PrecompiledRules.class.getName());
            assertThat(precompiled.getClassLoader()).isSameAs(loader);
            Optional<?> file = (Optional<?>) precompiled.getMethod("load", byte[].class, String.class, String.class, Path.class,
                    String.class, Consumer.class).invoke(null, form, text, "extractors.yaml", null, rule,
                    (Consumer<String>) warnings::add);
            Object extractor = loader.loadClass(Extractors.class.getName()).getMethod("extractor", String.class)
                    .invoke(file.orElseThrow(), rule);
            Object extraction = loader.loadClass(Extractor.class.getName()).getMethod("extract", byte[].class)
                    .invoke(extractor, bytes(EVENT));

            assertThat(warnings).isEmpty();
            assertThat(String.valueOf(extraction)).contains("trace_id=00000000000000000000000000000007",
                    "parent_id=0000000000000008");
            synchronized (loader.asked) {
                return List.copyOf(loader.asked);
            }
        }
    }

    /** The engine's classes and Jackson's, over the JDK's alone; records every class asked for. */
    private static final class WithoutSnakeyaml extends URLClassLoader {
        final List<String> asked = new ArrayList<>();

        WithoutSnakeyaml(List<URL> classPath) {
            super(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (asked) {
                asked.add(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /** One rule of each kind and shape a plan describes, a JS snippet and a rule reaching it included. */
    private static final String EVERY_KIND = """
            extractors:
              named:
                headers:
                  traceparent: $.attributes.traceparent.stringValue
                  x-datadog-trace-id: $['dd trace'] | text
              own_styles:
                headers: $._datadog
                styles: [datadog, b3]
              fields:
                fields: {trace_id: $.ids.trace, parent_id: $.ids.parent, sampling_priority: $.p, origin: $.o, tags: $.t, trace_id_high: $.h}
                id_format: hex
              batch:
                each: $.Records[*]
                record_id: [$.eventSourceARN, '/', $.messageId | text]
                parent: if-single
                headers: $.messageAttributes._datadog.stringValue | json
              filtered:
                when: $.Records[0][?(@.eventSource == 'aws:sqs')]
                first: [named, own_styles]
              context:
                from: context
                headers: $.clientContext.custom._datadog | json | lowercase-keys
              script:
                js: (e) => e._datadog
              via_script:
                first: [script, own_styles]
            """;

    static Stream<String> everyKindsRules() {
        return Stream.of("named", "own_styles", "fields", "batch", "filtered", "context", "script", "via_script");
    }

    /**
     * Every kind of rule loads from the form as the YAML compiles it, with the function's settings too: the same plan
     * (which prints styles other than the defaults, and baggage left out), the same answer.
     */
    @ParameterizedTest
    @MethodSource("everyKindsRules")
    void load_everyKindOfRule_givesThePlanAndAnswerOfTheYaml(String rule) throws Exception {
        byte[] form = PrecompiledRules.write(EVERY_KIND, "extractors.yaml", null);
        PropagationSettings b3NoBaggage = PropagationSettings.fromEnvironment(
                java.util.Map.of(PropagationSettings.DD_EXTRACT, "b3multi,tracecontext"));

        for (PropagationSettings settings : List.of(PropagationSettings.DEFAULT, b3NoBaggage)) {
            Extractors fromForm = PrecompiledRules.load(form, EVERY_KIND, "extractors.yaml", null, rule, settings,
                    warnings::add).orElseThrow();
            Extractors fromText = Extractors.parse(EVERY_KIND, "extractors.yaml", null, settings);

            assertThat(fromForm.plan(rule)).isEqualTo(fromText.plan(rule));
            assertThat(fromForm.extractor(rule).extract(bytes(EVENT)).parent())
                    .isEqualTo(fromText.extractor(rule).extract(bytes(EVENT)).parent());
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void load_ruleWithItsOwnStyles_keepsThem_aRuleWithout_readsTheSettings() throws Exception {
        byte[] form = PrecompiledRules.write(EVERY_KIND, "extractors.yaml", null);
        PropagationSettings tracecontextOnly = PropagationSettings.fromEnvironment(
                java.util.Map.of(PropagationSettings.DD_EXTRACT, "tracecontext"));

        Extractors own = PrecompiledRules.load(form, EVERY_KIND, "extractors.yaml", null, "own_styles", tracecontextOnly,
                warnings::add).orElseThrow();
        Extractors context = PrecompiledRules.load(form, EVERY_KIND, "extractors.yaml", null, "context", tracecontextOnly,
                warnings::add).orElseThrow();

        assertThat(own.plan("own_styles")).isEqualTo("Headers($._datadog, styles=[datadog, b3, b3multi])");
        assertThat(own.extractor("own_styles").extract(bytes(EVENT)).parent()).isPresent();
        assertThat(context.plan("context"))
                .isEqualTo("FromContext(Headers($.clientContext.custom._datadog | json | lowercase-keys, styles=[tracecontext], no baggage))");
        assertThat(warnings).isEmpty();
    }

    static Stream<Arguments> corruptedPlans() {
        return Stream.of(
                argumentSet("truncated", (UnaryOperator<String>) form -> shortenPlan(form, "body", 2),
                        "unexpected end of input, expected ',' or ']' at byte \\d+"), // where the plan was cut
                argumentSet("of an unknown kind", (UnaryOperator<String>) form -> form.replace("[\"headers\",\"body\"", "[\"headerz\",\"body\""),
                        "\\Qnot a precompiled rules file: a plan of an unknown kind \"headerz\"\\E"),
                argumentSet("naming no step", (UnaryOperator<String>) form -> form.replace(",\"json\"]", ",\"jsno\"]"),
                        "\\Qnot a precompiled rules file: no step \"jsno\"\\E"),
                argumentSet("with a bad path", (UnaryOperator<String>) form -> form.replace("[\"$._datadog\"]", "[\"$._datad[g\"]"),
                        "\\Qnot a precompiled rules file: bad path \"$._datad[g\": unclosed '['\\E"));
    }

    /**
     * A plan that does not read as written is one warning (saying why: {@code why}, a regular expression), and the
     * caller compiles the YAML, as for an unreadable form.
     */
    @ParameterizedTest
    @MethodSource("corruptedPlans")
    void load_corruptedPlan_isOneWarning(UnaryOperator<String> corrupt, String why) throws Exception {
        String form = new String(PrecompiledRules.write(RULES, "extractors.yaml", null), StandardCharsets.UTF_8);
        String rule = why.contains("jsno") ? "sqs" : "body";

        assertThat(load(bytes(corrupt.apply(form)), RULES, rule)).isEmpty();
        assertThat(warnings).singleElement().asString()
                .matches("\\Qextractors.yaml.tracex not used, compiling extractors.yaml: \\E" + why);
    }

    /** {@code form} with the plan of {@code rule} said to be {@code by} bytes shorter than it is. */
    private static String shortenPlan(String form, String rule, int by) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\"" + rule + "\",\\d+,\\d+,\\[[^]]*],\\d+,(\\d+)]")
                .matcher(form);
        assertThat(m.find()).isTrue();
        return form.substring(0, m.start(1)) + (Integer.parseInt(m.group(1)) - by) + form.substring(m.end(1));
    }

    @Test
    void write_brokenFile_throwsEveryProblem_asCompilingIt() {
        String broken = "extractors:\n  a:\n    headers: $.a[\n  b:\n    first: [nope]\n";

        assertThatThrownBy(() -> PrecompiledRules.write(broken, "x.yaml", null))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("x.yaml:3:14: rule \"a\": bad JSONPath \"$.a[\": unclosed '['\n"
                        + "x.yaml:5:13: rule \"b\": unknown rule \"nope\" in first (known: a, b)");
        assertThatThrownBy(() -> PrecompiledRules.write("exports.a = (p) => p;", "x.js", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a YAML rules file");
    }

    private Optional<Extractors> load(byte[] form, String text, String rule) {
        return PrecompiledRules.load(form, text, "extractors.yaml", null, rule, warnings::add);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
