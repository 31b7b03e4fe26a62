package dev.tracex.rules;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The cold-start form of "the selected rule, then {@code builtin.default}" ({@link Extractors#withLazyFallback}: the
 * built-ins compiled at the first miss, the raw event read once per rule) answers exactly as the one-extractor
 * form ({@code Extractors.firstOf}) on every fixture event, for selected rules that hit, miss, give batch links
 * only, or settle on no parent.
 */
class LazyFallbackTest {
    private static final String RULES = """
            extractors:
              custom_payload:
                headers: $._datadog
              sqs_attribute:
                headers: $.Records[0].messageAttributes._datadog.stringValue | json
              links_only:
                each: $.Records[*]
                headers: $.messageAttributes._datadog.stringValue | json
                parent: none
              links_unless_one_trace:
                each: $.Records[*]
                headers: $.messageAttributes._datadog.stringValue | json
                parent: if-same-trace
              never:
                headers: $.nowhere
            """;

    static Stream<Arguments> everyFixtureAndRule() throws Exception {
        Path dir = Path.of(LazyFallbackTest.class.getResource("/events").toURI());
        List<String> events;
        try (Stream<Path> files = Files.list(dir)) {
            events = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("_event.json")).sorted().toList();
        }
        List<Arguments> all = new ArrayList<>();
        for (String rule : Extractors.parse(RULES, "lazy.yaml").names()) {
            for (String e : events) {
                all.add(argumentSet(rule + " on " + e, rule, e, null));
                all.add(argumentSet(rule + " on " + e + " with a client context", rule, e, "lambda_client_context.json"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyFixtureAndRule")
    void extract_anyEventAndRule_answersAsTheEagerChain(String rule, String event, String context) throws Exception {
        Extractor primary = Extractors.parse(RULES, "lazy.yaml").extractor(rule);
        Extractor fallback = Extractors.builtins().extractor("default");
        Extractor eager = Extractors.firstOf(primary, fallback);
        Extractor lazy = Extractors.withLazyFallback(primary, () -> fallback);
        byte[] bytes = Files.readAllBytes(Path.of(LazyFallbackTest.class.getResource("/events/" + event).toURI()));
        InvocationContext ctx = Fixtures.context(context);

        Extraction expected = eager.extract(bytes, ctx);

        assertThat(lazy.extract(bytes, ctx)).isEqualTo(expected);
        assertThat(lazy.extract(Fixtures.event(event), ctx)).isEqualTo(eager.extract(Fixtures.event(event), ctx));
        assertThat(lazy.extract(new java.io.ByteArrayInputStream(bytes), ctx)).isEqualTo(expected);
    }

    @Test
    void extract_selectedRuleSettles_neverCompilesTheFallback() throws Exception {
        AtomicInteger compiled = new AtomicInteger();
        Extractor lazy = Extractors.withLazyFallback(
                Extractors.parse(RULES, "lazy.yaml").extractor("custom_payload"), () -> {
                    compiled.incrementAndGet();
                    return defaultRule();
                });
        String hit = "{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}}";

        assertThat(lazy.extract(hit).parent()).isPresent();
        assertThat(compiled).hasValue(0);

        assertThat(lazy.extract("{\"headers\": {\"x-datadog-trace-id\": \"3\", \"x-datadog-parent-id\": \"4\"}}")
                .parent().orElseThrow().traceId()).isEqualTo("3");
        assertThat(lazy.extract("{}").parent()).isEmpty();
        assertThat(compiled).as("compiled once, at the first miss").hasValue(1);
    }

    private static Extractor defaultRule() {
        try {
            return Extractors.builtins().extractor("default");
        } catch (dev.tracex.engine.RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void extract_fallbackCannotCompile_selectedRuleAnswersAloneAfterOneWarning() throws Exception {
        List<String> lines;
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            Extractor lazy = Extractors.withLazyFallback(
                    Extractors.parse(RULES, "lazy.yaml").extractor("custom_payload"), () -> {
                        throw new IllegalStateException("built-in rules do not compile");
                    });

            assertThat(lazy.extract("{\"headers\": {\"x-datadog-trace-id\": \"3\", \"x-datadog-parent-id\": \"4\"}}").isEmpty()).isTrue();
            assertThat(lazy.extract("{\"_datadog\": {\"x-datadog-trace-id\": \"1\", \"x-datadog-parent-id\": \"2\"}}")
                    .parent()).isPresent();
            assertThat(lazy.extract("{}").isEmpty()).isTrue();
            lines = log.lines();
        }
        assertThat(lines).singleElement().asString()
                .startsWith("WARN the fallback behind rule \"custom_payload\" cannot be compiled, the rule answers alone")
                .contains("built-in rules do not compile");
    }
}
