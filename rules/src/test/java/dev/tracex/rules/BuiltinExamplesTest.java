package dev.tracex.rules;

import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code builtin.yaml}'s own {@code examples:}, run as {@code tracex test} runs them on the source file
 * (its {@code event_file:} paths point at this module's fixture events, relative to the file).
 */
class BuiltinExamplesTest {
    private static final Path SOURCE = Path.of("src/main/resources/dev/tracex/rules/builtin.yaml");

    @Test
    void runExamples_builtinFile_allPass() throws Exception {
        List<ExampleResult> results = Extractors.load(SOURCE).runExamples();

        assertThat(results).hasSizeGreaterThanOrEqualTo(20);
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(results).extracting(ExampleResult::rule).contains("http", "sqs", "sns", "eventbridge", "kinesis",
                "stepfunctions", "lambda", "default");
    }

    @Test
    void builtins_fromTheClassPath_haveEveryDocumentedRule() throws Exception {
        assertThat(Extractors.builtins().names()).contains("http", "sqs", "sns", "eventbridge", "kinesis", "stepfunctions",
                "headers", "payload", "client_context", "lambda", "xray_env", "default");
        assertThat(Files.readString(SOURCE)).isEqualTo(new String(
                BuiltinExamplesTest.class.getResourceAsStream("/dev/tracex/rules/builtin.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
