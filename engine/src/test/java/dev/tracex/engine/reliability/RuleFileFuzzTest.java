package dev.tracex.engine.reliability;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the rules-file loader: any text either compiles, every rule then selectable and runnable, or
 * fails with a {@link RuleCompilationException} whose every error is positioned in the file. Nothing
 * else escapes (no snakeyaml, Jayway or runtime exception, no stack overflow) and nothing hangs.
 */
class RuleFileFuzzTest {
    private static final String FILE = "f.yaml";
    private static final String EVENT = "{\"_datadog\":{\"x-datadog-trace-id\":\"1\",\"x-datadog-parent-id\":\"2\"},"
            + "\"Records\":[{\"body\":\"{}\"}],\"meta\":{\"traceId\":3,\"spanId\":4}}";

    @FuzzTest(maxDuration = "8s")
    @DictionaryEntries({"extractors:", "headers: ", "fields: ", "first: ", "each: ", "when: ", "from: context",
            "styles: ", "id_format: hex", "examples:", "- event: ", "expect: ", "trace_id: ", "parent_id: ",
            "$.", "$..", "[*]", "[?(@.a == 'b')]", " | json", " | base64", " | gzip", "&a", "*a", "js: ", "(payload) => "})
    void parse_anyText_compilesOrReportsErrors(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Extractors file;
        try {
            file = Extractors.parse(text, FILE);
        } catch (RuleCompilationException e) {
            assertPositioned(e);
            return;
        }
        for (String name : file.names()) {
            Extractor e;
            try {
                e = file.extractor(name);
                assertThat(file.plan(name)).isNotEmpty();
            } catch (RuleCompilationException deferred) {
                // Only JS snippets are compiled when their rule is selected; their errors are positioned too.
                assertPositioned(deferred);
                continue;
            }
            assertThat(e.extract(EVENT)).isNotNull();
        }
        // The examples may pass or fail; running them must not throw either.
        assertThat(file.runExamples()).doesNotContainNull();
    }

    private static void assertPositioned(RuleCompilationException e) {
        assertThat(e.errors()).isNotEmpty();
        for (RuleError error : e.errors()) {
            assertThat(error.file()).isEqualTo(FILE);
            assertThat(error.line()).isPositive();
            assertThat(error.column()).isPositive();
            assertThat(error.message()).isNotBlank();
        }
    }
}
