package dev.tracex.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesBlockCheckTest {
    private final RulesBlockCheck check = new RulesBlockCheck();

    @Test
    void check_rulesThatCompileAndPass_reportNothing() {
        MarkdownPage page = MarkdownPage.parse("docs/good.md", """
                # Rules

                ```yaml
                extractors:
                  json:
                    headers: $._datadog
                    examples:
                      - event: {_datadog: {x-datadog-trace-id: "1", x-datadog-parent-id: "2"}}
                        expect: {trace_id: "1", parent_id: "2"}
                ```
                """);

        assertThat(check.check(page)).isEmpty();
    }

    @Test
    void check_unknownStep_isReportedAtItsPageLine() {
        MarkdownPage page = MarkdownPage.parse("docs/broken.md", """
                # Rules

                ```yaml
                extractors:
                  json:
                    headers: $._datadog | b64
                ```
                """);

        assertThat(check.check(page)).extracting(Problem::toString).singleElement().asString()
                .startsWith("docs/broken.md:6: rules do not compile: extractors.yaml:3:27: rule \"json\": unknown step \"b64\"");
    }

    @Test
    void check_failingExample_isReportedAtTheExample() {
        MarkdownPage page = MarkdownPage.parse("docs/broken.md", """
                ```yaml
                extractors:
                  json:
                    headers: $._datadog
                    examples:
                      - event: {_datadog: {x-datadog-trace-id: "1", x-datadog-parent-id: "2"}}
                        expect: {trace_id: "3"}
                ```
                """);

        assertThat(check.check(page)).extracting(Problem::toString).singleElement().asString()
                .startsWith("docs/broken.md:6: example fails: FAIL json example 1: ");
    }

    @Test
    void check_blockWithoutExtractors_isNotARulesFile() {
        MarkdownPage page = MarkdownPage.parse("docs/template.md", """
                ```yaml
                Resources:
                  Function: {Type: "AWS::Serverless::Function"}
                ```
                """);

        assertThat(check.check(page)).isEmpty();
    }

    @Test
    void check_expectedErrorShownAsTracexGivesIt_reportsNothing() {
        MarkdownPage page = MarkdownPage.parse("docs/errors.md", """
                <!-- expect-error: bad.yaml -->
                ```yaml
                extractors:
                  a:
                    headers: $.a[
                ```

                ```
                bad.yaml:3:14: rule "a": bad JSONPath "$.a[": unclosed '['
                ```
                """);

        assertThat(check.check(page)).isEmpty();
    }

    @Test
    void check_expectedErrorShownWrong_isReportedAtTheShownError() {
        MarkdownPage page = MarkdownPage.parse("docs/errors.md", """
                <!-- expect-error: bad.yaml -->
                ```yaml
                extractors:
                  a:
                    headers: $.a[
                ```

                ```
                bad.yaml:3:14: rule "a": bad JSONPath
                ```
                """);

        assertThat(check.check(page)).extracting(Problem::toString).containsExactly(
                "docs/errors.md:9: the error shown is not the one tracex gives: shown line 1 is "
                        + "\"bad.yaml:3:14: rule \"a\": bad JSONPath\", output line 1 is "
                        + "\"bad.yaml:3:14: rule \"a\": bad JSONPath \"$.a[\": unclosed '['\"");
    }

    @Test
    void check_expectedErrorThatCompiles_isReported() {
        MarkdownPage page = MarkdownPage.parse("docs/errors.md", """
                <!-- expect-error: bad.yaml -->
                ```yaml
                extractors:
                  a:
                    headers: $.a
                ```

                ```
                bad.yaml:3:14: rule "a": bad JSONPath "$.a[": unclosed '['
                ```
                """);

        assertThat(check.check(page)).extracting(Problem::toString)
                .containsExactly("docs/errors.md:3: rules marked expect-error compile without an error");
    }
}
