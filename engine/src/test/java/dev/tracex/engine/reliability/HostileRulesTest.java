package dev.tracex.engine.reliability;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Rules files built to exhaust the loader: alias bombs, enormous files, deep, cyclic and exponential
 * {@code first} graphs, long paths and pipelines, tens of thousands of rules and errors. Each either
 * compiles into working extractors or fails with a positioned error, within seconds and without a
 * stack overflow or an out-of-memory error.
 */
class HostileRulesTest {
    private static final String EVENT = "{\"_datadog\":{\"x-datadog-trace-id\":\"11\",\"x-datadog-parent-id\":\"22\"}}";
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final AtomicLong RULES = new AtomicLong();
    private static final AtomicLong FILES = new AtomicLong();

    @Test
    void parse_aliasBomb_isRefusedBySnakeyamlsAliasLimit() throws IOException {
        String text;
        try (InputStream in = HostileRulesTest.class.getResourceAsStream("/errors/alias_bomb.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(errors(text, "alias_bomb.yaml")).containsExactly(
                "alias_bomb.yaml:1:1: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50");
    }

    @Test
    void parse_aliasesWithinTheLimitDoublingAnExample_isRefused() {
        StringBuilder b = new StringBuilder("extractors:\n  a:\n    headers: $.a\n    examples:\n      - expect: null\n"
                + "        event:\n          l0: &l0 [x, x]\n");
        for (int i = 1; i <= 24; i++) { // 48 aliases, 2^25 values once expanded
            b.append("          l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }

        assertThat(errors(b.toString(), "bomb.yaml")).containsExactly(
                "bomb.yaml:5:7: rule \"a\": examples expand to more than 1000000 values (YAML aliases repeat what they name)");
    }

    @Test
    void parse_fileOverTheCodePointLimit_isRefusedBeforeParsing() {
        String text = "extractors:\n  a:\n    headers: $.a\n#" + "x".repeat(4 * 1024 * 1024);

        assertThat(errors(text, "huge.yaml")).containsExactly("huge.yaml:1:1: file too large: 4194339 code points (at most 4194304)");
    }

    @Test
    void parse_fileJustUnderTheLimit_compilesEveryRule() {
        StringBuilder b = new StringBuilder("extractors:\n");
        int n = 0;
        while (b.length() < 4 * 1024 * 1024 - 100) {
            b.append("  r").append(n).append(":\n    headers: $.Records[").append(n % 10).append("].a").append(n).append(" | json\n");
            n++;
        }
        String text = b.toString();
        int rules = n;

        long start = System.nanoTime();
        Extractors file = compiles(text, "large.yaml");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(file.names()).hasSize(rules);
        System.out.printf("reliability: a rules file at the size limit (%d code points, %d rules) compiles in %d ms%n",
                text.length(), rules, millis);
    }

    @Test
    void parse_firstChainOf5000InFileOrder_isRefusedPastTheDepthLimit() {
        StringBuilder b = new StringBuilder("extractors:\n  r0:\n    headers: $._datadog\n");
        for (int i = 1; i < 5000; i++) {
            b.append("  r").append(i).append(":\n    first: [r").append(i - 1).append("]\n");
        }

        assertThat(errors(b.toString(), "chain.yaml")).containsExactly(
                "chain.yaml:202:3: rule \"r100\": first references nest more than 100 rules deep");
    }

    @Test
    void parse_firstChainOf5000ReferencingForward_isRefusedWithoutOverflowingTheStack() {
        StringBuilder b = new StringBuilder("extractors:\n");
        for (int i = 0; i < 4999; i++) {
            b.append("  r").append(i).append(":\n    first: [r").append(i + 1).append("]\n");
        }
        b.append("  r4999:\n    headers: $._datadog\n");

        List<String> errors = errors(b.toString(), "chain.yaml");

        // Reported once per 100 rules of the chain: each run of 100 is cut where it gets too deep.
        assertThat(errors).hasSize(49).first().isEqualTo("chain.yaml:201:13: rule \"r99\": first references nest more than 100 rules deep");
    }

    @Test
    void parse_firstChainAtTheDepthLimit_compilesAndExtracts() throws Exception {
        StringBuilder b = new StringBuilder("extractors:\n  r0:\n    headers: $._datadog\n");
        for (int i = 1; i < 100; i++) {
            b.append("  r").append(i).append(":\n    first: [r").append(i - 1).append("]\n");
        }

        Extractor deepest = compiles(b.toString(), "chain.yaml").extractor("r99");

        assertThat(deepest.extract(EVENT).parent()).hasValueSatisfying(c -> assertThat(c.traceId()).isEqualTo("11"));
    }

    @Test
    void parse_cycleThrough5000Rules_isRefused() {
        StringBuilder b = new StringBuilder("extractors:\n");
        for (int i = 0; i < 5000; i++) {
            b.append("  r").append(i).append(":\n    first: [r").append((i + 1) % 5000).append("]\n");
        }

        assertThat(errors(b.toString(), "cycle.yaml")).first()
                .isEqualTo("cycle.yaml:201:13: rule \"r99\": first references nest more than 100 rules deep");
    }

    @Test
    void parse_shortCycle_namesIt() {
        assertThat(errors("extractors:\n  a:\n    first: [b]\n  b:\n    first: [c]\n  c:\n    first: [a]\n", "cycle.yaml"))
                .containsExactly("cycle.yaml:7:13: rule \"c\": cyclic first reference: a -> b -> c -> a");
    }

    @Test
    void parse_firstDiamondDoublingAtEachLevel_isRefusedInsteadOfCosting2PowerNPerEvent() {
        StringBuilder b = new StringBuilder("extractors:\n  r0:\n    headers: $._datadog\n");
        for (int i = 1; i <= 40; i++) {
            b.append("  r").append(i).append(":\n    first: [r").append(i - 1).append(", r").append(i - 1).append("]\n");
        }

        assertThat(errors(b.toString(), "diamond.yaml")).containsExactly("diamond.yaml:30:3: rule \"r14\": first reaches more than "
                + "10000 rule evaluations per event (a rule referenced along several paths counts once per path)");
    }

    @Test
    void parse_firstDiamondWithin10000Evaluations_compilesAndExtracts() throws Exception {
        StringBuilder b = new StringBuilder("extractors:\n  r0:\n    headers: $._datadog\n");
        for (int i = 1; i <= 13; i++) { // 2^13 = 8192 evaluations for an event without a context
            b.append("  r").append(i).append(":\n    first: [r").append(i - 1).append(", r").append(i - 1).append("]\n");
        }
        Extractor top = compiles(b.toString(), "diamond.yaml").extractor("r13");

        assertThat(top.extract(EVENT).parent()).isPresent();
        assertThat(top.extract("{}")).isEqualTo(Extraction.none());
    }

    @Test
    void parse_pathOver1000Characters_isRefused_andOneAtTheLimitWorks() throws Exception {
        String tooLong = "$" + ".a".repeat(20_000);
        String atLimit = "$" + ".a".repeat(495) + "._datadog";
        String atLimitWithWildcard = "$" + ".a".repeat(494) + ".*._datadog";

        assertThat(errors("extractors:\n  a:\n    headers: " + tooLong + "\n", "path.yaml"))
                .containsExactly("path.yaml:3:14: rule \"a\": bad JSONPath \"" + tooLong + "\": longer than 1000 characters");
        assertThat(atLimit).hasSize(1000);
        String nested = "{\"a\":".repeat(495) + "{\"_datadog\":{\"x-datadog-trace-id\":\"11\",\"x-datadog-parent-id\":\"22\"}}" + "}".repeat(495);
        Extractors file = compiles("extractors:\n  a:\n    headers: " + atLimit + "\n  b:\n    headers: " + atLimitWithWildcard + "\n", "path.yaml");
        assertThat(file.extractor("a").extract(nested).parent()).isPresent();
        assertThat(file.extractor("b").extract(nested).parent()).isPresent();
    }

    @Test
    void parse_pipelineOf10000Stages_compilesAndExtracts() throws Exception {
        String pipeline = "$.carrier" + " | json".repeat(10_000);
        Extractor e = compiles("extractors:\n  a:\n    headers: " + pipeline + "\n", "pipe.yaml").extractor("a");

        assertThat(e.extract("{\"carrier\":\"{\\\"x-datadog-trace-id\\\":\\\"11\\\",\\\"x-datadog-parent-id\\\":\\\"22\\\"}\"}").parent())
                .hasValueSatisfying(c -> assertThat(c.traceId()).isEqualTo("11"));
    }

    @Test
    void parse_10000Rules_compilesWithinBoundedTimeAndMemory() throws Exception {
        StringBuilder b = new StringBuilder("extractors:\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("  r").append(i).append(":\n    first: [h").append(i).append(", f").append(i).append("]\n")
                    .append("  h").append(i).append(":\n    headers: $.r").append(i).append("._datadog | json\n")
                    .append("  f").append(i).append(":\n    fields: {trace_id: $.r").append(i).append(".t, parent_id: $.r").append(i).append(".p}\n");
        }
        String text = b.toString();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();

        Extractors file = compiles(text, "many.yaml");
        int found = 0;
        for (int i = 0; i < 10_000; i++) {
            Extractor e = file.extractor("r" + i);
            found += e.extract("{\"r" + i + "\":{\"t\":" + (i + 1) + ",\"p\":2}}").parent().isPresent() ? 1 : 0;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long retained = (rt.totalMemory() - rt.freeMemory() - before) >> 20;

        assertThat(found).isEqualTo(10_000);
        assertThat(file.names()).hasSize(30_000);
        assertThat(retained).as("MB retained by 30,000 compiled rules").isLessThan(256);
        System.out.printf("reliability: 30,000 rules (10,000 first chains) compile, select and extract in %d ms, about %d MB retained%n",
                millis, retained);
    }

    @Test
    void parse_10000UnknownReferences_reportsEachWithAShortMessage() {
        StringBuilder b = new StringBuilder("extractors:\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("  r").append(i).append(":\n    first: [x").append(i).append("]\n");
        }

        RuleCompilationException e = failsToCompile(b.toString(), "unknown.yaml");

        assertThat(e.errors()).hasSize(10_000);
        assertThat(e.errors().get(0)).hasToString("unknown.yaml:3:13: rule \"r0\": unknown rule \"x0\" in first (known: r0, r1, r2, r3, "
                + "r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19 and 9980 more)");
        assertThat(e.getMessage().length()).as("the whole message").isLessThan(10_000 * 200);
    }

    @Test
    void parse_100000BrokenRules_reportsEveryError() {
        StringBuilder b = new StringBuilder("extractors:\n");
        for (int i = 0; i < 100_000; i++) {
            b.append("  r").append(i).append(": {headers: x}\n");
        }

        RuleCompilationException e = failsToCompile(b.toString(), "broken.yaml");

        assertThat(e.errors()).hasSize(100_000);
        assertThat(e.errors().get(99_999)).hasToString(
                "broken.yaml:100001:21: rule \"r99999\": a pipeline starts with a JSONPath ($...), not \"x\"");
    }

    @Test
    void parse_yamlNestedDeeperThan64_isRefused() {
        assertThat(errors("extractors:\n  a:\n    headers: $.a\n    description: " + "[".repeat(100) + "]".repeat(100) + "\n", "deep.yaml"))
                .containsExactly("deep.yaml:1:1: invalid YAML: Nesting Depth exceeded max 64");
    }

    @AfterAll
    static void printFigures() {
        System.out.printf("reliability: hostile rules: %d files, %d rules compiled or refused, each within %d s%n",
                FILES.get(), RULES.get(), BOUND.getSeconds());
    }

    private static Extractors compiles(String text, String name) {
        return bounded(text, () -> Extractors.parse(text, name));
    }

    private static RuleCompilationException failsToCompile(String text, String name) {
        return bounded(text, () -> catchThrowableOfType(RuleCompilationException.class, () -> Extractors.parse(text, name)));
    }

    private static List<String> errors(String text, String name) {
        RuleCompilationException e = failsToCompile(text, name);
        assertThat(e).as("compile errors").isNotNull();
        return e.errors().stream().map(RuleError::toString).toList();
    }

    private static <T> T bounded(String text, ThrowingSupplier<T> compile) {
        T result = assertTimeoutPreemptively(BOUND, compile);
        FILES.incrementAndGet();
        RULES.addAndGet(text.split("\n  [A-Za-z0-9_-]+:", -1).length - 1);
        return result;
    }
}
