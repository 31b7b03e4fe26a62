package dev.tracex.engine;

import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractorsTest {
    private static final String RULES = """
            extractors:
              json:
                headers: $._datadog
              custom:
                fields: {trace_id: $.t, parent_id: $.p}
              any:
                first: [custom, json]
            """;
    private static final String EVENT = "{\"_datadog\": {\"x-datadog-trace-id\": \"11\", \"x-datadog-parent-id\": \"22\"}}";

    @Test
    void load_yamlFile_compilesEveryRuleInFileOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("extractors.yaml");
        Files.writeString(file, RULES);

        Extractors rules = Extractors.load(file);

        assertThat(rules.names()).containsExactly("json", "custom", "any");
        assertThat(rules.file()).isEqualTo(file.toString());
        assertThat(rules.plan("json")).isEqualTo("Headers($._datadog)");
        assertThat(rules.plan("custom")).isEqualTo("Fields(trace_id=$.t, parent_id=$.p)");
        assertThat(rules.plan("any")).isEqualTo("FirstOf(custom, json)");
    }

    @Test
    void extract_everyInputForm_givesTheSameContext() throws Exception {
        Extractor json = Extractors.parse(RULES, "extractors.yaml").extractor("json");
        byte[] bytes = EVENT.getBytes(StandardCharsets.UTF_8);

        Extraction fromString = json.extract(EVENT);

        assertThat(fromString.parent()).hasValueSatisfying(c -> {
            assertThat(c.traceId()).isEqualTo("11");
            assertThat(c.parentIdDecimal()).isEqualTo("22");
            assertThat(c.rule()).isEqualTo("json");
            assertThat(c.format()).isEqualTo("datadog");
        });
        assertThat(json.extract(bytes)).isEqualTo(fromString);
        assertThat(json.extract(new ByteArrayInputStream(bytes))).isEqualTo(fromString);
        assertThat(json.extract(dev.tracex.engine.internal.json.Json.parseOrNull(EVENT))).isEqualTo(fromString);
    }

    @Test
    void extractor_sameName_isCompiledOnce() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");

        assertThat(rules.extractor("any")).isSameAs(rules.extractor("any"));
    }

    @Test
    void extractor_unknownName_namesTheKnownRules() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");

        assertThatThrownBy(() -> rules.extractor("sqs"))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessage("extractors.yaml:1:1: rule \"sqs\": no such rule (known: json, custom, any)");
    }

    @Test
    void builtins_withoutTheRulesModule_sayWhatToAdd() {
        assertThatThrownBy(Extractors::builtins)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the built-in rules are not on the class path: add dev.tracex:tracex-rules");
    }

    @Test
    void firstOf_triesInOrderAndReadsWhatAnyOfThemNeeds() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");
        Extractor chain = Extractors.firstOf(rules.extractor("custom"), rules.extractor("json"));

        assertThat(chain.name()).isEqualTo("custom");
        assertThat(chain.extract(EVENT).parent()).hasValueSatisfying(c -> assertThat(c.rule()).isEqualTo("json"));
        assertThat(chain.extract("{\"t\": 1, \"p\": 2, \"_datadog\": {}}").parent())
                .hasValueSatisfying(c -> assertThat(c.rule()).isEqualTo("custom"));
        assertThat(chain.extract("{}")).isEqualTo(Extraction.none());
    }

    @Test
    void extract_malformedJson_givesNoContext() throws Exception {
        Extractor json = Extractors.parse(RULES, "extractors.yaml").extractor("json");

        assertThat(json.extract("{\"_datadog\": {")).isEqualTo(Extraction.none());
        assertThat(json.extract(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00})).isEqualTo(Extraction.none());
        assertThat(json.extract("")).isEqualTo(Extraction.none());
        assertThat(json.extract((String) null)).isEqualTo(Extraction.none());
        assertThat(json.extract("[1,2]")).isEqualTo(Extraction.none());
    }

    @Test
    void extract_deeplyNestedEvent_givesNoContextInsteadOfOverflowingTheStack() throws Exception {
        Extractor deep = Extractors.parse("extractors:\n  d:\n    headers: $.._datadog\n", "x.yaml").extractor("d");
        String nested = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        assertThat(deep.extract(nested)).isEqualTo(Extraction.none());
    }

    @Test
    void extract_randomJson_neverThrows() throws Exception {
        Extractors rules = Extractors.parse(RULES + """
                  deep:
                    headers: $.._datadog | json
                  batch:
                    each: $.Records[*]
                    headers: $.body | base64 | gzip | json
                """, "extractors.yaml");
        Random random = new Random(42);
        for (String name : rules.names()) {
            Extractor e = rules.extractor(name);
            for (int i = 0; i < 2_000; i++) {
                String json = RandomJson.document(random);
                assertThat(e.extract(json)).isNotNull();
            }
        }
    }

    @Test
    void withLazyFallback_primaryFindsTheContext_fallbackIsNeverCompiled() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");
        AtomicInteger compiled = new AtomicInteger();

        Extractor e = Extractors.withLazyFallback(rules.extractor("json"), () -> {
            compiled.incrementAndGet();
            return unchecked(rules, "custom");
        });

        assertThat(e.name()).isEqualTo("json");
        assertThat(e.extract(EVENT).parent()).hasValueSatisfying(c -> assertThat(c.rule()).isEqualTo("json"));
        assertThat(compiled).hasValue(0);
    }

    @Test
    void withLazyFallback_primaryMisses_answersAsFirstOfTheTwo_compilingTheFallbackOnce() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");
        AtomicInteger compiled = new AtomicInteger();
        Extractor e = Extractors.withLazyFallback(rules.extractor("custom"), () -> {
            compiled.incrementAndGet();
            return unchecked(rules, "json");
        });
        Extractor eager = Extractors.firstOf(rules.extractor("custom"), rules.extractor("json"));

        for (String event : new String[] {EVENT, "{\"t\": \"5\", \"p\": \"6\"}", "{}", "not json"}) {
            assertThat(e.extract(event)).as(event).isEqualTo(eager.extract(event));
        }
        assertThat(compiled).hasValue(1);
    }

    @Test
    void compileDeferred_lazyFallback_compilesItNowAndReturnsIt_otherExtractorsNothing() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");
        AtomicInteger compiled = new AtomicInteger();
        Extractor e = Extractors.withLazyFallback(rules.extractor("custom"), () -> {
            compiled.incrementAndGet();
            return unchecked(rules, "json");
        });

        assertThat(e.compileDeferred()).extracting(Extractor::name).containsExactly("json");
        assertThat(e.compileDeferred()).extracting(Extractor::name).containsExactly("json");
        assertThat(compiled).hasValue(1);
        assertThat(rules.extractor("json").compileDeferred()).isEmpty();
    }

    @Test
    void withLazyFallback_fallbackCannotBeCompiled_primaryAnswersAlone() throws Exception {
        Extractors rules = Extractors.parse(RULES, "extractors.yaml");
        Extractor e = Extractors.withLazyFallback(rules.extractor("custom"), () -> {
            throw new IllegalStateException("broken rules jar");
        });

        try (LogCapture log = LogCapture.from(LogLevel.WARN)) {
            assertThat(e.extract(EVENT).parent()).isEmpty();
            assertThat(e.extract("{\"t\": \"5\", \"p\": \"6\"}").parent()).isPresent();
            assertThat(e.compileDeferred()).isEmpty();

            assertThat(log.messages()).containsExactly("the fallback behind rule \"custom\" cannot be compiled, the rule"
                    + " answers alone: java.lang.IllegalStateException: broken rules jar");
        }
    }

    @Test
    void withLazyFallback_primaryNotFromExtractors_isRefused() throws Exception {
        Extractor json = Extractors.parse(RULES, "extractors.yaml").extractor("json");
        Extractor lazy = Extractors.withLazyFallback(json, () -> json);

        assertThatThrownBy(() -> Extractors.withLazyFallback(lazy, () -> json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an extractor from Extractors: ");
    }

    private static Extractor unchecked(Extractors rules, String name) {
        try {
            return rules.extractor(name);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
    }
}
